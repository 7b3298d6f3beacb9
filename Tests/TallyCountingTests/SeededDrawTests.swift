import Testing
import TallyCounting

@Suite struct SeededDrawTests {
    /// The reference outputs of SplitMix64 started at 0 (Steele, Lea and Flood; Vigna's
    /// splitmix64.c), so anyone can check Tally's generator against another implementation.
    @Test func matchesTheSplitMix64ReferenceOutputs() {
        var draw = SeededDraw(seed: 0)
        #expect(draw.next() == 0xE220_A839_7B1D_CDAF)
        #expect(draw.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(draw.next() == 0x06C4_5D18_8009_454F)
    }

    /// The worked example of docs/ties.md: seed 7, Baker (1), Clarke (2) and Davies (3) tied.
    /// i = 2: output 7191089600892374487 mod 3 = 0, swap positions 2 and 0 → Davies, Clarke, Baker;
    /// i = 1: output 309689372594955804 mod 2 = 0, swap positions 1 and 0 → Clarke, Davies, Baker.
    @Test func reproducesTheWorkedExample() {
        var draw = SeededDraw(seed: 7)
        #expect(draw.shuffle([3, 1, 2]) == [2, 3, 1])
        var outputs = SeededDraw(seed: 7)
        #expect(outputs.next() == 7_191_089_600_892_374_487)
        #expect(outputs.next() == 309_689_372_594_955_804)
    }

    @Test func sameSeedSameShuffle() {
        var first = SeededDraw(seed: 2026)
        var second = SeededDraw(seed: 2026)
        let candidates = Array(0..<9)
        #expect(first.shuffle(candidates) == second.shuffle(candidates))
        #expect(first.shuffle(candidates) == second.shuffle(candidates))
        #expect(first.drawsMade == 2)
    }

    @Test func shuffleIsAPermutationOfTheTiedCandidates() {
        var draw = SeededDraw(seed: 7)
        let tied = [8, 3, 5]
        #expect(draw.shuffle(tied).sorted() == [3, 5, 8])
    }

    /// Over many seeds each of three tied candidates should win about a third of the time.
    /// 30,000 draws: the standard deviation of each count is about 82, so ±600 is over 7σ.
    @Test func eachTiedCandidateIsEquallyLikelyToWin() {
        var wins = [0, 0, 0]
        for seed in 0..<30_000 {
            var draw = SeededDraw(seed: UInt64(seed))
            wins[draw.shuffle([0, 1, 2])[0]] += 1
        }
        for count in wins { #expect(abs(count - 10_000) < 600, "wins \(wins)") }
    }

    @Test func uniformStaysBelowItsBound() {
        var draw = SeededDraw(seed: 99)
        for bound in [1, 2, 3, 7, 1000] as [UInt64] {
            for _ in 0..<200 { #expect(draw.uniform(below: bound) < bound) }
        }
    }
}
