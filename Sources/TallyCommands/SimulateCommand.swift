import Foundation
import TallyElection
import TallyBallotFiles
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
            OptionSpec("--fit-block-totals", value: "file", help: "First adjust the scenario's bloc shares, cohesion and popularity so that its block-vote totals match this published result (a CSV of name,votes), report the fit, then simulate electorates like it."),
            OptionSpec("--save-fit", value: "file", help: "With --fit-block-totals: write the fitted scenario to this file, to draw its electorates again (tally generate, tally simulate)."),
            OptionSpec("--sensitivity-trials", value: "n", help: "With --fit-block-totals: trials for each variation of loyalty, discipline and ballot length in the sensitivity table (0: none).", default: "100"),
            OptionSpec("--threads", value: "n", help: "Threads to run trials on. The result is the same for any number. Default: one per core."),
            OptionSpec("--quiet", help: "No progress line on standard error."),
        ] + ReportOutput.specs(declaration: false),
        discussion: "With --fit-block-totals the fit uses the scenario's own voters (the turnout behind the published totals); --voters then sets the size of the simulated electorates. Trial k of a seed is the electorate `tally generate SCENARIO --seed S --trial k` writes. A progress line appears on standard error when a run takes more than a second."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) { try simulate(arguments) }
    }

    private static func simulate(_ arguments: ParsedArguments) throws -> CommandOutcome {
        let path = arguments.positionals[0]
        let trials = try arguments.integer("--trials", in: 1...1_000_000, spec: spec) ?? 1000
        let seed = try BallotFileOptions.seed(arguments)
        let threads = try arguments.integer("--threads", in: 1...1024, spec: spec) ?? ProcessInfo.processInfo.activeProcessorCount
        var scenario = try ScenarioOptions.load(path, arguments, spec: spec, applyVoters: false)
        let totalsFile = arguments.value("--fit-block-totals")
        var fit: BlockTotalsFit?
        if let totalsFile {
            let totals: PublishedTotals
            do { totals = try PublishedTotals.load(path: totalsFile) } catch { throw ElectionFailure(error) }
            let fitted: BlockTotalsFit
            do { fitted = try BlockTotalsFit(scenario: scenario, totals: totals, seed: seed) } catch {
                throw ElectionFailure(.badData, "\(path): cannot calibrate: \(error)")
            }
            fit = fitted
            scenario = fitted.scenario
            if let file = arguments.value("--save-fit") {
                let document = ScenarioDocument.json(scenario, extraAssumption: "Bloc shares, cohesion and popularity fitted by tally simulate --fit-block-totals \(totalsFile) --seed \(seed).")
                try OutputFile.write(document.rendered(), to: file)
            }
        } else if arguments.value("--save-fit") != nil {
            throw UsageError(command: spec, message: "--save-fit needs --fit-block-totals")
        }
        scenario = try ScenarioOptions.applyVoters(arguments, to: scenario, spec: spec)
        let simulation = Simulation(scenario: scenario, rule: arguments.choice("--rule", as: STVRule.self), seed: seed)
        let progress = arguments.flag("--quiet") ? nil : ProgressLine(label: "simulate", total: trials)
        let result: SimulationResult
        do {
            var report: (@Sendable (Int) -> Void)?
            if let progress { report = { finished in progress.update(finished) } }
            result = try simulation.run(trials: trials, threads: threads, progress: report)
        } catch {
            progress?.finish()
            throw ElectionFailure.counting(error, "\(path): a simulated election")
        }
        progress?.finish()
        let report = SimulationReport(result: result, file: fit == nil ? path : arguments.value("--save-fit"))
        if let fit, let totalsFile {
            let sensitivityTrials = try arguments.integer("--sensitivity-trials", in: 0...100_000, spec: spec) ?? 100
            var sensitivity: FitSensitivity?
            if sensitivityTrials > 0 {
                do {
                    sensitivity = try FitSensitivity(scenario: scenario, rule: arguments.choice("--rule", as: STVRule.self), seed: seed, trials: sensitivityTrials, threads: threads)
                } catch {
                    throw ElectionFailure.counting(error, "\(path): a simulated election")
                }
            }
            return try ReportOutput.deliver(CalibrationReport(fit: fit, totalsFile: totalsFile, simulation: report, sensitivity: sensitivity), arguments)
        } else if arguments.value("--sensitivity-trials") != nil {
            throw UsageError(command: spec, message: "--sensitivity-trials needs --fit-block-totals")
        }
        return try ReportOutput.deliver(report, arguments)
    }
}
