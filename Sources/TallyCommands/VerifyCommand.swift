import TallyCounting
import TallyElection
import TallyReports

/// `tally verify FILE --against SHEET`: count FILE and check a published result sheet against it.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Count a ballot file and check a published result sheet against the count, stage by stage and candidate by candidate (docs/verify.md).",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            OptionSpec("--against", value: "sheet", help: "The published sheet: CSV rows of stage,candidate,votes[,status], or a JSON stage report (docs/verify.md)."),
        ] + CountOptions.specs(defaultMethod: .stv) + [
            .choice("--format", value: "format", help: "Output format: text, json, csv (the differences) or html.", OutputFormat.self, default: .text),
            OptionSpec("--output", short: "-o", value: "file", help: "Write the result to this file instead of standard output (a symlink, pipe or device is written through, never replaced)."),
        ] + BallotFileOptions.specs,
        discussion: """
        Exits 0 when the sheet is identical to the count, 1 when figures differ but the sheet names the same winners (or none), \
        2 when it names other winners; 64 for a usage error, 65 when a file is malformed or cannot be counted as asked, \
        66 when it cannot be read, 70 on an internal error.
        """
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            guard let sheet = arguments.value("--against") else {
                throw UsageError(command: spec, message: "give the published sheet to check with --against SHEET")
            }
            let verification = try Election.verify(CountOptions.request(arguments, spec: spec, defaultMethod: .stv), against: sheet)
            var outcome = try ReportOutput.deliver(VerificationReport(verification: verification), arguments)
            outcome.exitCode = verification.exitCode
            return outcome
        }
    }
}
