import Testing
@testable import TallyModel

/// Each case: raw codes as a reader writes them → the counted ranking and the irregularity.
/// `s` = skipped rank, `u` = unknown candidate, `=n` = candidate n ranked equal with the previous.
@Suite struct IrregularBallotRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let raw: [UInt16]
        let counted: [[Int]]
        let irregularity: Irregularity?
        var testDescription: String { "\(raw) → \(counted) \(irregularity?.rawValue ?? "regular")" }
    }

    static let s = RawPreferenceCode.skippedRank
    static let u = RawPreferenceCode.unknownCandidate
    static func eq(_ candidate: UInt16) -> UInt16 { candidate | RawPreferenceCode.equalToPrevious }

    static let cases: [Case] = [
        Case(raw: [0, 1, 2], counted: [[0], [1], [2]], irregularity: nil),
        Case(raw: [], counted: [], irregularity: .emptyBallot),
        Case(raw: [s, s], counted: [], irregularity: .emptyBallot),
        Case(raw: [0, 1, s, s], counted: [[0], [1]], irregularity: nil), // trailing blanks are not irregular
        Case(raw: [0, s, 2], counted: [[0]], irregularity: .skippedRank),
        Case(raw: [s, 2], counted: [], irregularity: .skippedRank),
        Case(raw: [0, u, 2], counted: [[0]], irregularity: .unknownCandidate),
        Case(raw: [9, 1], counted: [], irregularity: .unknownCandidate), // 9 is beyond the 5 candidates
        Case(raw: [0, 1, 0, 2], counted: [[0], [1]], irregularity: .repeatedCandidate),
        Case(raw: [0, eq(0)], counted: [], irregularity: .repeatedCandidate),
        Case(raw: [0, eq(1), 2], counted: [[0, 1], [2]], irregularity: .equalRanking),
        Case(raw: [3, 0, 1], counted: [[0], [1]], irregularity: .withdrawnCandidate), // 3 is withdrawn
        Case(raw: [3], counted: [], irregularity: .onlyWithdrawnCandidates),
        Case(raw: [3, eq(4), 1], counted: [[4], [1]], irregularity: .withdrawnCandidate),
    ]

    /// The rule keeps state between ballots (repeat detection); ballots must not leak into each other.
    @Test func successiveBallotsAreIndependent() {
        var rule = IrregularBallotRule(candidateCount: 3, withdrawn: [])
        #expect(rule.resolve([0, 1]).irregularity == nil)
        #expect(rule.resolve([1, 0]).irregularity == nil)
        #expect(rule.resolve([1, 2, 1]).irregularity == .repeatedCandidate)
        #expect(rule.resolve([2, 1]).ranking.map(\.candidate) == [2, 1])
    }

    @Test(arguments: cases)
    func resolves(_ example: Case) {
        var rule = IrregularBallotRule(candidateCount: 5, withdrawn: [3])
        let outcome = rule.resolve(example.raw)
        #expect(Ranking(entries: outcome.ranking[...]).positions == example.counted)
        #expect(outcome.irregularity == example.irregularity)
    }

    @Test func equalMarksAreNotIrregularWhenTheSourceHoldsMarks() {
        var rule = IrregularBallotRule(candidateCount: 3, withdrawn: [], equalRanksAreIrregular: false)
        let outcome = rule.resolve([0, Self.eq(1), Self.eq(2)])
        #expect(outcome.irregularity == nil)
        #expect(Ranking(entries: outcome.ranking[...]).positions == [[0, 1, 2]])
    }
}
