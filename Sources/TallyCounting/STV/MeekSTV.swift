import TallyArithmetic

/// Meek's method as the Proportional Representation Foundation's reference rule states it
/// ("Reference Rule: Meek's Method", prfound.org), with its 9-decimal fixed-point arithmetic.
/// docs/rules/meek.md. Step letters in brackets (`[B.2.a]`) are the reference rule's.
///
/// All quantities are whole numbers of units of 10⁻⁹. A stage of the record is a *round*: the
/// iterations until someone is elected or one candidate is defeated.
struct MeekSTV {
    typealias Value = FixedDecimal<NinePlaces>

    let seats: Int
    let rules: RepresentationRules

    /// One unit of 10⁻⁹ … and 1.000000000.
    private static let one: Int64 = 1_000_000_000
    /// [A] omega = 0.000001.
    private static let omega: Int64 = 1_000

    struct Outcome {
        var stages: [STVStage]
        var elected: [Int]
        var ties: TieBreaker
        var validVotes: Value
        var initialQuota: Value
        var constraintEvents: [ConstraintEvent]
    }

    func count(_ ballots: STVBallots, candidateCount: Int, withdrawn: [Int], ties initialTies: TieBreaker) throws -> Outcome {
        var ties = initialTies
        var status = Array(repeating: CandidateStatus.continuing, count: candidateCount)
        for candidate in withdrawn { status[candidate] = .withdrawn }
        // [A] keep factor 1 for hopeful candidates, 0 for withdrawn ones.
        var keep = status.map { $0 == .continuing ? MeekSTV.one : 0 }
        var votes = Array(repeating: Int64(0), count: candidateCount)
        var previousVotes = votes
        var excess: Int64 = 0
        var quota: Int64 = 0
        var elected: [Int] = []
        var stages: [STVStage] = []
        let validUnits = ballots.validPapers * MeekSTV.one
        let constraints = GuardAndDoom(rules: rules)
        var constraintEvents: [ConstraintEvent] = []

        func hopeful() -> [Int] { status.indices.filter { status[$0] == .continuing } }
        func doomed() -> [Int] { constraints.doomed(elected: elected, continuing: hopeful(), placesLeft: seats - elected.count) }
        /// Records interventions at the stage about to be recorded.
        func note(_ kind: ConstraintEvent.Kind, _ candidate: Int, instead: Int? = nil, reason: String) {
            constraintEvents.append(ConstraintEvent(stage: "\(stages.count + 1)", kind: kind, candidate: candidate, instead: instead, reason: reason))
        }
        /// §5 (not part of the reference rule): doomed hopefuls are excluded together.
        func excludeDoomed(_ event: STVEvent) throws -> Bool {
            let candidates = doomed()
            guard !candidates.isEmpty else { return false }
            for candidate in candidates { note(.doomed, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: seats - elected.count)) }
            for candidate in candidates { status[candidate] = .excluded; keep[candidate] = 0 }
            try record(event, elected: [], excluded: candidates)
            release(candidates)
            return true
        }

        func record(_ event: STVEvent, elected newly: [Int], excluded: [Int], notes: [String] = []) throws {
            let total = votes.reduce(excess, +)
            guard total == validUnits else {
                throw CountError.invalidOption("internal error: Meek votes not conserved at round \(stages.count + 1)")
            }
            stages.append(STVStage(
                number: stages.count + 1, subStage: nil, event: event,
                votes: votes.map { DecimalValue(units: $0, places: 9) },
                transfers: zip(votes, previousVotes).map { DecimalValue(units: $0 - $1, places: 9) },
                status: status, exhausted: DecimalValue(units: excess, places: 9), lostToRounding: DecimalValue(units: 0, places: 9),
                quota: DecimalValue(units: quota, places: 9), elected: newly, excluded: excluded, notes: notes
            ))
            previousVotes = votes
        }

        /// [B.2.a] Each ballot starts with weight 1; each candidate in turn with a keep factor
        /// takes weight × keep factor, rounded up to 9 decimals, and passes on the rest (exactly
        /// weight − what it kept). Rounding is per ballot; identical ballots are then multiplied.
        /// Weight left after the last preference is excess.
        func distribute() {
            for index in votes.indices { votes[index] = 0 }
            excess = 0
            for ranking in 0..<ballots.count {
                var weight = MeekSTV.one
                let base = Int(ballots.start[ranking])
                let papers = ballots.weight[ranking]
                for position in 0..<Int(ballots.length[ranking]) {
                    let candidate = Int(ballots.candidates[base + position])
                    let factor = keep[candidate]
                    guard factor > 0 else { continue }
                    let kept = factor == MeekSTV.one ? weight : (weight * factor + MeekSTV.one - 1) / MeekSTV.one // ceil
                    votes[candidate] += kept * papers
                    weight -= kept
                    if weight == 0 { break }
                }
                excess += weight * papers
            }
        }

        /// After an exclusion is recorded, the excluded hold nothing: their votes wait as excess
        /// until the next iteration passes their ballots on (and show as 0 on later stages).
        func release(_ candidates: [Int]) {
            for candidate in candidates {
                excess += votes[candidate]
                votes[candidate] = 0
            }
            previousVotes = votes
        }

        var round = 0
        // [B.1] a round, while seats remain and there are more candidates than seats left.
        while elected.count < seats && elected.count + hopeful().count > seats {
            if stages.count > 0, try excludeDoomed(.exclusion(candidates: doomed(), batch: nil)) { continue }
            round += 1
            var iterations = 0
            var previousSurplus = Int64.max
            var surplus: Int64 = 0
            var converged = true
            var newlyElected: [Int] = []
            while true {
                iterations += 1
                distribute() // [B.2.a]
                // [B.2.b] quota = total votes ÷ (seats + 1), truncated to 9 decimals, + 0.000000001.
                quota = votes.reduce(0, +) / Int64(seats + 1) + 1
                // [B.2.c] every hopeful with votes ≥ quota is elected.
                let reaching = hopeful().filter { votes[$0] >= quota }
                newlyElected = []
                var order = reaching.sorted(by: { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 })
                if constraints.isActive { // electing one of equals can doom another: the tie breaker orders them
                    var start = 0
                    while start < order.count {
                        var end = start + 1
                        while end < order.count, votes[order[end]] == votes[order[start]] { end += 1 }
                        if end - start > 1 { order.replaceSubrange(start..<end, with: try ties.order(Array(order[start..<end]), question: "the order of election")) }
                        start = end
                    }
                }
                for candidate in order {
                    if doomed().contains(candidate) { // §5: a doomed candidate is not elected
                        if !constraintEvents.contains(where: { $0.kind == .notElected && $0.candidate == candidate && $0.stage == "\(stages.count + 1)" }) {
                            note(.notElected, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: seats - elected.count))
                        }
                        continue
                    }
                    status[candidate] = .elected
                    elected.append(candidate)
                    newlyElected.append(candidate)
                }
                // [B.2.d] total surplus over all elected candidates, not below zero.
                surplus = max(0, elected.reduce(Int64(0)) { $0 + votes[$1] - quota })
                // [B.2.e] anyone elected: a new round (keep factors unchanged).
                if !newlyElected.isEmpty { break }
                if surplus < MeekSTV.omega { break }
                if iterations > 1 && surplus >= previousSurplus { converged = false; break }
                // [B.2.f] keep factor × quota (rounded up) ÷ votes (rounded up).
                for candidate in elected {
                    let scaled = (Int128(keep[candidate]) * Int128(quota) + Int128(MeekSTV.one) - 1) / Int128(MeekSTV.one)
                    let updated = (scaled * Int128(MeekSTV.one) + Int128(votes[candidate]) - 1) / Int128(votes[candidate])
                    guard let factor = Int64(exactly: updated) else { throw ArithmeticOverflow("Meek keep factor") }
                    keep[candidate] = factor
                }
                previousSurplus = surplus
                if iterations > 100_000 { throw CountError.invalidOption("Meek count did not settle after 100,000 iterations") }
            }
            let event: STVEvent = round == 1 ? .firstPreferences : .meekRound(iterations: iterations, converged: converged)
            if !newlyElected.isEmpty {
                try record(event, elected: newlyElected, excluded: [])
                continue
            }
            if try excludeDoomed(event) { continue }
            // [B.3] defeat the lowest hopeful; hopefuls within the total surplus of the lowest are
            // tied, and the tie breaker decides (the exclusion falls on the least favoured). §5: a
            // guarded hopeful is passed over for the lowest unguarded one.
            let guarded = constraints.guarded(elected: elected, continuing: hopeful(), placesLeft: seats - elected.count)
            let unguarded = hopeful().filter { !guarded.contains($0) }
            let candidates = unguarded.isEmpty ? hopeful() : unguarded
            let lowest = candidates.map { votes[$0] }.min()!
            let tied = candidates.filter { votes[$0] <= lowest + surplus }
            let defeated = tied.count == 1 ? tied[0] : try ties.order(tied, question: "which candidate to exclude").last!
            for candidate in guarded where votes[candidate] <= votes[defeated] {
                note(.guarded, candidate, instead: defeated, reason: constraints.reasonGuarded(candidate, elected: elected))
            }
            status[defeated] = .excluded
            keep[defeated] = 0
            let note = converged ? [] : ["The surplus stopped falling before reaching 0.000001 (B.2.e)."]
            try record(event, elected: [], excluded: [defeated], notes: note)
            release([defeated])
        }
        // [C.1] seats left: the remaining hopefuls are elected; [C.2] otherwise they are defeated.
        let remaining = hopeful()
        if elected.count < seats && !remaining.isEmpty {
            let ordered = remaining.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
            for candidate in ordered { status[candidate] = .elected; elected.append(candidate) }
            if stages.isEmpty { distribute(); quota = votes.reduce(0, +) / Int64(seats + 1) + 1 }
            try record(stages.isEmpty ? .firstPreferences : .remainingElected, elected: ordered, excluded: [], notes: ["The remaining candidates fill the remaining places (C.1)."])
        }
        return Outcome(
            stages: stages, elected: elected, ties: ties, validVotes: Value(units: validUnits),
            initialQuota: Value(units: stages.first.map { $0.quota.units } ?? quota), constraintEvents: constraintEvents
        )
    }
}
