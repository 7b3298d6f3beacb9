import TallyCounting
import TallyElection
import TallyReports

/// The options every reporting command shares — the format, the output file, the declaration —
/// and how a rendered report reaches the user, with the warning for a lot drawn with a seed
/// nobody chose.
enum ReportOutput {
    static func specs(declaration: Bool) -> [OptionSpec] {
        var specs: [OptionSpec] = [
            .choice("--format", value: "format", help: "Output format: a text sheet, the record as JSON, CSV rows, or an HTML document with charts to publish or print (docs/reports.md).", OutputFormat.self, default: .text),
            OptionSpec("--output", short: "-o", value: "file", help: "Write the result to this file instead of standard output (a symlink, pipe or device is written through, never replaced)."),
        ]
        if declaration {
            specs += [
                OptionSpec("--organisation", value: "text", help: "Declaration: the organisation holding the election, printed in the report's header."),
                OptionSpec("--returning-officer", value: "text", help: "Declaration: the returning officer's name."),
                OptionSpec("--date", value: "text", help: "Declaration: the date of the declaration, printed as written."),
                OptionSpec("--declaration", value: "text", help: "Declaration: a sentence printed above the result, e.g. \"I declare the following candidates elected.\""),
            ]
        }
        return specs
    }

    /// What the options say reports should show beyond the record.
    static func options(_ arguments: ParsedArguments, declaration base: Declaration = Declaration()) -> ReportOptions {
        let given = Declaration(
            organisation: arguments.value("--organisation"), returningOfficer: arguments.value("--returning-officer"),
            date: arguments.value("--date"), statement: arguments.value("--declaration")
        )
        return ReportOptions(
            declaration: base.overridden(by: given),
            seedChosen: arguments.value("--seed") != nil || arguments.value("--tie-order") != nil
        )
    }

    /// The report in the format asked for, written to `--output` or standard output, with a
    /// warning on standard error when one of `ties` was decided by lot with the default seed.
    static func deliver(_ sheet: some ResultSheet, _ arguments: ParsedArguments, ties: [TieDecision] = [], seed: UInt64 = TieBreaker.defaultSeed) throws(ElectionFailure) -> CommandOutcome {
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        let rendered: String
        do throws(ReportUnavailable) {
            rendered = try format.render(sheet)
        } catch {
            throw ElectionFailure(.request, error.message)
        }
        var outcome = CommandOutcome()
        if let warning = options(arguments).lotWarning(ties, seed: seed) { outcome.standardError = "tally: warning: a tie was \(warning.prefix(1).lowercased())\(warning.dropFirst())\n" }
        if let path = arguments.value("--output") {
            try OutputFile.write(rendered, to: path)
        } else {
            outcome.standardOutput = rendered
        }
        return outcome
    }
}
