import Foundation
import TallyCounting
import TallyElection
import TallyModel
import TallyReports

/// `tally margins FILE --method block`: how close the result was, and what it would have taken.
enum MarginsCommand {
    static let spec = CommandSpec(
        name: "margins",
        abstract: "How close a count was: the fewest ballots that would elect each candidate not elected (and, for block vote, unseat each winner), each proved by a recount; and with --resample, how stable the result is.",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            .choice("--method", value: "method", help: "Counting method: block vote (exact margins) or STV (margins found by a search and proved by recounts: upper bounds; docs/margins.md).", CountingMethod.self, default: .block),
            .choice("--rule", value: "rule", help: "STV rule, with --method stv (docs/rules/).", STVRule.self, default: .ers97),
            OptionSpec("--resample", value: "n", help: "Also recount n bootstrap resamples of the ballots (drawn with replacement, from --seed) and report how often each candidate, and the same set of winners, is elected, with 95% intervals."),
            OptionSpec("--threads", value: "n", help: "Threads for the resamples. The result is the same for any number. Default: one per core."),
            OptionSpec("--seats", value: "n", help: "Number of seats to fill. Taken from the BLT header when not given."),
            OptionSpec("--votes-per-ballot", value: "k", help: "Marks each ballot may make (default: the number of seats)."),
            .choice("--over-votes", value: "policy", help: "What happens to a ballot with more marks than votes (docs/rules/block-vote.md).", OverVotePolicy.self, default: .void),
            OptionSpec("--region", value: "name", help: "Count only the ballots of this region (files with a region column)."),
            OptionSpec("--candidates", value: "file", help: "CSV of candidates' categories and slates (docs/formats.md)."),
            OptionSpec("--min", value: "rules", help: "Minimum representation, e.g. woman=3 (needs --candidates): the margins hold under the minimums."),
            OptionSpec("--seed", value: "n", help: "Seed of the draw that breaks ties nothing else decides (docs/ties.md), and of the resamples.", default: String(TieBreaker.defaultSeed)),
            OptionSpec("--tie-order", value: "names", help: "Break ties by this order instead of a draw: candidate names, most favoured first, separated by commas."),
            .choice("--format", value: "format", help: "Output format: text, json, csv or html (docs/margins.md).", OutputFormat.self, default: .text),
            OptionSpec("--output", short: "-o", value: "file", help: "Write the result to this file instead of standard output."),
        ] + BallotFileOptions.specs,
        discussion: "Exits 0 after the margins are worked out, 64 for a usage error, 65 when the file is malformed or cannot be counted as asked, 66 when it cannot be read, 70 on an internal error."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            let resamples = try arguments.integer("--resample", in: 1...1_000_000, spec: spec)
            let threads = try arguments.integer("--threads", in: 1...1024, spec: spec) ?? ProcessInfo.processInfo.activeProcessorCount
            let stv = arguments.choice("--method", as: CountingMethod.self) == .stv
            if !stv, arguments.value("--rule") != nil { throw UsageError(command: spec, message: "--rule is for --method stv") }
            let ballots = try BallotSelection(
                path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments), region: arguments.value("--region"),
                attributes: arguments.value("--candidates"), minimums: BallotFileOptions.minimums(arguments)
            )
            let method: CountMethod = stv ? .stv(arguments.choice("--rule", as: STVRule.self) ?? .ers97) : .block(
                votesPerBallot: try arguments.integer("--votes-per-ballot", in: 1...Preference.maximumCandidates, spec: spec),
                overVotes: arguments.choice("--over-votes", as: OverVotePolicy.self) ?? .void
            )
            let request = try CountRequest(
                ballots: ballots, method: method, seats: arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec),
                ties: BallotFileOptions.ties(arguments)
            )
            let outcome = try Election.margins(request, resamples: resamples, threads: threads)
            let source = ReportSource(outcome.ballots)
            let stability = outcome.resampling.map { StabilityReport(resampling: $0, elected: outcome.elected, source: source) }
            switch outcome.margins {
            case let .stv(margins):
                var report = STVMarginsReport(margins: margins, source: source)
                report.stability = stability
                return try ReportOutput.deliver(report, arguments, ties: margins.record.ties, seed: margins.record.seed)
            case let .block(margins):
                var report = MarginsReport(margins: margins, source: source)
                report.stability = stability
                return try ReportOutput.deliver(report, arguments, ties: margins.record.ties, seed: margins.record.seed)
            }
        }
    }
}
