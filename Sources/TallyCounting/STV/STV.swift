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

    /// Counts `profile`. Throws `CountError` for an impossible count, `UnresolvedTie` when the tie
    /// breaker cannot decide, `ArithmeticOverflow` rather than give a wrong figure.
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker()) throws -> STVRecord {
        let standing = profile.candidates.count - profile.withdrawn.count
        guard seats >= 1 else { throw CountError.noSeats }
        guard seats <= standing else { throw CountError.moreSeatsThanCandidates(seats: seats, candidates: standing) }
        let ballots = STVBallots(profile)
        guard ballots.validPapers > 0 else { throw CountError.noValidBallots }
        let rules = RepresentationRules(minimums: minimums, candidates: profile.candidates)
        try rules.checkFeasible(seats: seats, standing: profile.candidates.indices.filter { !profile.withdrawn.contains($0) })

        switch rule {
        case .scottish:
            let count = try ScottishSTV(seats: seats, rules: rules).count(ballots, candidateCount: profile.candidates.count, withdrawn: profile.withdrawn, ties: ties)
            return record(count, ballots: ballots, profile: profile)
        case .ers97:
            let count = try ERS97STV(seats: seats, rules: rules).count(ballots, candidateCount: profile.candidates.count, withdrawn: profile.withdrawn, ties: ties)
            return record(count, ballots: ballots, profile: profile)
        case .meek:
            let outcome = try MeekSTV(seats: seats, rules: rules).count(ballots, candidateCount: profile.candidates.count, withdrawn: profile.withdrawn, ties: ties)
            return STVRecord(
                rule: rule, seats: seats, validVotes: DecimalValue(outcome.validVotes), validBallots: ballots.validPapers, quota: DecimalValue(outcome.initialQuota),
                stages: outcome.stages, elected: outcome.elected, ties: outcome.ties.decisions, seed: outcome.ties.seed,
                minimums: minimums, constraintEvents: outcome.constraintEvents,
                ballotsRead: profile.ballotsRead, invalidAtReading: profile.invalidBallots,
                equalFirstPreferences: ballots.equalFirstPreferences, cutAtEqualRanking: ballots.cutAtEqualRanking
            )
        }
    }

    private func record<P>(_ count: GregoryCount<P>, ballots: STVBallots, profile: BallotProfile) -> STVRecord {
        STVRecord(
            rule: rule, seats: seats, validVotes: DecimalValue(count.validVotes), validBallots: ballots.validPapers,
            quota: count.stages.first?.quota ?? DecimalValue(count.quota), stages: count.stages, elected: count.elected,
            ties: count.ties.decisions, seed: count.ties.seed, minimums: minimums, constraintEvents: count.constraintEvents,
            ballotsRead: profile.ballotsRead,
            invalidAtReading: profile.invalidBallots, equalFirstPreferences: ballots.equalFirstPreferences,
            cutAtEqualRanking: ballots.cutAtEqualRanking
        )
    }
}
