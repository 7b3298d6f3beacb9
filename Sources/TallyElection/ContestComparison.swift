import TallyCounting

/// Every section of a contest counted by STV and by block vote (`Comparison`), and the whole
/// contest's figures over them (`ComparisonTotals`).
public struct ContestComparison: Sendable {
    /// One section's comparison, with its ballots.
    public struct Section: Sendable {
        public let plan: ContestPlan.Section
        public let ballots: PreparedBallots
        public let comparison: Comparison
    }

    public let plan: ContestPlan
    public let sections: [Section]
    public let totals: ComparisonTotals
}
