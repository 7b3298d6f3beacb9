import TallyModel

/// A block-vote winner replaced to meet a minimum (counting-rules.md §5): the lowest-placed
/// winner outside the category gives way to the highest-placed candidate inside it.
public struct Displacement: Sendable, Equatable {
    /// The candidate who would have won on votes and gives way.
    public let replaced: Int
    /// The candidate elected in their place.
    public let by: Int
    /// The minimum that required it.
    public let minimum: Minimum
    /// False when no single exchange could help and the seats were filled in placing order,
    /// each candidate taken only if the minimums stayed possible.
    public let byExchange: Bool

    public init(replaced: Int, by: Int, minimum: Minimum, byExchange: Bool = true) {
        self.replaced = replaced
        self.by = by
        self.minimum = minimum
        self.byExchange = byExchange
    }
}
