import Testing
import TallyModel
@testable import TallyCounting

/// Block-vote margins against hand calculation.
///
/// Candidates A B C D E (indices 0–4); 2 seats, 2 votes per ballot; ties by the order C, B, D, A,
/// E (most favoured first). Ballots: 12 × A; 9 × B; 8 × C; 3 × D C; 2 × E.
/// Votes: A 12, C 11 (8 + 3), B 9, D 3, E 2. Elected: A, C.
///
/// To elect (ballots added, each marking only the candidate):
/// - B 9: +2 makes B 11, level with C; the order favours C, so B is still out. +3: B 12 > C 11:
///   **3**, and with 2 the result is unchanged.
/// - D 3: +8 makes D 11, level with C (C favoured); +9: D 12 > C 11: **9**.
/// - E 2: +9 makes E 11, level with C (C favoured); +10: E 12: **10**.
///
/// To unseat (ballots changed, a mark moved from the winner to one challenger):
/// - C 11 → B: the 8 C ballots and the 3 D C ballots qualify. 1 change: C 10, B 10, level (C
///   favoured): C stays. 2 changes: C 9, B 11: C out: **2** (→ D or E: C falls below B 9 only
///   at 3 changes, so B is the cheapest challenger).
/// - A 12 → B: 1 change: A 11, B 10: A, C stay. 2: A 10, B 11, C 11: A out: **2**.
/// Margin of the result: 2 (A's and C's are equal; A comes first).
@Suite struct BlockVoteMarginsTests {
    let profile = BallotProfile(
        candidates: ["A", "B", "C", "D", "E"].map { Candidate(name: $0) },
        rankings: [([0], 12), ([1], 9), ([2], 8), ([3, 2], 3), ([4], 2)]
    )
    let ties = TieBreaker(explicitOrder: [2, 1, 3, 0, 4], seed: 1)

    @Test func marginsMatchTheHandCalculation() throws {
        let margins = try BlockVoteMargins(profile: profile, method: BlockVote(seats: 2, votesPerBallot: 2), ties: ties)
        #expect(margins.record.elected.sorted() == [0, 2])
        let toElect = Dictionary(uniqueKeysWithValues: margins.toElect.map { ($0.candidate, $0.ballots) })
        #expect(toElect == [1: 3, 3: 9, 4: 10])
        let toUnseat = Dictionary(uniqueKeysWithValues: margins.toUnseat.map { ($0.candidate, $0.ballots) })
        #expect(toUnseat == [0: 2, 2: 2])
        #expect(margins.toUnseat.first { $0.candidate == 2 }?.challenger == 1)
        #expect(margins.overall?.ballots == 2)
        #expect(margins.overall?.candidate == 0)
    }

    /// Each margin is proved by its recounts: with it the result changes for the candidate, with
    /// one fewer it does not — checked here by counting the changed profiles again.
    @Test func everyMarginIsProvedByRecounting() throws {
        let method = BlockVote(seats: 2, votesPerBallot: 2)
        let margins = try BlockVoteMargins(profile: profile, method: method, ties: ties)
        for margin in margins.toElect {
            let ballots = try #require(margin.ballots)
            #expect(try method.count(profile.adding([margin.candidate], weight: ballots), ties: ties).elected.contains(margin.candidate))
            #expect(try !method.count(profile.adding([margin.candidate], weight: ballots - 1), ties: ties).elected.contains(margin.candidate))
        }
    }

    /// A minimum applies in every recount: with at least one of D and E elected (both "woman"),
    /// D is elected by displacement already; E needs to pass D: E 2 → 3 levels with D (the order
    /// favours D), 4 passes: **2** ballots, far fewer than without the minimum.
    @Test func marginsHoldUnderMinimums() throws {
        var candidates = ["A", "B", "C", "D", "E"].map { Candidate(name: $0) }
        candidates[3].categories = ["woman"]
        candidates[4].categories = ["woman"]
        let women = BallotProfile(candidates: candidates, rankings: [([0], 12), ([1], 9), ([2], 8), ([3, 2], 3), ([4], 2)])
        let margins = try BlockVoteMargins(profile: women, method: BlockVote(seats: 2, votesPerBallot: 2, minimums: [Minimum(category: "woman", count: 1)]), ties: ties)
        #expect(margins.record.elected.contains(3))
        #expect(margins.toElect.first { $0.candidate == 4 }?.ballots == 2)
    }
}
