import TallyBallotFiles
import TallyCounting
import TallyModel

/// The options every command that reads a ballot file shares.
enum BallotFileOptions {
    static let specs: [OptionSpec] = [
        .choice("--input-format", value: "format", help: "Read the file as this format instead of detecting it from its name and content.", BallotFileFormat.self),
        .choice("--layout", value: "layout", help: "CSV layout: rank columns holding names, or one column per candidate. Detected from the header when not given.", CSVLayout.self),
        .choice("--cells", value: "cells", help: "What candidate-column CSV cells hold: rank numbers, or marks (X, 1, yes). Detected from the cells when not given.", CSVCells.self),
        OptionSpec("--weight-column", value: "name", help: "CSV column holding each row's number of identical ballots (detected: weight, count, ballots)."),
        OptionSpec("--id-column", value: "name", help: "CSV column holding a ballot or voter id, which is not counted (detected: id, ballot id, voter id)."),
        OptionSpec("--region-column", value: "name", help: "CSV column naming each ballot's region (detected: region, division, ward)."),
    ]

    static func loader(_ arguments: ParsedArguments) -> BallotFileLoader {
        BallotFileLoader(
            format: arguments.choice("--input-format", as: BallotFileFormat.self),
            csvOptions: CSVOptions(
                layout: arguments.choice("--layout", as: CSVLayout.self),
                cells: arguments.choice("--cells", as: CSVCells.self),
                weightColumn: arguments.value("--weight-column"),
                idColumn: arguments.value("--id-column"),
                regionColumn: arguments.value("--region-column")
            )
        )
    }

    /// Usage errors in the file options themselves: one column named for two roles.
    static func check(_ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) {
        let named = ["--weight-column", "--id-column", "--region-column"].compactMap { option in
            arguments.value(option).map { (option, $0.lowercased()) }
        }
        for (index, (option, column)) in named.enumerated() {
            if let other = named[(index + 1)...].first(where: { $0.1 == column }) {
                throw UsageError(command: spec, message: "\(option) and \(other.0) both name the column '\(column)'")
            }
        }
    }

    /// CSV options given for a file read as BLT: refused, since they would silently do nothing.
    static func checkFormat(_ loaded: BallotFileLoader.Loaded, _ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) {
        guard loaded.format == .blt else { return }
        let csvOnly = ["--layout", "--cells", "--weight-column", "--id-column", "--region-column"].filter { arguments.value($0) != nil }
        if let option = csvOnly.first {
            throw UsageError(command: spec, message: "\(option) is for CSV files; \(loaded.path) was read as BLT")
        }
    }

    /// Loads the file, turning failures into the outcome to return.
    static func load(_ path: String, _ arguments: ParsedArguments) -> Result<BallotFileLoader.Loaded, CommandFailure> {
        do {
            return .success(try loader(arguments).load(path: path))
        } catch let error as BallotFileError {
            return .failure(CommandFailure(error))
        } catch {
            return .failure(CommandFailure("\(path): \(error)", .dataError))
        }
    }

    /// Applies a candidates file (categories and slates) to `profile`.
    static func applyAttributes(_ file: String, to profile: BallotProfile) throws(CommandFailure) -> BallotProfile {
        do {
            return try CandidateAttributes.load(path: file).apply(to: profile)
        } catch let error as BallotFileError {
            throw CommandFailure(error)
        } catch {
            throw CommandFailure("\(file): \(error)", .dataError)
        }
    }

    /// The `--seed` option: the seed of the tie-breaking draw, or the default seed.
    static func seed(_ arguments: ParsedArguments, spec: CommandSpec) throws(UsageError) -> UInt64 {
        guard let text = arguments.value("--seed") else { return TieBreaker.defaultSeed }
        guard let seed = UInt64(text) else {
            throw UsageError(command: spec, message: "expected a whole number from 0 to \(UInt64.max) for --seed; found '\(text)'")
        }
        return seed
    }
}
