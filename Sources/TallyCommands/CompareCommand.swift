import TallyBallotFiles
import TallyCounting
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
            .choice("--format", value: "format", help: "Output format.", OutputFormat.self, default: .text),
        ] + BallotFileOptions.specs,
        discussion: "Block vote takes each ballot's first N preferences as its marks (N = seats). Ties are decided as in tally count: the BLT file's [tie] order if it has one, else the seeded draw. Exit status: 64 usage error, 65 malformed or uncountable file, 66 missing file.",
        argumentsOptionalWith: "--contest"
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandFailure.catching { try compare(arguments) }
    }

    private static func compare(_ arguments: ParsedArguments) throws -> CommandOutcome {
        if let contest = arguments.value("--contest") { return try compareContest(contest, arguments) }
        let path = arguments.positionals[0]
        try BallotFileOptions.check(arguments, spec: spec)
        let loaded = try BallotFileOptions.load(path, arguments).get()
        try BallotFileOptions.checkFormat(loaded, arguments, spec: spec)
        var profile = loaded.profile
        guard profile.regions.isEmpty else {
            throw UsageError(command: spec, message: "\(path) holds several regions; compare one region's file, or count the contest with tally count --contest")
        }
        if let slates = arguments.value("--slates") {
            profile = try BallotFileOptions.applyAttributes(slates, to: profile)
        }
        let minimums = try MinimumList.parse(arguments.value("--min"), spec: spec)
        if !minimums.isEmpty, arguments.value("--slates") == nil {
            throw UsageError(command: spec, message: "--min needs the candidates' categories: give --slates FILE")
        }
        guard let seats = try arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec) ?? profile.seats else {
            throw UsageError(command: spec, message: "\(path) does not state the number of seats; give --seats N")
        }
        let seed = try BallotFileOptions.seed(arguments, spec: spec)
        let comparison: Comparison
        do {
            comparison = try Comparison(profile: profile, seats: seats, rule: arguments.choice("--rule", as: STVRule.self) ?? .ers97, minimums: minimums, seed: seed, tieOrder: profile.tieOrder)
        } catch {
            throw CommandFailure.counting(error, path)
        }
        let report = ComparisonReport(comparison: comparison, source: ReportSource(loaded).replacingProfile(profile))
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        return CommandOutcome(standardOutput: format.render(report))
    }

    /// `--contest FILE`: each section compared with its own seats, minimums and rule, then the
    /// whole contest.
    private static func compareContest(_ path: String, _ arguments: ParsedArguments) throws -> CommandOutcome {
        if !arguments.positionals.isEmpty {
            throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out '\(arguments.positionals[0])'")
        }
        for option in ["--seats", "--slates", "--min"] + BallotFileOptions.specs.map(\.name) where arguments.value(option) != nil {
            throw UsageError(command: spec, message: "\(option) comes from the contest file with --contest")
        }
        let (contest, prepared) = try ContestRunner.prepare(path, arguments: arguments)
        let seed = try BallotFileOptions.seed(arguments, spec: spec)
        let rule = arguments.choice("--rule", as: STVRule.self)
        var sections: [ContestComparisonReport.Section] = []
        for section in prepared {
            do {
                let profile = section.source.profile
                let comparison = try Comparison(profile: profile, seats: section.description.seats, rule: rule ?? section.rule, minimums: section.minimums, seed: seed, tieOrder: profile.tieOrder)
                sections.append(ContestComparisonReport.Section(name: section.description.name, comparison: comparison, source: section.source))
            } catch {
                throw CommandFailure.counting(error, "\(path): section \"\(section.description.name)\"")
            }
        }
        let report = try ContestComparisonReport(title: contest.title, file: path, sources: contest.sources ?? [], assumptions: contest.assumptions ?? [], sections: sections)
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        return CommandOutcome(standardOutput: format.render(report))
    }
}
