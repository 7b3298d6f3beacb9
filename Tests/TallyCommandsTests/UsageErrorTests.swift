import Testing
@testable import TallyCommands
import TallyTestSupport

/// Wrong use of the command line: exit 64, a message saying what is wrong, and the usage line.
@Suite struct UsageErrorTests {
    static var linn: String { Repository.fixture("linn07/ballots.blt") }

    @Test(arguments: [
        (["frob"], "unknown command 'frob'"),
        (["help", "frob"], "no command 'frob'"),
        (["count"], "missing argument: expected <file>"),
        (["count", "a.blt", "b.blt"], "unexpected argument 'b.blt'"),
        (["count", "a.blt", "--sets", "3"], "unknown option '--sets' (did you mean --seats or --seed?)"),
        (["count", "a.blt", "--seats"], "option '--seats' needs a value <n>"),
        (["count", "a.blt", "--seats", "3", "--seats", "4"], "option '--seats' is given more than once"),
        (["count", "a.blt", "--format", "xml"], "'xml' is not a valid <format> for --format; expected one of: text, json, csv"),
        (["count", "a.blt", "--method=stv2"], "'stv2' is not a valid <method>"),
        (["check", "a.blt", "--format", "csv"], "'csv' is not a valid <format>"),
    ])
    func isAUsageError(_ arguments: [String], _ message: String) {
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test(arguments: [
        (["--seats", "0"], "expected a whole number from 1 to"),
        (["--seats", "three"], "expected a whole number from 1 to"),
        (["--method", "block", "--votes-per-ballot", "-2"], "expected a whole number from 1 to"),
        (["--votes-per-ballot", "2"], "--votes-per-ballot is for --method block"),
        (["--seed", "-1"], "expected a whole number from 0 to"),
        (["--tie-order", "Sadie Docherty,Nobody"], "--tie-order names 'Nobody', who is not a candidate"),
        (["--region", "North"], "has no region column"),
        (["--seats", "12"], "cannot count: 12 seats but only 11 standing candidates"),
    ])
    func badOptionValuesAreUsageErrors(_ options: [String], _ message: String) {
        let outcome = TallyCLI.run(["count", Self.linn] + options)
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    /// `--seed` reads the same way, with the same message, in every command that draws lots.
    @Test(arguments: [
        ["compare", Repository.fixture("linn07/ballots.blt"), "--seed", "x"],
        ["count", "--contest", Repository.fixture("contest-three-regions/contest.json"), "--seed", "-3"],
    ])
    func aBadSeedIsAUsageErrorEverywhere(_ arguments: [String]) {
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardError.contains("expected a whole number from 0 to 18446744073709551615 for --seed"), "\(outcome.standardError)")
    }

    /// Every input file (ballots, candidates, contest) is read the same way: a directory is
    /// refused by name, exit 66.
    @Test(arguments: [
        (["count", "/tmp"], "/tmp: is a directory, not a ballot file"),
        (["count", Repository.fixture("linn07/ballots.blt"), "--candidates", "/tmp"], "/tmp: is a directory, not a candidates file"),
        (["count", "--contest", "/tmp"], "/tmp: is a directory, not a contest file"),
    ])
    func aDirectoryIsRefusedWhicheverFileItStandsFor(_ arguments: [String], _ message: String) {
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .noInput)
        #expect(outcome.standardError == "tally: error: \(message)\n", "\(outcome.standardError)")
    }

    @Test func aMissingCandidatesFileExits66() {
        let outcome = TallyCLI.run(["compare", Self.linn, "--slates", "/nonexistent/slates.csv"])
        #expect(outcome.exitCode == .noInput)
        #expect(outcome.standardError.hasPrefix("tally: error: /nonexistent/slates.csv"), "\(outcome.standardError)")
    }

    @Test func aMissingFileExits66() {
        let outcome = TallyCLI.run(["count", "/nonexistent/ballots.blt"])
        #expect(outcome.exitCode == .noInput)
        #expect(outcome.standardError == "tally: error: /nonexistent/ballots.blt: no such file\n")
    }

    /// The request is checked before the file is read: a missing file is never reached.
    @Test(arguments: [
        (["--seats", "0"], "expected a whole number from 1 to"),
        (["--min", "woman=2"], "--min needs the candidates' categories: give --candidates FILE"),
        (["--seed", "x"], "expected a whole number from 0 to"),
        (["--tie-order", "A,a"], "--tie-order names 'a' twice"),
    ])
    func theRequestIsCheckedBeforeReading(_ options: [String], _ message: String) {
        let outcome = TallyCLI.run(["count", "/nonexistent/ballots.blt"] + options)
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    /// A 70,000-character value is quoted cut (issue 10, defect 9), in a usage error and in a
    /// file's error.
    @Test func longValuesAreCutInMessages() throws {
        let long = String(repeating: "x", count: 70_000)
        let option = TallyCLI.run(["count", "b.blt", "--" + long])
        #expect(option.exitCode == .usage)
        #expect(option.standardError.count < 400)
        #expect(option.standardError.contains("… (70002 characters)"))
        let directory = try Repository.temporaryDirectory("long")
        let file = directory + "/long.csv"
        try "rank1,rank2\n\(long),\u{1}\(long)\n".write(toFile: file, atomically: false, encoding: .utf8)
        let cell = TallyCLI.run(["check", file])
        #expect(cell.exitCode == .dataError)
        #expect(cell.standardError.count < 400, "\(cell.standardError.prefix(500))")
    }

    /// Anything a command did not foresee is an internal error: exit 70, asking for a report.
    @Test func anUnforeseenFailureIsAnInternalError() {
        struct Unforeseen: Error {}
        let outcome = CommandRun.catching(CountCommand.spec) { throw Unforeseen() }
        #expect(outcome.exitCode == .software)
        #expect(outcome.standardError.hasPrefix("tally: error: internal error: Unforeseen()"))
        #expect(outcome.standardError.contains("please report it"))
    }
}
