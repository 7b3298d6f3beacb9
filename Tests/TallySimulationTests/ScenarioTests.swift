import Testing
import TallyBallotFiles
@testable import TallySimulation

@Suite("Scenario files")
struct ScenarioTests {
    @Test("a small scenario reads with its defaults")
    func reads() throws {
        let scenario = try Scenario.load(path: try ScenarioFiles.write(ScenarioFiles.small()))
        #expect(scenario.seats == 2 && scenario.voters == 100)
        #expect(scenario.groups == ["A", "B"])
        #expect(scenario.blocs[0].cohesion == .always && scenario.blocs[0].discipline == .always && scenario.blocs[0].loyalty == .always)
        #expect(scenario.blocs[0].ballotLength == 1...4) // default: every candidate
        #expect(scenario.candidates[0].categories == ["woman"])
        #expect(scenario.rule == .ers97)
    }

    @Test("chances are rounded to millionths once", arguments: [
        (0.1234565, UInt64(123_457)), (0.1234564, 123_456), (1.0, 1_000_000), (0.0, 0),
    ])
    func chances(value: Double, millionths: UInt64) {
        #expect(Chance(value)?.millionths == millionths)
    }

    @Test("out-of-range chances are refused")
    func outOfRange() {
        #expect(Chance(1.000001) == nil)
        #expect(Chance(-0.1) == nil)
        #expect(Chance(.nan) == nil)
    }

    @Test("bad scenarios are refused with the place and what was expected", arguments: [
        (ScenarioFiles.small(extra: #" "seat": 3,"#), "unknown key \"seat\" at the top level"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": 0.6, "cohesin": 1}, {"name": "B voters", "share": 0.4}]"#), "unknown key \"cohesin\" in blocs[0]"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": 0.6}, {"name": "B voters", "slate": "B", "share": 0.5}]"#), "blocs: the bloc shares add up to 1.1; expected 1"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": 1.5}]"#), "blocs[0] (\"A voters\").share: expected a number from 0 to 1; found 1.5"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "C", "share": 1}]"#), "blocs[0] (\"A voters\").slate: \"C\" is not among the slates"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": 1, "next": ["A"]}]"#), "\"A\" is the bloc's own slate"),
        (ScenarioFiles.small(blocs: #"[{"name": "Free", "share": 1, "cohesion": 0.5}]"#), "the bloc has no \"slate\""),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": 1, "ballot_length": {"min": 3, "max": 2}}]"#), "ballot_length: expected 1 ≤ min ≤ max"),
        (ScenarioFiles.small(blocs: #"[{"name": "A voters", "slate": "A", "share": "half"}]"#), "expected a number at blocs[0].share"),
        (ScenarioFiles.small(extra: #" "minimums": {"woman": 3},"#), "the election: the minimum-representation rules cannot be met: at least 3 woman needs more than the 2 seats"),
        (ScenarioFiles.small(extra: #" "rule": "stv","#), "rule: expected one of ers97, scottish, meek"),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "A"}, {"name": " a "}], "blocs": [{"name": "x", "share": 1}]}"#, "candidates[1] (\" a \"): the candidate is listed twice"),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "A"}], "slates": [{"name": "S", "candidates": ["A", "B"]}], "blocs": [{"name": "x", "share": 1}]}"#, "slates[0] (\"S\"): \"B\" is not among the candidates"),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "A"}], "slates": [{"name": "S", "candidates": ["A"]}, {"name": "R", "candidates": ["A"]}], "blocs": [{"name": "x", "share": 1}]}"#, "\"A\" is already on the slate \"S\""),
        (#"{"title": "T", "seats": 3, "voters": 10, "candidates": [{"name": "A"}], "blocs": [{"name": "x", "share": 1}]}"#, "the election: 3 seats but 1 candidate"),
        (#"{"title": "T", "voters": 10, "candidates": [{"name": "A"}], "blocs": [{"name": "x", "share": 1}]}"#, "expected \"seats\""),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "A", "popularity": 0}], "blocs": [{"name": "x", "share": 1}]}"#, "candidates[0] (\"A\").popularity: expected a number from 0.000001 to 1000000; found 0.0"),
        (#"{"title": "T", "voters": 10, "candidates": [{"name": "A", "region": "North"}], "blocs": [{"name": "x", "share": 1}], "regions": [{"name": "North", "seats": 1}, {"name": "South", "seats": 1}]}"#, "region \"South\": 1 seats but 0 candidates"),
        (#"{"title": "T", "voters": 10, "candidates": [{"name": "A", "region": "East"}], "blocs": [{"name": "x", "share": 1}], "regions": [{"name": "North", "seats": 1}]}"#, "candidates[0] (\"A\"): region \"East\" is not among the regions"),
        (#"{"title": "T", "candidates": [{"name": "A", "region": "North"}], "blocs": [{"name": "x", "share": 1}], "regions": [{"name": "North", "seats": 1, "voters": 5}], "voters": 6}"#, "\"voters\" (6) is not the sum of the regions' voters (5)"),
        (#"{"title": "T", "voters": 10, "candidates": [{"name": "A", "region": "North"}], "blocs": [{"name": "x", "share": 1}], "regions": [{"name": "North", "seats": 1, "shares": {"y": 1}}]}"#, "regions[0] (\"North\").shares: \"y\" is not among the blocs"),
        (#"{"title": "T", "seats": 1.5, "voters": 10, "candidates": [{"name": "A"}], "blocs": [{"name": "x", "share": 1}]}"#, "expected a whole number at seats"),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [{"name": "A"}], "blocs": [{"name": "x", "share": 1, "ballot_length": {"min": 1, "max": 2.5}}]}"#, "expected a whole number at blocs[0].ballot_length.max"),
        (#"{"title": "T", "seats": 1, "voters": 10, "minimums": {"woman": 0.5}, "candidates": [{"name": "A"}], "blocs": [{"name": "x", "share": 1}]}"#, "expected a whole number at minimums.woman"),
        (#"{"title": "T", "seats": 1, "voters": 10, "candidates": [], "blocs": [{"name": "x", "share": 1}]}"#, "expected at least one candidate"),
        ("[1, 2]", "expected a JSON object at the top level"),
        ("{\"title\": ", "1:11: not valid JSON: expected a value; found the end of the file"),
    ])
    func refused(json: String, message: String) throws {
        let path = try ScenarioFiles.write(json)
        do {
            _ = try Scenario.load(path: path)
            Issue.record("expected an error containing: \(message)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.hasPrefix(path + ":"))
        }
    }

    @Test("a missing scenario file is unreadable, not malformed")
    func missing() {
        #expect(throws: BallotFileError.self) { try Scenario.load(path: "/nonexistent/scenario.json") }
        do { _ = try Scenario.load(path: "/nonexistent/scenario.json") } catch { #expect(error.kind == .unreadable) }
    }

    @Test("voters are shared between regions by seats, largest remainders first")
    func regionVoters() throws {
        let path = try ScenarioFiles.write(#"""
        {"title": "T", "voters": 10, "blocs": [{"name": "x", "share": 1}],
         "candidates": [{"name": "A", "region": "N"}, {"name": "B", "region": "S"}, {"name": "C", "region": "S"}, {"name": "D", "region": "W"}],
         "regions": [{"name": "N", "seats": 1}, {"name": "S", "seats": 2}, {"name": "W", "seats": 1}]}
        """#)
        let scenario = try Scenario.load(path: path)
        // 10 × 1/4 = 2.5, 10 × 2/4 = 5, 2.5: the equal remainders of N and W go to the earlier, N.
        #expect(scenario.sections.map(\.voters) == [3, 5, 2])
        #expect(scenario.withVoters(7).sections.map(\.voters) == [2, 4, 1]) // from 3:5:2 → 2.1, 3.5, 1.4
    }
}
