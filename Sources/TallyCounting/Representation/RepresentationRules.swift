import TallyModel

/// Minimum-representation rules applied to a count: the minimums, and which of them each
/// candidate counts toward (a BAME woman counts toward both "woman" and "bame").
public struct RepresentationRules: Sendable, Equatable {
    public let minimums: [Minimum]
    /// For each candidate, the indices (into `minimums`) of the categories they belong to.
    public let membership: [[Int]]

    public init(minimums: [Minimum], candidates: [Candidate]) {
        self.minimums = minimums
        membership = candidates.map { candidate in
            minimums.indices.filter { candidate.categories.contains(minimums[$0].category) }
        }
    }

    public var isEmpty: Bool { minimums.isEmpty }

    /// The most categories with minimums one count may have: the exact feasibility test grows
    /// with the product of the minimums, and real contests have two or three.
    public static let maximumCategories = 4

    /// Whether `candidate` counts toward minimum `index`.
    public func counts(_ candidate: Int, toward index: Int) -> Bool { membership[candidate].contains(index) }

    /// How many of each minimum `chosen` satisfies.
    public func tallies(_ chosen: [Int]) -> [Int] {
        var result = Array(repeating: 0, count: minimums.count)
        for candidate in chosen { for index in membership[candidate] { result[index] += 1 } }
        return result
    }

    /// What each minimum still needs once `chosen` are elected.
    public func needs(_ chosen: [Int]) -> [Int] {
        zip(minimums, tallies(chosen)).map { max(0, $0.count - $1) }
    }

    /// The fewest of `available` that together meet `needs`, or nil if they cannot.
    ///
    /// Candidates are grouped by the set of minimums they count toward; a dynamic programme over
    /// those groups (at most 2^minimums of them) and the remaining needs finds the answer exactly,
    /// however categories overlap.
    public func fewestToMeet(_ needs: [Int], from available: [Int]) -> Int? {
        guard needs.contains(where: { $0 > 0 }) else { return 0 }
        var groups: [[Int]: Int] = [:]
        for candidate in available where !membership[candidate].isEmpty { groups[membership[candidate], default: 0] += 1 }
        let types = groups.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var memo: [[Int]: Int?] = [:]
        func solve(_ type: Int, _ needs: [Int]) -> Int? {
            if !needs.contains(where: { $0 > 0 }) { return 0 }
            if type == types.count { return nil }
            let key = [type] + needs
            if let known = memo[key] { return known }
            var best: Int?
            let (categories, count) = types[type]
            let useful = categories.map { needs[$0] }.max() ?? 0
            for taken in 0...min(count, useful) {
                var rest = needs
                for index in categories { rest[index] = max(0, rest[index] - taken) }
                if let more = solve(type + 1, rest), best.map({ taken + more < $0 }) ?? true { best = taken + more }
            }
            memo[key] = best
            return best
        }
        return solve(0, needs)
    }

    /// Whether `places` more seats, filled from `available`, can still meet every minimum once
    /// `elected` are in.
    public func canMeet(elected: [Int], places: Int, from available: [Int]) -> Bool {
        guard let fewest = fewestToMeet(needs(elected), from: available) else { return false }
        return fewest <= places
    }

    /// Checks, before counting, that the minimums can be met at all with `seats` seats from the
    /// standing candidates; throws `CountError.infeasibleMinimums` saying why not.
    public func checkFeasible(seats: Int, standing: [Int]) throws {
        guard minimums.count <= RepresentationRules.maximumCategories else {
            throw CountError.infeasibleMinimums(["Tally handles at most \(RepresentationRules.maximumCategories) categories with minimums in one count; \(minimums.count) were given"])
        }
        var problems: [String] = []
        let total = minimums.reduce(0) { $0 + $1.count }
        for (index, minimum) in minimums.enumerated() {
            let eligible = standing.filter { counts($0, toward: index) }.count
            if minimum.count > seats { problems.append("\(minimum) needs more than the \(seats) seat\(seats == 1 ? "" : "s")") }
            else if eligible < minimum.count { problems.append("\(minimum) but only \(eligible) \(minimum.category) candidate\(eligible == 1 ? "" : "s") stand") }
        }
        if problems.isEmpty, let fewest = fewestToMeet(minimums.map(\.count), from: standing), fewest > seats {
            problems.append("the minimums (\(minimums.map(\.description).joined(separator: ", ")), \(total) in all) need at least \(fewest) seats even counting candidates who meet several, but there are \(seats)")
        }
        if !problems.isEmpty { throw CountError.infeasibleMinimums(problems) }
    }
}
