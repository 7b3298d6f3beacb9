import TallyCounting

/// How a count is made: STV by one of its rules, or block vote with its options.
public enum CountMethod: Sendable, Equatable {
    case stv(STVRule)
    /// Block vote: `votesPerBallot` marks per ballot (nil: the number of seats), and what
    /// happens to a ballot with more.
    case block(votesPerBallot: Int?, overVotes: OverVotePolicy)

    /// "STV, ers97" or "block vote", for headings.
    public var name: String {
        switch self {
        case let .stv(rule): "STV, \(rule.rawValue)"
        case .block: "block vote"
        }
    }
}
