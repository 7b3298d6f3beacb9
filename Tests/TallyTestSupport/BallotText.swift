import TallyBallotFiles
import TallyModel

/// Reads ballots given as text, as if from a file named `name` (its extension picks the format).
public func read(_ text: String, name: String = "test.blt", options: CSVOptions = CSVOptions()) throws -> BallotProfile {
    try read(bytes: Array(text.utf8), name: name, options: options)
}

/// Reads raw bytes, for byte-order marks and garbage.
public func read(bytes: [UInt8], name: String, options: CSVOptions = CSVOptions()) throws -> BallotProfile {
    try bytes.withUnsafeBufferPointer { try BallotFileLoader(csvOptions: options).read($0, path: name).profile }
}

/// Reads ballots given as BLT text.
public func profile(blt text: String) throws -> BallotProfile { try read(text, name: "test.blt") }

/// Loads a ballot file from the repository's Fixtures folder.
public func loadFixture(_ path: String) throws -> BallotProfile {
    try BallotFileLoader().load(path: Repository.fixture(path)).profile
}

extension BallotProfile {
    /// Each distinct ranking as candidate names per position, with its weight, e.g. "3: A, B=C".
    public var described: [String] {
        ballots.map { ballot in
            let positions = ballot.ranking.positions.map { $0.map { candidates[$0].name }.joined(separator: "=") }
            return "\(ballot.weight): " + positions.joined(separator: ", ")
        }
    }
}
