import TallyModel
import TallyArithmetic

/// The result of an STV count: every stage, every tie decision, the winners. Reports render it.
public struct STVRecord: Sendable, Equatable {
    public let rule: STVRule
    public let seats: Int
    /// Valid votes at the start of the count.
    public let validVotes: DecimalValue
    /// Valid ballots: the ballots counted, each worth one vote at the start.
    public let validBallots: Int64
    /// The quota as first calculated.
    public let quota: DecimalValue
    public let stages: [STVStage]
    /// The elected, in order of election.
    public let elected: [Int]
    public let ties: [TieDecision]
    public let seed: UInt64
    /// The minimum-representation rules applied, and every guard/doom intervention.
    public let minimums: [Minimum]
    public let constraintEvents: [ConstraintEvent]
    /// All ballots read from the file.
    public let ballotsRead: Int64
    /// Ballots the reader's irregular-ballot rule made invalid.
    public let invalidAtReading: Int64
    /// Ballots invalid for STV because the first rank holds several candidates.
    public let equalFirstPreferences: LocatedCount
    /// Ballots whose ranking STV reads only up to an equal ranking.
    public let cutAtEqualRanking: LocatedCount

    /// The votes that became exhausted at stage `index` (at the first stage, all of them so far).
    public func exhaustedChange(at index: Int) -> DecimalValue { change(\.exhausted, at: index) }

    /// The votes lost to rounding at stage `index`.
    public func lostToRoundingChange(at index: Int) -> DecimalValue { change(\.lostToRounding, at: index) }

    /// The non-transferable votes added at stage `index`.
    public func nonTransferableChange(at index: Int) -> DecimalValue { change(\.nonTransferable, at: index) }

    private func change(_ figure: KeyPath<STVStage, DecimalValue>, at index: Int) -> DecimalValue {
        let now = stages[index][keyPath: figure]
        guard index > 0 else { return now }
        return DecimalValue(units: now.units - stages[index - 1][keyPath: figure].units, places: now.places)
    }

    /// Ballots not counted: invalid when read, or invalid for STV at the first rank.
    public var invalidBallots: Int64 { invalidAtReading + equalFirstPreferences.ballots }

    public init(
        rule: STVRule, seats: Int, validVotes: DecimalValue, validBallots: Int64, quota: DecimalValue, stages: [STVStage], elected: [Int],
        ties: [TieDecision], seed: UInt64, minimums: [Minimum] = [], constraintEvents: [ConstraintEvent] = [], ballotsRead: Int64, invalidAtReading: Int64,
        equalFirstPreferences: LocatedCount, cutAtEqualRanking: LocatedCount
    ) {
        self.rule = rule
        self.seats = seats
        self.validVotes = validVotes
        self.validBallots = validBallots
        self.quota = quota
        self.stages = stages
        self.elected = elected
        self.ties = ties
        self.seed = seed
        self.minimums = minimums
        self.constraintEvents = constraintEvents
        self.ballotsRead = ballotsRead
        self.invalidAtReading = invalidAtReading
        self.equalFirstPreferences = equalFirstPreferences
        self.cutAtEqualRanking = cutAtEqualRanking
    }
}
