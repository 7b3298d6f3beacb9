import TallyArithmetic
import TallyModel

/// Multi-member plurality ("block vote"): each valid ballot gives one vote to each of its first K
/// distinct marks; the S candidates with most votes are elected (counting-rules.md §4).
///
/// From a ranked ballot the marks are its first K preferences. A ballot whose marks do not fit in
/// K (more than K unordered marks, or equal ranks straddling the K-th place) is an over-vote,
/// handled by `overVotes`. A tie for the last seat(s) goes to the `TieBreaker`.
public struct BlockVote: Sendable {
    public var seats: Int
    public var votesPerBallot: Int
    public var overVotes: OverVotePolicy
    /// Minimum-representation rules, met by displacement (counting-rules.md §5).
    public var minimums: [Minimum]

    public init(seats: Int, votesPerBallot: Int? = nil, overVotes: OverVotePolicy = .void, minimums: [Minimum] = []) {
        self.seats = seats
        self.votesPerBallot = votesPerBallot ?? seats
        self.overVotes = overVotes
        self.minimums = minimums
    }

    /// The marks a ranking (`entries[range]`) gives votes to: whole ranks while they fit in
    /// `limit`; `straddles` when a rank of equal marks does not fit and fewer than `limit` were
    /// taken (an over-vote, handled by the policy).
    static func marks(_ entries: UnsafeBufferPointer<Preference>, _ range: Range<Int>, limit: Int) -> (taken: Int, straddles: Bool) {
        var taken = 0
        var index = range.lowerBound
        while index < range.upperBound {
            var rankEnd = index + 1
            while rankEnd < range.upperBound, entries[rankEnd].isEqualToPrevious { rankEnd += 1 }
            if taken + (rankEnd - index) > limit { break }
            taken += rankEnd - index
            index = rankEnd
        }
        return (taken, index < range.upperBound && taken < limit)
    }

    /// The number of a ranking's entries that give votes under `policy`: nil when the ballot is
    /// void as an over-vote (`count` decides the same way).
    static func countedMarks(_ ranking: Ranking, limit: Int, policy: OverVotePolicy) -> Int? {
        let (taken, straddles) = Array(ranking.entries).withUnsafeBufferPointer { marks($0, 0..<$0.count, limit: limit) }
        if straddles, policy == .void || taken == 0 { return nil }
        return taken
    }

    /// Counts `profile`. Throws `CountError` for impossible options, `UnresolvedTie` when the tie
    /// breaker cannot decide.
    ///
    /// `trail`, when given, is told each ranking's votes (one stage, "1") or why it is void.
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker(), trail: PaperTrail? = nil) throws -> BlockVoteRecord {
        let setUp = try CountSetUp(profile: profile, seats: seats, minimums: minimums, validBallots: profile.validBallots)
        guard votesPerBallot >= 1 else { throw CountError.invalidOption("votes per ballot must be at least 1") }
        let (standing, rules) = (setUp.standing, setUp.rules)
        let candidateCount = profile.candidates.count

        var votes = Array(repeating: Int64(0), count: candidateCount)
        var overVoted = LocatedCount()
        var partlyCounted = LocatedCount()
        var counted: Int64 = 0
        var marks: Int64 = 0
        let limit = votesPerBallot
        try profile.withRankings { entries, starts, weights in
            for ballot in 0..<weights.count {
                let start = starts[ballot]
                let end = starts[ballot + 1]
                let (taken, straddles) = BlockVote.marks(entries, start..<end, limit: limit)
                let weight = weights[ballot]
                if straddles { // a rank of equal marks straddles the K-th vote
                    if overVotes == .void || taken == 0 {
                        overVoted.add(profile.ballots[ballot])
                        try trail?.void(ranking: ballot, papers: weight, reason: "over-vote: more marks than \(limit) votes (void)")
                        continue
                    }
                    partlyCounted.add(profile.ballots[ballot])
                }
                counted += weight
                marks += weight * Int64(taken)
                for position in start..<(start + taken) { votes[entries[position].candidate] += weight }
                if let trail {
                    for position in start..<(start + taken) {
                        try trail.credit(ranking: ballot, papers: weight, to: entries[position].candidate, value: DecimalValue(units: 1, places: 0))
                    }
                }
            }
        }

        try trail?.endStage("1")
        guard counted > 0 else { throw CountError.noVotes }
        var tieBreaker = ties
        let placing = try placingOrder(votes: votes, standing: standing, tieBreaker: &tieBreaker)
        let (elected, displacements) = try displace(Array(placing.prefix(seats)), placing: placing, votes: votes, rules: rules, ties: &tieBreaker)
        return BlockVoteRecord(
            seats: seats, votesPerBallot: votesPerBallot, overVotePolicy: overVotes,
            votes: votes, placing: placing, elected: elected, minimums: minimums, displacements: displacements,
            ballotsRead: profile.ballotsRead, invalidAtReading: profile.invalidBallots,
            overVotes: overVoted, partlyCounted: partlyCounted, countedBallots: counted, marks: marks,
            ties: tieBreaker.decisions, seed: tieBreaker.seed
        )
    }

    /// counting-rules.md §5, block vote: "while the top S has fewer than K of the category,
    /// replace the lowest-placed winner who is not in the category (and whose removal does not
    /// break another minimum) with the highest-placed non-winner who is." Minimums are taken in
    /// the order given; a swap may not take a met minimum below its count nor lower an unmet one,
    /// so every swap brings the minimums closer to being met. Candidates equal on votes for the
    /// place given or the place lost go to the tie breaker.
    ///
    /// Several minimums can need two exchanges at once (no single one helps); then the seats are
    /// filled in placing order, each candidate taken only if the minimums stay possible — the
    /// same result as displacement wherever displacement reaches one.
    private func displace(_ winners: [Int], placing: [Int], votes: [Int64], rules: RepresentationRules, ties: inout TieBreaker) throws -> ([Int], [Displacement]) {
        guard !rules.isEmpty else { return (winners, []) }
        var elected = winners
        var displacements: [Displacement] = []
        let rank = Dictionary(uniqueKeysWithValues: placing.enumerated().map { ($1, $0) })
        func keepsOthers(_ trial: [Int], _ index: Int, _ before: [Int]) -> Bool {
            let after = rules.tallies(trial)
            return rules.minimums.indices.allSatisfy { other in other == index || after[other] >= min(rules.minimums[other].count, before[other]) }
        }
        while let index = rules.needs(elected).firstIndex(where: { $0 > 0 }) {
            let before = rules.tallies(elected)
            var swap: (out: Int, in: Int)?
            search: for incoming in placing where !elected.contains(incoming) && rules.counts(incoming, toward: index) {
                for outgoing in elected.sorted(by: { rank[$0]! > rank[$1]! }) where !rules.counts(outgoing, toward: index) {
                    if keepsOthers(elected.filter { $0 != outgoing } + [incoming], index, before) { swap = (outgoing, incoming); break search }
                }
            }
            guard var (outgoing, incoming) = swap else {
                return try fillInOrder(placing: placing, rules: rules, winners: winners)
            }
            // Equal votes: the tie breaker picks who comes in (most favoured) and who goes (least).
            let rivalsIn = placing.filter { !elected.contains($0) && rules.counts($0, toward: index) && votes[$0] == votes[incoming]
                && keepsOthers(elected.filter { $0 != outgoing } + [$0], index, before) }
            if rivalsIn.count > 1 { incoming = try ties.order(rivalsIn, question: "which \(rules.minimums[index].category) candidate takes the place")[0] }
            let rivalsOut = elected.filter { candidate in
                !rules.counts(candidate, toward: index) && votes[candidate] == votes[outgoing]
                    && keepsOthers(elected.filter { $0 != candidate } + [incoming], index, before)
            }
            if rivalsOut.count > 1 { outgoing = try ties.order(rivalsOut, question: "which winner gives way").last! }
            elected = (elected.filter { $0 != outgoing } + [incoming]).sorted { rank[$0]! < rank[$1]! }
            displacements.append(Displacement(replaced: outgoing, by: incoming, minimum: rules.minimums[index]))
        }
        return (elected, displacements)
    }

    /// The seats filled in placing order, each candidate taken only when the minimums can still
    /// be met from the candidates below; reported as displacements of the top S.
    private func fillInOrder(placing: [Int], rules: RepresentationRules, winners: [Int]) throws -> ([Int], [Displacement]) {
        var chosen: [Int] = []
        for (position, candidate) in placing.enumerated() where chosen.count < seats {
            let below = Array(placing[(position + 1)...])
            if rules.canMeet(elected: chosen + [candidate], places: seats - chosen.count - 1, from: below) { chosen.append(candidate) }
        }
        guard chosen.count == seats, rules.needs(chosen).allSatisfy({ $0 == 0 }) else {
            throw CountError.infeasibleMinimums(["no choice of \(seats) candidates meets every minimum"])
        }
        let unmet = rules.needs(winners)
        let out = winners.filter { !chosen.contains($0) }.reversed()
        let incoming = chosen.filter { !winners.contains($0) }
        let displacements = zip(out, incoming).map { replaced, by in
            let index = rules.minimums.indices.first { unmet[$0] > 0 && rules.counts(by, toward: $0) } ?? 0
            return Displacement(replaced: replaced, by: by, minimum: rules.minimums[index], byExchange: false)
        }
        return (chosen, displacements)
    }

    /// Standing candidates by votes, most first. Equal votes keep ballot-file order, except a
    /// run that straddles the last seat, whose order the tie breaker decides.
    private func placingOrder(votes: [Int64], standing: [Int], tieBreaker: inout TieBreaker) throws -> [Int] {
        try CandidateOrder.descending(standing, by: { votes[$0] }) { run, positions in
            guard positions.contains(seats - 1), positions.contains(seats) else { return run }
            let places = seats - positions.lowerBound
            return try tieBreaker.order(run, question: places == 1 ? "the last seat" : "the last \(places) seats")
        }
    }
}
