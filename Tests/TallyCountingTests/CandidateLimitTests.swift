import Testing
import TallyCounting
import TallyModel

/// STV takes at most `STV.maximumCandidates` candidates (issue 10, defect 5): past it the count
/// is refused with the reason, before any stage is counted. Block vote has no such limit.
@Suite struct CandidateLimitTests {
    func profile(candidates: Int) -> BallotProfile {
        BallotProfile(candidates: (1...candidates).map { Candidate(name: "C\($0)") }, rankings: [([0, 1], 3), ([1], 2), ([2], 1)])
    }

    @Test(arguments: STVRule.allCases)
    func tooManyCandidatesAreRefused(_ rule: STVRule) {
        #expect(throws: CountError.tooManyCandidates(candidates: 2_501, limit: 2_500, method: "an STV")) {
            try STV(rule: rule, seats: 2).count(profile(candidates: 2_501))
        }
    }

    @Test func theMessageSaysWhy() {
        #expect(CountError.tooManyCandidates(candidates: 2_501, limit: 2_500, method: "an STV").description
            == "the file has 2501 candidates, more than the 2500 an STV count takes (withdrawn ones count too): its record of every candidate at every stage would grow too large (docs/formats.md, Limits)")
    }

    /// Withdrawn candidates count toward the limit: the record lists them at every stage.
    @Test func withdrawnCandidatesCount() throws {
        var withdrawn = profile(candidates: 2_501)
        withdrawn.withdrawn = Array(3..<2_501)
        #expect(throws: CountError.tooManyCandidates(candidates: 2_501, limit: 2_500, method: "an STV")) {
            try STV(rule: .ers97, seats: 2).count(withdrawn)
        }
    }

    @Test func blockVoteHasNoSuchLimit() throws {
        // Marks: C1 3, C2 3 + 2 = 5, C3 1; placed C2, C1.
        let record = try BlockVote(seats: 2).count(profile(candidates: 6_000))
        #expect(record.elected == [1, 0])
    }
}
