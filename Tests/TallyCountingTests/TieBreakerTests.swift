import Testing
import TallyCounting

@Suite struct TieBreakerTests {
    @Test func explicitOrderDecidesAndIsRecorded() throws {
        var ties = TieBreaker(explicitOrder: [2, 0, 1])
        #expect(try ties.order([0, 2], question: "the last seat") == [2, 0])
        #expect(ties.decisions == [TieDecision(question: "the last seat", candidates: [0, 2], order: [2, 0], method: .explicitOrder)])
    }

    @Test func anOrderThatDoesNotNameEveryTiedCandidateIsAnError() {
        var ties = TieBreaker(explicitOrder: [0, 1])
        #expect(throws: UnresolvedTie(question: "the last seat", candidates: [1, 2])) {
            try ties.order([2, 1], question: "the last seat")
        }
    }

    @Test func withoutAnOrderTheSeededDrawDecidesAndIsNumbered() throws {
        var ties = TieBreaker(seed: 5)
        _ = try ties.order([0, 1], question: "a")
        _ = try ties.order([0, 1], question: "b")
        #expect(ties.decisions.map(\.method) == [.seededDraw(seed: 5, draw: 1), .seededDraw(seed: 5, draw: 2)])
    }
}
