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
        options: CountOptions.specs(defaultMethod: .block, methodHelp: "Counting method: block vote (exact margins) or STV (margins found by a search and proved by recounts; docs/margins.md).") + [
            OptionSpec("--resample", value: "n", help: "Also recount n bootstrap resamples of the ballots (drawn with replacement, from --seed) and report how often each candidate, and the same set of winners, is elected, with 95% intervals."),
            OptionSpec("--threads", value: "n", help: "Threads for the resamples. The result is the same for any number. Default: one per core."),
            .choice("--format", value: "format", help: "Output format: text, json, csv or html (docs/margins.md).", OutputFormat.self, default: .text),
            OptionSpec("--output", short: "-o", value: "file", help: "Write the result to this file instead of standard output."),
        ] + BallotFileOptions.specs,
        discussion: "Exits 0 after the margins are worked out, 64 for a usage error, 65 when the file is malformed or cannot be counted as asked, 66 when it cannot be read, 70 on an internal error."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            let resamples = try arguments.integer("--resample", in: 1...1_000_000, spec: spec)
            let threads = try arguments.integer("--threads", in: 1...1024, spec: spec) ?? ProcessInfo.processInfo.activeProcessorCount
            let request = try CountOptions.request(arguments, spec: spec, defaultMethod: .block)
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
