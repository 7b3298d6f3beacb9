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

    /// Counts `profile`. Throws `CountError` for impossible options, `UnresolvedTie` when the tie
    /// breaker cannot decide.
    public func count(_ profile: BallotProfile, ties: TieBreaker = TieBreaker()) throws -> BlockVoteRecord {
        let candidateCount = profile.candidates.count
        let standing = (0..<candidateCount).filter { !profile.withdrawn.contains($0) }
        guard seats >= 1 else { throw CountError.noSeats }
        guard seats <= standing.count else { throw CountError.moreSeatsThanCandidates(seats: seats, candidates: standing.count) }
        guard votesPerBallot >= 1 else { throw CountError.invalidOption("votes per ballot must be at least 1") }
        guard profile.validBallots > 0 else { throw CountError.noValidBallots }
        let rules = RepresentationRules(minimums: minimums, candidates: profile.candidates)
        try rules.checkFeasible(seats: seats, standing: standing)

        var votes = Array(repeating: Int64(0), count: candidateCount)
        var overVoted = LocatedCount()
        var partlyCounted = LocatedCount()
        var counted: Int64 = 0
        var marks: Int64 = 0
        let limit = votesPerBallot
        profile.withRankings { entries, starts, weights in
            for ballot in 0..<weights.count {
                let start = starts[ballot]
                let end = starts[ballot + 1]
                // Take whole ranks while they fit in K.
                var taken = 0
                var index = start
                while index < end {
                    var rankEnd = index + 1
                    while rankEnd < end, entries[rankEnd].isEqualToPrevious { rankEnd += 1 }
                    if taken + (rankEnd - index) > limit { break }
                    taken += rankEnd - index
                    index = rankEnd
                }
                let weight = weights[ballot]
                if index < end, taken < limit { // a rank of equal marks straddles the K-th vote
                    if overVotes == .void || taken == 0 { overVoted.add(profile.ballots[ballot]); continue }
                    partlyCounted.add(profile.ballots[ballot])
                }
                counted += weight
                marks += weight * Int64(taken)
                for position in start..<(start + taken) { votes[entries[position].candidate] += weight }
            }
        }

        guard counted > 0 else { throw CountError.noVotes }
        var tieBreaker = ties
        let placing = try placingOrder(votes: votes, standing: standing, tieBreaker: &tieBreaker)
        let (elected, displacements) = try displace(Array(placing.prefix(seats)), placing: placing, rules: rules)
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
    /// so every swap brings the minimums closer to being met and the loop ends.
    private func displace(_ winners: [Int], placing: [Int], rules: RepresentationRules) throws -> ([Int], [Displacement]) {
        guard !rules.isEmpty else { return (winners, []) }
        var elected = winners
        var displacements: [Displacement] = []
        let rank = Dictionary(uniqueKeysWithValues: placing.enumerated().map { ($1, $0) })
        while let index = rules.needs(elected).firstIndex(where: { $0 > 0 }) {
            let before = rules.tallies(elected)
            var swap: (out: Int, in: Int)?
            search: for incoming in placing where !elected.contains(incoming) && rules.counts(incoming, toward: index) {
                for outgoing in elected.sorted(by: { rank[$0]! > rank[$1]! }) where !rules.counts(outgoing, toward: index) {
                    let trial = elected.filter { $0 != outgoing } + [incoming]
                    let after = rules.tallies(trial)
                    let keepsOthers = rules.minimums.indices.allSatisfy { other in
                        other == index || after[other] >= min(rules.minimums[other].count, before[other])
                    }
                    if keepsOthers { swap = (outgoing, incoming); break search }
                }
            }
            guard let swap else {
                throw CountError.infeasibleMinimums(["no exchange of a winner for a \(rules.minimums[index].category) candidate meets \(rules.minimums[index]) without breaking another minimum"])
            }
            elected = (elected.filter { $0 != swap.out } + [swap.in]).sorted { rank[$0]! < rank[$1]! }
            displacements.append(Displacement(replaced: swap.out, by: swap.in, minimum: rules.minimums[index]))
        }
        return (elected, displacements)
    }

    /// Standing candidates by votes, most first. Equal votes keep ballot-file order, except a
    /// group that straddles the last seat, whose order the tie breaker decides.
    private func placingOrder(votes: [Int64], standing: [Int], tieBreaker: inout TieBreaker) throws -> [Int] {
        var placing = standing.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
        guard placing.count > seats else { return placing }
        let boundaryVotes = votes[placing[seats - 1]]
        guard votes[placing[seats]] == boundaryVotes else { return placing }
        let first = placing.firstIndex { votes[$0] == boundaryVotes }!
        let last = placing.lastIndex { votes[$0] == boundaryVotes }!
        let places = seats - first
        let question = places == 1 ? "the last seat" : "the last \(places) seats"
        let ordered = try tieBreaker.order(Array(placing[first...last]), question: question)
        placing.replaceSubrange(first...last, with: ordered)
        return placing
    }
}
