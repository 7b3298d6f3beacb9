import TallyArithmetic
import TallyModel

/// The single transferable vote, counted by one of the rules in `STVRule`.
public struct STV: Sendable {
    public var rule: STVRule
    public var seats: Int
    /// Minimum-representation rules, enforced by guard and doom (counting-rules.md §5).
    public var minimums: [Minimum]

    public init(rule: STVRule = .ers97, seats: Int, minimums: [Minimum] = []) {
        self.rule = rule
        self.seats = seats
        self.minimums = minimums
    }

    /// The most candidates an STV count takes. Its record keeps every candidate's votes at every
    /// stage, and a stage may exclude a single candidate, so the record and every report of it
    /// grow with the square of the candidates: at 2,500 (20,000 ballots) a count with its text
    /// sheet takes some 3 seconds and 370 MB, with its JSON some 10 seconds and 1.2 GB
    /// (docs/performance.md).
    public static let maximumCandidates = 2_500

    /// Counts `profile`. Throws `CountError` for an impossible count, `UnresolvedTie` when the tie
    /// breaker cannot decide, `ArithmeticOverflow` rather than give a wrong figure, and
    /// `InternalInconsistency` if the count finds a fault of its own.
    ///
    /// `trail`, when given, is told where every ranking's papers go (ERS97 and Scottish rules) or,
    /// under Meek, where each paper's vote sits, part by part, at every stage.
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker(), trail: PaperTrail? = nil) throws -> STVRecord {
        // Withdrawn candidates count too: the record lists every candidate of the file at every stage.
        guard profile.candidates.count <= STV.maximumCandidates else {
            throw CountError.tooManyCandidates(candidates: profile.candidates.count, limit: STV.maximumCandidates, method: "an STV")
        }
        let ballots = STVBallots(profile)
        let setUp = try CountSetUp(profile: profile, seats: seats, minimums: minimums, validBallots: ballots.validPapers)
        let candidateCount = profile.candidates.count
        let withdrawn = profile.withdrawn
        switch rule {
        case .ers97:
            return record(try ERS97STV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: withdrawn, ties: ties, trail: trail), ballots, profile)
        case .scottish:
            return record(try ScottishSTV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: withdrawn, ties: ties, trail: trail), ballots, profile)
        case .meek:
            return record(try MeekSTV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: withdrawn, ties: ties, trail: trail), ballots, profile)
        }
    }

    /// The record of a finished count. The quota is the first stage's (a count always records
    /// one; the quota in force at the end stands in only if none were).
    private func record(_ count: some FinishedCount, _ ballots: STVBallots, _ profile: BallotProfile) -> STVRecord {
        STVRecord(
            rule: rule, seats: seats, validVotes: DecimalValue(count.validVotes), validBallots: ballots.validPapers,
            quota: count.stages.first?.quota ?? DecimalValue(count.quota), stages: count.stages, elected: count.elected,
            ties: count.ties.decisions, seed: count.ties.seed, minimums: minimums, constraintEvents: count.constraintEvents,
            ballotsRead: profile.ballotsRead, invalidAtReading: profile.invalidBallots,
            equalFirstPreferences: ballots.equalFirstPreferences, cutAtEqualRanking: ballots.cutAtEqualRanking
        )
    }
}
