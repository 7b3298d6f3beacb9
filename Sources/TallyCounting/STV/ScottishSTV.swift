import TallyArithmetic
import TallyModel

/// Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1,
/// rules 45–52 — weighted inclusive Gregory, 5 decimal places. docs/rules/scottish.md.
///
/// Clause tags in brackets, e.g. `[46]`, mark the rule each step implements. Text in quotation
/// marks is the Order's wording (legislation.gov.uk, SSI 2007/42 as made); the rest summarises.
struct ScottishSTV {
    typealias Value = FixedDecimal<FivePlaces>

    let seats: Int
    let rules: RepresentationRules

    func count(_ ballots: STVBallots, candidateCount: Int, withdrawn: [Int], ties: TieBreaker, trail: PaperTrail? = nil) throws -> GregoryCount<FivePlaces> {
        // [46] The quota: the number of valid ballot papers divided by the number of vacancies
        // plus one, any fraction ignored, plus one — a whole number. (Summary, not the wording.)
        let quota = try Value(FixedDecimal<ZeroPlaces>.ratio(ballots.validPapers, Int64(seats + 1), rounding: .down).units + 1)
        var count = try GregoryCount<FivePlaces>(
            ballots: ballots, candidateCount: candidateCount, withdrawn: withdrawn, seats: seats,
            quota: quota, direction: .backwards, ties: ties, rules: rules, trail: trail
        )

        // [45] first preferences; [47] a candidate whose votes equal or exceed the quota is elected.
        try count.distributeFirstPreferences()
        try finishStage(&count, event: .firstPreferences, excluded: [])

        while count.placesLeft > 0 && !count.continuingCandidates.isEmpty {
            // Minimum representation (counting-rules.md §5, not part of the Order): doomed
            // candidates are excluded together at the next stage.
            if let (doomed, note) = count.takeDoomed() {
                try exclude(doomed, in: &count)
                try finishStage(&count, event: .exclusion(candidates: doomed, batch: nil), excluded: doomed, notes: [note])
                continue
            }
            let surpluses = count.elected.filter { count.votes[$0] > count.quota }
            if !surpluses.isEmpty {
                // [48](1) a surplus is transferred while vacancies remain; [49] the largest first;
                // equal surpluses: the candidate with more votes at the most recent stage where
                // they differed, else by lot. (Every surplus is votes − quota: ordering by votes orders them.)
                let largest = try count.orderByVotes(surpluses, question: "which surplus to transfer first")[0]
                let transfer = try transferSurplus(of: largest, in: &count)
                try finishStage(&count, event: .surplus(transfer), excluded: [])
            } else {
                // [50] no surplus: exclude the candidate with the fewest votes; equal: the fewest at
                // the most recent stage where they differed, else by lot.
                let lowest = try count.lowestContinuing(question: "which candidate to exclude")
                try exclude([lowest], in: &count)
                try finishStage(&count, event: .exclusion(candidates: [lowest], batch: nil), excluded: [lowest])
            }
        }
        return count
    }

    /// [47] elect those reaching the quota, then [52] elect the rest when the continuing
    /// candidates equal the vacancies left; then record the stage.
    private func finishStage(_ count: inout GregoryCount<FivePlaces>, event: STVEvent, excluded: [Int], notes: [String] = []) throws {
        _ = try count.electReachingQuota(clause: "rule 47")
        var notes = notes
        if try !count.electRemainingIfFew(clause: "rule 52").isEmpty {
            notes.append("The continuing candidates equal the places left and are elected (rule 52).")
        }
        try count.recordStage(event: event, excluded: excluded, notes: notes)
    }

    /// [48] All the candidate's papers are examined (weighted inclusive Gregory). [48](3) each
    /// transferred paper's value is "A divided by B", A = the surplus × the value of the paper
    /// when received, B = the candidate's total votes, "the calculation being made to five
    /// decimal places (any remainder being ignored)". Papers with no next preference for a
    /// continuing candidate form a parcel of non-transferable papers [48](1)(b). What the
    /// truncation loses is lost to rounding; the candidate keeps the quota.
    private func transferSurplus(of candidate: Int, in count: inout GregoryCount<FivePlaces>) throws -> STVSurplusTransfer {
        let total = count.votes[candidate]
        let surplus = try total - count.quota
        var examined: Int64 = 0
        var transferable: Int64 = 0
        var transferred = Value.zero
        var values: [DecimalValue] = []
        for parcel in count.takeParcels(of: candidate) {
            // [48](3) A ÷ B, truncated: value × surplus ÷ total, in units of 10⁻⁵.
            let transferValue = try parcel.value.multiplied(by: surplus.units, dividedBy: total.units, rounding: .down)
            let moved = try count.move(parcel.groups, value: transferValue)
            examined += parcel.papers
            transferable += moved.transferable
            transferred = try transferred + transferValue.times(parcel.papers)
            let value = DecimalValue(transferValue)
            if !values.contains(value) { values.append(value) }
        }
        try count.settleSurplus(of: candidate, surplus: surplus, transferred: transferred)
        return STVSurplusTransfer(
            candidate: candidate, surplus: DecimalValue(surplus), lastParcelOnly: false,
            papersExamined: examined, transferablePapers: transferable, transferValues: values.sorted(by: >), atCurrentValue: false
        )
    }

    /// [51] Every paper of the excluded candidate is transferred, in one stage, at the value at
    /// which the candidate received it; papers with no next preference are non-transferable.
    /// (Several candidates only when doomed under a minimum.)
    private func exclude(_ candidates: [Int], in count: inout GregoryCount<FivePlaces>) throws {
        for candidate in candidates { count.exclude(candidate) }
        for candidate in candidates {
            for parcel in count.takeParcels(of: candidate) {
                try count.move(parcel.groups, value: parcel.value)
            }
            count.clearVotes(of: candidate)
        }
    }
}
