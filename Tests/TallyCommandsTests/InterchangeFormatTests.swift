import Foundation
import Testing
import TallyCommands
import TallyTestSupport

/// `--format rctab-json` and `--format csv-wide`: every figure the record's own (as the JSON
/// record states it), one round per stage; refused, with what to use, where they do not apply.
@Suite struct InterchangeFormatTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: [["ers97-model/ballots.blt"], ["linn07/ballots.blt", "--rule", "scottish"], ["ers97-model/ballots.blt", "--rule", "meek"]])
    func rctabRoundsAreTheStages(_ arguments: [String]) throws {
        let base = ["count", Repository.fixture(arguments[0])] + arguments.dropFirst()
        let record = try object(TallyCLI.run(base + ["--format", "json"]).standardOutput)
        let outcome = TallyCLI.run(base + ["--format", "rctab-json", "--date", "2026-12-05"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let rctab = try object(outcome.standardOutput)
        let config = try #require(rctab["config"] as? [String: Any])
        #expect(config["date"] as? String == "2026-12-05")
        #expect(config["threshold"] as? String == "\(record["quota"]!)" || Double(config["threshold"] as! String) == record["quota"] as? Double)
        let rounds = try #require(rctab["results"] as? [[String: Any]])
        let stages = try #require(record["stages"] as? [[String: Any]])
        #expect(rounds.count == stages.count)
        for (round, stage) in zip(rounds, stages) {
            let tally = try #require(round["tally"] as? [String: String])
            for candidate in try #require(stage["candidates"] as? [[String: Any]]) where candidate["status"] as? String != "excluded" && candidate["status"] as? String != "withdrawn" {
                let name = candidate["name"] as! String
                #expect(Double(tally[name] ?? "") == candidate["votes"] as? Double, "round \(round["round"]!): \(name)")
            }
        }
        // Every winner is named as elected somewhere.
        let named = Set(rounds.flatMap { ($0["tallyResults"] as? [[String: Any]] ?? []).compactMap { $0["elected"] as? String } })
        #expect(named == Set(record["elected"] as! [String]))
    }

    @Test func rctabNeedsADateAndAnSTVCount() {
        let noDate = TallyCLI.run(["count", Repository.fixture("ers97-model/ballots.blt"), "--format", "rctab-json"])
        #expect(noDate.exitCode == .usage)
        #expect(noDate.standardError.contains("--date YYYY-MM-DD"))
        let block = TallyCLI.run(["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "3", "--format", "rctab-json", "--date", "2026-12-05"])
        #expect(block.exitCode == .usage)
    }

    /// The ERS97 model's first stage (the ERS booklet's) and Smith's surplus, as columns.
    @Test func wideCSVHasTwoColumnsPerStage() {
        let outcome = TallyCLI.run(["count", Repository.fixture("ers97-model/ballots.blt"), "--format", "csv-wide"])
        #expect(outcome.exitCode == .success)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("candidate,Stage 1: First preferences (transfer),Stage 1: First preferences (total),Stage 2: Surplus of Smith (transfer)"))
        #expect(lines[1].hasPrefix("Smith,,134.00,-26.42,107.58,"))
        #expect(lines[1].hasSuffix(",elected"))
        #expect(lines.contains { $0.hasPrefix("Quota,,107.58,,107.58") })
    }
}
