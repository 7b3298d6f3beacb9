/// A minimum-representation intervention in an STV count, recorded and shown in plain words.
public struct ConstraintEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Excluded because electing them would break a minimum.
        case doomed
        /// Reached the threshold of election but was not elected, being doomed.
        case notElected = "not-elected"
        /// The lowest candidate, kept because a minimum needs them; another was excluded instead.
        case guarded
    }

    /// The stage label ("4", "3.2") at which it happened.
    public let stage: String
    public let kind: Kind
    public let candidate: Int
    /// For `guarded`: the candidate excluded instead.
    public let instead: Int?
    /// The reason, e.g. "the remaining places are needed for woman (at least 2 woman)".
    public let reason: String

    public init(stage: String, kind: Kind, candidate: Int, instead: Int? = nil, reason: String) {
        self.stage = stage
        self.kind = kind
        self.candidate = candidate
        self.instead = instead
        self.reason = reason
    }
}
