import TallyArithmetic

/// Meek's method as the Proportional Representation Foundation's reference rule states it
/// ("Reference Rule: Meek's Method", prfound.org), with its 9-decimal fixed-point arithmetic.
/// docs/rules/meek.md. Step letters in brackets (`[B.2.a]`) are the reference rule's; the steps
/// themselves, with their roundings, are `MeekCount`'s methods.
///
/// A stage of the record is a *round*: the iterations until someone is elected or one candidate
/// is defeated.
struct MeekSTV {
    typealias Value = FixedDecimal<NinePlaces>

    let seats: Int
    let rules: RepresentationRules

    /// [A] omega = 0.000001: iteration stops once the total surplus is below it.
    static let omega = Value(units: 1_000)
    /// Iterations in one round after which the count is stopped as a fault: the surplus falls
    /// at every iteration it continues, so a real count never comes near.
    static let maximumIterations = 100_000

    func count(_ ballots: STVBallots, candidateCount: Int, withdrawn: [Int], ties: TieBreaker, trail: PaperTrail? = nil) throws -> MeekCount {
        var count = try MeekCount(ballots: ballots, candidateCount: candidateCount, withdrawn: withdrawn, seats: seats, ties: ties, rules: rules, trail: trail)
        var round = 0
        // [B.1] a round, while seats remain and there are more candidates than seats left.
        while count.elected.count < seats && count.elected.count + count.hopeful.count > seats {
            if !count.stages.isEmpty, let doomed = count.takeDoomed() {
                try exclude(doomed, in: &count, event: .exclusion(candidates: doomed.candidates, batch: nil))
                continue
            }
            round += 1
            var iterations = 0
            var previousSurplus: Value?
            var surplus = Value.zero
            var converged = true
            var newlyElected: [Int] = []
            while true {
                iterations += 1
                try count.distributeVotes() // [B.2.a]
                try count.updateQuota() // [B.2.b]
                newlyElected = try count.electReachingQuota() // [B.2.c]
                surplus = try count.totalSurplus() // [B.2.d]
                // [B.2.e] anyone elected: a new round, keep factors unchanged; else stop once the
                // surplus is below omega, or is no longer falling.
                if !newlyElected.isEmpty || surplus < MeekSTV.omega { break }
                if let previousSurplus, surplus >= previousSurplus { converged = false; break }
                try count.updateKeepFactors() // [B.2.f]
                previousSurplus = surplus
                if iterations > MeekSTV.maximumIterations {
                    throw InternalInconsistency("the Meek count did not settle after \(MeekSTV.maximumIterations) iterations in round \(round)")
                }
            }
            let event: STVEvent = round == 1 ? .firstPreferences : .meekRound(iterations: iterations, converged: converged)
            if !newlyElected.isEmpty {
                try count.recordStage(event, excluded: [])
                continue
            }
            if let doomed = count.takeDoomed() {
                try exclude(doomed, in: &count, event: event)
                continue
            }
            // [B.3] defeat the lowest hopeful.
            let defeated = try count.lowestHopeful(surplus: surplus)
            count.exclude([defeated])
            let note = converged ? [] : ["The surplus stopped falling before reaching 0.000001 (B.2.e)."]
            try count.recordStage(event, excluded: [defeated], notes: note)
            try count.release([defeated])
        }
        // [C.1] seats left: the remaining hopefuls are elected; [C.2] otherwise they are defeated.
        if count.elected.count < seats && !count.hopeful.isEmpty {
            let firstStage = count.stages.isEmpty
            count.electRemaining()
            if firstStage {
                try count.distributeVotes()
                try count.updateQuota()
            }
            try count.recordStage(firstStage ? .firstPreferences : .remainingElected, excluded: [], notes: ["The remaining candidates fill the remaining places (C.1)."])
        }
        return count
    }

    /// §5 (not part of the reference rule): doomed hopefuls are excluded together, recorded as
    /// `event`.
    private func exclude(_ doomed: (candidates: [Int], note: String), in count: inout MeekCount, event: STVEvent) throws {
        count.exclude(doomed.candidates)
        try count.recordStage(event, excluded: doomed.candidates, notes: [doomed.note])
        try count.release(doomed.candidates)
    }
}
