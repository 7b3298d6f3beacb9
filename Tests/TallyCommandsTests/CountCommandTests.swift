import Foundation
import Testing
import TallyCommands
import TallyTestSupport

@Suite struct CountCommandTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    func temporaryFile(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func theResultSheetIsPinned() {
        let outcome = TallyCLI.run(["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "3"])
        #expect(outcome.exitCode == .success)
        expectGolden(Repository.withoutRoot(outcome.standardOutput), "count-block-hand-small.txt")
    }

    /// The ERS97 model election's full result sheet.
    @Test func theSTVResultSheetIsPinned() {
        let outcome = TallyCLI.run(["count", Repository.fixture("ers97-model/ballots.blt")])
        #expect(outcome.exitCode == .success)
        expectGolden(Repository.withoutRoot(outcome.standardOutput), "count-ers97-model.txt")
    }

    @Test func aTieDecidedByDrawIsShownWithItsSeed() {
        let outcome = TallyCLI.run(["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "2", "--votes-per-ballot", "3", "--seed", "2026"])
        #expect(outcome.standardOutput.contains("Tie for the last seat between Ahmed, Brown: decided by seeded draw no. 1 (seed 2026)"))
    }

    @Test(arguments: ["text", "json", "csv"])
    func outputIsByteIdenticalFromRunToRun(_ format: String) {
        let arguments = ["count", Repository.fixture("linn07/ballots.blt"), "--rule", "scottish", "--format", format]
        let first = TallyCLI.run(arguments)
        #expect(first.exitCode == .success)
        #expect(first == TallyCLI.run(arguments))
    }

    @Test func jsonIsWellFormedAndComplete() throws {
        let outcome = TallyCLI.run(["count", Repository.fixture("block-slate-sweep/ballots.blt"), "--method", "block", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(document["method"] as? String == "block")
        #expect(document["seats"] as? Int == 6)
        let candidates = try #require(document["candidates"] as? [[String: Any]])
        #expect(candidates.count == 15)
        #expect(candidates.first?["affiliation"] as? String == "Slate A")
        #expect((document["ballots"] as? [String: Any])?["read"] as? Int == 1000)
    }

    @Test func csvHasOneRowPerCandidate() {
        let outcome = TallyCLI.run(["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "3", "--format", "csv"])
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "placing,number,candidate,affiliation,votes,share_of_ballots,status")
        #expect(lines.count == 6)
        #expect(lines[1] == "1,4,Davies,,8,61.54,elected")
    }

    @Test func aMalformedFileExits65WithItsPlace() throws {
        let path = try temporaryFile("3 1\n1 1 2 0\n2 1 x 0\n0\n", name: "bad.blt")
        let outcome = TallyCLI.run(["count", path])
        #expect(outcome.exitCode == .dataError)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("tally: error: \(path):3:5: expected a candidate number"))
    }

    @Test func binaryGarbageExits65() throws {
        let path = try temporaryFile("\u{7}\u{0}\u{1B}[2J\u{FFFD}", name: "garbage.blt")
        #expect(TallyCLI.run(["count", path]).exitCode == .dataError)
        #expect(TallyCLI.run(["check", path]).exitCode == .dataError)
    }

    @Test func aFileWithRegionsNeedsARegion() throws {
        let path = try temporaryFile("region,Ann,Bob\nNorth,X,\nSouth,,X\nSouth,X,X\n", name: "regions.csv")
        let unchosen = TallyCLI.run(["count", path, "--method", "block", "--seats", "1"])
        #expect(unchosen.exitCode == .usage)
        #expect(unchosen.standardError.contains("holds ballots from 2 region(s) (North, South)"))
        let south = TallyCLI.run(["count", path, "--method", "block", "--seats", "2", "--region", "south", "--format", "csv"])
        #expect(south.exitCode == .success)
        #expect(south.standardOutput.contains("Bob,,2,100.00,elected"))
        #expect(TallyCLI.run(["count", path, "--method", "block", "--seats", "1", "--region", "West"]).standardError.contains("no region 'West'"))
    }

    @Test func aTieOrderInTheFileIsUsed() throws {
        let path = try temporaryFile("2 1\n[tie 2 1]\n1 1 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n", name: "tie.blt")
        let outcome = TallyCLI.run(["count", path, "--method", "block", "--format", "csv"])
        #expect(outcome.standardOutput.contains("1,2,B,,1,50.00,elected"))
    }

    @Test func aTieOrderThatMissesATiedCandidateIsAnError() throws {
        let path = try temporaryFile("3 1\n1 1 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n", name: "tie.blt")
        let outcome = TallyCLI.run(["count", path, "--method", "block", "--tie-order", "A,C"])
        #expect(outcome.exitCode == .dataError)
        #expect(outcome.standardError.contains("a tie for the last seat between A, B is not decided by the tie order given (--tie-order"))
    }

    @Test func tieOrderNamesMayBeQuotedAndMustBeDistinct() throws {
        let path = try temporaryFile("rank1\n\"Black, Ann\"\nSmith\n", name: "comma.csv")
        let quoted = TallyCLI.run(["count", path, "--method", "block", "--seats", "1", "--tie-order", "\"Black, Ann\", Smith"])
        #expect(quoted.exitCode == .success)
        #expect(quoted.standardOutput.contains("Tie for the last seat between \"Black, Ann\", Smith: decided by the order given"))
        #expect(TallyCLI.run(["count", path, "--method", "block", "--seats", "1", "--tie-order", ""]).exitCode == .usage)
        #expect(TallyCLI.run(["count", path, "--method", "block", "--seats", "1", "--tie-order", "Smith, smith"]).exitCode == .usage)
    }

    @Test func csvOptionsForABLTFileAreAUsageError() {
        let outcome = TallyCLI.run(["count", Repository.fixture("linn07/ballots.blt"), "--layout", "ranks"])
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardError.contains("--layout is for CSV files"))
        #expect(TallyCLI.run(["check", Repository.fixture("irregular-ranks/ballots.csv"), "--weight-column", "x", "--id-column", "X"]).exitCode == .usage)
    }

    @Test(arguments: [
        ("{", "not valid JSON"),
        ("{\"title\": \"T\", \"ballots\": \"b.blt\", \"sections\": [{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\", \"minimum\": {\"woman\": 1}}]}", "unknown key \"minimum\" in sections[0]"),
        ("{\"title\": \"T\"}", "expected \"sections\""),
        ("{\"title\": \"T\", \"sections\": []}", "expected at least one section"),
        ("{\"title\": \"T\", \"ballots\": \"b.blt\", \"sections\": [{\"name\": \"A\", \"seats\": 1, \"method\": \"borda\"}]}", "expected \"method\" to be"),
        ("{\"title\": \"T\", \"sections\": [{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\"}]}", "has no ballots"),
        ("{\"title\": \"T\", \"ballots\": \"missing.blt\", \"sections\": [{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\"}]}", "no such file"),
    ])
    func malformedContestFilesAreClearErrors(_ text: String, _ message: String) throws {
        let path = try temporaryFile(text, name: "contest.json")
        let outcome = TallyCLI.run(["count", "--contest", path])
        #expect(outcome.exitCode != .success)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    /// A contest whose minimums cannot be met in one section is refused before that section is
    /// counted: Wales has one seat and a minimum of two women.
    @Test func anInfeasibleContestIsRefusedWithTheReason() throws {
        let original = try String(contentsOfFile: Repository.fixture("contest-three-regions/contest.json"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "{\"name\": \"Wales\", \"seats\": 1, \"method\": \"stv\", \"rule\": \"ers97\", \"minimums\": {\"woman\": 1}}",
                                                   with: "{\"name\": \"Wales\", \"seats\": 1, \"method\": \"stv\", \"rule\": \"ers97\", \"minimums\": {\"woman\": 2}}")
        #expect(broken != original)
        let directory = Repository.fixture("contest-three-regions")
        let path = try temporaryFile(broken.replacingOccurrences(of: "\"ballots.csv\"", with: "\"\(directory)/ballots.csv\""), name: "contest.json")
        let outcome = TallyCLI.run(["count", "--contest", path])
        #expect(outcome.exitCode == .dataError)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("section \"Wales\": cannot count: the minimum-representation rules cannot be met: at least 2 woman needs more than the 1 seat"), "\(outcome.standardError)")
    }

    /// One region of a file holding every region: its sheet lists only the candidates its
    /// ballots name, in every format (North's and South's candidates are not Wales's).
    @Test func aRegionSheetListsOnlyTheRegionsCandidates() throws {
        let arguments = ["count", Repository.fixture("contest-three-regions/ballots.csv"), "--region", "Wales", "--method", "block", "--seats", "1"]
        let json = TallyCLI.run(arguments + ["--format", "json"])
        #expect(json.exitCode == .success, "\(json.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let names = (object["candidates"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.sorted() == ["Wendy", "Wyn"])
        #expect(!TallyCLI.run(arguments).standardOutput.contains("withdrawn"))
    }

    @Test func checkDescribesTheFile() {
        let outcome = TallyCLI.run(["check", Repository.fixture("irregular-ranks/ballots.csv")])
        #expect(outcome.exitCode == .success)
        expectGolden(Repository.withoutRoot(outcome.standardOutput), "check-irregular-ranks.txt")
        let json = TallyCLI.run(["check", Repository.fixture("dundee22-maryfield/ballots.blt"), "--format", "json"])
        #expect(json.standardOutput.contains("\"affiliation\": \"Scottish National Party (SNP)\""))
    }
}

/// `tally margins`: block-vote margins on the bundled NEC 2016 totals (one mark per ballot).
@Suite struct MarginsCommandTests {
    /// Each unsuccessful candidate's shortfall is the published gap to the last elected (Peter
    /// Willsman, 81,863) plus one: Bex Bailey 67,205 needs 14,659.
    @Test func nec2016ShortfallsAreThePublishedGaps() throws {
        let outcome = TallyCLI.run(["margins", Repository.fixture("contests/nec-2016/marks.csv"), "--seats", "6", "--votes-per-ballot", "1", "--format", "json"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let toElect = try #require(object["to_elect"] as? [[String: Any]])
        #expect(toElect.count == 9)
        for margin in toElect {
            let votes = try #require(margin["votes"] as? Int), ballots = try #require(margin["ballots"] as? Int)
            #expect(ballots == 81_863 - votes + 1, "\(margin["candidate"] ?? "?")")
        }
        #expect(toElect.first { $0["candidate"] as? String == "Bex Bailey" }?["ballots"] as? Int == 14_659)
        // Willsman unseated by moving ceil((81,863 − 72,514 + 1) / 2) = 4,675 marks to Ellie Reeves.
        let overall = try #require(object["margin_of_result"] as? [String: Any])
        #expect(overall["ballots"] as? Int == 4_675)
        #expect(overall["candidate"] as? String == "Peter Willsman")
        #expect(overall["challenger"] as? String == "Ellie Reeves")
    }

    /// NEC 2016 (6 seats) and 2018 (9 seats), one mark per ballot: every shortfall is the gap
    /// to the last elected plus one, or the gap itself where the recount's tie goes their way.
    @Test(arguments: [("nec-2016", 6), ("nec-2018", 9)])
    func shortfallsAreTheGapsToTheLastElected(_ contest: String, _ seats: Int) throws {
        let outcome = TallyCLI.run(["margins", Repository.fixture("contests/\(contest)/marks.csv"), "--seats", String(seats), "--votes-per-ballot", "1", "--format", "json"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let winners = try #require(object["to_unseat"] as? [[String: Any]])
        #expect(winners.count == seats)
        let last = try #require(winners.compactMap { $0["votes"] as? Int }.min())
        for margin in try #require(object["to_elect"] as? [[String: Any]]) {
            let votes = try #require(margin["votes"] as? Int), ballots = try #require(margin["ballots"] as? Int)
            #expect(ballots == last - votes + 1 || ballots == last - votes, "\(margin["candidate"] ?? "?")")
        }
    }

    /// STV margins on the ERS97 model: searched figures with their proof, exclusion gaps, and
    /// stability under resampling the same on one or two threads.
    @Test func stvMarginsAndStability() throws {
        let arguments = ["margins", Repository.fixture("ers97-model/ballots.blt"), "--method", "stv", "--resample", "40", "--format", "json"]
        let one = TallyCLI.run(arguments + ["--threads", "1"])
        #expect(one.exitCode == .success, "\(one.standardError)")
        #expect(one == TallyCLI.run(arguments + ["--threads", "2"]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? [String: Any])
        let toElect = try #require(object["to_elect"] as? [[String: Any]])
        #expect(toElect.count == 5)
        #expect(toElect.allSatisfy { ($0["elected_with"] as? [String] ?? []).contains($0["candidate"] as? String ?? "?") })
        #expect((object["exclusion_gaps"] as? [[String: Any]])?.count == 3)
        #expect((object["stability"] as? [String: Any])?["resamples"] as? Int == 40)
    }
}
