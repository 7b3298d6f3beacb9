import TallyModel

/// The result of a block-vote count: every figure a report needs, nothing rendered.
public struct BlockVoteRecord: Sendable, Equatable {
    public let seats: Int
    public let votesPerBallot: Int
    public let overVotePolicy: OverVotePolicy
    /// Votes per candidate, by candidate index (withdrawn candidates have 0).
    public let votes: [Int64]
    /// Standing candidates from most votes to fewest, ties at the last seat resolved.
    public let placing: [Int]
    /// The elected candidates, in placing order (after any displacement).
    public let elected: [Int]
    /// The minimum-representation rules applied.
    public let minimums: [Minimum]
    /// Winners on votes replaced to meet the minimums, in order.
    public let displacements: [Displacement]
    /// All ballots read from the file, valid or not.
    public let ballotsRead: Int64
    /// Ballots the reader's irregular-ballot rule made invalid.
    public let invalidAtReading: Int64
    /// Ballots void because their marks do not fit in the votes per ballot.
    public let overVotes: LocatedCount
    /// Over-voted ballots whose first K marks were counted (policy `count-first`).
    public let partlyCounted: LocatedCount
    /// Ballots that gave at least one vote.
    public let countedBallots: Int64
    /// The total number of votes (marks) counted.
    public let marks: Int64
    /// Every tie decided, in order.
    public let ties: [TieDecision]
    /// The seed of the tie breaker's draw (reported whether or not a draw was needed).
    public let seed: UInt64

    /// The closest call on votes: the last candidate placed within the seats, the first placed
    /// outside them, and the votes between them (before any displacement); nil when every
    /// candidate standing was placed within the seats.
    public var margin: (lastIn: Int, firstOut: Int, votes: Int64)? {
        guard placing.count > seats, seats > 0 else { return nil }
        let lastIn = placing[seats - 1], firstOut = placing[seats]
        return (lastIn, firstOut, votes[lastIn] - votes[firstOut])
    }
}
