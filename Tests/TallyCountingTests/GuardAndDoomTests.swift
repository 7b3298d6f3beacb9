import Testing
import TallyModel
@testable import TallyCounting

/// 3 seats, at least 1 woman; ballots 40 Adam, 24 Ben, 21 Dan, 15 Cara (no later preferences).
/// Cara is the only woman.
@Suite struct GuardAndDoomTests {
    let profile = BallotProfile(
        candidates: [Candidate(name: "Adam"), Candidate(name: "Ben"), Candidate(name: "Cara", categories: ["woman"]), Candidate(name: "Dan")],
        rankings: [([0], 40), ([1], 24), ([3], 21), ([2], 15)]
    )
    let minimums = [Minimum(category: "woman", count: 1)]

    /// Scottish: quota ⌊100 ÷ 4⌋ + 1 = 26. Stage 1 Adam elected. Stage 2 his surplus of 14 is all
    /// non-transferable. Stage 3: lowest is Cara (15), but she is guarded — excluding her would
    /// leave no woman — so Dan (21) is excluded instead. Ben and Cara then equal the 2 places left
    /// (rule 52): elected Adam, Ben, Cara.
    @Test func scottishExcludesTheLowestUnguardedInstead() throws {
        let record = try STV(rule: .scottish, seats: 3, minimums: minimums).count(profile)
        #expect(record.stages[2].excluded == [3])
        #expect(record.constraintEvents == [ConstraintEvent(stage: "3", kind: .guarded, candidate: 2, instead: 3, reason: "needed for at least 1 woman")])
        #expect(Set(record.elected) == [0, 1, 2])
        let unconstrained = try STV(rule: .scottish, seats: 3).count(profile)
        #expect(Set(unconstrained.elected) == [0, 1, 3]) // without the minimum Cara is excluded
    }

    /// ERS97: quota 100 ÷ 4 = 25.00. Stage 1 Adam elected (threshold 25). Stage 2: Adam's surplus
    /// of 15 has no transferable papers: 15.00 exhausted. Threshold (100 − 15 − 25) ÷ 3 = 20: Ben
    /// 24 elected; then (60 − 24) ÷ 2 = 18: Dan 21 reaches it but is doomed (electing him would
    /// leave no place for a woman) — not elected. Stage 3: Dan excluded as doomed; Cara elected.
    @Test func ers97PassesOverADoomedCandidateAndExcludesHim() throws {
        let record = try STV(rule: .ers97, seats: 3, minimums: minimums).count(profile)
        #expect(record.constraintEvents.map(\.kind) == [.notElected, .doomed])
        #expect(record.constraintEvents.map(\.candidate) == [3, 3])
        #expect(record.constraintEvents.map(\.stage) == ["2", "3"])
        #expect(record.stages[1].elected == [1])
        #expect(record.elected == [0, 1, 2])
    }

    /// Meek: round 1 elects Adam (40 ≥ 25.000000001). Round 2, iteration 1: nobody new; Adam's
    /// keep factor falls to ⌈⌈1 × 25.000000001⌉ ÷ 40⌉ = 0.625000001. Iteration 2: Adam keeps
    /// 25.00000004, the rest of his 40 is excess, so the quota falls to 85.00000004 ÷ 4 + 10⁻⁹ =
    /// 21.250000011 and Ben (24) is elected. Round 3: Dan is doomed (one place left, no woman
    /// elected) and excluded; Cara fills the last place (C.1).
    @Test func meekExcludesTheDoomedBeforeTheLastPlace() throws {
        let record = try STV(rule: .meek, seats: 3, minimums: minimums).count(profile)
        #expect(record.stages[1].elected == [1])
        #expect(record.stages[1].quota.description == "21.250000011")
        #expect(record.constraintEvents == [ConstraintEvent(stage: "3", kind: .doomed, candidate: 3, reason: "the remaining place is needed for at least 1 woman")])
        #expect(record.elected == [0, 1, 2])
    }

    /// Meek, guarding: 3 seats, at least 1 woman; 30 Adam, 22 Ben, 21 Dan, 12 Cara, 15 Eve. Adam
    /// is elected in round 1; as his keep factor falls his surplus exhausts and the quota settles
    /// near (70 + q) ÷ 4, i.e. 23.33, which nobody else reaches. The defeat would fall on Cara
    /// (12), the only woman, who is guarded: Eve (15) is defeated instead. Cara is elected at the end.
    @Test func meekDefeatsTheLowestUnguarded() throws {
        let profile = BallotProfile(
            candidates: [Candidate(name: "Adam"), Candidate(name: "Ben"), Candidate(name: "Cara", categories: ["woman"]), Candidate(name: "Dan"), Candidate(name: "Eve")],
            rankings: [([0], 30), ([1], 22), ([3], 21), ([2], 12), ([4], 15)]
        )
        let record = try STV(rule: .meek, seats: 3, minimums: minimums).count(profile)
        #expect(record.constraintEvents.first == ConstraintEvent(stage: "2", kind: .guarded, candidate: 2, instead: 4, reason: "needed for at least 1 woman"))
        #expect(record.stages[1].excluded == [4])
        #expect(record.elected.contains(2))
        #expect(record.elected.count == 3)
        let unconstrained = try STV(rule: .meek, seats: 3).count(profile)
        #expect(!unconstrained.elected.contains(2))
    }

    func women(_ names: [String], _ women: Set<String>) -> [Candidate] {
        names.map { Candidate(name: $0, categories: women.contains($0) ? ["woman"] : []) }
    }

    /// A bulk exclusion must leave the minimums possible as a whole. 3 seats, at least 2 women;
    /// 29 A, 28 B, 27 C, 25 W3 C, 6 W2 B, 5 W1 A. Quota 120 ÷ 4 = 30.00. W1 + W2 (11) could go
    /// together under 5.2.5, but that would leave one woman: W1 alone is excluded; her 5 papers
    /// elect A (34). B and C are then doomed (one woman would be left for two places) and
    /// excluded: 55 non-transferable. Threshold (120 − 55 − 30) ÷ 3 = 11.67: W3 elected; then
    /// (35 − 25) ÷ 2 = 5.00: W2 (6) elected.
    @Test func ers97BulkExclusionKeepsTheMinimumsPossible() throws {
        let profile = BallotProfile(
            candidates: women(["A", "B", "C", "W1", "W2", "W3"], ["W1", "W2", "W3"]),
            rankings: [([0], 29), ([1], 28), ([2], 27), ([5, 2], 25), ([4, 1], 6), ([3, 0], 5)]
        )
        let record = try STV(rule: .ers97, seats: 3, minimums: [Minimum(category: "woman", count: 2)]).count(profile)
        #expect(record.stages[1].excluded == [3])
        #expect(record.elected == [0, 5, 4])
    }

    /// Equal candidates reaching the quota are elected one at a time, doom rechecked. 2 seats, at
    /// least 1 woman; 35 M1 W, 35 M2 W, 20 W, 10 X M1. Quota 33.34. M1 and M2 tie (equal at every
    /// stage): the seeded draw (seed 1) puts M1 first; M1 is elected, and M2 is then doomed. Stage
    /// 2: M2 and X are doomed; excluding them leaves W alone for the one place, so by 5.5.1 W is
    /// elected at once and no paper moves (non-transferable 0.00).
    @Test func ers97TiedCandidatesAreElectedOneAtATime() throws {
        let profile = BallotProfile(
            candidates: women(["M1", "M2", "W", "X"], ["W"]),
            rankings: [([0, 2], 35), ([1, 2], 35), ([2], 20), ([3, 0], 10)]
        )
        let record = try STV(rule: .ers97, seats: 2, minimums: [Minimum(category: "woman", count: 1)]).count(profile)
        #expect(record.stages[0].elected == [0])
        #expect(Set(record.stages[1].excluded) == [1, 3])
        #expect(record.stages[1].event == .remainingElected)
        #expect(record.stages[1].nonTransferable.description == "0.00")
        #expect(record.stages.count == 2)
        #expect(record.elected == [0, 2])
    }

    /// ERS97 5.5.1 after a doomed exclusion (issue 10, defect 6). 2 seats, at least 1 woman; 40 A B,
    /// 20 B C, 15 C D, 10 D A, 15 W. Quota 100 ÷ 3 → 33.34. Stage 1: A (40) elected; one place is
    /// left and no woman is elected, so B, C and D are doomed. Excluding the three leaves W alone
    /// for the one place: by 5.5.1 she is elected at once, with no further transfer — stage 2 is the
    /// last, B, C and D keep 20, 15 and 10 on the sheet, and nothing becomes non-transferable.
    /// The Scottish rule transfers the three (rule 51) and then elects W (rule 52); its sheet says
    /// why the three go together.
    @Test func ers97ElectsTheRemainingAtOnceAfterADoomedExclusion() throws {
        let profile = BallotProfile(
            candidates: women(["A", "B", "C", "D", "W"], ["W"]),
            rankings: [([0, 1], 40), ([1, 2], 20), ([2, 3], 15), ([3, 0], 10), ([4], 15)]
        )
        let minimum = [Minimum(category: "woman", count: 1)]
        let record = try STV(rule: .ers97, seats: 2, minimums: minimum).count(profile)
        #expect(record.elected == [0, 4])
        #expect(record.stages.count == 2)
        let last = try #require(record.stages.last)
        #expect(last.event == .remainingElected)
        #expect(last.excluded == [1, 2, 3])
        #expect(last.elected == [4])
        #expect(last.votes.map(\.description) == ["40.00", "20.00", "15.00", "10.00", "15.00"])
        #expect(last.nonTransferable.description == "0.00")
        #expect(last.notes.contains { $0.contains("(5.5.1)") })
        #expect(record.constraintEvents.map(\.kind) == [.doomed, .doomed, .doomed])

        let scottish = try STV(rule: .scottish, seats: 2, minimums: minimum).count(profile)
        #expect(scottish.elected == [0, 4])
        #expect(scottish.stages[1].excluded == [1, 2, 3])
        #expect(scottish.stages[1].notes.contains { $0.contains("The 3 doomed candidates are excluded together at one stage") })
    }

    /// A continuing candidate with no votes still fills the last place when they are all that is
    /// left. 2 seats, at least 1 woman; 10 A, 3 M; W has no votes. A elected; M doomed and
    /// excluded; W, the only continuing candidate, takes the last place.
    @Test func ers97FillsTheLastPlaceWithAZeroVoteCandidate() throws {
        let profile = BallotProfile(candidates: women(["A", "M", "W"], ["W"]), rankings: [([0], 10), ([1], 3)])
        let record = try STV(rule: .ers97, seats: 2, minimums: [Minimum(category: "woman", count: 1)]).count(profile)
        #expect(record.elected == [0, 2])
        let unconstrained = try STV(rule: .ers97, seats: 3).count(profile)
        #expect(Set(unconstrained.elected) == [0, 1, 2]) // three candidates, three seats
    }

    /// Block vote, 2 seats, 1 vote each: W 100, B 90, L 80, WB 10; at least 1 woman, 1 BAME and 1
    /// "lab". No single exchange helps (replacing B by L loses the only BAME winner, and so on);
    /// the only pair meeting all three is L and WB, found by filling the seats in placing order.
    @Test func blockFallsBackToFillingInOrderWhenNoSingleExchangeHelps() throws {
        let candidates = [
            Candidate(name: "W", categories: ["woman"]), Candidate(name: "B", categories: ["bame"]),
            Candidate(name: "L", categories: ["lab"]), Candidate(name: "WB", categories: ["woman", "bame"]),
        ]
        let profile = BallotProfile(candidates: candidates, rankings: [([0], 100), ([1], 90), ([2], 80), ([3], 10)])
        let minimums = ["woman", "bame", "lab"].map { Minimum(category: $0, count: 1) }
        let record = try BlockVote(seats: 2, votesPerBallot: 1, minimums: minimums).count(profile)
        #expect(record.elected == [2, 3])
        #expect(record.displacements.allSatisfy { !$0.byExchange })
    }

    /// Block vote, 3 seats: A 100, B 80, C 80, D 70, E 60, F 60; at least 1 woman (E, F). E and F
    /// tie for the place, B and C for who gives way: both go to the seeded draw, and are recorded.
    @Test func displacementTiesGoToTheTieBreaker() throws {
        let candidates = ["A", "B", "C", "D", "E", "F"].map { Candidate(name: $0, categories: ["E", "F"].contains($0) ? ["woman"] : []) }
        let profile = BallotProfile(candidates: candidates, rankings: [([0], 100), ([1], 80), ([2], 80), ([3], 70), ([4], 60), ([5], 60)])
        let record = try BlockVote(seats: 3, votesPerBallot: 1, minimums: [Minimum(category: "woman", count: 1)]).count(profile, ties: TieBreaker(seed: 1))
        #expect(record.ties.map(\.candidates) == [[4, 5], [1, 2]])
        let incoming = record.ties[0].order[0]
        let outgoing = record.ties[1].order.last!
        #expect(record.displacements == [Displacement(replaced: outgoing, by: incoming, minimum: Minimum(category: "woman", count: 1))])
        let byOrder = try BlockVote(seats: 3, votesPerBallot: 1, minimums: [Minimum(category: "woman", count: 1)])
            .count(profile, ties: TieBreaker(explicitOrder: [5, 4, 1, 2, 0, 3]))
        #expect(byOrder.elected == [0, 1, 5]) // F favoured in; C, the less favoured of B and C, gives way
    }

    /// Meek, 2 seats, at least 1 woman: 35 M1 W, 35 M2 W, 20 W, 10 X M1. M1 and M2 reach the quota
    /// together with equal votes; electing one dooms the other, so the tie breaker orders them.
    @Test func meekOrdersEqualCandidatesByTheTieBreakerWhenDoomIsAtStake() throws {
        let profile = BallotProfile(candidates: women(["M1", "M2", "W", "X"], ["W"]), rankings: [([0, 2], 35), ([1, 2], 35), ([2], 20), ([3, 0], 10)])
        let first = try STV(rule: .meek, seats: 2, minimums: [Minimum(category: "woman", count: 1)]).count(profile, ties: TieBreaker(explicitOrder: [1, 0, 2, 3]))
        #expect(first.elected == [1, 2])
        #expect(first.ties.first?.question == "the order of election")
        let other = try STV(rule: .meek, seats: 2, minimums: [Minimum(category: "woman", count: 1)]).count(profile, ties: TieBreaker(explicitOrder: [0, 1, 2, 3]))
        #expect(other.elected == [0, 2])
    }
}
