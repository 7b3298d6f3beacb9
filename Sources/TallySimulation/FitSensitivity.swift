import TallyCounting

/// How the STV answer of a fitted scenario moves with what the fit cannot know: many electorates
/// give the same block-vote totals, and the fit moves only bloc shares, cohesion and popularity.
/// Loyalty, discipline and ballot length are set by assumption; each is varied across a stated
/// range, all slate blocs together, and the scenario simulated again (docs/scenarios.md).
public struct FitSensitivity: Sendable {
    /// One variation: the parameter, the value tried, and what the simulation gave.
    public struct Variant: Sendable {
        public let parameter: String
        public let value: String
        public let result: SimulationResult
    }

    public let variants: [Variant]

    /// The values tried: loyalty and discipline low and high, ballots short and full.
    static func variations(of scenario: Scenario) -> [(parameter: String, value: String, scenario: Scenario)] {
        func varied(_ change: (inout Scenario.Bloc) -> Void) -> Scenario {
            var copy = scenario
            for index in copy.blocs.indices where copy.blocs[index].slate != nil { change(&copy.blocs[index]) }
            return copy
        }
        let candidates = scenario.candidates.count
        let seats = scenario.sections.map(\.seats).max() ?? 1
        let short = 1...min(3, candidates), full = min(seats, candidates)...candidates
        return [
            ("loyalty", "0.6", varied { $0.loyalty = Chance(millionths: 600_000) }),
            ("loyalty", "0.95", varied { $0.loyalty = Chance(millionths: 950_000) }),
            ("discipline", "0.1", varied { $0.discipline = Chance(millionths: 100_000) }),
            ("discipline", "0.9", varied { $0.discipline = Chance(millionths: 900_000) }),
            ("ballot length", "\(short.lowerBound)–\(short.upperBound)", varied { $0.ballotLength = short }),
            ("ballot length", "\(full.lowerBound)–\(full.upperBound)", varied { $0.ballotLength = full }),
        ]
    }

    /// Simulates each variation of `scenario` for `trials` trials from `seed`.
    public init(scenario: Scenario, rule: STVRule?, seed: UInt64, trials: Int, threads: Int) throws {
        variants = try FitSensitivity.variations(of: scenario).map { variation in
            Variant(parameter: variation.parameter, value: variation.value,
                    result: try Simulation(scenario: variation.scenario, rule: rule, seed: seed).run(trials: trials, threads: threads))
        }
    }
}
