import TallyBallotFiles
import TallyModel

/// Reads `text` as a file named `name` (its extension picks the format).
func read(_ text: String, name: String = "test.blt", options: CSVOptions = CSVOptions()) throws -> BallotProfile {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { try BallotFileLoader(csvOptions: options).read($0, path: name).profile }
}

/// Reads raw bytes, for byte-order marks and garbage.
func read(bytes: [UInt8], name: String) throws -> BallotProfile {
    try bytes.withUnsafeBufferPointer { try BallotFileLoader().read($0, path: name).profile }
}

extension BallotProfile {
    /// Each distinct ranking as candidate names per position, with its weight, e.g. "3: A, B=C".
    var described: [String] {
        ballots.map { ballot in
            let positions = ballot.ranking.positions.map { $0.map { candidates[$0].name }.joined(separator: "=") }
            return "\(ballot.weight): " + positions.joined(separator: ", ")
        }
    }
}
