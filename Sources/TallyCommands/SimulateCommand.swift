import Foundation
import TallyCounting
import TallyReports
import TallySimulation

/// `tally simulate SCENARIO`: many synthetic elections, each counted by STV and by block vote.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        abstract: "Draw many synthetic electorates from a scenario, count each by STV and by block vote, and report what each method gives the slates.",
        arguments: [("scenario", "A scenario file (docs/scenarios.md).")],
        options: [
            OptionSpec("--trials", value: "n", help: "Number of elections to draw.", default: "1000"),
            ScenarioOptions.seedSpec,
            ScenarioOptions.votersSpec,
            .choice("--rule", value: "rule", help: "STV rule (docs/rules/). Default: the scenario's, else ers97.", STVRule.self),
            OptionSpec("--threads", value: "n", help: "Threads to run trials on. The result is the same for any number. Default: one per core."),
            OptionSpec("--quiet", help: "No progress line on standard error."),
            .choice("--format", value: "format", help: "Output format.", OutputFormat.self, default: .text),
        ],
        discussion: "Trial k of a seed is the electorate `tally generate SCENARIO --seed S --trial k` writes. A progress line appears on standard error when a run takes more than a second."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandFailure.catching { try simulate(arguments) }
    }

    private static func simulate(_ arguments: ParsedArguments) throws -> CommandOutcome {
        let path = arguments.positionals[0]
        let trials = try arguments.integer("--trials", in: 1...10_000_000, spec: spec) ?? 1000
        let seed = try BallotFileOptions.seed(arguments, spec: spec)
        let threads = try arguments.integer("--threads", in: 1...1024, spec: spec) ?? ProcessInfo.processInfo.activeProcessorCount
        let scenario = try ScenarioOptions.load(path, arguments, spec: spec)
        let simulation = Simulation(scenario: scenario, rule: arguments.choice("--rule", as: STVRule.self), seed: seed)
        let progress = arguments.flag("--quiet") ? nil : ProgressLine(label: "simulate", total: trials)
        let result: SimulationResult
        do {
            var report: (@Sendable (Int) -> Void)?
            if let progress { report = { finished in progress.update(finished) } }
            result = try simulation.run(trials: trials, threads: threads, progress: report)
        } catch let error as CountError {
            progress?.finish()
            throw CommandFailure("\(path): cannot count a simulated election: \(error)", .dataError)
        }
        progress?.finish()
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        return CommandOutcome(standardOutput: format.render(SimulationReport(result: result, file: path)))
    }
}
