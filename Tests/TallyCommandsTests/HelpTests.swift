import Testing
import TallyCommands

/// The whole help screen of every command is pinned.
@Suite struct HelpTests {
    @Test(arguments: [
        (["--help"], "tally-help.txt"), (["-h"], "tally-help.txt"), (["help"], "tally-help.txt"),
        (["count", "--help"], "count-help.txt"), (["help", "count"], "count-help.txt"), (["count", "x.blt", "-h"], "count-help.txt"),
        (["check", "--help"], "check-help.txt"), (["help", "check"], "check-help.txt"),
        (["compare", "--help"], "compare-help.txt"), (["help", "compare"], "compare-help.txt"),
        (["generate", "--help"], "generate-help.txt"), (["simulate", "--help"], "simulate-help.txt"),
    ])
    func helpIsPinned(_ arguments: [String], _ golden: String) {
        let outcome = TallyCLI.run(arguments)
        #expect(outcome.exitCode == .success)
        #expect(outcome.standardError.isEmpty)
        expectGolden(outcome.standardOutput, golden)
    }

    @Test func helpLinesFitAHundredColumns() {
        for arguments in [["--help"], ["count", "--help"], ["check", "--help"], ["compare", "--help"], ["generate", "--help"], ["simulate", "--help"]] {
            for line in TallyCLI.run(arguments).standardOutput.split(separator: "\n") {
                #expect(line.count <= 100, "\(line)")
            }
        }
    }

    @Test func noArgumentsShowsHelpAsAUsageError() {
        let outcome = TallyCLI.run([])
        #expect(outcome.exitCode == .usage)
        #expect(outcome.standardError.contains("USAGE: tally <command>"))
    }

    @Test func versionIsPrinted() {
        #expect(TallyCLI.run(["--version"]).standardOutput == "tally \(TallyCLI.version)\n")
    }
}
