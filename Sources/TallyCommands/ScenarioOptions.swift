import TallyBallotFiles
import TallyCounting
import TallySimulation

/// What `generate` and `simulate` share: reading the scenario and the voters. (The seed is
/// read as for counts: `BallotFileOptions.seed`.)
enum ScenarioOptions {
    static let seedSpec = OptionSpec("--seed", value: "n", help: "Seed of the simulation's random draws (docs/scenarios.md); printed with the result.", default: "1")
    static let votersSpec = OptionSpec("--voters", value: "n", help: "Voters per election instead of the scenario's (shared between regions as the scenario shares them).")

    /// The scenario at `path`, with `--voters` applied.
    static func load(_ path: String, _ arguments: ParsedArguments, spec: CommandSpec) throws -> Scenario {
        var scenario: Scenario
        do { scenario = try Scenario.load(path: path) } catch { throw CommandFailure(error) }
        if let voters = try arguments.integer("--voters", in: 1...10_000_000, spec: spec) {
            scenario = scenario.withVoters(voters)
        }
        return scenario
    }

}
