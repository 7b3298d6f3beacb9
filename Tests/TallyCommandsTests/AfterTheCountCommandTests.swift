import Foundation
import Testing
import TallyCommands
import TallyTestSupport

/// `vacancy`, `verify` and `count --audit-trail` from the command line: exit statuses, usage
/// errors, and files written.
@Suite struct AfterTheCountCommandTests {
    @Test func vacancyFillsShawcroftsSeatFromJanuary2018() {
        let outcome = TallyCLI.run(["vacancy", "--contest", Repository.fixture("contests/nec-2018-january/contest.json"), "--vacate", "Christine Shawcroft"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Eddie Izzard: placed 4th in the count, 39,508 votes."))
        #expect(outcome.standardOutput.contains("Christine Shawcroft did not stand in this count"))
    }

    @Test func vacancyNeedsAMemberWhoWasElected() {
        let missing = TallyCLI.run(["vacancy", Repository.fixture("vacancy-stv/ballots.blt")])
        #expect(missing.exitCode == .usage)
        #expect(missing.standardError.contains("--vacate NAME"))
        let notElected = TallyCLI.run(["vacancy", Repository.fixture("vacancy-stv/ballots.blt"), "--vacate", "E"])
        #expect(notElected.exitCode == .usage)
        #expect(notElected.standardError.contains("'E' was not elected in this count"))
        let twoSections = TallyCLI.run(["vacancy", "--contest", Repository.fixture("contests/ncg-2022/contest.json"), "--vacate", "Nobody Here"])
        #expect(twoSections.exitCode == .usage)
        #expect(twoSections.standardError.contains("--section"))
    }

    @Test func verifyExitStatusGivesTheVerdict() {
        let identical = TallyCLI.run(["verify", Repository.fixture("linn07/ballots.blt"), "--rule", "scottish", "--against", Repository.fixture("linn07/official_stages.json")])
        #expect(identical.exitCode == .success)
        #expect(identical.standardOutput.contains("Verdict: Identical"))
        let misprint = TallyCLI.run(["verify", Repository.fixture("linn07/ballots.blt"), "--rule", "scottish", "--against", Repository.fixture("linn07/misprinted_stages.csv")])
        #expect(misprint.exitCode == .differentFigures)
        #expect(misprint.standardOutput.contains("first part at\n  stage 5 (Alan Stewart: sheet 990.00954, count 990.00854)"))
        let wrongRule = TallyCLI.run(["verify", Repository.fixture("linn07/ballots.blt"), "--rule", "ers97", "--against", Repository.fixture("linn07/official_stages.json"), "--format", "json"])
        #expect(wrongRule.exitCode != .success)
        #expect(wrongRule.standardOutput.contains("\"first_difference\""))
        let noSheet = TallyCLI.run(["verify", Repository.fixture("linn07/ballots.blt")])
        #expect(noSheet.exitCode == .usage)
    }

    @Test func auditTrailIsWrittenBesideTheSheet() throws {
        let directory = try Repository.temporaryDirectory("trail")
        let path = directory + "/trail.csv"
        let outcome = TallyCLI.run(["count", Repository.fixture("ers97-model/ballots.blt"), "--audit-trail", path])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("Elected, in order"))
        let trail = try String(contentsOfFile: path, encoding: .utf8)
        #expect(trail.hasPrefix("stage,line,papers,from,to,value,note\n1,5,35,,Smith,1.00,\n"))
        #expect(trail.contains("\n2,5,35,Smith,Carpenter,0.21,\n"))
        let contest = TallyCLI.run(["count", "--contest", Repository.fixture("contests/nec-2020/contest.json"), "--audit-trail", path])
        #expect(contest.exitCode == .usage)
    }
}

/// `tally convert` from the command line.
@Suite struct ConvertCommandTests {
    @Test func convertsAndSaysWhatTheTargetCannotHold() throws {
        let outcome = TallyCLI.run(["convert", Repository.fixture("ers97-model/ballots.blt"), "--to", "csv"])
        #expect(outcome.exitCode == .success)
        #expect(outcome.standardOutput.hasPrefix("weight,rank1,rank2,rank3,rank4\n35,Smith,Carpenter,,\n"))
        #expect(outcome.standardError.contains("tally: note: the title is not written: CSV has no place for it"))
        let noFormat = TallyCLI.run(["convert", Repository.fixture("ers97-model/ballots.blt")])
        #expect(noFormat.exitCode == .usage)
        let noSeats = TallyCLI.run(["convert", Repository.fixture("votekit-small/profile.csv"), "--to", "blt"])
        #expect(noSeats.exitCode == .dataError)
        #expect(noSeats.standardError.contains("give --seats N"))
        let blt = TallyCLI.run(["convert", Repository.fixture("scot-elex-small/ballots.csv"), "--to", "blt"])
        #expect(blt.standardOutput.hasPrefix("4 2\n10 1 2 0\n"))
        #expect(blt.standardOutput.contains("\"Anna BROWN\" \"Red Party (R)\"\n"))
        #expect(blt.standardOutput.hasSuffix("\"Ward 7 - Example\"\n"))
    }
}
