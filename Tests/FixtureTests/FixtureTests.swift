import Foundation
import Testing
import TallyTestSupport
import TallyBallotFiles
import TallyCommands
import TallyModel

/// Every scenario in Fixtures/ is its own test case. Expected values come from fixture.json,
/// which holds official figures or hand calculations written down beside it, never Tally output.
@Suite struct FixtureTests {
    /// The scan finds every fixture.json under Fixtures/, as a plain recursive walk does.
    @Test func everyFixtureIsFound() {
        let walk = FileManager.default.enumerator(atPath: Fixture.root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix("/fixture.json") } ?? []
        #expect(walk.count >= 20)
        #expect(Set(Fixture.all.map(\.name)) == Set(walk.map { String($0.dropLast("/fixture.json".count)) }))
    }

    /// A fixture.json that does not parse, or expects nothing, would make the tests below pass
    /// without checking anything.
    @Test(arguments: Fixture.all)
    func fixtureFileIsComplete(_ fixture: Fixture) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: fixture.data) as? [String: Any])
        let ballots = try #require(object["ballots"] as? String)
        #expect(FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent(ballots).path))
        #expect(object["source"] is String, "says where its expected values come from")
        let expectsSomething = object["valid_ballots"] != nil || object["official_stages"] != nil || object["contest"] != nil || !(object["runs"] as? [Any] ?? []).isEmpty
        #expect(expectsSomething)
    }

    /// Every key in a fixture.json is one the checkers read, holding the kind of value they read:
    /// a misspelt expectation ("elcted") would otherwise be skipped without a word.
    @Test(arguments: Fixture.all)
    func fixtureFileHoldsOnlyKeysTheCheckersRead(_ fixture: Fixture) throws {
        let object = try ExactJSON.parse(String(decoding: fixture.data, as: UTF8.self))
        #expect(FixtureSchema.fixture.problems(in: object) == [])
    }

    /// The schema check finds a misspelt key, and a value of the wrong kind, wherever they are.
    @Test func theSchemaCheckFindsMisspeltKeysAndWrongKinds() throws {
        #expect(FixtureSchema.integer.problems(in: try ExactJSON.parse("true"), at: "x") == ["x: expected a whole number"])
        #expect(FixtureSchema.integer.problems(in: try ExactJSON.parse("1.5"), at: "x") == ["x: expected a whole number"])
        #expect(FixtureSchema.integer.problems(in: try ExactJSON.parse("0"), at: "x") == [])
        let text = #"{"ballots": "b.blt", "source": "s", "runs": [{"arguments": [], "expect": {"elcted": ["A"], "stages": [{"stage": 2, "votes": {"A": "1.00"}}]}}]}"#
        let object = try ExactJSON.parse(text)
        let problems = FixtureSchema.fixture.problems(in: object)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("runs[0].expect.elcted: not a key the checkers read") == true)
        #expect(problems.last == "runs[0].expect.stages[0].stage: expected a string")
    }

    /// Fixtures stating the seats or the valid ballots (each case checks something).
    static let withTotals = Fixture.all.filter { $0.json["seats"] != nil || $0.json["valid_ballots"] != nil }
    /// Fixtures stating first preferences: official stage reports, or a list of their own.
    static let withFirstPreferences = Fixture.all.filter { $0.json["official_stages"] != nil || $0.json["first_preferences"] != nil }
    /// Fixtures with runs of `tally count` to check.
    static let withRuns = Fixture.all.filter { !($0.json["runs"] as? [Any] ?? []).isEmpty }

    @Test(arguments: withTotals)
    func ballotTotalsMatchTheSource(_ fixture: Fixture) throws {
        let profile = try BallotFileLoader().load(path: fixture.ballotsPath).profile
        if let seats = fixture.json["seats"] as? Int { #expect(profile.seats == seats) }
        if let valid = fixture.json["valid_ballots"] as? Int {
            #expect(profile.validBallots == Int64(valid))
            #expect(profile.invalidBallots == 0)
        }
    }

    @Test(arguments: withFirstPreferences)
    func firstPreferencesMatchTheSource(_ fixture: Fixture) throws {
        let profile = try BallotFileLoader().load(path: fixture.ballotsPath).profile
        var expected: [String: Int64] = [:]
        if let stagesFile = fixture.file("official_stages") {
            let official = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: stagesFile)) as? [String: Any])
            #expect(profile.validBallots == Int64(official["valid_votes"] as! Int))
            #expect(profile.seats == official["seats"] as? Int)
            let stages = try #require(official["stages"] as? [[String: Any]])
            let firstStage = try #require(stages.first?["votes"] as? [String: String])
            for (name, votes) in firstStage {
                let parts = votes.split(separator: ".")
                #expect(parts.count == 2 && parts[1].allSatisfy { $0 == "0" }, "first-stage votes are whole: \(votes)")
                expected[name] = Int64(parts[0])
            }
        }
        if let listed = fixture.json["first_preferences"] as? [String: Int] {
            expected = listed.mapValues(Int64.init)
        }
        try #require(!expected.isEmpty)

        var counted = Array(repeating: Int64(0), count: profile.candidates.count)
        for ballot in profile.ballots {
            let first = ballot.ranking.positions[0]
            #expect(first.count == 1, "a single first preference")
            counted[first[0]] += ballot.weight
        }
        #expect(Set(expected.keys) == Set(profile.candidates.map(\.name)))
        for (index, candidate) in profile.candidates.enumerated() {
            #expect(counted[index] == expected[candidate.name], "\(candidate.name)")
        }
    }

    @Test(arguments: withRuns)
    func countsGiveTheExpectedResults(_ fixture: Fixture) throws {
        let runs = try #require(fixture.json["runs"] as? [[String: Any]])
        for run in runs {
            // An argument naming a file in the fixture's folder (candidates.csv) is made a full path.
            let arguments = (run["arguments"] as! [String]).map { argument in
                let file = fixture.directory.appendingPathComponent(argument).path
                return !argument.hasPrefix("-") && FileManager.default.fileExists(atPath: file) ? file : argument
            }
            let expect = run["expect"] as! [String: Any]
            let outcome = TallyCLI.run(["count", fixture.ballotsPath] + arguments + ["--format", "json"])
            let label = "\(fixture.name) \(arguments.joined(separator: " "))"
            #expect(outcome.exitCode.rawValue == Int32(expect["exit_code"] as? Int ?? 0), "\(label): \(outcome.standardError)")
            if let message = expect["error_contains"] as? String {
                #expect(outcome.standardError.contains(message), "\(label): \(outcome.standardError)")
                continue
            }
            let result = try #require(try ExactJSON.parse(outcome.standardOutput) as? [String: Any], "\(label)")
            check(result, against: expect, label: label)
        }
    }

    func check(_ result: [String: Any], against expect: [String: Any], label: String) {
        let candidates = result["candidates"] as? [[String: Any]] ?? []
        func candidate(_ name: String) -> [String: Any]? { candidates.first { $0["name"] as? String == name } }

        if let ballots = expect["ballots"] as? [String: Any] {
            let actual = result["ballots"] as? [String: Any] ?? [:]
            for (key, value) in ballots {
                #expect(String(describing: actual[key] ?? "missing") == String(describing: value), "\(label): ballots.\(key)")
            }
        }
        if let votes = expect["votes"] as? [String: Int] {
            #expect(candidates.count == votes.count, "\(label): every candidate listed")
            for (name, count) in votes { #expect(candidate(name)?["votes"] as? Int == count, "\(label): votes for \(name)") }
        }
        if let shares = expect["shares"] as? [String: String] {
            for (name, share) in shares {
                #expect(String(describing: candidate(name)?["share_of_ballots"] ?? "missing") == share, "\(label): share for \(name)")
            }
        }
        if let elected = expect["elected"] as? [String] {
            #expect(result["elected"] as? [String] == elected, "\(label): elected")
        }
        if let irregularities = expect["irregularities"] as? [String: [String: Any]] {
            let actual = result["irregularities"] as? [[String: Any]] ?? []
            #expect(actual.count == irregularities.count, "\(label): irregularity kinds")
            for (kind, fields) in irregularities {
                let entry = actual.first { $0["kind"] as? String == kind } ?? [:]
                for (key, value) in fields {
                    #expect(String(describing: entry[key] ?? "missing") == String(describing: value), "\(label): \(kind).\(key)")
                }
            }
        }
        if let quota = expect["quota"] as? String {
            #expect(String(describing: result["quota"] ?? "missing") == quota, "\(label): quota")
        }
        if let stages = expect["stages"] as? [[String: Any]] {
            checkStages(result["stages"] as? [[String: Any]] ?? [], against: stages, label: label)
        }
        let ties = result["ties"] as? [[String: Any]] ?? []
        if let methods = expect["tie_methods"] as? [String] { #expect(ties.map { $0["method"] as? String ?? "" } == methods, "\(label): tie methods") }
        if let stages = expect["tie_stages"] as? [String] { #expect(ties.map { $0["stage"] as? String ?? "" } == stages, "\(label): tie stages") }
        if let count = expect["ties"] as? Int { #expect(ties.count == count, "\(label): ties") }
        if let tied = expect["tie_candidates"] as? [String] { #expect(ties.first?["candidates"] as? [String] == tied, "\(label): tied") }
        if let expected = expect["constraint_events"] as? [[String]] {
            let actual = (result["constraint_events"] as? [[String: Any]] ?? []).map { [$0["stage"] as? String ?? "", $0["kind"] as? String ?? "", $0["candidate"] as? String ?? ""] }
            #expect(actual == expected, "\(label): constraint events")
        }
        if let expected = expect["displacements"] as? [[String]] {
            let actual = (result["displacements"] as? [[String: Any]] ?? []).map { [$0["replaced"] as? String ?? "", $0["by"] as? String ?? ""] }
            #expect(actual == expected, "\(label): displacements")
        }
        if let method = expect["tie_method"] as? String { #expect(ties.first?["method"] as? String == method, "\(label): tie method") }
    }

    /// Each expected stage (found by its label, "3" or "3.1") against the JSON record's stage.
    func checkStages(_ actual: [[String: Any]], against expected: [[String: Any]], label: String) {
        func stageLabel(_ stage: [String: Any]) -> String {
            let number = stage["stage"] as? Int ?? 0
            return (stage["sub_stage"] as? Int).map { "\(number).\($0)" } ?? "\(number)"
        }
        for expectation in expected {
            let name = expectation["stage"] as? String ?? "?"
            guard let stage = actual.first(where: { stageLabel($0) == name }) else {
                Issue.record("\(label): no stage \(name); stages are \(actual.map(stageLabel))")
                continue
            }
            let where_ = "\(label) stage \(name)"
            if let event = expectation["event"] as? String {
                #expect((stage["event"] as? [String: Any])?["type"] as? String == event, "\(where_): event")
            }
            if let values = expectation["transfer_values"] as? [String] {
                let actualValues = ((stage["event"] as? [String: Any])?["transfer_values"] as? [Any] ?? []).map { String(describing: $0) }
                #expect(actualValues == values, "\(where_): transfer values")
            }
            if let votes = expectation["votes"] as? [String: String] {
                let candidates = stage["candidates"] as? [[String: Any]] ?? []
                for (candidate, figure) in votes {
                    let entry = candidates.first { $0["name"] as? String == candidate }
                    #expect(String(describing: entry?["votes"] ?? "missing") == figure, "\(where_): \(candidate)")
                }
            }
            for key in ["non_transferable", "lost_to_rounding", "exhausted", "quota"] {
                if let figure = expectation[key] as? String {
                    #expect(String(describing: stage[key] ?? "missing") == figure, "\(where_): \(key)")
                }
            }
            if let elected = expectation["elected"] as? [String] {
                #expect(stage["elected"] as? [String] == elected, "\(where_): elected")
            }
            if let excluded = expectation["excluded"] as? [String] {
                #expect(Set(stage["excluded"] as? [String] ?? []) == Set(excluded), "\(where_): excluded")
            }
            // The ground of each election named: its clause and figures, as the JSON states them.
            for (candidate, figures) in expectation["elected_on"] as? [String: [String: String]] ?? [:] {
                let election = (stage["elections"] as? [[String: Any]] ?? []).first { $0["candidate"] as? String == candidate }
                #expect(election != nil, "\(where_): no election of \(candidate)")
                for (key, figure) in figures {
                    #expect(String(describing: election?[key] ?? "missing") == figure, "\(where_): \(candidate) \(key)")
                }
            }
            if let fragment = expectation["note_contains"] as? String {
                let notes = (stage["notes"] as? [String] ?? []).joined(separator: " ")
                #expect(notes.contains(fragment), "\(where_): notes \(notes)")
            }
        }
    }
}
