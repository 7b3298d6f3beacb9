import Testing
@testable import TallySimulation

/// The generator against probabilities worked by hand from the rules in docs/scenarios.md, on
/// samples large enough that a wrong rule misses by many standard errors.
@Suite("Electorate generator")
struct ElectorateGeneratorTests {
    static let voters = 100_000

    /// Slates A (A1–A3) and B (B1–B3), equal popularity. Bloc "A voters" 0.6: cohesion 0.9,
    /// discipline 1 (the order A1, A2, A3). Bloc "B voters" 0.4: cohesion 0.75, loyalty 0.5,
    /// discipline 1. Ballots of 2 to 4 preferences.
    static let json = """
    {
      "title": "Generator check", "seats": 2, "voters": \(voters), "ballot_length": {"min": 2, "max": 4},
      "candidates": [{"name": "A1"}, {"name": "A2"}, {"name": "A3"}, {"name": "B1"}, {"name": "B2"}, {"name": "B3"}],
      "slates": [{"name": "A", "candidates": ["A1", "A2", "A3"]}, {"name": "B", "candidates": ["B1", "B2", "B3"]}],
      "blocs": [
        {"name": "A voters", "slate": "A", "share": 0.6, "cohesion": 0.9},
        {"name": "B voters", "slate": "B", "share": 0.4, "cohesion": 0.75, "loyalty": 0.5}
      ]
    }
    """

    struct Sample {
        var byBloc = [0, 0]
        var firstOnSlateA = 0
        var firstIsA1 = 0
        /// Loyal-first B voters (first preference B1), and those whose second is B2.
        var bVotersFirstB1 = 0
        var bVotersSecondB2 = 0
        var lengths = [Int](repeating: 0, count: 7)
        var repeated = 0
    }

    static func sample(seed: UInt64 = 7) throws -> Sample {
        let scenario = try Scenario.load(path: try ScenarioFiles.write(json))
        var sample = Sample()
        Simulation(scenario: scenario, seed: seed).drawElectorate(trial: 1) { _, ranking, bloc in
            sample.byBloc[bloc] += 1
            sample.lengths[ranking.count] += 1
            if Set(ranking).count != ranking.count { sample.repeated += 1 }
            if ranking[0] < 3 { sample.firstOnSlateA += 1 }
            if ranking[0] == 0 { sample.firstIsA1 += 1 }
            if bloc == 1, ranking[0] == 3 {
                sample.bVotersFirstB1 += 1
                if ranking[1] == 4 { sample.bVotersSecondB2 += 1 }
            }
        }
        return sample
    }

    /// |observed − expected| within 4.5 standard errors of a proportion.
    static func close(_ count: Int, of total: Int, to probability: Double) -> Bool {
        let observed = Double(count) / Double(total)
        let error = (probability * (1 - probability) / Double(total)).squareRoot()
        return abs(observed - probability) <= 4.5 * error
    }

    @Test("bloc shares within sampling error")
    func blocShares() throws {
        let sample = try Self.sample()
        #expect(sample.byBloc.reduce(0, +) == Self.voters)
        #expect(Self.close(sample.byBloc[0], of: Self.voters, to: 0.6), "\(sample.byBloc)")
    }

    @Test("first preferences for a slate: cohesion plus defectors' popularity draws")
    func firstPreferences() throws {
        let sample = try Self.sample()
        // A voters: 0.9 loyal + 0.1 × 3/6 by popularity = 0.95; B voters: 0.25 × 3/6 = 0.125.
        // P(first on A) = 0.6 × 0.95 + 0.4 × 0.125 = 0.62.
        #expect(Self.close(sample.firstOnSlateA, of: Self.voters, to: 0.62), "\(sample.firstOnSlateA)")
        // Discipline 1: loyal A voters start with A1. P = 0.6 × (0.9 + 0.1/6) + 0.4 × 0.25/6 = 0.566667.
        #expect(Self.close(sample.firstIsA1, of: Self.voters, to: 0.566_667), "\(sample.firstIsA1)")
    }

    @Test("loyalty: how far down a loyal voter stays with the slate")
    func loyalty() throws {
        let sample = try Self.sample()
        // A B voter whose first is B1 is loyal (0.75) or a defector who drew B1 (0.25 × 1/6):
        // P(loyal | first B1) = 0.75 / (0.75 + 0.041667) = 0.947368. A loyal one ranks B2 second
        // with 0.5 + 0.5 × 1/5 = 0.6; a defector with 1/5. So P(B2 second | B1 first) =
        // 0.947368 × 0.6 + 0.052632 × 0.2 = 0.578947.
        #expect(Self.close(sample.bVotersSecondB2, of: sample.bVotersFirstB1, to: 0.578_947), "\(sample.bVotersSecondB2) of \(sample.bVotersFirstB1)")
    }

    @Test("ballot lengths are uniform over the range, and no candidate is ranked twice")
    func lengths() throws {
        let sample = try Self.sample()
        #expect(sample.lengths[0] == 0 && sample.lengths[1] == 0 && sample.lengths[5] == 0 && sample.lengths[6] == 0)
        for length in 2...4 { #expect(Self.close(sample.lengths[length], of: Self.voters, to: 1.0 / 3), "\(sample.lengths)") }
        #expect(sample.repeated == 0)
    }

    @Test("popularity: a Plackett–Luce draw in proportion to popularity")
    func popularity() throws {
        let path = try ScenarioFiles.write("""
        {"title": "P", "seats": 1, "voters": \(Self.voters), "ballot_length": 2,
         "candidates": [{"name": "X", "popularity": 3}, {"name": "Y", "popularity": 1.5}, {"name": "Z", "popularity": 0.5}],
         "blocs": [{"name": "Everyone", "share": 1}]}
        """)
        var firstX = 0
        var yThenX = 0
        var firstY = 0
        Simulation(scenario: try Scenario.load(path: path), seed: 3).drawElectorate(trial: 1) { _, ranking, _ in
            if ranking[0] == 0 { firstX += 1 }
            if ranking[0] == 1 { firstY += 1; if ranking[1] == 0 { yThenX += 1 } }
        }
        // First X: 3 / 5 = 0.6. After Y: X with 3 / 3.5 = 0.857143.
        #expect(Self.close(firstX, of: Self.voters, to: 0.6), "\(firstX)")
        #expect(Self.close(yThenX, of: firstY, to: 0.857_143), "\(yThenX) of \(firstY)")
    }

    @Test("a seed and trial always draw the same electorate; other seeds and trials differ")
    func reproducible() throws {
        let scenario = try Scenario.load(path: try ScenarioFiles.write(Self.json)).withVoters(500)
        func firsts(seed: UInt64, trial: Int) -> [UInt16] {
            var result: [UInt16] = []
            Simulation(scenario: scenario, seed: seed).drawElectorate(trial: trial) { _, ranking, _ in result.append(ranking[0]) }
            return result
        }
        #expect(firsts(seed: 5, trial: 2) == firsts(seed: 5, trial: 2))
        #expect(firsts(seed: 5, trial: 2) != firsts(seed: 5, trial: 3))
        #expect(firsts(seed: 5, trial: 2) != firsts(seed: 6, trial: 2))
    }

    @Test("trial seeds are SplitMix64's outputs in turn")
    func trialSeeds() {
        // SplitMix64 from 0: its first two outputs (Vigna's reference implementation).
        #expect(SimulationRandom.trialSeed(0, trial: 1) == 0xE220_A839_7B1D_CDAF)
        #expect(SimulationRandom.trialSeed(0, trial: 2) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("uniform draws stay below the bound and reach every value")
    func uniform() {
        var random = SimulationRandom(seed: 11)
        var seen = Set<UInt64>()
        for _ in 0..<1000 {
            let value = random.uniform(below: 7)
            #expect(value < 7)
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }
}
