import TallyCounting

/// The record of one count, by either method.
public enum CountResult: Sendable {
    case stv(STVRecord)
    case block(BlockVoteRecord)

    /// The elected: in order of election (STV) or placing (block vote).
    public var elected: [Int] {
        switch self {
        case let .stv(record): record.elected
        case let .block(record): record.elected
        }
    }
}
