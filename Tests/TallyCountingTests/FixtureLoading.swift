import Foundation
import TallyBallotFiles
import TallyModel

/// Loads a ballot file from the repository's Fixtures folder.
func loadFixture(_ path: String) throws -> BallotProfile {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try BallotFileLoader().load(path: root.appendingPathComponent("Fixtures").appendingPathComponent(path).path).profile
}

/// Reads ballots given as BLT text.
func profile(blt text: String) throws -> BallotProfile {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { try BallotFileLoader().read($0, path: "test.blt").profile }
}
