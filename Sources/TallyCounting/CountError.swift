/// A count that cannot be carried out as asked.
public enum CountError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSeats
    case moreSeatsThanCandidates(seats: Int, candidates: Int)
    case invalidOption(String)
    case noValidBallots

    public var description: String {
        switch self {
        case .noSeats: "the number of seats must be at least 1"
        case let .moreSeatsThanCandidates(seats, candidates):
            "\(seats) seat\(seats == 1 ? "" : "s") but only \(candidates) standing candidate\(candidates == 1 ? "" : "s")"
        case let .invalidOption(message): message
        case .noValidBallots: "there are no valid ballots to count"
        }
    }
}
