/// A kind of irregular ballot, found while reading a ballot file, with the documented rule that
/// resolves it (see docs/formats.md, "Irregular ballots").
///
/// The rule is the ERS one for every kind that breaks a ranking: preferences count up to the
/// first irregularity; a ballot left with no valid first preference is invalid.
public enum Irregularity: String, CaseIterable, Sendable, Comparable {
    /// No preference or mark at all. Invalid.
    case emptyBallot = "empty-ballot"
    /// A preference for a name or number that is not a candidate. Counted up to it.
    case unknownCandidate = "unknown-candidate"
    /// A candidate ranked a second time. Counted up to the repeat.
    case repeatedCandidate = "repeated-candidate"
    /// A rank left out (1, 2, 4, or a `-` in BLT). Counted up to the gap.
    case skippedRank = "skipped-rank"
    /// Every preference was for a withdrawn candidate. Invalid.
    case onlyWithdrawnCandidates = "only-withdrawn-candidates"
    /// A preference for a withdrawn candidate. The preference is skipped, as if the candidate
    /// were not on the ballot; the rest of the ranking counts.
    case withdrawnCandidate = "withdrawn-candidate"
    /// Two or more candidates share a rank (a duplicate rank number, or `=` in BLT). Kept as
    /// read; each counting method states what it does with equal ranks.
    case equalRanking = "equal-ranking"
    /// A BLT ballot line of weight 0. It holds no ballots.
    case zeroWeight = "zero-weight"

    /// What the documented rule does to a ballot of this kind. A ballot whose first preference is
    /// irregular is left with none and is invalid, whatever the kind.
    public var effect: IrregularityEffect {
        switch self {
        case .emptyBallot, .onlyWithdrawnCandidates: .invalid
        case .unknownCandidate, .repeatedCandidate, .skippedRank: .countedUpToIrregularity
        case .withdrawnCandidate: .preferenceSkipped
        case .equalRanking: .keptAsRead
        case .zeroWeight: .noBallots
        }
    }

    /// A short description for reports.
    public var summary: String {
        switch self {
        case .emptyBallot: "empty ballot"
        case .unknownCandidate: "preference for an unknown candidate"
        case .repeatedCandidate: "candidate ranked twice"
        case .skippedRank: "rank skipped"
        case .onlyWithdrawnCandidates: "only withdrawn candidates ranked"
        case .withdrawnCandidate: "preference for a withdrawn candidate"
        case .equalRanking: "candidates ranked equal"
        case .zeroWeight: "ballot line of weight 0"
        }
    }

    /// The position of the kind in `allCases`: the order reports list kinds in.
    public var ordinal: Int {
        switch self {
        case .emptyBallot: 0
        case .unknownCandidate: 1
        case .repeatedCandidate: 2
        case .skippedRank: 3
        case .onlyWithdrawnCandidates: 4
        case .withdrawnCandidate: 5
        case .equalRanking: 6
        case .zeroWeight: 7
        }
    }

    public static func < (lhs: Irregularity, rhs: Irregularity) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// What happens to an irregular ballot.
public enum IrregularityEffect: String, Sendable {
    case invalid = "invalid"
    case countedUpToIrregularity = "counted up to the irregularity"
    case preferenceSkipped = "preference skipped"
    case keptAsRead = "kept as read"
    case noBallots = "no ballots"
}
