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
        // Fixed buffers for one voter at a time: the ranking, who is ranked, the candidates a
        // draw chooses from (`pool`) and the order it draws them in.
        var buffers = DrawBuffers(candidates: candidateCount)
        defer { buffers.deallocate() }
        let total = thresholds.last ?? 0
        for _ in 0..<voters {
            let point = random.uniform(below: total)
            var bloc = 0
            while thresholds[bloc] <= point { bloc += 1 }
            let length = plans[bloc].length.lowerBound + Int(random.uniform(below: UInt64(plans[bloc].length.count)))
            buffers.clearRanking()

            if !plans[bloc].own.isEmpty, plans[bloc].cohesion.happens(&random) {
                buffers.orderCount = 0
                if plans[bloc].discipline.happens(&random) {
                    for candidate in plans[bloc].own { buffers.appendOrder(candidate) }
                } else {
                    buffers.poolCount = 0
                    for candidate in plans[bloc].own { buffers.appendPool(candidate) }
                    drawByPopularity(&buffers, count: buffers.poolCount, random: &random)
                }
                for position in 0..<buffers.orderCount {
                    if buffers.rankingCount == length || (position > 0 && !plans[bloc].loyalty.happens(&random)) { break }
                    buffers.rank(buffers.order[position])
                }
                for slate in plans[bloc].next where buffers.rankingCount < length {
                    buffers.poolCount = 0
                    for candidate in slate where !buffers.ranked[candidate] { buffers.appendPool(candidate) }
                    buffers.orderCount = 0
                    drawByPopularity(&buffers, count: length - buffers.rankingCount, random: &random)
                    buffers.rankOrder()
                }
            }
            if buffers.rankingCount < length {
                buffers.poolCount = 0
                for candidate in 0..<candidateCount where !buffers.ranked[candidate] { buffers.appendPool(candidate) }
                buffers.orderCount = 0
                drawByPopularity(&buffers, count: length - buffers.rankingCount, random: &random)
                buffers.rankOrder()
            }
            try body(UnsafeBufferPointer(start: buffers.ranking, count: buffers.rankingCount), bloc)
        }
    }

    /// One voter's working space, allocated once per draw.
    struct DrawBuffers {
        let ranking: UnsafeMutablePointer<UInt16>
        let ranked: UnsafeMutablePointer<Bool>
        let pool: UnsafeMutablePointer<Int>
        let order: UnsafeMutablePointer<Int>
        var rankingCount = 0
        var poolCount = 0
        var orderCount = 0

        init(candidates: Int) {
            let size = max(candidates, 1)
            ranking = .allocate(capacity: size)
            ranked = .allocate(capacity: size)
            ranked.initialize(repeating: false, count: size)
            pool = .allocate(capacity: size)
            order = .allocate(capacity: size)
        }

        func deallocate() {
            ranking.deallocate()
            ranked.deallocate()
            pool.deallocate()
            order.deallocate()
        }

        /// Forgets the last voter's ranking (unmarking only the candidates it ranked).
        @inline(__always) mutating func clearRanking() {
            for index in 0..<rankingCount { ranked[Int(ranking[index])] = false }
            rankingCount = 0
        }

        @inline(__always) mutating func rank(_ candidate: Int) {
            ranking[rankingCount] = UInt16(candidate)
            rankingCount += 1
            ranked[candidate] = true
        }

        @inline(__always) mutating func rankOrder() {
            for index in 0..<orderCount { rank(order[index]) }
        }

        @inline(__always) mutating func appendPool(_ candidate: Int) {
            pool[poolCount] = candidate
            poolCount += 1
        }

        @inline(__always) mutating func appendOrder(_ candidate: Int) {
            order[orderCount] = candidate
            orderCount += 1
        }
    }

    /// Moves up to `count` candidates from the pool to the end of the order, each drawn with
    /// probability proportional to popularity among those left (Plackett–Luce). The pool is
    /// searched in its order; a drawn candidate's place is taken by the pool's last.
    private func drawByPopularity(_ buffers: inout DrawBuffers, count: Int, random: inout SimulationRandom) {
        let pool = buffers.pool
        var total: UInt64 = 0
        for index in 0..<buffers.poolCount { total += popularity[pool[index]] }
        var drawn = 0
        while drawn < count, buffers.poolCount > 0 {
            // The position of a candidate drawn with probability proportional to popularity.
            var point = random.uniform(below: total)
            var chosen = buffers.poolCount - 1 // unreachable fallback: point < total
            for position in 0..<buffers.poolCount {
                let weight = popularity[pool[position]]
                if point < weight { chosen = position; break }
                point -= weight
            }
            let candidate = pool[chosen]
            buffers.appendOrder(candidate)
            total -= popularity[candidate]
            pool[chosen] = pool[buffers.poolCount - 1]
            buffers.poolCount -= 1
            drawn += 1
        }
    }
}
