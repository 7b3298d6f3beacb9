/// A count that cannot be carried out as asked.
public enum CountError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSeats
    case moreSeatsThanCandidates(seats: Int, candidates: Int)
    case invalidOption(String)
    case noValidBallots
    /// Block vote: every valid ballot was void, so no vote was cast.
    case noVotes
    /// Minimum-representation rules that no choice of candidates can meet.
    case infeasibleMinimums([String])
    /// More candidates (withdrawn ones included) than the method takes (`STV.maximumCandidates`).
    case tooManyCandidates(candidates: Int, limit: Int, method: String)

    public var description: String {
        switch self {
        case .noSeats: "the number of seats must be at least 1"
        case let .moreSeatsThanCandidates(seats, candidates):
            "\(seats) seat\(seats == 1 ? "" : "s") but only \(candidates) standing candidate\(candidates == 1 ? "" : "s")"
        case let .invalidOption(message): message
        case .noValidBallots: "there are no valid ballots to count"
        case .noVotes: "no ballot gives a vote: every valid ballot is void (see --over-votes)"
        case let .infeasibleMinimums(problems): "the minimum-representation rules cannot be met: " + problems.joined(separator: "; ")
        case let .tooManyCandidates(candidates, limit, method):
            "the file has \(candidates) candidates, more than the \(limit) \(method) count takes (withdrawn ones count too): its record of every candidate at every stage would grow too large (docs/formats.md, Limits)"
        }
    }
}
