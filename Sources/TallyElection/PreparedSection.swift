/// One section of a contest with its ballots prepared, ready to count or compare.
public struct PreparedSection: Sendable {
    public let plan: ContestPlan.Section
    public let ballots: PreparedBallots
}
