import TallyBallotFiles
import TallyCounting
import TallyElection
import TallyModel

/// The options every command that reads a ballot file shares, and the options that turn into a
/// request: how to read the file, the seed, minimums and tie order.
enum BallotFileOptions {
    static let specs: [OptionSpec] = [
        .choice("--input-format", value: "format", help: "Read the file as this format instead of detecting it from its name and content.", BallotFileFormat.self),
        .choice("--layout", value: "layout", help: "CSV layout: rank columns holding names, or one column per candidate. Detected from the header when not given.", CSVLayout.self),
        .choice("--cells", value: "cells", help: "What candidate-column CSV cells hold: rank numbers, or marks (X, 1, yes). Detected from the cells when not given.", CSVCells.self),
        OptionSpec("--weight-column", value: "name", help: "CSV column holding each row's number of identical ballots (detected: weight, count, ballots)."),
        OptionSpec("--id-column", value: "name", help: "CSV column holding a ballot or voter id, which is not counted (detected: id, ballot id, voter id)."),
        OptionSpec("--region-column", value: "name", help: "CSV column naming each ballot's region (detected: region, division, ward)."),
        OptionSpec("--aliases", value: "file", help: "CSV of other spellings and codes of candidates' names: alias,canonical (docs/formats.md). With rank columns, the list of the candidates."),
    ]

    /// How to read the ballot file, as the options say.
    static func loader(_ arguments: ParsedArguments) -> BallotFileLoader {
        BallotFileLoader(
            format: arguments.choice("--input-format", as: BallotFileFormat.self),
            csvOptions: CSVOptions(
                layout: arguments.choice("--layout", as: CSVLayout.self),
                cells: arguments.choice("--cells", as: CSVCells.self),
                weightColumn: arguments.value("--weight-column"),
                idColumn: arguments.value("--id-column"),
                regionColumn: arguments.value("--region-column")
            ),
            aliasesPath: arguments.value("--aliases")
        )
    }

    /// The `--seed` option: the seed of the tie-breaking draw, or the default seed.
    static func seed(_ arguments: ParsedArguments) throws(ElectionFailure) -> UInt64 {
        guard let text = arguments.value("--seed") else { return TieBreaker.defaultSeed }
        guard let seed = UInt64(text) else {
            throw ElectionFailure(.request, "expected a whole number from 0 to \(UInt64.max) for --seed; found '\(Excerpt.of(text))'")
        }
        return seed
    }

    /// The `--min` value: `category=count` rules separated by commas (`woman=5,bame=2`).
    static func minimums(_ arguments: ParsedArguments) throws(ElectionFailure) -> [Minimum] {
        guard let text = arguments.value("--min") else { return [] }
        var minimums: [Minimum] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let count = Int(String(parts[1]).trimmingCharacters()), count >= 1,
                  !Candidate.matchingKey(for: String(parts[0])).isEmpty
            else {
                throw ElectionFailure(.request, "expected --min as category=count[,category=count…], e.g. woman=3; found '\(Excerpt.of(item))'")
            }
            let minimum = Minimum(category: String(parts[0]), count: count)
            guard !minimums.contains(where: { $0.category == minimum.category }) else {
                throw ElectionFailure(.request, "--min gives '\(Excerpt.of(minimum.category))' twice")
            }
            minimums.append(minimum)
        }
        return minimums
    }

    /// `--seed` and `--tie-order`: how ties are decided.
    static func ties(_ arguments: ParsedArguments) throws(ElectionFailure) -> TieSettings {
        let order = try arguments.value("--tie-order").map { text throws(ElectionFailure) in try TieOrderList.names(in: text) }
        return try TieSettings(seed: seed(arguments), order: order)
    }
}
