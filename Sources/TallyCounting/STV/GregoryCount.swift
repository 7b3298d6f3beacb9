import TallyArithmetic
import TallyModel

/// The state of an STV count that moves whole papers (ERS97 and the Scottish rules): each
/// candidate's votes and parcels of papers, the exhausted and rounding totals, and the stages
/// recorded so far. The rules drive it; it holds no rule of its own beyond counting papers.
struct GregoryCount<Places: DecimalPlaces> {
    typealias Value = FixedDecimal<Places>

    let ballots: STVBallots
    let seats: Int
    let direction: HistoryDirection
    private(set) var status: [CandidateStatus]
    private(set) var continuing: [Bool]
    private(set) var votes: [Value]
    private(set) var parcels: [[Parcel<Places>]]
    private(set) var exhausted = Value.zero
    private(set) var lost = Value.zero
    var quota: Value
    private(set) var stages: [STVStage] = []
    private(set) var elected: [Int] = []
    var ties: TieBreaker
    /// Votes at the end of each recorded stage, for splitting ties by earlier stages.
    private var history: [[Value]] = []
    /// Votes when the stage being counted began.
    private var stageStart: [Value]
    private var recipients: [[PaperGroup]]
    /// The valid vote, for the conservation check.
    let validVotes: Value
    /// Guard and doom for minimum-representation rules (inactive without minimums).
    let constraints: GuardAndDoom
    /// Interventions recorded so far, and those of the stage being counted.
    private(set) var constraintEvents: [ConstraintEvent] = []
    private var pendingEvents: [(kind: ConstraintEvent.Kind, candidate: Int, instead: Int?, reason: String)] = []

    init(
        ballots: STVBallots, candidateCount: Int, withdrawn: [Int], seats: Int, quota: Value, direction: HistoryDirection,
        ties: TieBreaker, rules: RepresentationRules
    ) throws {
        constraints = GuardAndDoom(rules: rules)
        self.ballots = ballots
        self.seats = seats
        self.quota = quota
        self.direction = direction
        self.ties = ties
        status = Array(repeating: .continuing, count: candidateCount)
        for index in withdrawn { status[index] = .withdrawn }
        continuing = status.map { $0 == .continuing }
        votes = Array(repeating: .zero, count: candidateCount)
        stageStart = votes
        parcels = Array(repeating: [], count: candidateCount)
        recipients = Array(repeating: [], count: candidateCount)
        validVotes = try Value(ballots.validPapers)
    }

    var placesLeft: Int { seats - elected.count }
    var continuingCandidates: [Int] { status.indices.filter { continuing[$0] } }
    /// The number of the stage being counted.
    var stageNumber: Int { (stages.last?.number ?? 0) + 1 }

    // MARK: Moving papers

    /// Gives each paper to its first preference, at value 1.
    mutating func distributeFirstPreferences() throws {
        for ranking in 0..<ballots.count {
            let candidate = ballots.candidate(Int32(ranking), 0)
            recipients[candidate].append(PaperGroup(ranking: Int32(ranking), position: 0, papers: ballots.weight[ranking]))
        }
        try deliver(value: try Value(1))
    }

    /// Moves each group's papers to the next continuing candidate on its ranking, each paper
    /// carrying `value`; papers with no such candidate are exhausted. Returns the number of
    /// papers that moved and the number exhausted.
    ///
    /// `exhaustedCarryValue`: whether papers with no next preference add their value to the
    /// exhausted total (exclusions, Scottish surpluses), or stay behind worth nothing (ERS97
    /// surpluses, where only transferable papers share the surplus).
    @discardableResult
    mutating func move(_ groups: [PaperGroup], value: Value, exhaustedCarryValue: Bool = true) throws -> (transferable: Int64, exhausted: Int64) {
        var exhaustedPapers: Int64 = 0
        var moved: Int64 = 0
        for group in groups {
            if let next = ballots.next(group.ranking, after: group.position, continuing: continuing) {
                let candidate = ballots.candidate(group.ranking, next)
                recipients[candidate].append(PaperGroup(ranking: group.ranking, position: next, papers: group.papers))
                moved += group.papers
            } else {
                exhaustedPapers += group.papers
            }
        }
        if exhaustedCarryValue {
            exhausted = try exhausted + value.times(exhaustedPapers)
        }
        try deliver(value: value)
        return (moved, exhaustedPapers)
    }

    /// Hands the papers collected in `recipients` to their candidates as new parcels.
    private mutating func deliver(value: Value) throws {
        for candidate in recipients.indices where !recipients[candidate].isEmpty {
            let papers = recipients[candidate].reduce(Int64(0)) { $0 + $1.papers }
            parcels[candidate].append(Parcel(value: value, groups: recipients[candidate], papers: papers))
            votes[candidate] = try votes[candidate] + value.times(papers)
            recipients[candidate].removeAll()
        }
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
        votes[candidate] = try votes[candidate] - surplus
    }

    /// Removes an excluded candidate's votes once all their papers have moved.
    mutating func clearVotes(of candidate: Int) { votes[candidate] = .zero }

    // MARK: Elections and exclusions

    /// Elects, in order of votes, the continuing candidates who have reached the quota, never more
    /// than the places left; a doomed candidate (§5) is passed over.
    mutating func electReachingQuota() throws -> [Int] {
        let reached = continuingCandidates.filter { votes[$0] >= quota }
        guard !reached.isEmpty else { return [] }
        var chosen: [Int] = []
        for candidate in try orderByVotes(reached, question: "the order of election") where placesLeft > 0 {
            if isDoomed(candidate) { continue }
            elect(candidate)
            chosen.append(candidate)
        }
        return chosen
    }

    // MARK: Guard and doom

    /// True (and recorded) when electing `candidate` now would make a minimum impossible.
    mutating func isDoomed(_ candidate: Int) -> Bool {
        guard constraints.isActive else { return false }
        guard constraints.doomed(elected: elected, continuing: continuingCandidates, placesLeft: placesLeft).contains(candidate) else { return false }
        note(.notElected, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: placesLeft))
        return true
    }

    /// The continuing candidates who can no longer be elected without breaking a minimum.
    func doomedCandidates() -> [Int] {
        constraints.doomed(elected: elected, continuing: continuingCandidates, placesLeft: placesLeft)
    }

    /// Whether excluding all of `group` still leaves the minimums possible to meet.
    func canExclude(_ group: [Int]) -> Bool {
        guard constraints.isActive else { return true }
        return constraints.rules.canMeet(elected: elected, places: placesLeft, from: continuingCandidates.filter { !group.contains($0) })
    }

    /// The continuing candidates a minimum needs.
    func guardedCandidates() -> Set<Int> {
        constraints.guarded(elected: elected, continuing: continuingCandidates, placesLeft: placesLeft)
    }

    /// Records an intervention for the stage being counted.
    mutating func note(_ kind: ConstraintEvent.Kind, _ candidate: Int, instead: Int? = nil, reason: String) {
        pendingEvents.append((kind, candidate, instead, reason))
    }

    /// Records that `candidates` are excluded for being doomed.
    mutating func noteDoomed(_ candidates: [Int]) {
        for candidate in candidates { note(.doomed, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: placesLeft)) }
    }

    /// When the continuing candidates are no more than the places left, elects them all
    /// (ERS97 5.5.1; SSI 2007/42 rule 52).
    mutating func electRemainingIfFew() throws -> [Int] {
        let remaining = continuingCandidates
        guard placesLeft > 0, remaining.count <= placesLeft else { return [] }
        let ordered = try orderByVotes(remaining, question: "the order of election")
        for candidate in ordered { elect(candidate) }
        return ordered
    }

    mutating func elect(_ candidate: Int) {
        status[candidate] = .elected
        continuing[candidate] = false
        elected.append(candidate)
    }

    mutating func exclude(_ candidate: Int) {
        status[candidate] = .excluded
        continuing[candidate] = false
    }

    /// `candidates` from most votes to fewest; equal votes are split by earlier stages in the
    /// rule's direction, then by the tie breaker. Every split tie is recorded.
    mutating func orderByVotes(_ candidates: [Int], question: String) throws -> [Int] {
        var ordered = candidates.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
        var start = 0
        while start < ordered.count {
            var end = start + 1
            while end < ordered.count, votes[ordered[end]] == votes[ordered[start]] { end += 1 }
            if end - start > 1 {
                ordered.replaceSubrange(start..<end, with: try splitByHistory(Array(ordered[start..<end]), question: question))
            }
            start = end
        }
        return ordered
    }

    /// Candidates with equal votes now, ordered most favoured (most votes earlier) first.
    private mutating func splitByHistory(_ tied: [Int], question: String) throws -> [Int] {
        var result: [Int] = []
        for group in historyGroups(tied, question: question) {
            result += group.count > 1 ? try ties.order(group, question: question) : group
        }
        return result
    }

    /// Candidates with equal votes now, split into groups by their votes at earlier stages in the
    /// rule's direction, most votes first; candidates equal at every stage stay in one group.
    /// A split is recorded as a tie decision.
    mutating func historyGroups(_ tied: [Int], question: String) -> [[Int]] {
        let stagesInOrder: [Int] = direction == .forwards ? Array(history.indices) : history.indices.reversed()
        var groups: [[Int]] = [tied.sorted()]
        var decidingStage: Int?
        for stage in stagesInOrder where groups.contains(where: { $0.count > 1 }) {
            let values = history[stage]
            var split: [[Int]] = []
            for group in groups {
                let byValue = Dictionary(grouping: group) { values[$0] }
                if byValue.count > 1, decidingStage == nil { decidingStage = stage }
                split += byValue.keys.sorted(by: >).map { byValue[$0]!.sorted() }
            }
            groups = split
        }
        if let decidingStage {
            let label = stages[decidingStage].label
            ties.record(TieDecision(
                question: question, candidates: tied.sorted(), order: groups.flatMap { $0 },
                method: .earlierStages(direction: direction, stage: label)
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

    /// Takes `value` from a candidate's votes (papers leaving an excluded candidate batch by batch).
    mutating func debit(_ candidate: Int, _ value: Value) throws { votes[candidate] = try votes[candidate] - value }

    // MARK: Recording

    /// Records the stage just counted, checking that no vote was created or lost.
    mutating func recordStage(subStage: Int? = nil, event: STVEvent, elected newlyElected: [Int], excluded: [Int], notes: [String] = []) throws {
        let total = try votes.reduce(exhausted + lost) { try $0 + $1 }
        guard total == validVotes else {
            throw CountError.invalidOption("internal error: votes not conserved at stage \(stageNumber) (\(total) ≠ \(validVotes))")
        }
        let stage = STVStage(
            number: subStage.map { $0 > 1 ? stageNumber - 1 : stageNumber } ?? stageNumber, subStage: subStage, event: event,
            votes: votes.map(DecimalValue.init),
            transfers: try zip(votes, stageStart).map { try DecimalValue($0 - $1) },
            status: status, exhausted: DecimalValue(exhausted), lostToRounding: DecimalValue(lost), quota: DecimalValue(quota),
            elected: newlyElected, excluded: excluded, notes: notes
        )
        var seen = Set<String>()
        for event in pendingEvents where seen.insert("\(event.kind)\(event.candidate)").inserted {
            constraintEvents.append(ConstraintEvent(stage: stage.label, kind: event.kind, candidate: event.candidate, instead: event.instead, reason: event.reason))
        }
        pendingEvents.removeAll()
        stages.append(stage)
        history.append(votes)
        stageStart = votes
    }
}

extension GregoryCount {
    /// The continuing candidate with the fewest votes; equal: split by earlier stages, then by
    /// the tie breaker, the exclusion falling on the least favoured. A guarded candidate (§5) is
    /// passed over for the lowest unguarded one, and that is recorded.
    mutating func lowestContinuing(question: String) throws -> Int {
        let guarded = guardedCandidates()
        let candidates = continuingCandidates.filter { !guarded.contains($0) }
        let pool = candidates.isEmpty ? continuingCandidates : candidates
        let fewest = pool.map { votes[$0] }.min()!
        let tied = pool.filter { votes[$0] == fewest }
        let lowest = tied.count == 1 ? tied[0] : try orderByVotes(tied, question: question).last!
        for candidate in continuingCandidates where guarded.contains(candidate) && votes[candidate] <= votes[lowest] {
            note(.guarded, candidate, instead: lowest, reason: constraints.reasonGuarded(candidate, elected: elected))
        }
        return lowest
    }
}
