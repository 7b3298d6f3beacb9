import Foundation
import Testing
import TallyBallotFiles
import TallyCounting
import TallyElection
import TallyModel
import TallyReports

/// Properties every STV count must have, checked on the ballots of every fixture — each ballot
/// file that states its seats, and each section of each contest — under every rule: no vote
/// created or lost at any stage, the seats filled, the result sheet within 100 columns, and the
/// same output every time. Every case counts: none is skipped.
@Suite struct STVRecordChecks {
    /// Ballots with the seats to fill, from one fixture.
    struct Ballots: CustomTestStringConvertible, Sendable {
        let fixture: String
        let name: String
        let ballots: PreparedBallots
        let seats: Int
        var testDescription: String { name }
    }

    /// Every fixture's ballots: the file itself when it has one region, with the seats it states
    /// (or fixture.json, or its runs' `--seats`), else each section of its contest.
    static let allBallots: [Ballots] = Fixture.all.flatMap { fixture -> [Ballots] in
        if let contest = fixture.file("contest") {
            guard let plan = try? ContestPlan.load(path: contest.path), let sections = try? plan.prepare(reading: BallotFileLoader()) else { return [] }
            return sections.map { Ballots(fixture: fixture.name, name: "\(fixture.name) \($0.plan.name)", ballots: $0.ballots, seats: $0.plan.seats) }
        }
        guard let loaded = try? BallotFileLoader().load(path: fixture.ballotsPath), loaded.profile.regions.isEmpty,
              let seats = loaded.profile.seats ?? (fixture.json["seats"] as? Int) ?? fixture.seatsInRuns
        else { return [] }
        return [Ballots(fixture: fixture.name, name: fixture.name, ballots: PreparedBallots(loaded), seats: seats)]
    }

    /// The ballots STV can count: some ballot has a single first preference. The others hold
    /// unordered marks (block vote only) and are checked by `blockVoteRecordsAreSound`.
    static let ballotSets = allBallots.filter { set in set.ballots.profile.ballots.contains { $0.ranking.positions.first?.count == 1 } }
    static let markSets = allBallots.filter { set in !set.ballots.profile.ballots.contains { $0.ranking.positions.first?.count == 1 } }

    static let cases: [(Ballots, STVRule)] = ballotSets.flatMap { ballots in STVRule.allCases.map { (ballots, $0) } }

    /// No fixture escapes these checks: each gives at least one set of ballots, by STV or, for
    /// marks, by block vote.
    @Test func everyFixtureIsChecked() {
        #expect(Set(Self.allBallots.map(\.fixture)) == Set(Fixture.all.map(\.name)))
        #expect(Self.markSets.map(\.fixture) == ["block-displacement"]) // every ballot marks several: none has a first preference
    }

    /// Mark files: every valid ballot counted or void, the seats filled, the sheet within 100
    /// columns and the same every time.
    @Test(arguments: markSets)
    func blockVoteRecordsAreSound(_ ballots: Ballots) throws {
        let profile = ballots.ballots.profile
        let record = try BlockVote(seats: ballots.seats, overVotes: .countFirst).count(profile)
        #expect(record.countedBallots + record.overVotes.ballots == profile.validBallots)
        #expect(record.elected.count == ballots.seats)
        let sheet = BlockVoteReport(record: record, source: ReportSource(ballots.ballots)).text()
        try #require(sheet.split(separator: "\n").count > 5)
        for line in sheet.split(separator: "\n") { #expect(line.count <= 100, "\(ballots.name): \(line)") }
        #expect(BlockVoteReport(record: try BlockVote(seats: ballots.seats, overVotes: .countFirst).count(profile), source: ReportSource(ballots.ballots)).text() == sheet)
    }

    @Test(arguments: cases)
    func votesAreConservedAtEveryStage(_ ballots: Ballots, _ rule: STVRule) throws {
        let profile = ballots.ballots.profile
        let record = try STV(rule: rule, seats: ballots.seats).count(profile) // every fixture counts under every rule
        try #require(!record.stages.isEmpty)
        for stage in record.stages {
            let total = stage.votes.reduce(stage.nonTransferable.units) { $0 + $1.units }
            #expect(total == record.validVotes.units, "\(ballots.name) \(rule) stage \(stage.label)")
            #expect(stage.votes.allSatisfy { $0.units >= 0 })
        }
        let standing = profile.candidates.count - profile.withdrawn.count
        #expect(record.elected.count == min(ballots.seats, standing))
        #expect(Set(record.elected).count == record.elected.count)
    }

    @Test(arguments: cases)
    func resultSheetFitsAHundredColumnsAndIsRepeatable(_ ballots: Ballots, _ rule: STVRule) throws {
        let record = try STV(rule: rule, seats: ballots.seats).count(ballots.ballots.profile)
        let sheet = STVReport(record: record, source: ReportSource(ballots.ballots)).text()
        let lines = sheet.split(separator: "\n")
        try #require(lines.count > 10)
        for line in lines {
            #expect(line.count <= 100, "\(ballots.name) \(rule): \(line)")
        }
        let again = try STV(rule: rule, seats: ballots.seats).count(ballots.ballots.profile)
        #expect(STVReport(record: again, source: ReportSource(ballots.ballots)).text() == sheet)
    }
}
