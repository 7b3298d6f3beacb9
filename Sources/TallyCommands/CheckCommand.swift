import TallyElection
import TallyReports

/// `tally check FILE`: read and validate a ballot file without counting it.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Read a ballot file and report its candidates, ballots and irregular ballots, without counting.",
        arguments: [("file", "A ballot file: BLT or CSV.")],
        options: [
            OptionSpec("--format", value: "format", help: "Output format.", choices: ["text", "json"], default: "text"),
        ] + BallotFileOptions.specs,
        discussion: "Exits 0 when the file reads, 65 when it is malformed (the error names file, line and column), 66 when it cannot be read."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            let selection = try BallotSelection(path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments))
            let ballots = try BallotPreparation.prepare(selection, wholeFile: true)
            let report = CheckReport(source: ReportSource(ballots))
            return CommandOutcome(standardOutput: arguments.value("--format") == "json" ? report.json().rendered() : report.text())
        }
    }
}
