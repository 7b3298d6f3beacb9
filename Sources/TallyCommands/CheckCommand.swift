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
        do {
            try BallotFileOptions.check(arguments, spec: spec)
        } catch {
            return error.outcome
        }
        switch BallotFileOptions.load(arguments.positionals[0], arguments) {
        case let .failure(failure):
            return failure.outcome
        case let .success(loaded):
            do { try BallotFileOptions.checkFormat(loaded, arguments, spec: spec) } catch { return error.outcome }
            let report = CheckReport(source: ReportSource(loaded))
            return CommandOutcome(standardOutput: arguments.value("--format") == "json" ? report.json().rendered() : report.text())
        }
    }
}
