import Testing
import TallyModel
@testable import TallyCounting

@Suite struct BlockVoteTests {
    let candidates = ["A", "B", "C", "D"].map { Candidate(name: $0) }

    func profile(_ rankings: [([Int], Int64)]) -> BallotProfile {
        BallotProfile(candidates: candidates, rankings: rankings)
    }

    /// Hand count: marks are each ballot's first two preferences.
    /// A: 5 + 3 = 8; B: 5 + 2 = 7; C: 3 + 2 + 1 = 6; D: 0. Elected A, B.
    @Test func countsTheFirstKPreferencesOfRankedBallots() throws {
        let record = try BlockVote(seats: 2).count(profile([([0, 1, 2], 5), ([2, 0], 3), ([1, 2, 3], 2), ([2], 1)]))
        #expect(record.votes == [8, 7, 6, 0])
        #expect(record.elected == [0, 1])
        #expect(record.countedBallots == 11)
        #expect(record.marks == 8 + 7 + 6)
        #expect(record.overVotes.ballots == 0)
    }

    /// With 3 votes per ballot but 2 seats, D now gets the third preference of the (1, 2, 3) ballots.
    @Test func votesPerBallotCanDifferFromSeats() throws {
        let record = try BlockVote(seats: 2, votesPerBallot: 3).count(profile([([0, 1, 2], 5), ([1, 2, 3], 2)]))
        // A 5; B 5 + 2 = 7; C 5 + 2 = 7; D 2. B and C share the two seats: equal, but no tie to decide.
        #expect(record.votes == [5, 7, 7, 2])
        #expect(record.elected == [1, 2])
        #expect(record.ties.isEmpty)
    }

    @Test func aTieStraddlingTheLastSeatGoesToTheTieBreaker() throws {
        // A 5, B 3, C 3, D 3: one seat left after A, three tied on 3.
        let ballots = profile([([0], 5), ([1], 3), ([2], 3), ([3], 3)])
        let byOrder = try BlockVote(seats: 2).count(ballots, ties: TieBreaker(explicitOrder: [3, 1, 2]))
        #expect(byOrder.elected == [0, 3])
        #expect(byOrder.ties.first?.candidates == [1, 2, 3])
        #expect(byOrder.ties.first?.question == "the last seat")

        let byDraw = try BlockVote(seats: 2).count(ballots, ties: TieBreaker(seed: 42))
        let again = try BlockVote(seats: 2).count(ballots, ties: TieBreaker(seed: 42))
        #expect(byDraw == again)
        #expect(byDraw.ties.first?.method == .seededDraw(seed: 42, draw: 1))
    }

    @Test func tiesWhollyInsideOrOutsideTheSeatsNeedNoDecision() throws {
        let record = try BlockVote(seats: 2).count(profile([([0, 1], 4), ([2], 1), ([3], 1)]))
        #expect(record.elected == [0, 1])
        #expect(record.ties.isEmpty)
    }

    @Test func overVotesAreVoidByDefaultOrCountedUpToK() throws {
        // An unordered mark ballot of three for two votes, and a ranked one with a tie straddling K.
        let marks: [Preference] = [Preference(candidate: 0), Preference(candidate: 1, equalToPrevious: true), Preference(candidate: 2, equalToPrevious: true)]
        let straddle: [Preference] = [Preference(candidate: 3), Preference(candidate: 0), Preference(candidate: 1, equalToPrevious: true)]
        let entries = marks + straddle + [Preference(candidate: 2)]
        let profile = BallotProfile(
            title: nil, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: [],
            irregularities: IrregularityTally(), ballotLines: 3, entries: entries, starts: [0, 3, 6, 7], weights: [2, 1, 1], regionIndices: [],
            lines: [1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0]
        )
        let void = try BlockVote(seats: 2).count(profile, ties: TieBreaker(seed: 1))
        #expect(void.overVotes.ballots == 3)
        #expect(void.countedBallots == 1)
        #expect(void.overVotes.firstLines == [1, 2])
        #expect(void.votes == [0, 0, 1, 0])

        let counted = try BlockVote(seats: 2, overVotes: .countFirst).count(profile, ties: TieBreaker(seed: 1))
        #expect(counted.overVotes.ballots == 2) // nothing of the three equal marks fits
        #expect(counted.partlyCounted.ballots == 1)
        #expect(counted.partlyCounted.firstLines == [2])
        #expect(counted.votes == [0, 0, 1, 1])
    }

    @Test func aCountInWhichEveryBallotIsVoidIsAnError() {
        let marks: [Preference] = [Preference(candidate: 0), Preference(candidate: 1, equalToPrevious: true)]
        let profile = BallotProfile(
            title: nil, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: [],
            irregularities: IrregularityTally(), ballotLines: 1, entries: marks, starts: [0, 2], weights: [4], regionIndices: []
        )
        #expect(throws: CountError.noVotes) { try BlockVote(seats: 1).count(profile) }
    }

    @Test func withdrawnCandidatesCannotBeElected() throws {
        let base = profile([([0], 3), ([1], 2)])
        let withdrawn = BallotProfile(
            title: nil, candidates: candidates, seats: nil, withdrawn: [0], tieOrder: nil, regions: [],
            irregularities: IrregularityTally(), ballotLines: 2,
            entries: [Preference(candidate: 1)], starts: [0, 1], weights: [2], regionIndices: []
        )
        #expect(try BlockVote(seats: 1).count(base).elected == [0])
        let record = try BlockVote(seats: 1).count(withdrawn)
        #expect(record.elected == [1])
        #expect(!record.placing.contains(0))
    }

    @Test func impossibleSeatNumbersAreErrors() {
        #expect(throws: CountError.moreSeatsThanCandidates(seats: 5, candidates: 4)) { try BlockVote(seats: 5).count(profile([([0], 1)])) }
        #expect(throws: CountError.noSeats) { try BlockVote(seats: 0).count(profile([([0], 1)])) }
        #expect(throws: CountError.noValidBallots) { try BlockVote(seats: 1).count(profile([])) }
    }
}
