import Foundation
import TallyModel

/// Loads a ballot file from disk in whichever supported format it is.
public struct BallotFileLoader: Sendable {
    /// nil: detect from the file name, then from the content.
    public var format: BallotFileFormat?
    public var csvOptions: CSVOptions

    public init(format: BallotFileFormat? = nil, csvOptions: CSVOptions = CSVOptions()) {
        self.format = format
        self.csvOptions = csvOptions
    }

    /// A profile read from a file, with the format it was read as.
    public struct Loaded: Sendable {
        public let profile: BallotProfile
        public let format: BallotFileFormat
        public let path: String
    }

    /// Reads the file at `path`; `observer` is told what became of each ballot line.
    public func load(path: String, observer: BallotLineObserver? = nil) throws -> Loaded {
        let data = try FileContents.read(path: path, kind: "ballot file", limit: FileContents.maximumBallotFileBytes)
        return try data.withUnsafeBytes { raw in try read(raw.bindMemory(to: UInt8.self), path: path, observer: observer) }
    }

    /// Reads ballots already in memory; `path` names them in errors and guides format detection.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, observer: BallotLineObserver? = nil) throws -> Loaded {
        try TextValidation.check(bytes, file: path)
        // CSV reading options say the file is CSV: a header of two numbers is then candidates
        // named by number, not a scot-elex header.
        let detected = BallotFileFormat.detect(path: path, bytes: bytes)
        let chosen = format ?? (detected == .scotElex && csvOptions != CSVOptions() ? .csv : detected)
        let profile: BallotProfile
        do {
            profile = switch chosen {
            case .blt: try BLTReader().read(bytes, file: path, observer: observer)
            case .csv: try CSVReader(options: csvOptions).read(bytes, file: path, observer: observer)
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
        return Loaded(profile: profile, format: chosen, path: path)
    }
}
