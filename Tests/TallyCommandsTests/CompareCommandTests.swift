import Foundation
import Testing
import TallyCommands

@Suite struct CompareCommandTests {
    /// Two candidates with one ballot each for one seat: only the file's `[tie]` order decides.
    @Test("compare decides ties by the BLT file's [tie] order, as count does", arguments: [("1 2", "Ann"), ("2 1", "Bob")])
    func tieOrderFromTheFile(order: String, winner: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("tie.blt").path
        try "2 1\n[tie \(order)]\n1 1 0\n1 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Tie\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = TallyCLI.run(["compare", path, "--format", "json"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"elected\": [\"\(winner)\"]"))
        #expect(!outcome.standardOutput.contains("\"elected\": [\"\(winner == "Ann" ? "Bob" : "Ann")\"]"))
    }
}
