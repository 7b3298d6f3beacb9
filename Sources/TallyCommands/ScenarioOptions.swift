import TallyElection
import TallyBallotFiles
import TallyCounting
import TallySimulation

/// What `generate` and `simulate` share: reading the scenario and the voters. (The seed is
/// read as for counts: `BallotFileOptions.seed`.)
enum ScenarioOptions {
    static let seedSpec = OptionSpec("--seed", value: "n", help: "Seed of the simulation's random draws (docs/scenarios.md); printed with the result.", default: "1")
    static let votersSpec = OptionSpec("--voters", value: "n", help: "Voters per election instead of the scenario's (shared between regions as the scenario shares them).")

    /// The scenario at `path`, with `--voters` applied unless told not to.
    static func load(_ path: String, _ arguments: ParsedArguments, spec: CommandSpec, applyVoters: Bool = true) throws -> Scenario {
        let scenario: Scenario
        do { scenario = try Scenario.load(path: path) } catch { throw ElectionFailure(error) }
        return applyVoters ? try self.applyVoters(arguments, to: scenario, spec: spec) : scenario
    }

    /// `scenario` with the voters `--voters` asks for, if it does.
    static func applyVoters(_ arguments: ParsedArguments, to scenario: Scenario, spec: CommandSpec) throws(UsageError) -> Scenario {
        guard let voters = try arguments.integer("--voters", in: 1...10_000_000, spec: spec) else { return scenario }
        return scenario.withVoters(voters)
    }

}
