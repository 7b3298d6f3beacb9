/// The counting methods `tally count` offers.
public enum CountingMethod: String, Sendable, CaseIterable {
    /// Multi-member plurality: each ballot gives one vote to each of its first K marks.
    case block
}
