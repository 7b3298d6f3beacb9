import Testing
import TallyCommands
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
}
