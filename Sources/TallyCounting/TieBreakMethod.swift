/// A way of deciding a tie, recorded with every decision.
public enum TieBreakMethod: Sendable, Equatable {
    /// An order supplied by the user (`--tie-order`) or the ballot file (`[tie …]`), to replay an
    /// official lot.
    case explicitOrder
    /// The seeded draw (`SeededDraw`); `draw` is its 1-based number within the count.
    case seededDraw(seed: UInt64, draw: Int)
}
