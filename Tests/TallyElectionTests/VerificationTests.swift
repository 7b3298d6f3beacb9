import Foundation
import Testing
import TallyArithmetic
import TallyBallotFiles
import TallyCounting
import TallyElection
import TallyTestSupport

/// `tally verify`: the official Scottish stage reports verify as identical, and a copy with one
/// figure changed is caught at that stage and candidate. Every expected figure is the official one.
@Suite struct VerificationTests {
    static let official = ["linn07", "dundee22-maryfield", "dundee22-coldside"]

    func request(_ fixture: String) throws -> CountRequest {
        try CountRequest(ballots: BallotSelection(path: Repository.fixture("\(fixture)/ballots.blt")), method: .stv(.scottish), seats: nil, ties: TieSettings())
    }

    func officialReport(_ fixture: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repository.fixture("\(fixture)/official_stages.json")))) as? [String: Any])
    }

    func write(_ object: Any, _ name: String) throws -> String {
        let path = try Repository.temporaryDirectory("verify") + "/" + name
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: official)
    func officialReportIsIdentical(_ fixture: String) throws {
        let verification = try Election.verify(request(fixture), against: Repository.fixture("\(fixture)/official_stages.json"))
        #expect(verification.verdict == .identical)
        #expect(verification.differences.isEmpty)
        #expect(verification.exitCode == .success)
        #expect(verification.compared > 50)
    }

    /// Each stage in turn: one candidate's figure raised by one unit in its last place.
    @Test(arguments: official)
    func oneChangedFigureIsCaughtAtItsStage(_ fixture: String) throws {
        let report = try officialReport(fixture)
        let stages = try #require(report["stages"] as? [[String: Any]])
        for (index, stage) in stages.enumerated() {
            let votes = try #require(stage["votes"] as? [String: Any])
            let name = try #require(votes.keys.sorted().first { votes[$0] is String })
            let text = votes[name] as! String
            let figure = try #require(PublishedStages.Figure.parse(text))
            let changed = DecimalValue(units: figure.units + 1, places: figure.places).description
            var altered = report, alteredStages = stages, alteredVotes = votes
            alteredVotes[name] = changed
            alteredStages[index]["votes"] = alteredVotes
            altered["stages"] = alteredStages
            let verification = try Election.verify(request(fixture), against: write(altered, "altered-\(index).json"))
            #expect(verification.verdict == .sameWinnersDifferentFigures)
            #expect(verification.exitCode == .differentFigures)
            #expect(verification.differences.count == 1)
            let first = try #require(verification.firstDifference)
            #expect(first.stage == String(index + 1) && first.item == name && first.sheet == changed && first.count == text, "\(fixture) stage \(index + 1)")
        }
    }

    /// A sheet naming another winner: different winners, exit 2.
    @Test func anotherWinnerIsDifferentWinners() throws {
        var report = try officialReport("linn07")
        var stages = try #require(report["stages"] as? [[String: Any]])
        let last = stages.count - 1
        let elected = try #require(stages[last]["elected"] as? [String])
        let loser = "Alan Stewart" // fifth at the end of the official count
        #expect(!elected.contains(loser))
        stages[last]["elected"] = Array(elected.dropLast()) + [loser]
        report["stages"] = stages
        let verification = try Election.verify(request("linn07"), against: write(report, "winner.json"))
        #expect(verification.verdict == .differentWinners)
        #expect(verification.exitCode == .differentWinners)
        #expect(verification.differences.map(\.item) == ["elected"])
    }

    /// The same official figures as a CSV of stage,candidate,votes,status rows: identical; a
    /// changed row is named by its line.
    @Test func csvSheetOfTheOfficialFigures() throws {
        let report = try officialReport("dundee22-maryfield")
        let stages = try #require(report["stages"] as? [[String: Any]])
        var lines = ["stage,candidate,votes,status"]
        for (index, stage) in stages.enumerated() {
            let votes = try #require(stage["votes"] as? [String: Any])
            let elected = stage["elected"] as? [String] ?? [], excluded = stage["excluded"] as? [String] ?? []
            for name in votes.keys.sorted() {
                guard let figure = votes[name] as? String else { continue }
                lines.append("\(index + 1),\"\(name)\",\(figure),\(elected.contains(name) ? "elected" : excluded.contains(name) ? "excluded" : "")")
            }
            lines.append("\(index + 1),non-transferable,\(stage["non_transferable"] as! String),")
        }
        let directory = try Repository.temporaryDirectory("verify-csv")
        let path = directory + "/sheet.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let verification = try Election.verify(request("dundee22-maryfield"), against: path)
        #expect(verification.verdict == .identical)

        lines[5] = lines[5].replacingOccurrences(of: ".", with: "1.", options: [], range: nil)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try Election.verify(request("dundee22-maryfield"), against: path)
        #expect(changed.differences.count == 1)
        #expect(changed.firstDifference?.line == 6)
    }

    @Test func malformedSheetsAreLocated() throws {
        let directory = try Repository.temporaryDirectory("verify-bad")
        let path = directory + "/sheet.csv"
        try "stage,candidate,votes\n1,Ken LYNN,12x\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ElectionFailure(.badData, "\(path):2:12: expected a figure such as 1234 or 1234.56 (at most 9 decimal places); found '12x'")) {
            try Election.verify(request("dundee22-maryfield"), against: path)
        }
        try "stage,candidate,votes\n1,Nobody,12\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ElectionFailure.self) { try Election.verify(request("dundee22-maryfield"), against: path) }
    }
}
