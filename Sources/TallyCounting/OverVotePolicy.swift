/// What block vote does with a ballot that marks more candidates than it has votes.
public enum OverVotePolicy: String, Sendable, CaseIterable {
    /// The ballot is void (the default, as counting-rules.md §4 says).
    case void
    /// The ballot's first K marks count: whole ranks while they fit; a group of equal marks that
    /// does not fit whole is dropped (there is no order among equals to choose by).
    case countFirst = "count-first"
}
