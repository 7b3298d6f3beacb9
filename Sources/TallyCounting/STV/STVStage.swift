import TallyArithmetic

/// One stage (or ERS97 sub-stage) of an STV count: what happened and every figure after it.
public struct STVStage: Sendable, Equatable {
    /// The stage number; sub-stages of one ERS97 exclusion share it.
    public let number: Int
    /// The sub-stage within the stage (1, 2, …), for ERS97 exclusions in batches; nil otherwise.
    public let subStage: Int?
    /// The stage as result sheets and constraint events name it: "3", or "3.2" for a sub-stage.
    public var label: String { subStage.map { "\(number).\($0)" } ?? "\(number)" }
    public let event: STVEvent
    /// Each candidate's votes after the stage, by candidate index.
    public let votes: StageFigures
    /// Each candidate's gain (or loss, negative) at this stage.
    public let transfers: StageFigures
    /// Each candidate's status after the stage.
    public let status: PerCandidate<CandidateStatus>
    /// Votes on papers with no further preference, cumulative.
    public let exhausted: DecimalValue
    /// Votes lost to rounding (truncation of transfer values), cumulative.
    public let lostToRounding: DecimalValue
    /// The quota in force after the stage.
    public let quota: DecimalValue
    /// Candidates elected at this stage, in order of election, each with the ground and clause.
    public let elections: [STVElection]
    /// Candidates elected at this stage, in order of election.
    public var elected: [Int] { elections.map(\.candidate) }
    /// Candidates excluded at this stage.
    public let excluded: [Int]
    /// Events a reader needs explained ("surplus of X deferred: …", quota recalculated).
    public let notes: [String]

    public init(
        number: Int, subStage: Int?, event: STVEvent, votes: StageFigures, transfers: StageFigures,
        status: PerCandidate<CandidateStatus>, exhausted: DecimalValue, lostToRounding: DecimalValue, quota: DecimalValue,
        elections: [STVElection], excluded: [Int], notes: [String]
    ) {
        self.number = number
        self.subStage = subStage
        self.event = event
        self.votes = votes
        self.transfers = transfers
        self.status = status
        self.exhausted = exhausted
        self.lostToRounding = lostToRounding
        self.quota = quota
        self.elections = elections
        self.excluded = excluded
        self.notes = notes
    }

    /// Every candidate's votes and the non-transferable votes together: the valid vote, at every stage.
    public var total: DecimalValue {
        DecimalValue(units: votes.units.reduce(nonTransferable.units, +), places: votes.places)
    }

    /// The votes that left candidates at this stage: the sum of the losses (a surplus, an
    /// exclusion, Meek's reduced keep factors).
    public var votesMoved: DecimalValue {
        DecimalValue(units: -transfers.units.reduce(0) { $0 + min($1, 0) }, places: votes.places)
    }

    /// The official combined "non-transferable" figure: exhausted votes and rounding loss together
    /// (as Scottish result sheets print it).
    public var nonTransferable: DecimalValue {
        DecimalValue(units: exhausted.units + lostToRounding.units, places: exhausted.places)
    }
}
