import Testing
import TallyArithmetic
@testable import TallyCounting
import TallyModel

/// A count whose votes stop adding up is Tally's fault: the check at every stage throws
/// `InternalInconsistency` (which commands turn into exit 70), not a `CountError` that would
/// blame the ballots (issue 10, defect 7).
@Suite struct ConservationTests {
    @Test func aCountThatLosesAVoteIsAnInternalInconsistency() throws {
        let profile = BallotProfile(candidates: [Candidate(name: "A"), Candidate(name: "B")], rankings: [([0], 3), ([1], 2)])
        var count = try GregoryCount<TwoPlaces>(
            ballots: STVBallots(profile), candidateCount: 2, withdrawn: [], seats: 1, quota: try FixedDecimal<TwoPlaces>(3),
            direction: .forwards, ties: TieBreaker(), rules: RepresentationRules(minimums: [], candidates: profile.candidates)
        )
        try count.distributeFirstPreferences()
        try count.recordStage(event: .firstPreferences, excluded: []) // 3 + 2 = 5: conserved
        try count.debit(0, FixedDecimal<TwoPlaces>(units: 1)) // a hundredth goes missing
        #expect(throws: InternalInconsistency("votes not conserved at stage 2 (4.99 ≠ 5.00)")) {
            try count.recordStage(event: .firstPreferences, excluded: [])
        }
    }
}
