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
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker()) throws -> STVRecord {
        // Withdrawn candidates count too: the record lists every candidate of the file at every stage.
        guard profile.candidates.count <= STV.maximumCandidates else {
            throw CountError.tooManyCandidates(candidates: profile.candidates.count, limit: STV.maximumCandidates, method: "an STV")
        }
        let ballots = STVBallots(profile)
        let setUp = try CountSetUp(profile: profile, seats: seats, minimums: minimums, validBallots: ballots.validPapers)
        let candidateCount = profile.candidates.count
        switch rule {
        case .ers97:
            let count = try ERS97STV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: profile.withdrawn, ties: ties)
            return record(count.stages, count.elected, count.ties, count.constraintEvents, validVotes: DecimalValue(count.validVotes), quota: DecimalValue(count.quota), ballots, profile)
        case .scottish:
            let count = try ScottishSTV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: profile.withdrawn, ties: ties)
            return record(count.stages, count.elected, count.ties, count.constraintEvents, validVotes: DecimalValue(count.validVotes), quota: DecimalValue(count.quota), ballots, profile)
        case .meek:
            let count = try MeekSTV(seats: seats, rules: setUp.rules).count(ballots, candidateCount: candidateCount, withdrawn: profile.withdrawn, ties: ties)
            return record(count.stages, count.elected, count.ties, count.constraintEvents, validVotes: DecimalValue(count.validVotes), quota: DecimalValue(count.quota), ballots, profile)
        }
    }

    /// The record of a finished count; `quota` is the quota in force at the end, used only when
    /// no stage was recorded.
    private func record(
        _ stages: [STVStage], _ elected: [Int], _ ties: TieBreaker, _ constraintEvents: [ConstraintEvent],
        validVotes: DecimalValue, quota: DecimalValue, _ ballots: STVBallots, _ profile: BallotProfile
    ) -> STVRecord {
        STVRecord(
            rule: rule, seats: seats, validVotes: validVotes, validBallots: ballots.validPapers,
            quota: stages.first?.quota ?? quota, stages: stages, elected: elected,
            ties: ties.decisions, seed: ties.seed, minimums: minimums, constraintEvents: constraintEvents,
            ballotsRead: profile.ballotsRead, invalidAtReading: profile.invalidBallots,
            equalFirstPreferences: ballots.equalFirstPreferences, cutAtEqualRanking: ballots.cutAtEqualRanking
        )
    }
}
