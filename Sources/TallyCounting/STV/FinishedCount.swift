import TallyArithmetic

/// What every STV count's state holds at its end, whatever its rule: the stages, the elected,
/// the ties and interventions, the valid vote and the quota. `STV` makes the record from it.
protocol FinishedCount {
    associatedtype Places: DecimalPlaces
    var stages: [STVStage] { get }
    var elected: [Int] { get }
    var ties: TieBreaker { get }
    var constraintEvents: [ConstraintEvent] { get }
    var validVotes: FixedDecimal<Places> { get }
    /// The quota in force at the end.
    var quota: FixedDecimal<Places> { get }
}

extension GregoryCount: FinishedCount {}
extension MeekCount: FinishedCount {}
