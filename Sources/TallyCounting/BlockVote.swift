import TallyModel

/// Multi-member plurality ("block vote"): each valid ballot gives one vote to each of its first K
/// distinct marks; the S candidates with most votes are elected (counting-rules.md §4).
///
/// From a ranked ballot the marks are its first K preferences. A ballot whose marks do not fit in
/// K (more than K unordered marks, or equal ranks straddling the K-th place) is an over-vote,
/// handled by `overVotes`. A tie for the last seat(s) goes to the `TieBreaker`.
public struct BlockVote: Sendable {
    public var seats: Int
    public var votesPerBallot: Int
    public var overVotes: OverVotePolicy

    public init(seats: Int, votesPerBallot: Int? = nil, overVotes: OverVotePolicy = .void) {
        self.seats = seats
        self.votesPerBallot = votesPerBallot ?? seats
        self.overVotes = overVotes
    }

    /// Counts `profile`. Throws `CountError` for impossible options, `UnresolvedTie` when the tie
    /// breaker cannot decide.
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker()) throws -> BlockVoteRecord {
        let candidateCount = profile.candidates.count
        let standing = (0..<candidateCount).filter { !profile.withdrawn.contains($0) }
        guard seats >= 1 else { throw CountError.noSeats }
        guard seats <= standing.count else { throw CountError.moreSeatsThanCandidates(seats: seats, candidates: standing.count) }
        guard votesPerBallot >= 1 else { throw CountError.invalidOption("votes per ballot must be at least 1") }
        guard profile.validBallots > 0 else { throw CountError.noValidBallots }

        var votes = Array(repeating: Int64(0), count: candidateCount)
        var overVoted = LocatedCount()
        var partlyCounted = LocatedCount()
        var counted: Int64 = 0
        var marks: Int64 = 0
        let limit = votesPerBallot
        profile.withRankings { entries, starts, weights in
            for ballot in 0..<weights.count {
                let start = starts[ballot]
                let end = starts[ballot + 1]
                // Take whole ranks while they fit in K.
                var taken = 0
                var index = start
                while index < end {
                    var rankEnd = index + 1
                    while rankEnd < end, entries[rankEnd].isEqualToPrevious { rankEnd += 1 }
                    if taken + (rankEnd - index) > limit { break }
                    taken += rankEnd - index
                    index = rankEnd
                }
                let weight = weights[ballot]
                if index < end, taken < limit { // a rank of equal marks straddles the K-th vote
                    if overVotes == .void || taken == 0 { overVoted.add(profile.ballots[ballot]); continue }
                    partlyCounted.add(profile.ballots[ballot])
                }
                counted += weight
                marks += weight * Int64(taken)
                for position in start..<(start + taken) { votes[entries[position].candidate] += weight }
            }
        }

        guard counted > 0 else { throw CountError.noVotes }
        var tieBreaker = ties
        let placing = try placingOrder(votes: votes, standing: standing, tieBreaker: &tieBreaker)
        return BlockVoteRecord(
            seats: seats, votesPerBallot: votesPerBallot, overVotePolicy: overVotes,
            votes: votes, placing: placing, elected: Array(placing.prefix(seats)),
            ballotsRead: profile.ballotsRead, invalidAtReading: profile.invalidBallots,
            overVotes: overVoted, partlyCounted: partlyCounted, countedBallots: counted, marks: marks,
            ties: tieBreaker.decisions, seed: tieBreaker.seed
        )
    }

    /// Standing candidates by votes, most first. Equal votes keep ballot-file order, except a
    /// group that straddles the last seat, whose order the tie breaker decides.
    private func placingOrder(votes: [Int64], standing: [Int], tieBreaker: inout TieBreaker) throws -> [Int] {
        var placing = standing.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
        guard placing.count > seats else { return placing }
        let boundaryVotes = votes[placing[seats - 1]]
        guard votes[placing[seats]] == boundaryVotes else { return placing }
        let first = placing.firstIndex { votes[$0] == boundaryVotes }!
        let last = placing.lastIndex { votes[$0] == boundaryVotes }!
        let places = seats - first
        let question = places == 1 ? "the last seat" : "the last \(places) seats"
        let ordered = try tieBreaker.order(Array(placing[first...last]), question: question)
        placing.replaceSubrange(first...last, with: ordered)
        return placing
    }
}
