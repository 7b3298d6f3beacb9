import Foundation
import Testing
import TallyBallotFiles
import TallyCommands
import TallyCounting
import TallyModel
import TallyTestSupport

/// Properties every STV count must have, checked on every fixture under every rule: no vote
/// created or lost at any stage, the seats filled (or every candidate elected), the result sheet
/// within 100 columns, and the same output every time.
@Suite struct STVRecordChecks {
    static let cases: [(Fixture, STVRule)] = Fixture.all.flatMap { fixture in STVRule.allCases.map { (fixture, $0) } }

    @Test(arguments: cases)
    func votesAreConservedAtEveryStage(_ fixture: Fixture, _ rule: STVRule) throws {
        let profile = try BallotFileLoader().load(path: fixture.ballotsPath).profile
        guard profile.regions.isEmpty, let seats = profile.seats ?? (fixture.json["seats"] as? Int) else { return }
        let record = try STV(rule: rule, seats: seats).count(profile) // every fixture counts under every rule
        for stage in record.stages {
            let total = stage.votes.reduce(stage.nonTransferable.units) { $0 + $1.units }
            #expect(total == record.validVotes.units, "\(fixture.name) \(rule) stage \(stage.number).\(stage.subStage ?? 0)")
            #expect(stage.votes.allSatisfy { $0.units >= 0 })
        }
        let standing = profile.candidates.count - profile.withdrawn.count
        #expect(record.elected.count == min(seats, standing))
        #expect(Set(record.elected).count == record.elected.count)
    }

    @Test(arguments: cases)
    func resultSheetFitsAHundredColumnsAndIsRepeatable(_ fixture: Fixture, _ rule: STVRule) throws {
        let profile = try BallotFileLoader().load(path: fixture.ballotsPath).profile
        guard profile.regions.isEmpty, profile.seats != nil || fixture.json["seats"] != nil else { return }
        var arguments = ["count", fixture.ballotsPath, "--rule", rule.rawValue]
        if profile.seats == nil, let seats = fixture.json["seats"] as? Int { arguments += ["--seats", String(seats)] }
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .success, "\(fixture.name) \(rule): \(outcome.standardError)")
        for line in outcome.standardOutput.split(separator: "\n") {
            #expect(line.count <= 100, "\(fixture.name) \(rule): \(line)")
        }
        #expect(outcome == TallyCLI.run(arguments))
    }
}
