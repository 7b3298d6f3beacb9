import Foundation
import TallyModel

/// Loads a ballot file from disk in whichever supported format it is.
public struct BallotFileLoader: Sendable {
    /// nil: detect from the file name, then from the content.
    public var format: BallotFileFormat?
    public var csvOptions: CSVOptions
    /// A file of other spellings and codes of the candidates' names (`--aliases`).
    public var aliasesPath: String?

    public init(format: BallotFileFormat? = nil, csvOptions: CSVOptions = CSVOptions(), aliasesPath: String? = nil) {
        self.format = format
        self.csvOptions = csvOptions
        self.aliasesPath = aliasesPath
    }

    /// A profile read from a file, with the format it was read as.
    public struct Loaded: Sendable {
        public let profile: BallotProfile
        public let format: BallotFileFormat
        public let path: String
    }

    /// Reads the file at `path`; `observer` is told what became of each ballot line.
    public func load(path: String, observer: BallotLineObserver? = nil) throws -> Loaded {
        let bytes = try FileContents.ballotBytes(path: path)
        return try withExtendedLifetime(bytes) { try read(bytes.buffer, path: path, observer: observer, release: bytes.release(before:)) }
    }

    /// Reads ballots already in memory; `path` names them in errors and guides format detection.
    /// `release` is told, every so often, the offset below which the bytes are no longer needed
    /// (`FileBytes.release(before:)`).
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, observer: BallotLineObserver? = nil, release: ((Int) -> Void)? = nil) throws -> Loaded {
        try TextValidation.check(bytes, file: path, release: release)
        // CSV reading options say the file is CSV: a header of two numbers is then candidates
        // named by number, not a scot-elex header.
        let detected = BallotFileFormat.detect(path: path, bytes: bytes)
        let chosen = format ?? (detected == .scotElex && csvOptions != CSVOptions() ? .csv : detected)
        let aliases = try aliasesPath.map { path throws(BallotFileError) in try CandidateAliases.load(path: path) }
        var profile: BallotProfile
        do {
            profile = switch chosen {
            case .blt, .opavote: try BLTReader().read(bytes, file: path, observer: observer, release: release)
            case .loomio: try LoomioReader().read(bytes, file: path, observer: observer)
            case .csv: try CSVReader(options: csvOptions).read(bytes, file: path, observer: observer, aliases: aliases, release: release)
            case .scotElex: try ScotElexReader().read(bytes, file: path, observer: observer)
            case .preflib: try PrefLibReader().read(bytes, file: path, observer: observer)
            case .votekit: try VoteKitReader().read(bytes, file: path, observer: observer)
            }
        } catch let error as BallotFileError where error.kind == .malformed {
            // Refused: say which other format the file looks like, and the flag to read it so.
            guard let other = BallotFileFormat.resemblance(bytes), other != chosen else { throw error }
            throw BallotFileError(
                kind: error.kind, file: error.file, line: error.line, column: error.column,
                message: error.message + " (read as \(chosen.title); the file looks like \(other.title): give --input-format \(other.rawValue))"
            )
        }
        if let aliases, chosen != .csv { profile = try BallotFileLoader.rename(profile, by: aliases, file: path) }
        return Loaded(profile: profile, format: chosen, path: path)
    }

    /// The candidates a file declares, named as `aliases` names them (a name it does not list is
    /// kept). Two declared candidates that become one are refused: their ballots would need
    /// counting again under the irregular-ballot rule.
    static func rename(_ profile: BallotProfile, by aliases: CandidateAliases, file: String) throws(BallotFileError) -> BallotProfile {
        var renamed = profile.candidates
        var seen: [String: String] = [:]
        for index in renamed.indices {
            let original = renamed[index].name
            let name = aliases.canonicalName(for: original) ?? original
            if let twin = seen[Candidate.matchingKey(for: name)] {
                throw BallotFileError(file: file, line: nil, column: nil, message: "the candidates '\(Excerpt.of(twin))' and '\(Excerpt.of(original))' are both '\(Excerpt.of(name))' in \(aliases.file); a file that declares one candidate twice cannot be merged")
            }
            seen[Candidate.matchingKey(for: name)] = original
            renamed[index].name = name
        }
        return profile.replacingCandidates(renamed)
    }
}
