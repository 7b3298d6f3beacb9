import Foundation
import Testing
import TallyCommands
import TallyTestSupport

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

/// `compare` says when the ballots cannot tell the methods apart, and what minimums did.
@Suite struct CompareCautionTests {
    @Test func onePreferenceBallotsAreFlagged() {
        let reconstruction = TallyCLI.run(["compare", "--contest", Repository.fixture("contests/nec-2016/contest.json")])
        #expect(reconstruction.exitCode == .success, "\(reconstruction.standardError)")
        #expect(reconstruction.standardOutput.contains("Caution: every ballot holds one preference"))
        #expect(reconstruction.standardOutput.contains("--fit-block-totals"))
        let ranked = TallyCLI.run(["compare", Repository.fixture("ers97-model/ballots.blt")])
        #expect(!ranked.standardOutput.contains("Caution"))
        let json = TallyCLI.run(["compare", Repository.fixture("ers97-model/ballots.blt"), "--format", "json"])
        #expect(json.standardOutput.contains("\"one_preference_each\": false"))
    }

    @Test func displacementsUnderEitherMethodAreShown() {
        let outcome = TallyCLI.run(["compare", "--contest", Repository.fixture("contests/ncg-2022/contest.json"), "--seed", "1"])
        #expect(outcome.standardOutput.contains("Minimum, block vote: LE Your Momentum 2 is elected in place of LE Organiser 6"))
        #expect(outcome.standardOutput.contains("Minimum, STV (stage 2): Excluded: WAL Independent"))
    }
}
