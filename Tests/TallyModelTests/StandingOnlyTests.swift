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

    /// The candidates not standing are left out, not kept as withdrawn: the profile, and so every
    /// record and report of a section, names only its own candidates (issue 10: a contest of a
    /// thousand regions recorded every contest candidate in every section). B's ballots and the
    /// file's withdrawal of D and its tie order are kept, renumbered.
    @Test func othersAreLeftOutAndTheRestRenumbered() {
        let candidates = ["A", "B", "C", "D"].map { Candidate(name: $0) }
        let profile = BallotProfile(
            title: nil, candidates: candidates, seats: 1, withdrawn: [3], tieOrder: [3, 1, 0], regions: [],
            irregularities: IrregularityTally(), ballotLines: 2,
            entries: [Preference(candidate: 0), Preference(candidate: 1), Preference(candidate: 1), Preference(candidate: 2)],
            starts: [0, 2, 4], weights: [4, 6], regionIndices: []
        )
        let section = profile.standing(only: [1, 2, 3])
        #expect(section.candidates.map(\.name) == ["B", "C", "D"])
        #expect(section.withdrawn == [2])
        #expect(section.tieOrder == [2, 0])
        #expect(section.candidateIndex(named: "c") == 1)
        #expect(section.ballots.map { $0.ranking.entries.map(\.candidate) } == [[0], [0, 1]])
        #expect(section.validBallots == 10)
    }
}
