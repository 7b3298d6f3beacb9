import Foundation
import TallyElection
import TallyModel
import TallyReports
import TallySimulation

/// `tally generate SCENARIO`: one synthetic electorate written as a ballot file.
enum GenerateCommand {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Draw one synthetic electorate from a scenario and write it as a ballot file (CSV or BLT) that tally and other STV programs read.",
        arguments: [("scenario", "A scenario file (docs/scenarios.md).")],
        options: [
            ScenarioOptions.seedSpec,
            OptionSpec("--trial", value: "k", help: "Which trial of that seed to draw: the electorate tally simulate counts as trial k.", default: "1"),
            ScenarioOptions.votersSpec,
            OptionSpec("--output", short: "-o", value: "file", help: "Write the ballots to this file instead of standard output."),
            .choice("--output-format", value: "format", help: "Ballot file format. Default: blt for a file named *.blt, else csv.", GeneratedBallots.Format.self),
            OptionSpec("--region", value: "name", help: "Write only this region's ballots (needed for BLT when the scenario has regions)."),
            OptionSpec("--candidates-out", value: "file", help: "Also write the candidates' slates and categories, as a file for --candidates or --slates."),
        ],
        discussion: "CSV has rank columns (and a region column when the scenario has regions), one row per voter. The same --seed and --trial always give the same file."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) { try generate(arguments) }
    }

    private static func generate(_ arguments: ParsedArguments) throws -> CommandOutcome {
        let path = arguments.positionals[0]
        let seed = try BallotFileOptions.seed(arguments)
        let trial = try arguments.integer("--trial", in: 1...1_000_000_000, spec: spec) ?? 1
        let output = arguments.value("--output")
        let format = arguments.choice("--output-format", as: GeneratedBallots.Format.self)
            ?? (output?.lowercased().hasSuffix(".blt") == true ? .blt : .csv)
        let scenario = try ScenarioOptions.load(path, arguments, spec: spec)
        var section: Int?
        if let region = arguments.value("--region") {
            let key = Candidate.matchingKey(for: region)
            guard scenario.sections.count > 1, let found = scenario.sections.firstIndex(where: { Candidate.matchingKey(for: $0.name) == key }) else {
                throw UsageError(command: spec, message: scenario.sections.count > 1
                    ? "no region '\(Excerpt.of(region))' in \(path); its regions are \(scenario.sections.map(\.name).joined(separator: ", "))"
                    : "\(path) has no regions; leave out --region")
            }
            section = found
        } else if format == .blt, scenario.sections.count > 1 {
            throw UsageError(command: spec, message: "a BLT file holds one region; give --region NAME (the regions are \(scenario.sections.map(\.name).joined(separator: ", "))), or write CSV")
        }
        let ballots = GeneratedBallots(simulation: Simulation(scenario: scenario, seed: seed), trial: trial, section: section)
        let text: String
        switch format {
        case .csv:
            do { text = try ballots.csv() } catch { throw ElectionFailure(.badData, error.message) }
        case .blt:
            do { text = try ballots.blt() } catch { throw ElectionFailure(.badData, error.message) }
        }
        if let file = arguments.value("--candidates-out") { try OutputFile.write(ballots.candidateAttributes(), to: file) }
        guard let output else { return CommandOutcome(standardOutput: text) }
        try OutputFile.write(text, to: output)
        return CommandOutcome()
    }
}
