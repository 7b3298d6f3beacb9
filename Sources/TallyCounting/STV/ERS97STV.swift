import TallyArithmetic

/// ERS97 STV: Electoral Reform Society, "How to conduct an election by the Single Transferable
/// Vote", 3rd edition (1997), section 5. Values to 2 decimal places, remainders ignored.
/// docs/rules/ers97.md.
///
/// Clause tags in brackets, e.g. `[5.2.2]`, mark the rule each step implements. Text in
/// quotation marks is the rules' wording; the rest summarises.
struct ERS97STV {
    typealias Value = FixedDecimal<TwoPlaces>
    typealias Count = GregoryCount<TwoPlaces>

    let seats: Int
    let rules: RepresentationRules

    /// [5.1.6] "Calculate the quota by dividing the total valid vote by one more than the number
    /// of places to be filled. Take the division to two decimal places. If the result is exact
    /// that is the quota. Otherwise ignore the remainder, and add 0.01."
    static func quota(votes: Value, seats: Int) throws -> Value {
        try votes.divided(by: Int64(seats + 1), rounding: .up)
    }

    func count(_ ballots: STVBallots, candidateCount: Int, withdrawn: [Int], ties: TieBreaker, trail: PaperTrail? = nil) throws -> Count {
        let valid = try Value(ballots.validPapers)
        var count = try Count(
            ballots: ballots, candidateCount: candidateCount, withdrawn: withdrawn, seats: seats,
            quota: try ERS97STV.quota(votes: valid, seats: seats), direction: .forwards, ties: ties, rules: rules, trail: trail
        )
        // [5.1.4]–[5.1.5] first preferences; [5.1.7] election.
        try count.distributeFirstPreferences()
        try elect(&count)
        try count.recordStage(event: .firstPreferences, excluded: [])

        // [5.5.2] once the places are filled, no further transfers.
        while count.placesLeft > 0 && !count.continuingCandidates.isEmpty {
            // Minimum representation (counting-rules.md §5, not part of ERS97): doomed candidates
            // are excluded together at the next stage.
            if let (doomed, note) = count.takeDoomed() {
                let remaining = count.continuingCandidates.filter { !doomed.contains($0) }
                if remaining.count <= count.placesLeft {
                    // [5.5.1] the exclusion would leave no more continuing candidates than places:
                    // they are elected at once, and the doomed papers are not transferred.
                    for candidate in doomed { count.exclude(candidate) }
                    try electAll(remaining, in: &count, excluded: doomed, notes: [note])
                    break
                }
                try exclude(doomed, in: &count, notes: [note])
                continue
            }
            let surpluses = count.elected.filter { count.votes[$0] > count.quota }
            let totalSurplus = try surpluses.reduce(Value.zero) { try $0 + (count.votes[$1] - count.quota) }
            if !surpluses.isEmpty, try !shouldDefer(totalSurplus, in: count) {
                // [5.2.3] the largest surplus first; equal: forwards rule, then lot. [5.2.4] a stage.
                let largest = try count.orderByVotes(surpluses, question: "which surplus to transfer first")[0]
                let transfer = try transferSurplus(of: largest, in: &count)
                // [5.3.13] election after the transfer.
                try elect(&count)
                try count.recordStage(event: .surplus(transfer), excluded: [])
                continue
            }
            let deferredNote = surpluses.isEmpty ? [] : [
                "Surplus\(surpluses.count == 1 ? "" : "es") (\(totalSurplus) in all) deferred under 5.2.2: transferring could not change who is excluded.",
            ]
            if count.continuingCandidates.count <= count.placesLeft {
                // No exclusion can be proposed without leaving places unfilled: the continuing
                // candidates are all elected (the case 5.5.1 reaches with one exclusion to spare).
                try electAll(count.continuingCandidates, in: &count, notes: deferredNote)
                break
            }
            // [5.2.5] the candidate or candidates to exclude.
            let excluded = try lowestGroup(deferredSurplus: totalSurplus, in: &count)
            let remaining = count.continuingCandidates.filter { !excluded.contains($0) }
            if remaining.count <= count.placesLeft {
                // [5.5.1] the proposed exclusion would leave no more continuing candidates than
                // places: they are all elected, without further transfers.
                try electAll(remaining, in: &count, notes: deferredNote)
                break
            }
            try exclude(excluded, in: &count, notes: deferredNote)
        }
        return count
    }

    // MARK: Election

    /// [5.1.7] (also [5.3.13], [5.4.9]) "Considering each candidate in turn in descending order of
    /// their votes, deem elected any candidate whose vote equals or exceeds (a) the quota, or (b)
    /// … the total active vote, divided by one more than the number of places not yet filled, up
    /// to the number of places to be filled, subject to paragraph 5.6.2." The threshold is
    /// recalculated after each election; (b) is rounded up to 0.01 (the rules do not say; this is
    /// the reading of OpenSTV). [5.6.2] Candidates with equal votes who cannot all be elected are
    /// taken in order of their votes at the first stage or the earliest point after a batch where
    /// they differed; if equal at every point, none of them is elected at that stage.
    private func elect(_ count: inout Count) throws {
        while count.placesLeft > 0 {
            let activeVote = try count.totalActiveVote
            let share = try activeVote.divided(by: Int64(count.placesLeft + 1), rounding: .up)
            let threshold = min(count.quota, share)
            var reaching = count.continuingCandidates.filter { count.votes[$0] >= threshold && count.votes[$0].units > 0 }
            reaching.removeAll { count.isDoomed($0) } // §5: a doomed candidate is not elected
            guard let top = reaching.map({ count.votes[$0] }).max() else { break }
            // (a) the quota reached, or (b) the share of the active vote, below the quota.
            let ground: STVElection.Ground = top >= count.quota ? .quota
                : .activeVoteShare(threshold: DecimalValue(share), activeVote: DecimalValue(activeVote), placesLeft: count.placesLeft)
            let clause = top >= count.quota ? "5.1.7(a)" : "5.1.7(b)"
            let equal = reaching.filter { count.votes[$0] == top }
            if equal.count == 1 {
                count.elect(equal[0], on: ground, clause: clause)
                continue
            }
            // Equal votes: in forwards order; a group still equal that does not fit is not elected.
            // Each is elected in turn only if not doomed by those elected before (§5).
            var progress = false
            for group in count.historyGroups(equal, question: "the order of election") {
                guard group.count <= count.placesLeft else { break }
                let ordered = group.count == 1 ? group : try count.orderByVotes(group, question: "the order of election")
                for candidate in ordered where count.placesLeft > 0 {
                    if count.isDoomed(candidate) { continue }
                    count.elect(candidate, on: ground, clause: clause)
                    progress = true
                }
            }
            if !progress { break }
        }
    }

    /// [5.5.1] Continuing candidates no more than the places left are all elected: `candidates`,
    /// in order of votes, at one last stage with no transfer.
    private func electAll(_ candidates: [Int], in count: inout Count, excluded: [Int] = [], notes: [String]) throws {
        _ = try count.electAll(candidates, clause: "5.5.1")
        try count.recordStage(
            event: .remainingElected, excluded: excluded,
            notes: notes + ["The continuing candidates are no more than the places left and are elected (5.5.1)."]
        )
    }

    // MARK: Surpluses

    /// [5.2.2] "the transfer of a surplus or surpluses is deferred … if the total of such surpluses
    /// does not exceed either: (a) The difference between the votes of the two candidates who have
    /// the fewest votes, or (b) The difference between the total of the votes of two or more
    /// candidates with the fewest votes who could be excluded under rule 5.2.5, and the vote of
    /// the candidate next above."
    private func shouldDefer(_ totalSurplus: Value, in count: Count) throws -> Bool {
        let ascending = count.continuingCandidates.map { count.votes[$0] }.sorted()
        guard ascending.count >= 2 else { return false }
        if try totalSurplus <= ascending[1] - ascending[0] { return true } // (a)
        var combined = ascending[0]
        for size in 2..<ascending.count {
            guard ascending.count - size >= count.placesLeft else { break } // could be excluded: 5.2.5(a)
            combined = try combined + ascending[size - 1]
            if try totalSurplus <= ascending[size] - combined { return true } // (b)
        }
        return false
    }

    /// [5.3.1] A surplus arising at the first stage: all the candidate's papers. [5.3.2] Arising
    /// later: "only the last received batch of papers, which gave rise to the surplus".
    /// [5.3.3] papers with no next available preference are non-transferable. [5.3.7] "If [the
    /// total value of the transferable papers] exceeds the surplus, determine the transfer value of
    /// each paper by dividing the surplus by the number of transferable papers, to two decimal
    /// places, ignoring any remainder. If the total value does not exceed the surplus, the
    /// transfer value of each paper is its present value." [5.3.9]–[5.3.10] what is not
    /// transferred is added to the non-transferable vote: the neglected remainder as lost to
    /// rounding, the excess of the surplus over the papers' value as exhausted.
    private func transferSurplus(of candidate: Int, in count: inout Count) throws -> STVSurplusTransfer {
        let surplus = try count.votes[candidate] - count.quota
        let parcels = count.takeParcels(of: candidate)
        let fromFirstStage = count.stages.first?.elected.contains(candidate) == true
        let examined = fromFirstStage ? parcels : Array(parcels.suffix(1))
        // [5.3.3] the papers examined, sorted once by their next available preference.
        let sorted = examined.map { count.sortByNextPreference($0.groups) }
        var papers: Int64 = 0
        var transferablePapers: Int64 = 0
        var transferableValue = Value.zero
        for (parcel, sorted) in zip(examined, sorted) {
            papers += parcel.papers
            transferablePapers += sorted.transferablePapers
            transferableValue = try transferableValue + parcel.value.times(sorted.transferablePapers)
        }

        let atPresentValue = transferableValue <= surplus
        // [5.3.7] the transfer value: surplus ÷ number of transferable papers, remainder ignored.
        let transferValue = atPresentValue ? nil : try surplus.divided(by: transferablePapers, rounding: .down)
        var transferred = Value.zero
        for (parcel, sorted) in zip(examined, sorted) {
            let value = transferValue ?? parcel.value
            try count.move(sorted, value: value, exhaustedCarryValue: false)
            transferred = try transferred + value.times(sorted.transferablePapers)
        }
        try count.settleSurplus(of: candidate, surplus: surplus, transferred: transferred, shortfallExhausted: atPresentValue)
        return STVSurplusTransfer(
            candidate: candidate, surplus: DecimalValue(surplus), lastParcelOnly: !fromFirstStage,
            papersExamined: papers, transferablePapers: transferablePapers,
            transferValues: transferValue.map { [DecimalValue($0)] } ?? [], atCurrentValue: atPresentValue
        )
    }

    // MARK: Exclusions

    /// [5.2.5] "Exclude as many candidates together as possible, provided that: (a) Sufficient
    /// candidates remain to fill all the remaining places (b) The total votes of these candidates,
    /// together with the total of any deferred surpluses, does not exceed the vote of the
    /// candidate next above." A group never splits candidates with equal votes (the rules are
    /// silent; OpenSTV and pyRCV2 do the same). A single lowest candidate, if tied: "the candidate
    /// who had the fewest votes at the first stage or at the earliest point in the count, after
    /// the transfer of a batch of papers, where they had unequal votes", else by lot.
    private func lowestGroup(deferredSurplus: Value, in count: inout Count) throws -> [Int] {
        let ascending = count.continuingCandidates.sorted { count.votes[$0] != count.votes[$1] ? count.votes[$0] < count.votes[$1] : $0 < $1 }
        var combined = Value.zero
        var best = 0
        if ascending.count >= 3 {
            for size in 1..<ascending.count {
                guard ascending.count - size >= count.placesLeft else { break }
                combined = try combined + count.votes[ascending[size - 1]]
                let next = count.votes[ascending[size]]
                if size >= 2, count.votes[ascending[size - 1]] < next, try combined + deferredSurplus <= next { best = size }
            }
        }
        let group = Array(ascending.prefix(best))
        // §5: a group may not take in a guarded candidate, nor leave the minimums impossible.
        if best >= 2, count.guardedCandidates().isDisjoint(with: group), count.canExclude(group) { return group }
        return [try count.lowestContinuing(question: "which candidate to exclude")]
    }

    /// [5.4.1] "Take together all the bundles of papers which are currently credited to the
    /// candidate or candidates to be excluded, and arrange them in batches in descending order of
    /// transfer value." [5.4.2]–[5.4.7] each batch is transferred at its value, as a sub-stage;
    /// papers with no next preference are non-transferable. [5.4.8] "If any papers have become
    /// non-transferable before any candidate has been deemed elected, recalculate the quota as in
    /// paragraph 5.1.6, ignoring the non-transferable vote." [5.4.9] election after each batch;
    /// [5.4.10] the newly elected receive no further papers; the exclusion goes on; [5.5.2] it
    /// stops as soon as the places are filled.
    private func exclude(_ candidates: [Int], in count: inout Count, notes: [String]) throws {
        for candidate in candidates { count.exclude(candidate) }
        var batches: [Value: [(candidate: Int, groups: [PaperGroup], papers: Int64)]] = [:]
        for candidate in candidates {
            for parcel in count.takeParcels(of: candidate) {
                batches[parcel.value, default: []].append((candidate, parcel.groups, parcel.papers))
            }
        }
        let values = batches.keys.sorted(by: >)
        guard !values.isEmpty else { // no papers: one stage records the exclusion
            try elect(&count)
            try count.recordStage(event: .exclusion(candidates: candidates, batch: nil), excluded: candidates, notes: notes)
            return
        }
        for (index, value) in values.enumerated() {
            // One batch: the papers of this value from every excluded candidate, moved together,
            // so each recipient receives them as one parcel (5.3.2's "last received batch").
            let parts = batches[value]!
            for part in parts { try count.debit(part.candidate, try value.times(part.papers)) }
            try count.move(parts.flatMap(\.groups), value: value)
            let papers = parts.reduce(Int64(0)) { $0 + $1.papers }
            var batchNotes = index == 0 ? notes : []
            if count.elected.isEmpty, count.exhausted.units + count.lost.units > 0 {
                let reduced = try ERS97STV.quota(votes: try count.validVotes - count.exhausted - count.lost, seats: seats)
                if reduced != count.quota {
                    batchNotes.append("Quota recalculated to \(reduced) without the non-transferable votes (5.4.8).")
                    count.quota = reduced
                }
            }
            let batch = ExclusionBatch(number: index + 1, of: values.count, value: DecimalValue(value), papers: papers)
            try elect(&count)
            try count.recordStage(
                subStage: values.count > 1 ? index + 1 : nil, event: .exclusion(candidates: candidates, batch: batch),
                excluded: index == 0 ? candidates : [], notes: batchNotes
            )
            if count.placesLeft == 0 { break }
        }
    }
}
