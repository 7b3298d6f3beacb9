import Foundation
import Testing
import TallyCommands
import TallyTestSupport

@Suite("generate and simulate")
struct SimulationCommandTests {
    static func scenario(_ name: String) -> String { Repository.fixture("scenarios/\(name)/scenario.json") }

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("generate writes a CSV that count reads: one row per voter, the same for the same seed")
    func generateCSV() throws {
        let arguments = ["generate", Self.scenario("two-slates-12"), "--seed", "5", "--voters", "300"]
        let first = TallyCLI.run(arguments)
        #expect(first.exitCode == .success, "\(first.standardError)")
        #expect(first.standardOutput == TallyCLI.run(arguments).standardOutput)
        #expect(first.standardOutput != TallyCLI.run(arguments + ["--trial", "2"]).standardOutput)
        let lines = first.standardOutput.split(separator: "\n")
        #expect(lines.count == 301)
        #expect(lines[0] == "rank1,rank2,rank3,rank4,rank5,rank6,rank7,rank8,rank9,rank10,rank11,rank12")

        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("ballots.csv").path
        let candidates = directory.appendingPathComponent("candidates.csv").path
        let written = TallyCLI.run(arguments + ["-o", file, "--candidates-out", candidates])
        #expect(written.exitCode == .success && written.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == first.standardOutput)
        let count = TallyCLI.run(["count", file, "--seats", "6", "--candidates", candidates, "--min", "woman=3", "--format", "json"])
        #expect(count.exitCode == .success, "\(count.standardError)")
        #expect(count.standardOutput.contains("\"read\": 300,"))
    }

    @Test("generate writes BLT for one region at a time, readable by count")
    func generateBLT() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("wales.blt").path
        let refused = TallyCLI.run(["generate", Self.scenario("ncg-2022"), "-o", file])
        #expect(refused.exitCode == .usage && refused.standardError.contains("give --region NAME"))
        let written = TallyCLI.run(["generate", Self.scenario("ncg-2022"), "-o", file, "--region", "wales"])
        #expect(written.exitCode == .success, "\(written.standardError)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("3 1\n"))
        #expect(text.contains("\"Wales Organiser 1\" \"Momentum Organisers\"") || text.contains("\"Momentum Organisers\""))
        let check = TallyCLI.run(["check", file])
        #expect(check.exitCode == .success, "\(check.standardError)")
        #expect(check.standardOutput.contains("130")) // Wales: 130 voters
        let unknown = TallyCLI.run(["generate", Self.scenario("ncg-2022"), "--region", "Atlantis"])
        #expect(unknown.exitCode == .usage && unknown.standardError.contains("no region 'Atlantis'"))
    }

    @Test("simulate: the same output for the same seed whatever the threads; JSON and CSV for scripts")
    func simulate() {
        let arguments = ["simulate", Self.scenario("two-slates-12"), "--trials", "6", "--voters", "1000", "--seed", "3", "--quiet"]
        let one = TallyCLI.run(arguments + ["--threads", "1"])
        let two = TallyCLI.run(arguments + ["--threads", "2"])
        #expect(one.exitCode == .success, "\(one.standardError)")
        #expect(one.standardOutput == two.standardOutput)
        #expect(one.standardOutput.contains("6 trials of 1,000 voters; 6 seats"))
        #expect(one.standardOutput.contains("--seed 3 --trial k"))
        let json = TallyCLI.run(arguments + ["--format", "json"])
        #expect(json.standardOutput.contains("\"trials\": 6") && json.standardOutput.contains("\"clean_sweep_share\""))
        let csv = TallyCLI.run(arguments + ["--format", "csv"])
        #expect(csv.standardOutput.hasPrefix("method,kind,name,mean_seats,p5,p50,p95,percent\nstv,slate,Left,"))
    }

    @Test("usage and scenario errors", arguments: [
        (["simulate", "nope.json"], ExitCode.noInput, "nope.json: no such file"),
        (["simulate", scenario("two-slates-12"), "--trials", "0"], .usage, "expected a whole number from 1 to 1000000 for --trials"),
        (["simulate", scenario("two-slates-12"), "--save-fit", "x.json"], .usage, "--save-fit needs --fit-block-totals"),
        (["simulate", scenario("ncg-2022"), "--fit-block-totals", scenario("two-slates-12")], .dataError, "expected a column named 'name' or 'candidate'"),
        (["generate", scenario("two-slates-12"), "--region", "North"], .usage, "has no regions"),
        (["generate", scenario("two-slates-12"), "--output-format", "xml"], .usage, "expected one of: csv, blt"),
        (["count", "--contest", Repository.fixture("contests/nec-2016/contest.json"), "--over-votes", "count-first"], .usage, "--over-votes comes from the contest file"),
        // One voter cannot rank twelve candidates: rank columns could not name the others.
        (["generate", scenario("two-slates-12"), "--seed", "3", "--voters", "1"], .dataError, "got no preference from the 1 voter, so a CSV of rank columns cannot name them"),
    ])
    func errors(arguments: [String], code: ExitCode, message: String) {
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == code)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    /// A scenario name longer than any ballot file may hold is refused at its place, so that
    /// `generate` never writes a file that `count` refuses.
    @Test func aNameTooLongForABallotFileIsRefused() throws {
        let path = try ScenarioFilesForCommands.write(#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "\#(String(repeating: "x", count: 1_001))"}, {"name": "B"}], "blocs": [{"name": "x", "share": 1}]}"#)
        let outcome = TallyCLI.run(["generate", path])
        #expect(outcome.exitCode == .dataError)
        #expect(outcome.standardError.contains("expected at most 1000 bytes at candidates[0].name"), "\(outcome.standardError)")
    }
}

/// Scenario files for these tests, in a fresh folder.
enum ScenarioFilesForCommands {
    static func write(_ json: String) throws -> String {
        let path = try Repository.temporaryDirectory("scenario") + "/scenario.json"
        try json.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}
