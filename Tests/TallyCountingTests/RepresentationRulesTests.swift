import Testing
import TallyModel
@testable import TallyCounting

@Suite struct RepresentationRulesTests {
    /// Candidates 0–5: 0 man, 1 woman, 2 BAME woman, 3 BAME man, 4 woman, 5 man.
    let candidates = [
        Candidate(name: "A"), Candidate(name: "B", categories: ["woman"]), Candidate(name: "C", categories: ["woman", "bame"]),
        Candidate(name: "D", categories: ["bame"]), Candidate(name: "E", categories: ["woman"]), Candidate(name: "F"),
    ]

    @Test func aCandidateInTwoCategoriesCountsTowardBoth() {
        let rules = RepresentationRules(minimums: [Minimum(category: "woman", count: 2), Minimum(category: "BAME", count: 1)], candidates: candidates)
        #expect(rules.tallies([0, 2, 5]) == [1, 1])
        #expect(rules.needs([0, 2, 5]) == [1, 0])
        // Needing 2 women and 1 BAME: C (both) and one more woman: 2 candidates.
        #expect(rules.fewestToMeet([2, 1], from: [0, 1, 2, 3, 4, 5]) == 2)
        // Without C: B or E, and the other woman, and D: 3.
        #expect(rules.fewestToMeet([2, 1], from: [0, 1, 3, 4, 5]) == 3)
        // No BAME candidate left: impossible.
        #expect(rules.fewestToMeet([1, 1], from: [0, 1, 4, 5]) == nil)
        #expect(rules.canMeet(elected: [2], places: 1, from: [0, 1, 3]))
        #expect(!rules.canMeet(elected: [0], places: 1, from: [1, 3, 4]))
    }

    @Test func infeasibleMinimumsAreExplained() {
        let rules = RepresentationRules(minimums: [Minimum(category: "woman", count: 4), Minimum(category: "bame", count: 1)], candidates: candidates)
        #expect(throws: CountError.infeasibleMinimums(["at least 4 woman but only 3 woman candidates stand"])) {
            try rules.checkFeasible(seats: 5, standing: Array(0..<6))
        }
        let tooMany = RepresentationRules(minimums: [Minimum(category: "woman", count: 3), Minimum(category: "bame", count: 2)], candidates: candidates)
        // 3 women (B, C, E) and 2 BAME (C, D): at least 4 seats even with C counting twice.
        #expect(throws: CountError.self) { try tooMany.checkFeasible(seats: 3, standing: Array(0..<6)) }
        #expect(throws: Never.self) { try tooMany.checkFeasible(seats: 4, standing: Array(0..<6)) }
    }
}
