/// Where a candidate stands in an STV count.
public enum CandidateStatus: String, Sendable, Equatable {
    /// Still in the count ("continuing"; Meek's "hopeful").
    case continuing
    case elected
    case excluded
    /// Withdrawn before the count; never receives votes.
    case withdrawn
}
