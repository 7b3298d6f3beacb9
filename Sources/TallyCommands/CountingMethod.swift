/// The counting methods `tally count` offers.
public enum CountingMethod: String, Sendable, CaseIterable {
    /// The single transferable vote, by the rule `--rule` names.
    case stv
    /// Multi-member plurality: each ballot gives one vote to each of its first K marks.
    case block
}
