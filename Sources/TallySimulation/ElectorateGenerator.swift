import TallyModel

/// Draws the ballots of one section of a scenario, voter by voter (docs/scenarios.md, "How a
/// ballot is drawn").
///
/// For each voter: a bloc, by the bloc shares; a ballot length, uniform in the bloc's range. A
/// voter of a bloc with a slate is loyal with the bloc's cohesion: a loyal voter ranks the slate
/// first, in the recommended order with the bloc's discipline and otherwise in an order drawn by
/// popularity, and after each own-slate preference goes on with the slate with the bloc's
/// loyalty; then ranks the bloc's `next` slates, each in an order drawn by popularity; then
/// everyone left, by popularity. Other voters rank everyone by popularity. "By popularity" is a
/// Plackett–Luce draw: each next preference is a candidate not yet ranked, chosen with
/// probability proportional to their popularity. The ballot stops at its length.
public struct ElectorateGenerator: Sendable {
    struct BlocPlan: Sendable {
        /// The bloc's own slate standing here (section-local indices), in recommended order.
        var own: [Int]
        /// The next slates' candidates standing here, slate by slate.
        var next: [[Int]]
        var cohesion: Chance
        var loyalty: Chance
        var discipline: Chance
        var length: ClosedRange<Int>
    }

    /// Candidates standing in the section.
    public let candidateCount: Int
    let popularity: [UInt64]
    /// Cumulative bloc shares, in millionths.
    let thresholds: [UInt64]
    let plans: [BlocPlan]

    public init(scenario: Scenario, section: Int) {
        let standing = scenario.sections[section].candidates
        var local = [Int: Int]()
        for (index, candidate) in standing.enumerated() { local[candidate] = index }
        candidateCount = standing.count
        popularity = standing.map { scenario.candidates[$0].popularity }
        var running: UInt64 = 0
        thresholds = (scenario.sections[section].shares ?? scenario.blocs.map(\.share)).map { running += $0.millionths; return running }
        let count = standing.count
        plans = scenario.blocs.map { bloc in
            let own = bloc.slate.map { scenario.slates[$0].candidates.compactMap { local[$0] } } ?? []
            return BlocPlan(
                own: own,
                next: bloc.next.map { scenario.slates[$0].candidates.compactMap { local[$0] } },
                cohesion: bloc.cohesion, loyalty: bloc.loyalty, discipline: bloc.discipline,
                length: min(bloc.ballotLength.lowerBound, count)...min(bloc.ballotLength.upperBound, count)
            )
        }
    }

    /// Draws `voters` ballots, calling `body` with each ranking (section-local candidate indices,
    /// most preferred first) and the voter's bloc.
    public func draw(voters: Int, random: inout SimulationRandom, _ body: (UnsafeBufferPointer<UInt16>, Int) throws -> Void) rethrows {
        var ranking = [UInt16]()
        ranking.reserveCapacity(candidateCount)
        var ranked = [Bool](repeating: false, count: candidateCount)
        var pool = [Int]()
        var order = [Int]()
        pool.reserveCapacity(candidateCount)
        order.reserveCapacity(candidateCount)
        let total = thresholds.last ?? 0
        func rank(_ candidate: Int) {
            ranking.append(UInt16(candidate))
            ranked[candidate] = true
        }

        for _ in 0..<voters {
            let point = random.uniform(below: total)
            var bloc = 0
            while thresholds[bloc] <= point { bloc += 1 }
            let plan = plans[bloc]
            let length = plan.length.lowerBound + Int(random.uniform(below: UInt64(plan.length.count)))
            for candidate in ranking { ranked[Int(candidate)] = false } // the last voter's marks only
            ranking.removeAll(keepingCapacity: true)

            if !plan.own.isEmpty, plan.cohesion.happens(&random) {
                order.removeAll(keepingCapacity: true)
                if plan.discipline.happens(&random) {
                    order.append(contentsOf: plan.own)
                } else {
                    pool.removeAll(keepingCapacity: true)
                    pool.append(contentsOf: plan.own)
                    drawByPopularity(from: &pool, count: pool.count, into: &order, random: &random)
                }
                for (position, candidate) in order.enumerated() {
                    if ranking.count == length || (position > 0 && !plan.loyalty.happens(&random)) { break }
                    rank(candidate)
                }
                for slate in plan.next where ranking.count < length {
                    pool.removeAll(keepingCapacity: true)
                    for candidate in slate where !ranked[candidate] { pool.append(candidate) }
                    order.removeAll(keepingCapacity: true)
                    drawByPopularity(from: &pool, count: length - ranking.count, into: &order, random: &random)
                    order.forEach(rank)
                }
            }
            if ranking.count < length {
                pool.removeAll(keepingCapacity: true)
                for candidate in 0..<candidateCount where !ranked[candidate] { pool.append(candidate) }
                order.removeAll(keepingCapacity: true)
                drawByPopularity(from: &pool, count: length - ranking.count, into: &order, random: &random)
                order.forEach(rank)
            }
            try ranking.withUnsafeBufferPointer { try body($0, bloc) }
        }
    }

    /// Moves up to `count` candidates from `pool` to the end of `order`, each drawn with
    /// probability proportional to popularity among those left (Plackett–Luce).
    private func drawByPopularity(from pool: inout [Int], count: Int, into order: inout [Int], random: inout SimulationRandom) {
        var total = pool.reduce(UInt64(0)) { $0 + popularity[$1] }
        var drawn = 0
        while drawn < count, !pool.isEmpty {
            let chosen = pick(from: pool, total: total, random: &random)
            order.append(pool[chosen])
            total -= popularity[pool[chosen]]
            pool.swapAt(chosen, pool.count - 1)
            pool.removeLast()
            drawn += 1
        }
    }

    /// The position in `pool` of a candidate drawn with probability proportional to popularity.
    private func pick(from pool: [Int], total: UInt64, random: inout SimulationRandom) -> Int {
        var point = random.uniform(below: total)
        for (position, candidate) in pool.enumerated() {
            if point < popularity[candidate] { return position }
            point -= popularity[candidate]
        }
        return pool.count - 1 // unreachable: point < total
    }
}
