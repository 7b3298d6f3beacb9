import TallyCounting
import TallyElection
import TallyModel
import TallyReports

/// `tally count FILE`: count a ballot file and print the result.
enum CountCommand {
    static let spec = CommandSpec(
        name: "count",
        abstract: "Count a ballot file and print the result sheet: STV (ERS97, Scottish or Meek rules) or block vote.",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            OptionSpec("--contest", value: "file", help: "Count a whole contest described in a JSON file: its sections or regions, seats, methods, minimums and candidates (docs/contest-files.md), with a combined summary."),
            .choice("--method", value: "method", help: "Counting method.", CountingMethod.self, default: .stv),
            .choice("--rule", value: "rule", help: "STV rule (docs/rules/).", STVRule.self, default: .ers97),
            OptionSpec("--seats", value: "n", help: "Number of seats to fill. Taken from the BLT header when not given."),
            OptionSpec("--votes-per-ballot", value: "k", help: "Block vote: marks each ballot may make (default: the number of seats)."),
            .choice("--over-votes", value: "policy", help: "Block vote: what happens to a ballot with more marks than votes: void it, or count the ranks that fit in k (docs/rules/block-vote.md).", OverVotePolicy.self, default: .void),
            OptionSpec("--region", value: "name", help: "Count only the ballots of this region (files with a region column)."),
            OptionSpec("--candidates", value: "file", help: "CSV of candidates' categories and slates: name, one yes/no column per category (woman, bame, …), slate (docs/formats.md)."),
            OptionSpec("--min", value: "rules", help: "Minimum representation, e.g. woman=3 or woman=5,bame=2: at least that many of the seats for candidates in each category (needs --candidates). Block vote: displacement; STV: guard and doom (docs/rules/minimums.md)."),
            OptionSpec("--seed", value: "n", help: "Seed of the draw that breaks ties nothing else decides (docs/ties.md).", default: String(TieBreaker.defaultSeed)),
            OptionSpec("--tie-order", value: "names", help: "Break ties by this order instead of a draw: candidate names, most favoured first, separated by commas (to replay an official lot)."),
        ] + ReportOutput.specs(declaration: true) + BallotFileOptions.specs,
        discussion: """
        Exits 0 after a count, 64 for a usage error, 65 when the file is malformed or cannot be counted as asked, \
        66 when it cannot be read, 70 on an internal error.
        """,
        argumentsOptionalWith: "--contest"
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            if let contest = arguments.value("--contest") { return try countContest(contest, arguments) }
            // The request is checked whole before the file is read.
            let request = try request(arguments)
            let (ballots, result) = try Election.count(request)
            let source = ReportSource(ballots)
            let options = ReportOutput.options(arguments)
            switch result {
            case let .stv(record):
                var report = STVReport(record: record, source: source)
                report.options = options
                return try ReportOutput.deliver(report, arguments, ties: record.ties, seed: record.seed)
            case let .block(record):
                var report = BlockVoteReport(record: record, source: source)
                report.options = options
                return try ReportOutput.deliver(report, arguments, ties: record.ties, seed: record.seed)
            }
        }
    }

    /// The count the options ask for.
    static func request(_ arguments: ParsedArguments) throws -> CountRequest {
        let method: CountMethod
        switch arguments.choice("--method", as: CountingMethod.self) ?? .stv {
        case .block:
            if arguments.value("--rule") != nil { throw UsageError(command: spec, message: "--rule is for --method stv") }
            method = .block(
                votesPerBallot: try arguments.integer("--votes-per-ballot", in: 1...Preference.maximumCandidates, spec: spec),
                overVotes: arguments.choice("--over-votes", as: OverVotePolicy.self) ?? .void
            )
        case .stv:
            for option in ["--votes-per-ballot", "--over-votes"] where arguments.value(option) != nil {
                throw UsageError(command: spec, message: "\(option) is for --method block")
            }
            method = .stv(arguments.choice("--rule", as: STVRule.self) ?? .ers97)
        }
        let ballots = try BallotSelection(
            path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments), region: arguments.value("--region"),
            attributes: arguments.value("--candidates"), minimums: BallotFileOptions.minimums(arguments)
        )
        return try CountRequest(
            ballots: ballots, method: method, seats: arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec),
            ties: BallotFileOptions.ties(arguments)
        )
    }

    /// `--contest FILE`: every section counted by its own method and minimums, then the summary.
    private static func countContest(_ path: String, _ arguments: ParsedArguments) throws -> CommandOutcome {
        guard arguments.positionals.isEmpty else {
            throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out <file>")
        }
        for option in ["--seats", "--min", "--candidates", "--region", "--tie-order", "--method", "--rule", "--votes-per-ballot", "--over-votes"] where arguments.value(option) != nil {
            throw UsageError(command: spec, message: "\(option) comes from the contest file with --contest")
        }
        let seed = try BallotFileOptions.seed(arguments)
        let plan = try ContestPlan.load(path: path)
        let result = try plan.count(plan.prepare(reading: BallotFileOptions.loader(arguments)), seed: seed)
        var report = ContestReport(result: result)
        report.options = ReportOutput.options(arguments, declaration: plan.declaration)
        let ties = result.sections.flatMap { section -> [TieDecision] in
            switch section.result {
            case let .stv(record): record.ties
            case let .block(record): record.ties
            }
        }
        return try ReportOutput.deliver(report, arguments, ties: ties, seed: seed)
    }
}
