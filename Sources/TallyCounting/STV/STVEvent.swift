import TallyArithmetic

/// What happened at one stage of an STV count.
public enum STVEvent: Sendable, Equatable {
    /// Stage 1: the first preferences.
    case firstPreferences
    /// The transfer of a surplus.
    case surplus(STVSurplusTransfer)
    /// The exclusion of one or more candidates; with ERS97, one batch of their papers (those of
    /// one transfer value) per sub-stage.
    case exclusion(candidates: [Int], batch: ExclusionBatch?)
    /// The continuing candidates are elected because they equal the places left.
    case remainingElected
    /// Meek: one round of iterations ended by an election or an exclusion.
    case meekRound(iterations: Int, converged: Bool)
}

/// The details of a surplus transfer.
public struct STVSurplusTransfer: Sendable, Equatable {
    public let candidate: Int
    public let surplus: DecimalValue
    /// True when only the last parcel was examined (ERS97 5.3, surplus from a transfer).
    public let lastParcelOnly: Bool
    /// Papers examined and, of those, papers with a next preference for a continuing candidate.
    public let papersExamined: Int64
    public let transferablePapers: Int64
    /// The transfer value(s): one per value of the papers examined (Scottish: one per parcel
    /// value), or the single ERS97 value. Empty when papers moved at their current value.
    public let transferValues: [DecimalValue]
    /// ERS97: the transferable papers were worth no more than the surplus, so they moved at
    /// their current value.
    public let atCurrentValue: Bool

    public init(candidate: Int, surplus: DecimalValue, lastParcelOnly: Bool, papersExamined: Int64, transferablePapers: Int64, transferValues: [DecimalValue], atCurrentValue: Bool) {
        self.candidate = candidate
        self.surplus = surplus
        self.lastParcelOnly = lastParcelOnly
        self.papersExamined = papersExamined
        self.transferablePapers = transferablePapers
        self.transferValues = transferValues
        self.atCurrentValue = atCurrentValue
    }
}

/// One batch of an ERS97 exclusion: the papers of one transfer value.
public struct ExclusionBatch: Sendable, Equatable {
    /// 1-based number of this batch within the exclusion.
    public let number: Int
    public let of: Int
    public let value: DecimalValue
    public let papers: Int64

    public init(number: Int, of: Int, value: DecimalValue, papers: Int64) {
        self.number = number
        self.of = of
        self.value = value
        self.papers = papers
    }
}
