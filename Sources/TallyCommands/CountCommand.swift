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
            OptionSpec("--audit-trail", value: "file", help: "Also write a CSV of where each ballot line's papers went at each stage, and at what value (docs/audit-trail.md). Written as it is made, never held whole in memory."),
        ] + CountOptions.specs(defaultMethod: .stv) + ReportOutput.specs(declaration: true) + BallotFileOptions.specs,
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
            let trailPath = arguments.value("--audit-trail")
            let trail = try trailPath.map { _ throws(ElectionFailure) in try AuditTrail() }
            let (ballots, result) = try Election.count(request, auditTrail: trail)
            let source = ReportSource(ballots)
            if let trail, let trailPath {
                try OutputFile.stream(to: trailPath) { emit in try AuditTrailCSV.write(trail, source: source, emit: emit) }
            }
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
        try CountOptions.request(arguments, spec: spec, defaultMethod: .stv)
    }

    /// `--contest FILE`: every section counted by its own method and minimums, then the summary.
    private static func countContest(_ path: String, _ arguments: ParsedArguments) throws -> CommandOutcome {
        guard arguments.positionals.isEmpty else {
            throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out <file>")
        }
        for option in CountOptions.contestGives + ["--audit-trail"] where arguments.value(option) != nil {
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
