import TallyCounting
import TallyModel

/// A count of one ballot file as asked for — the ballots, the method, the seats and how ties are
/// decided — checked before any file is read, so that a request that cannot be met is refused at
/// once, not after reading a million lines.
public struct CountRequest: Sendable {
    public var ballots: BallotSelection
    public var method: CountMethod
    /// The seats to fill; nil: as the ballot file states (a BLT header).
    public var seats: Int?
    public var ties: TieSettings

    public init(ballots: BallotSelection, method: CountMethod, seats: Int?, ties: TieSettings) throws(ElectionFailure) {
        self.ballots = ballots
        self.method = method
        self.seats = seats
        self.ties = ties
        if let seats, !(1...Preference.maximumCandidates).contains(seats) {
            throw ElectionFailure(.request, "expected a whole number from 1 to \(Preference.maximumCandidates) for --seats; found '\(seats)'")
        }
        if case let .block(votesPerBallot, _) = method, let votesPerBallot, !(1...Preference.maximumCandidates).contains(votesPerBallot) {
            throw ElectionFailure(.request, "expected a whole number from 1 to \(Preference.maximumCandidates) for --votes-per-ballot; found '\(votesPerBallot)'")
        }
    }

    /// The seats for `ballots`: the request's, else the file's.
    public func seats(for ballots: PreparedBallots) throws(ElectionFailure) -> Int {
        guard let seats = seats ?? ballots.profile.seats else {
            throw ElectionFailure(.request, "\(ballots.path) does not state the number of seats; give --seats N")
        }
        return seats
    }
}
