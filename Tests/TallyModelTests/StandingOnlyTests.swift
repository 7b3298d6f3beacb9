import Testing
import TallyModel

@Suite struct StandingOnlyTests {
    @Test("a ranking left empty by standing(only:) is counted invalid, even without line numbers")
    func emptiedRankingsAreCounted() {
        // Built from explicit rankings: no line numbers are kept past the first slot… and a
        // profile may have none at all, so build one with an empty lines array.
        let candidates = [Candidate(name: "A"), Candidate(name: "B"), Candidate(name: "C")]
        let profile = BallotProfile(
            title: nil, candidates: candidates, seats: 1, withdrawn: [], tieOrder: nil, regions: [],
            irregularities: IrregularityTally(), ballotLines: 3,
            entries: [Preference(candidate: 0), Preference(candidate: 2), Preference(candidate: 1)], starts: [0, 1, 2, 3],
            weights: [5, 3, 2], regionIndices: []
        )
        let restricted = profile.standing(only: [0, 1])
        // C's 3 ballots name no one standing: invalid, 5 + 2 stay valid, 10 read in all.
        #expect(restricted.validBallots == 7)
        #expect(restricted.invalidBallots == 3)
        #expect(restricted.ballotsRead == 10)
        #expect(restricted.irregularities[.onlyWithdrawnCandidates]?.ballots == 3)
    }
}
