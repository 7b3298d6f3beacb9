import Foundation
import Testing
import TallyTestSupport
import TallyCommands

/// `tally compare` against results worked by hand in the fixture's README.
@Suite struct CompareFixtureTests {
    static let fixtures = Fixture.all.filter { $0.json["compare_expect"] != nil }

    @Test func thereAreCompareFixtures() { #expect(!Self.fixtures.isEmpty) }

    @Test(arguments: fixtures)
    func compareGivesTheExpectedResults(_ fixture: Fixture) throws {
        let expect = try #require(fixture.json["compare_expect"] as? [String: Any])
        let arguments = ["compare", fixture.ballotsPath, "--format", "json"] + (expect["arguments"] as? [String] ?? [])
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let result = try #require(try ExactJSON.parse(outcome.standardOutput) as? [String: Any])
        let stv = result["stv"] as? [String: Any] ?? [:]
        let block = result["block"] as? [String: Any] ?? [:]
        #expect(stv["elected"] as? [String] == expect["stv_elected"] as? [String])
        #expect(block["elected"] as? [String] == expect["block_elected"] as? [String])
        for key in ["gallagher", "loosemore_hanby", "first_choice_elected", "someone_elected_in_top"] {
            let pair = expect[key] as? [String] ?? []
            #expect([String(describing: stv[key] ?? "missing"), String(describing: block[key] ?? "missing")] == pair, "\(key)")
        }
        let slates = result["slates"] as? [[String: Any]] ?? []
        for (slate, seats) in expect["seats"] as? [String: [Int]] ?? [:] {
            let row = slates.first { $0["slate"] as? String == slate }
            #expect([row?["stv_seats"] as? Int ?? -1, row?["block_seats"] as? Int ?? -1] == seats, "\(slate)")
        }
    }

    static let contestFixtures = Fixture.all.filter { $0.json["compare_contest_expect"] != nil }

    @Test func thereAreContestCompareFixtures() { #expect(!Self.contestFixtures.isEmpty) }

    /// `tally compare --contest`: each section's winners under both methods, and the contest's
    /// seats, first preferences, indices and voters served.
    @Test(arguments: contestFixtures)
    func contestCompareGivesTheExpectedResults(_ fixture: Fixture) throws {
        let expect = try #require(fixture.json["compare_contest_expect"] as? [String: Any])
        let contest = fixture.directory.appendingPathComponent(try #require(fixture.json["contest"] as? String)).path
        let outcome = TallyCLI.run(["compare", "--contest", contest, "--format", "json"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let result = try #require(try ExactJSON.parse(outcome.standardOutput) as? [String: Any])
        let sections = result["sections"] as? [[String: Any]] ?? []
        let expectedElected = try #require(expect["elected"] as? [String: [[String]]])
        #expect(sections.count == expectedElected.count)
        for (name, elected) in expectedElected {
            let comparison = sections.first { $0["name"] as? String == name }?["comparison"] as? [String: Any] ?? [:]
            let found = [(comparison["stv"] as? [String: Any])?["elected"] as? [String] ?? [], (comparison["block"] as? [String: Any])?["elected"] as? [String] ?? []]
            #expect(found == elected, "\(name)")
        }
        let total = try #require(result["total"] as? [String: Any])
        let stv = total["stv"] as? [String: Any] ?? [:]
        let block = total["block"] as? [String: Any] ?? [:]
        for key in ["gallagher", "loosemore_hanby", "first_choice_elected", "someone_elected_in_top"] {
            #expect([String(describing: stv[key] ?? "missing"), String(describing: block[key] ?? "missing")] == expect[key] as? [String], "\(key)")
        }
        let slates = total["slates"] as? [[String: Any]] ?? []
        for (slate, seats) in expect["seats"] as? [String: [Int]] ?? [:] {
            let row = slates.first { $0["slate"] as? String == slate }
            #expect([row?["stv_seats"] as? Int ?? -1, row?["block_seats"] as? Int ?? -1] == seats, "\(slate)")
            #expect(row?["first_preferences"] as? Int == (expect["first_preferences"] as? [String: Int])?[slate], "\(slate)")
        }
    }
}
