import Foundation
import Testing
import TallyTestSupport
import TallyBallotFiles
import TallyCommands
import TallyCounting

/// Contest fixtures: `tally count --contest FILE` against the results worked by hand.
@Suite struct ContestFixtureTests {
    static let fixtures = Fixture.all.filter { $0.json["contest"] != nil }

    @Test func thereAreContestFixtures() { #expect(!Self.fixtures.isEmpty) }

    @Test(arguments: fixtures)
    func contestGivesTheExpectedResults(_ fixture: Fixture) throws {
        let path = try #require(fixture.file("contest")).path
        let outcome = TallyCLI.run(["count", "--contest", path, "--format", "json"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let result = try #require(try ExactJSON.parse(outcome.standardOutput) as? [String: Any])
        let expect = try #require(fixture.json["contest_expect"] as? [String: Any])
        let sections = result["sections"] as? [[String: Any]] ?? []
        for (name, elected) in expect["elected"] as? [String: [String]] ?? [:] {
            let section = sections.first { $0["name"] as? String == name }
            #expect(section?["elected"] as? [String] == elected, "\(name): elected")
        }
        let summary = result["summary"] as? [String: Any] ?? [:]
        let slates = (summary["seats_by_slate"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) { $0[$1["slate"] as! String] = $1["seats"] as? Int }
        if let expected = expect["seats_by_slate"] as? [String: Int] { #expect(slates == expected) }
        let categories = (summary["categories"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) { $0[$1["category"] as! String] = $1["elected"] as? Int }
        if let expected = expect["categories"] as? [String: Int] { #expect(categories == expected) }
        for (name, figures) in expect["stage_figures"] as? [String: [String: String]] ?? [:] {
            let section = sections.first { $0["name"] as? String == name }
            let stages = ((section?["result"] as? [String: Any])?["stages"] as? [[String: Any]]) ?? []
            let stage = stages.first { "\($0["stage"] ?? "")" == figures["stage"] }
            for (key, value) in figures where key != "stage" {
                #expect(String(describing: stage?[key] ?? "missing") == value, "\(name) stage \(figures["stage"]!): \(key)")
            }
        }
        #expect(outcome == TallyCLI.run(["count", "--contest", path, "--format", "json"]))
    }
}
