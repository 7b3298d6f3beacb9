/// A way of deciding a tie, recorded with every decision.
public enum TieBreakMethod: Sendable, Equatable {
    /// An order supplied by the user (`--tie-order`) or the ballot file (`[tie …]`), to replay an
    /// official lot.
    case explicitOrder
    /// The seeded draw (`SeededDraw`); `draw` is its 1-based number within the count.
    case seededDraw(seed: UInt64, draw: Int)
    /// The candidates' votes at earlier stages: the first stage where they differed, looking
    /// forwards from stage 1 (ERS97) or backwards from the latest (Scottish rules). `stage` is the
    /// deciding stage's label ("3", or "5.2" for a sub-stage).
    case earlierStages(direction: HistoryDirection, stage: String)
}
