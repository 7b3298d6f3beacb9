import TallyArithmetic
import TallyModel

/// The state of an STV count that moves whole papers (ERS97 and the Scottish rules): each
/// candidate's votes and parcels of papers, the exhausted and rounding totals, and the stages
/// recorded so far. The rules drive it; it holds no rule of its own beyond counting papers.
struct GregoryCount<Places: DecimalPlaces> {
    typealias Value = FixedDecimal<Places>

    let ballots: STVBallots
    let direction: HistoryDirection
    /// Who is continuing, elected or excluded, and guard and doom.
    private(set) var candidates: STVCandidates
    private(set) var votes: [Value]
    private(set) var parcels: [[Parcel<Places>]]
    private(set) var exhausted = Value.zero
    private(set) var lost = Value.zero
    var quota: Value
    private(set) var stages: [STVStage] = []
    var ties: TieBreaker
    /// Votes at each recorded stage, for splitting ties by earlier stages.
    private var history: VoteHistory<Places>
    /// Votes when the stage being counted began.
    private var stageStart: [Value]
    private var recipients: [[PaperGroup]]
    /// The candidates in `recipients` with papers waiting to be delivered.
    private var waiting: [Int] = []
    /// The valid vote, for the conservation check.
    let validVotes: Value
    /// Told where papers go, when an audit trail is asked for.
    let trail: PaperTrail?

    init(
        ballots: STVBallots, candidateCount: Int, withdrawn: [Int], seats: Int, quota: Value, direction: HistoryDirection,
        ties: TieBreaker, rules: RepresentationRules, trail: PaperTrail? = nil
    ) throws {
        self.ballots = ballots
        self.trail = trail
        self.quota = quota
        self.direction = direction
        self.ties = ties
        candidates = STVCandidates(count: candidateCount, withdrawn: withdrawn, seats: seats, rules: rules)
        votes = Array(repeating: .zero, count: candidateCount)
        stageStart = votes
        parcels = Array(repeating: [], count: candidateCount)
        recipients = Array(repeating: [], count: candidateCount)
        history = VoteHistory(candidateCount: candidateCount)
        validVotes = try Value(ballots.validPapers)
    }

    var seats: Int { candidates.seats }
    var placesLeft: Int { candidates.placesLeft }
    var elected: [Int] { candidates.elected }
    var continuing: [Bool] { candidates.continuing }
    var continuingCandidates: [Int] { candidates.continuingCandidates }
    var constraintEvents: [ConstraintEvent] { candidates.constraintEvents }
    /// The number of the stage being counted.
    var stageNumber: Int { (stages.last?.number ?? 0) + 1 }

    // MARK: Moving papers

    /// Gives each paper to its first preference, at value 1.
    mutating func distributeFirstPreferences() throws {
        for ranking in 0..<ballots.count {
            receive(PaperGroup(ranking: Int32(ranking), position: 0, papers: ballots.weight[ranking]))
        }
        try deliver(value: try Value(1))
    }

    /// `groups` sorted by their next preference for a continuing candidate, as a returning officer
    /// sorts papers before moving them: each group that has one with that preference's position,
    /// and the papers that have none (non-transferable).
    func sortByNextPreference(_ groups: [PaperGroup]) -> SortedPapers {
        var sorted = SortedPapers()
        for group in groups {
            if let next = ballots.next(group.ranking, after: group.position, continuing: candidates.continuing) {
                sorted.transferable.append(PaperGroup(ranking: group.ranking, position: next, papers: group.papers))
                sorted.transferablePapers += group.papers
            } else {
                sorted.nonTransferablePapers += group.papers
                if trail != nil { sorted.nonTransferable.append(group) }
            }
        }
        return sorted
    }

    /// Moves sorted papers to their next preferences, each paper carrying `value`.
    ///
    /// `exhaustedCarryValue`: whether the non-transferable papers add their value to the exhausted
    /// total (exclusions, Scottish surpluses), or stay behind worth nothing (ERS97 surpluses,
    /// where only transferable papers share the surplus).
    mutating func move(_ sorted: SortedPapers, value: Value, exhaustedCarryValue: Bool = true) throws {
        for group in sorted.transferable { receive(group) }
        if exhaustedCarryValue {
            exhausted = try exhausted + value.times(sorted.nonTransferablePapers)
            if let trail {
                for group in sorted.nonTransferable {
                    try trail.credit(ranking: Int(ballots.profileIndex[Int(group.ranking)]), papers: group.papers, to: nil, value: DecimalValue(value))
                }
            }
        }
        try deliver(value: value)
    }

    /// Sorts `groups` and moves them (`move(_:value:exhaustedCarryValue:)`); returns the papers
    /// that moved and those that had no next preference.
    @discardableResult
    mutating func move(_ groups: [PaperGroup], value: Value) throws -> (transferable: Int64, exhausted: Int64) {
        let sorted = sortByNextPreference(groups)
        try move(sorted, value: value)
        return (sorted.transferablePapers, sorted.nonTransferablePapers)
    }

    /// Puts a group of papers on the pile of the candidate its position names.
    private mutating func receive(_ group: PaperGroup) {
        let candidate = ballots.candidate(group.ranking, group.position)
        if recipients[candidate].isEmpty { waiting.append(candidate) }
        recipients[candidate].append(group)
    }

    /// Hands the papers collected in `recipients` to their candidates as new parcels, in
    /// candidate order; the cost is in the candidates who received papers, not all of them.
    private mutating func deliver(value: Value) throws {
        waiting.sort()
        for candidate in waiting {
            let papers = recipients[candidate].reduce(Int64(0)) { $0 + $1.papers }
            parcels[candidate].append(Parcel(value: value, groups: recipients[candidate], papers: papers))
            if let trail {
                for group in recipients[candidate] {
                    try trail.credit(ranking: Int(ballots.profileIndex[Int(group.ranking)]), papers: group.papers, to: candidate, value: DecimalValue(value))
                }
            }
            votes[candidate] = try votes[candidate] + value.times(papers)
            recipients[candidate].removeAll()
        }
        waiting.removeAll(keepingCapacity: true)
    }

    /// Takes a candidate's parcels away (to transfer them), leaving none.
    mutating func takeParcels(of candidate: Int) -> [Parcel<Places>] {
        defer { parcels[candidate] = [] }
        return parcels[candidate]
    }

    /// Sets an elected candidate's votes after their surplus has gone: what is left is the quota;
    /// what did not reach another candidate or the exhausted pile was lost to rounding.
    ///
    /// `shortfallExhausted`: the part not transferred is counted as exhausted rather than lost to
    /// rounding (ERS97, when the transferable papers are worth less than the surplus).
    mutating func settleSurplus(of candidate: Int, surplus: Value, transferred: Value, shortfallExhausted: Bool = false) throws {
        if shortfallExhausted {
            exhausted = try exhausted + (surplus - transferred)
        } else {
            lost = try lost + (surplus - transferred)
        }
        if let trail, surplus != transferred {
            try trail.remainder(from: candidate, lostToRounding: !shortfallExhausted, value: DecimalValue(try surplus - transferred))
        }
        votes[candidate] = try votes[candidate] - surplus
    }

    /// Removes an excluded candidate's votes once all their papers have moved.
    mutating func clearVotes(of candidate: Int) { votes[candidate] = .zero }

    /// Takes `value` from a candidate's votes (papers leaving an excluded candidate batch by batch).
    mutating func debit(_ candidate: Int, _ value: Value) throws { votes[candidate] = try votes[candidate] - value }

    // MARK: Elections and exclusions

    mutating func elect(_ candidate: Int, on ground: STVElection.Ground, clause: String) {
        candidates.elect(candidate, on: ground, clause: clause)
    }

    mutating func exclude(_ candidate: Int) { candidates.exclude(candidate) }

    /// Elects, in order of votes, the continuing candidates who have reached the quota, never more
    /// than the places left, under the rule's `clause`; a doomed candidate (§5) is passed over.
    mutating func electReachingQuota(clause: String) throws -> [Int] {
        let reached = continuingCandidates.filter { votes[$0] >= quota }
        guard !reached.isEmpty else { return [] }
        var chosen: [Int] = []
        for candidate in try orderByVotes(reached, question: "the order of election") where placesLeft > 0 {
            if candidates.isDoomed(candidate) { continue }
            elect(candidate, on: .quota, clause: clause)
            chosen.append(candidate)
        }
        return chosen
    }

    /// When the continuing candidates are no more than the places left, elects them all under
    /// the rule's `clause` (ERS97 5.5.1; SSI 2007/42 rule 52).
    mutating func electRemainingIfFew(clause: String) throws -> [Int] {
        let remaining = continuingCandidates
        guard placesLeft > 0, remaining.count <= placesLeft else { return [] }
        return try electAll(remaining, clause: clause)
    }

    /// Elects `remaining`, in order of votes, because they are no more than the places left.
    mutating func electAll(_ remaining: [Int], clause: String) throws -> [Int] {
        let ground = STVElection.Ground.remainingPlaces(continuing: remaining.count, placesLeft: placesLeft)
        let ordered = try orderByVotes(remaining, question: "the order of election")
        for candidate in ordered { elect(candidate, on: ground, clause: clause) }
        return ordered
    }

    /// The continuing candidate with the fewest votes; equal: split by earlier stages, then by
    /// the tie breaker, the exclusion falling on the least favoured. A guarded candidate (§5) is
    /// passed over for the lowest unguarded one, and that is recorded.
    mutating func lowestContinuing(question: String) throws -> Int {
        let (pool, guarded) = candidates.excludable()
        let fewest = pool.map { votes[$0] }.min()!
        let tied = pool.filter { votes[$0] == fewest }
        let lowest = tied.count == 1 ? tied[0] : try orderByVotes(tied, question: question).last!
        candidates.noteKept(guarded, insteadOf: lowest) { votes[$0] <= votes[lowest] }
        return lowest
    }

    // MARK: Guard and doom

    /// True (and recorded) when electing `candidate` now would make a minimum impossible.
    mutating func isDoomed(_ candidate: Int) -> Bool { candidates.isDoomed(candidate) }

    /// The candidates doomed now, recorded as excluded for it, with the stage note; nil when none
    /// is (`STVCandidates.takeDoomed`).
    mutating func takeDoomed() -> (candidates: [Int], note: String)? { candidates.takeDoomed() }

    /// Whether excluding all of `group` still leaves the minimums possible to meet.
    func canExclude(_ group: [Int]) -> Bool { candidates.canExclude(group) }

    /// The continuing candidates a minimum needs.
    func guardedCandidates() -> Set<Int> { candidates.guarded() }

    // MARK: Ordering equal candidates

    /// `candidates` from most votes to fewest; equal votes are split by earlier stages in the
    /// rule's direction, then by the tie breaker. Every split tie is recorded.
    mutating func orderByVotes(_ candidates: [Int], question: String) throws -> [Int] {
        try CandidateOrder.descending(candidates, by: { votes[$0] }) { run, _ in
            var result: [Int] = []
            for group in historyGroups(run, question: question) {
                result += group.count > 1 ? try ties.order(group, question: question) : group
            }
            return result
        }
    }

    /// Candidates with equal votes now, split into groups by their votes at earlier stages in the
    /// rule's direction, most votes first; candidates equal at every stage stay in one group.
    /// A split is recorded as a tie decision.
    mutating func historyGroups(_ tied: [Int], question: String) -> [[Int]] {
        let (groups, decidingStage) = history.groups(tied, direction)
        if let decidingStage {
            ties.record(TieDecision(
                question: question, candidates: tied.sorted(), order: groups.flatMap { $0 },
                method: .earlierStages(direction: direction, stage: stages[decidingStage].label)
            ))
        }
        return groups
    }

    /// The total active vote (ERS97 6.20, 5.6.1): the valid vote less the votes of elected
    /// candidates up to the quota and less the non-transferable votes.
    var totalActiveVote: Value {
        get throws {
            var active = try validVotes - exhausted - lost
            for candidate in elected { active = try active - min(votes[candidate], quota) }
            return active
        }
    }

    // MARK: Recording

    /// Records the stage just counted, checking that no vote was created or lost.
    /// The stage's elections are those made since the last stage was recorded.
    mutating func recordStage(subStage: Int? = nil, event: STVEvent, excluded: [Int], notes: [String] = []) throws {
        let total = try votes.reduce(exhausted + lost) { try $0 + $1 }
        guard total == validVotes else {
            throw InternalInconsistency("votes not conserved at stage \(stageNumber) (\(total) ≠ \(validVotes))")
        }
        let stage = STVStage(
            number: subStage.map { $0 > 1 ? stageNumber - 1 : stageNumber } ?? stageNumber, subStage: subStage, event: event,
            votes: StageFigures(units: votes.map(\.units), places: Places.count, sharingWith: stages.last?.votes),
            transfers: StageFigures(units: zip(votes, stageStart).map { $0.units - $1.units }, places: Places.count, sharingWith: stages.last?.transfers),
            status: PerCandidate(candidates.status, sharingWith: stages.last?.status), exhausted: DecimalValue(exhausted), lostToRounding: DecimalValue(lost), quota: DecimalValue(quota),
            elections: candidates.takeElections(votes: votes, quota: quota), excluded: excluded, notes: notes
        )
        candidates.recordEvents(stage: stage.label)
        try trail?.endStage(stage.label)
        stages.append(stage)
        history.record(votes)
        stageStart = votes
    }
}
