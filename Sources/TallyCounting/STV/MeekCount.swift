import TallyArithmetic
import TallyModel

/// The state of a Meek count (PR Foundation reference rule): each candidate's keep factor and
/// votes, the excess, the quota, and the rounds recorded so far. `MeekSTV` drives it step by step;
/// each step here is one of the reference rule's, with its rounding named.
struct MeekCount {
    typealias Value = FixedDecimal<NinePlaces>

    let ballots: STVBallots
    /// Who is hopeful ("continuing"), elected or excluded, and guard and doom.
    private(set) var candidates: STVCandidates
    /// [A] Each candidate's keep factor: 1 while hopeful, 0 when excluded or withdrawn.
    private(set) var keep: [Value]
    private(set) var votes: [Value]
    /// Weight left on ballots after their last preference, with the gains and losses of rounding.
    private(set) var excess = Value.zero
    private(set) var quota = Value.zero
    private(set) var stages: [STVStage] = []
    var ties: TieBreaker
    /// Votes when the round being counted began.
    private var roundStart: [Value]
    /// The valid vote (one per ballot), for the conservation check.
    let validVotes: Value
    /// Told where each ranking's vote sits at every stage, when an audit trail is asked for.
    let trail: PaperTrail?
    /// The ballots grouped by what the distribution reads of them, for the candidates hopeful
    /// when the groups were made (see `Prefixes`).
    private var prefixes: Prefixes?
    /// The keep factors of the last distribution, and the candidates excluded since (whose
    /// votes wait as excess): what the recorded votes are made of.
    private var distributedKeep: [Value] = []
    private var releasedSinceDistribution: Set<Int> = []

    init(
        ballots: STVBallots, candidateCount: Int, withdrawn: [Int], seats: Int, ties: TieBreaker, rules: RepresentationRules,
        trail: PaperTrail? = nil
    ) throws {
        self.ballots = ballots
        self.trail = trail
        self.ties = ties
        candidates = STVCandidates(count: candidateCount, withdrawn: withdrawn, seats: seats, rules: rules)
        let one = try Value(1)
        keep = candidates.status.map { $0 == .continuing ? one : .zero }
        votes = Array(repeating: .zero, count: candidateCount)
        roundStart = votes
        validVotes = try Value(ballots.validPapers)
    }

    var seats: Int { candidates.seats }
    var elected: [Int] { candidates.elected }
    var hopeful: [Int] { candidates.continuingCandidates }
    var constraintEvents: [ConstraintEvent] { candidates.constraintEvents }

    // MARK: The reference rule's steps

    /// [B.2.a] Distributes every ballot from weight 1: each candidate in turn with a keep factor
    /// takes weight × keep factor, rounded up to 9 decimals, and the ballot passes on exactly what
    /// is left. Rounding is per ballot; identical ballots are then multiplied. Weight left after
    /// the last preference is excess.
    mutating func distributeVotes() throws {
        // A hopeful candidate's keep factor is 1: they keep all that reaches them, and the
        // ballot stops there. So a ballot's distribution reads its candidates only up to the
        // first hopeful one, and the excluded (keep factor 0) pass it on untouched: ballots that
        // agree on the rest are distributed alike, rounding and all, and are distributed once
        // as a group. The groups hold while no one is elected or excluded.
        let hopeful = candidates.continuing
        if prefixes?.hopeful != hopeful { prefixes = Prefixes(ballots: ballots, keep: keep, hopeful: hopeful) }
        let groups = prefixes!
        var votes = [Value](repeating: .zero, count: self.votes.count)
        var excess = Value.zero
        for group in 0..<groups.papers.count {
            let papers = groups.papers[group]
            let left = try MeekCount.share(groups.candidates[Int(groups.starts[group])..<Int(groups.starts[group + 1])], keep: keep) { candidate, kept in
                votes[candidate] = try votes[candidate] + kept.times(papers)
            }
            excess = try excess + left.times(papers)
        }
        self.votes = votes
        self.excess = excess
        if trail != nil {
            distributedKeep = keep
            releasedSinceDistribution = []
        }
    }

    /// Each distinct prefix of the ballots' rankings that the distribution reads — the
    /// candidates with a keep factor above 0, up to and including the first hopeful one — with
    /// the ballots that have it.
    struct Prefixes {
        let hopeful: [Bool]
        let candidates: [UInt16]
        let starts: [Int32]
        let papers: [Int64]

        init(ballots: STVBallots, keep: [Value], hopeful: [Bool]) {
            self.hopeful = hopeful
            var interner = SequenceInterner(capacity: 1024)
            var papers: [Int64] = []
            var prefix: [UInt16] = []
            for ranking in 0..<ballots.count {
                prefix.removeAll(keepingCapacity: true)
                let base = Int(ballots.start[ranking])
                for position in 0..<Int(ballots.length[ranking]) {
                    let candidate = ballots.candidates[base + position]
                    guard keep[Int(candidate)].units > 0 else { continue }
                    prefix.append(candidate)
                    if hopeful[Int(candidate)] { break }
                }
                let (number, isNew) = prefix.withUnsafeBufferPointer { interner.intern($0) }
                if isNew { papers.append(0) }
                papers[number] += ballots.weight[ranking]
            }
            var candidates: [UInt16] = []
            var starts: [Int32] = [0]
            for number in 0..<interner.count {
                candidates.append(contentsOf: interner[number])
                starts.append(Int32(candidates.count))
            }
            self.candidates = candidates
            self.starts = starts
            self.papers = papers
        }
    }

    /// [B.2.a] for one ballot of `ranking`: from weight 1, each candidate in turn with a keep
    /// factor takes weight × keep factor, rounded up to 9 decimals (`take` is told each part), and
    /// the ballot passes on exactly what is left. Returns the weight left after the last
    /// preference.
    @inline(__always)
    static func share(_ ranking: Int, of ballots: STVBallots, keep: [Value], take: (Int, Value) throws -> Void) throws -> Value {
        let base = Int(ballots.start[ranking])
        return try share(ballots.candidates[base..<(base + Int(ballots.length[ranking]))], keep: keep, take: take)
    }

    /// The same for a ballot whose candidates, in order, are `candidates`.
    @inline(__always)
    static func share(_ candidates: ArraySlice<UInt16>, keep: [Value], take: (Int, Value) throws -> Void) throws -> Value {
        let one = Value(units: Value.scale)
        var weight = one
        for code in candidates {
            let candidate = Int(code)
            let factor = keep[candidate]
            guard factor.units > 0 else { continue }
            let kept = factor == one ? weight : try weight.multiplied(by: factor, rounding: .up)
            try take(candidate, kept)
            weight = try weight - kept
            if weight.units == 0 { break }
        }
        return weight
    }

    /// Tells the trail where each ranking's vote sits at the stage just recorded: the parts of
    /// the last distribution, the parts of candidates excluded since then waiting as excess.
    private func tellTrail(_ trail: PaperTrail, stage: String) throws {
        for ranking in 0..<ballots.count {
            let papers = ballots.weight[ranking]
            let profileRanking = Int(ballots.profileIndex[ranking])
            var waiting = Value.zero
            let left = try MeekCount.share(ranking, of: ballots, keep: distributedKeep) { candidate, kept in
                if releasedSinceDistribution.contains(candidate) {
                    waiting = try waiting + kept
                } else {
                    try trail.hold(ranking: profileRanking, papers: papers, by: candidate, value: DecimalValue(kept))
                }
            }
            let excess = try left + waiting
            if excess.units > 0 { try trail.hold(ranking: profileRanking, papers: papers, by: nil, value: DecimalValue(excess)) }
        }
        try trail.endStage(stage)
    }

    /// [B.2.b] Quota = the votes credited to candidates ÷ (seats + 1), truncated to 9 decimals,
    /// plus 0.000000001.
    mutating func updateQuota() throws {
        let credited = try votes.reduce(Value.zero) { try $0 + $1 }
        quota = try credited.divided(by: Int64(seats + 1), rounding: .down) + Value.unit
    }

    /// [B.2.c] Elects the hopefuls whose votes reach the quota, most votes first. §5: a doomed
    /// candidate is passed over; candidates with equal votes are then put in order by the tie
    /// breaker, since electing one can doom another.
    mutating func electReachingQuota() throws -> [Int] {
        let reaching = hopeful.filter { votes[$0] >= quota }
        let active = candidates.constraints.isActive
        let order = try CandidateOrder.descending(reaching, by: { votes[$0] }) { run, _ in
            active ? try ties.order(run, question: "the order of election") : run
        }
        var newlyElected: [Int] = []
        for candidate in order where !candidates.isDoomed(candidate) {
            candidates.elect(candidate, on: .quota, clause: "B.2.c")
            newlyElected.append(candidate)
        }
        return newlyElected
    }

    /// [B.2.d] The total surplus: Σ over every elected candidate of (votes − quota), not below 0.
    func totalSurplus() throws -> Value {
        let total = try elected.reduce(Value.zero) { try $0 + (votes[$1] - quota) }
        return max(total, .zero)
    }

    /// [B.2.f] Each elected candidate's keep factor becomes keep factor × quota, rounded up, ÷
    /// votes, rounded up (9 decimals each).
    mutating func updateKeepFactors() throws {
        for candidate in elected {
            keep[candidate] = try keep[candidate].multiplied(by: quota, rounding: .up).divided(by: votes[candidate], rounding: .up)
        }
    }

    /// [B.3] The hopeful to defeat: the lowest; every hopeful within `surplus` of the lowest is
    /// tied with it, and the tie breaker decides (the defeat falls on the least favoured). §5: a
    /// guarded hopeful is passed over for the lowest unguarded one, and that is recorded.
    mutating func lowestHopeful(surplus: Value) throws -> Int {
        let (pool, guarded) = candidates.excludable()
        let lowest = pool.map { votes[$0] }.min()!
        let ceiling = try lowest + surplus
        let tied = pool.filter { votes[$0] <= ceiling }
        let defeated = tied.count == 1 ? tied[0] : try ties.order(tied, question: "which candidate to exclude").last!
        candidates.noteKept(guarded, insteadOf: defeated) { votes[$0] <= votes[defeated] }
        return defeated
    }

    /// Excludes `defeated`: keep factor 0, so the next distribution passes their ballots on.
    mutating func exclude(_ defeated: [Int]) {
        for candidate in defeated {
            candidates.exclude(candidate)
            keep[candidate] = .zero
        }
    }

    /// [C.1] Elects the remaining hopefuls, most votes first.
    mutating func electRemaining() {
        let ordered = CandidateOrder.descending(hopeful, by: { votes[$0] }) { run, _ in run }
        let ground = STVElection.Ground.remainingPlaces(continuing: ordered.count, placesLeft: seats - elected.count)
        for candidate in ordered { candidates.elect(candidate, on: ground, clause: "C.1") }
    }

    // MARK: Guard and doom

    /// The hopefuls doomed now, recorded as excluded for it, with the stage note; nil when none
    /// is (`STVCandidates.takeDoomed`).
    mutating func takeDoomed() -> (candidates: [Int], note: String)? { candidates.takeDoomed() }

    // MARK: Recording

    /// Records the round just counted, checking that no vote was created or lost.
    /// The round's elections are those made since the last round was recorded.
    mutating func recordStage(_ event: STVEvent, excluded: [Int], notes: [String] = []) throws {
        let total = try votes.reduce(excess) { try $0 + $1 }
        guard total == validVotes else {
            throw InternalInconsistency("Meek votes not conserved at round \(stages.count + 1) (\(total) ≠ \(validVotes))")
        }
        let stage = STVStage(
            number: stages.count + 1, subStage: nil, event: event,
            votes: StageFigures(units: votes.map(\.units), places: NinePlaces.count, sharingWith: stages.last?.votes),
            transfers: StageFigures(units: zip(votes, roundStart).map { $0.units - $1.units }, places: NinePlaces.count, sharingWith: stages.last?.transfers),
            status: PerCandidate(candidates.status, sharingWith: stages.last?.status), exhausted: DecimalValue(excess), lostToRounding: DecimalValue(units: 0, places: NinePlaces.count),
            quota: DecimalValue(quota), elections: candidates.takeElections(votes: votes, quota: quota), excluded: excluded, notes: notes
        )
        candidates.recordEvents(stage: stage.label)
        if let trail { try tellTrail(trail, stage: stage.label) }
        stages.append(stage)
        roundStart = votes
    }

    /// After an exclusion is recorded, the excluded hold nothing: their votes wait as excess until
    /// the next distribution passes their ballots on (and show as 0 on later stages).
    mutating func release(_ excluded: [Int]) throws {
        for candidate in excluded {
            excess = try excess + votes[candidate]
            votes[candidate] = .zero
            if trail != nil { releasedSinceDistribution.insert(candidate) }
        }
        roundStart = votes
    }
}
