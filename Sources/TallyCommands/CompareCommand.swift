import TallyCounting
import TallyElection
import TallyModel
import TallyReports

/// `tally compare FILE`: the same ballots by STV and by block vote, side by side.
enum CompareCommand {
    static let spec = CommandSpec(
        name: "compare",
        abstract: "Count the same ballots by STV and by block vote and compare them: winners, seats by slate against first preferences, disproportionality, and voters served.",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            OptionSpec("--contest", value: "file", help: "Compare every section of a contest file (docs/contest-files.md), each with its own seats, minimums and STV rule, then the whole contest."),
            OptionSpec("--seats", value: "n", help: "Number of seats. Taken from the BLT header when not given."),
            .choice("--rule", value: "rule", help: "STV rule (docs/rules/). With --contest, overrides the sections' rules.", STVRule.self, default: .ers97),
            OptionSpec("--slates", value: "file", help: "CSV of candidates' slates and categories (as --candidates for count); else BLT party strings are the slates."),
            OptionSpec("--min", value: "rules", help: "Minimum representation applied to both methods, e.g. woman=5 (needs --slates with category columns)."),
            OptionSpec("--seed", value: "n", help: "Seed of the tie-breaking draw (docs/ties.md).", default: String(TieBreaker.defaultSeed)),
        ] + ReportOutput.specs(declaration: false) + BallotFileOptions.specs,
        discussion: "Block vote takes each ballot's first N preferences as its marks (N = seats). Ties are decided as in tally count: the BLT file's [tie] order if it has one, else the seeded draw. Exit status: 64 usage error, 65 malformed or uncountable file, 66 missing file, 70 internal error.",
        argumentsOptionalWith: "--contest"
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            if let contest = arguments.value("--contest") { return try compareContest(contest, arguments) }
            let selection = try BallotSelection(
                path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments), attributes: arguments.value("--slates"),
                minimums: BallotFileOptions.minimums(arguments), attributesOption: "--slates"
            )
            let request = try CountRequest(
                ballots: selection, method: .stv(arguments.choice("--rule", as: STVRule.self) ?? .ers97),
                seats: arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec),
                ties: TieSettings(seed: BallotFileOptions.seed(arguments))
            )
            let (ballots, comparison) = try Election.compare(request)
            return try ReportOutput.deliver(ComparisonReport(comparison: comparison, source: ReportSource(ballots)), arguments,
                                            ties: comparison.stv.ties + comparison.block.ties, seed: comparison.stv.seed)
        }
    }

    /// `--contest FILE`: each section compared with its own seats, minimums and rule, then the
    /// whole contest.
    private static func compareContest(_ path: String, _ arguments: ParsedArguments) throws -> CommandOutcome {
        if !arguments.positionals.isEmpty {
            throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out '\(Excerpt.of(arguments.positionals[0]))'")
        }
        for option in ["--seats", "--slates", "--min"] + BallotFileOptions.specs.map(\.name) where arguments.value(option) != nil {
            throw UsageError(command: spec, message: "\(option) comes from the contest file with --contest")
        }
        let seed = try BallotFileOptions.seed(arguments)
        let plan = try ContestPlan.load(path: path)
        let comparison = try plan.compare(plan.prepare(reading: BallotFileOptions.loader(arguments)), rule: arguments.choice("--rule", as: STVRule.self), seed: seed)
        let ties = comparison.sections.flatMap { $0.comparison.stv.ties + $0.comparison.block.ties }
        return try ReportOutput.deliver(ContestComparisonReport(contest: comparison), arguments, ties: ties, seed: seed)
    }
}
