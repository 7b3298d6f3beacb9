import TallyElection
import TallyModel
import TallyReports

/// `tally convert FILE -o OUT.blt|OUT.csv`: any ballot file Tally reads, written as BLT or CSV.
enum ConvertCommand {
    static let spec = CommandSpec(
        name: "convert",
        abstract: "Write a ballot file of any format Tally reads as BLT or CSV, line by line: weights, rankings, ballot ids, withdrawn candidates and the title kept where the target holds them (docs/formats.md).",
        arguments: [("file", "A ballot file: BLT, CSV, scot-elex, PrefLib or VoteKit (docs/formats.md).")],
        options: [
            OptionSpec("--output", short: "-o", value: "file", help: "The file to write; its name (.blt, .csv) gives the format unless --to does. Without it, standard output (then give --to)."),
            .choice("--to", value: "format", help: "The format to write.", BallotFileWriter.Format.self),
            OptionSpec("--seats", value: "n", help: "The seats for a BLT header, when the file read states none (CSV, PrefLib, VoteKit)."),
        ] + BallotFileOptions.specs,
        discussion: "Exits 0 after writing, 64 for a usage error, 65 when the file is malformed or the target format cannot hold it (the message says what to do), 66 when it cannot be read, 73 when the output cannot be written."
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            let output = arguments.value("--output")
            let named: BallotFileWriter.Format? = output.flatMap { path in
                let lower = path.lowercased()
                return lower.hasSuffix(".blt") ? .blt : lower.hasSuffix(".csv") ? .csv : nil
            }
            guard let format = arguments.choice("--to", as: BallotFileWriter.Format.self) ?? named else {
                throw UsageError(command: spec, message: "say which format to write: --to blt or --to csv, or an output file named .blt or .csv")
            }
            let seats = try arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec)
            let selection = try BallotSelection(path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments))
            let (ballots, lines) = try Election.readLines(selection)
            let writer = BallotFileWriter(ballots: ballots, lines: lines, seats: seats)
            let text: String
            switch format {
            case .blt:
                do throws(Unwritable) { text = try writer.blt() } catch { throw ElectionFailure(.badData, error.message) }
            case .csv:
                text = writer.csv()
            }
            var outcome = CommandOutcome()
            outcome.standardError = writer.notes(format).map { "tally: note: \($0)\n" }.joined()
            if let output {
                try OutputFile.write(text, to: output)
            } else {
                outcome.standardOutput = text
            }
            return outcome
        }
    }
}
