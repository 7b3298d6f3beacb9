import Foundation
import Testing
import TallyCommands
import TallyTestSupport

/// The HTML reports: well formed for every bundled fixture, contest and scenario; every figure in
/// the stage table the record's own; the same bytes every run; a few pinned as golden files.
@Suite struct HTMLReportTests {
    /// Every count among the fixtures' runs that succeeds: the ballot file and the run's arguments.
    static let fixtureCounts: [[String]] = {
        let root = Repository.fixture("")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().flatMap { name -> [[String]] in
            guard let data = FileManager.default.contents(atPath: root + "/" + name + "/fixture.json"),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let ballots = object["ballots"] as? String, let runs = object["runs"] as? [[String: Any]] else { return [] }
            let seats = (object["seats"] as? Int).map { ["--seats", String($0)] } ?? []
            return runs.compactMap { run in
                guard (run["expect"] as? [String: Any])?["exit_code"] as? Int == 0, let arguments = run["arguments"] as? [String] else { return nil }
                let extra = arguments.contains("--seats") ? [] : seats
                // Side files (candidates.csv) are named relative to the fixture.
                let resolved = arguments.map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? root + "/" + name + "/" + $0 : $0 }
                return ["\(name)/\(ballots)"] + extra + resolved
            }
        }
    }()

    static let contests = ["ncg-2017", "ncg-2022", "nec-2016", "nec-2018", "nec-2020"]

    /// The report the command line writes, parsed; a report that is not well-formed XHTML fails.
    private func html(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (markup: String, root: XHTMLTree.Element) {
        let outcome = TallyCLI.run(arguments + ["--format", "html"])
        #expect(outcome.exitCode == .success, "\(arguments): \(outcome.standardError)", sourceLocation: sourceLocation)
        let (root, error) = XHTMLTree.parse(outcome.standardOutput)
        return (outcome.standardOutput, try #require(root, "\(arguments): not well-formed XHTML: \(error ?? "")", sourceLocation: sourceLocation))
    }

    /// Every chart has a title, a description, at least one mark, and a table on the page.
    private func checkCharts(_ root: XHTMLTree.Element, _ label: String) {
        let charts = root.all("svg")
        for chart in charts {
            #expect(chart.attributes["role"] == "img", "\(label): a chart without role=img")
            #expect(chart.children.first?.name == "title" && !(chart.children.first?.content.isEmpty ?? true), "\(label): a chart without a title")
            #expect(chart.children.contains { $0.name == "desc" }, "\(label): a chart without a description")
            #expect(chart.all("rect").contains { $0.attributes["class"]?.contains("mark") == true }
                || chart.all("path").contains { $0.attributes["class"]?.contains("mark") == true }, "\(label): an empty chart")
        }
        #expect(root.all("table").count >= charts.count, "\(label): fewer tables than charts")
    }

    @Test(arguments: fixtureCounts)
    func everyFixtureRendersAsWellFormedXHTML(_ run: [String]) throws {
        let (_, root) = try html(["count", Repository.fixture(run[0])] + run.dropFirst())
        checkCharts(root, run.joined(separator: " "))
    }

    @Test(arguments: ["ers97-model/ballots.blt", "linn07/ballots.blt", "dundee22-coldside/ballots.blt"])
    func comparisonsRenderAsWellFormedXHTML(_ path: String) throws {
        checkCharts(try html(["compare", Repository.fixture(path)]).root, path)
    }

    @Test(arguments: contests)
    func everyContestRendersAsWellFormedXHTML(_ name: String) throws {
        let contest = Repository.fixture("contests/\(name)/contest.json")
        checkCharts(try html(["count", "--contest", contest]).root, name)
        checkCharts(try html(["compare", "--contest", contest]).root, name)
    }

    @Test(arguments: ["ncg-2022", "nec-2020", "two-slates-12"])
    func simulationsRenderAsWellFormedXHTML(_ name: String) throws {
        let (_, root) = try html(["simulate", Repository.fixture("scenarios/\(name)/scenario.json"), "--trials", "20", "--voters", "300", "--quiet"])
        checkCharts(root, name)
    }

    @Test func marginsRenderAsWellFormedXHTML() throws {
        checkCharts(try html(["margins", Repository.fixture("contests/nec-2016/marks.csv"), "--seats", "6", "--votes-per-ballot", "1", "--resample", "20"]).root, "block margins")
        checkCharts(try html(["margins", Repository.fixture("ers97-model/ballots.blt"), "--method", "stv", "--resample", "10"]).root, "STV margins")
    }

    @Test func vacanciesRenderAsWellFormedXHTML() throws {
        checkCharts(try html(["vacancy", "--contest", Repository.fixture("contests/nec-2018-january/contest.json"), "--vacate", "Christine Shawcroft"]).root, "block vacancy")
        let stv = try html([
            "vacancy", Repository.fixture("vacancy-stv-minimum/ballots.blt"), "--candidates", Repository.fixture("vacancy-stv-minimum/candidates.csv"),
            "--min", "woman=1", "--vacate", "Ann",
        ])
        checkCharts(stv.root, "STV vacancy")
        #expect(stv.markup.contains("Filled by Dee"))
    }

    /// A verification that finds a difference still writes its report (exit 1).
    @Test func verificationRendersAsWellFormedXHTML() throws {
        let outcome = TallyCLI.run([
            "verify", Repository.fixture("linn07/ballots.blt"), "--rule", "scottish", "--against", Repository.fixture("linn07/misprinted_stages.csv"), "--format", "html",
        ])
        #expect(outcome.exitCode == .differentFigures)
        let (root, error) = XHTMLTree.parse(outcome.standardOutput)
        #expect(root != nil, "not well-formed XHTML: \(error ?? "")")
        #expect(outcome.standardOutput.contains("990.00954"))
    }

    /// "1,234.56", "+1.00", "*107.58" → "1234.56", "1.00", "107.58": the figure as JSON writes it.
    private func plain(_ cell: String) -> String {
        String(cell.filter { $0 != "," && $0 != "+" && $0 != "*" && $0 != "(" && $0 != ")" })
    }

    /// Each figure in the stage table is the record's, as the JSON record states it.
    @Test(arguments: [["ers97-model/ballots.blt"], ["linn07/ballots.blt", "--rule", "scottish"], ["ers97-model/ballots.blt", "--rule", "meek"], ["contests/nec-2020/ballots.blt", "--seats", "9"]])
    func everyStageFigureIsTheRecords(_ arguments: [String]) throws {
        let count = ["count", Repository.fixture(arguments[0])] + arguments.dropFirst()
        let json = TallyCLI.run(count + ["--format", "json"])
        let record = try #require(try ExactJSON.parse(json.standardOutput) as? [String: Any])
        let stages = try #require(record["stages"] as? [[String: Any]])
        func label(_ stage: [String: Any]) -> String {
            "\(stage["stage"]!)" + ((stage["sub_stage"] as? Int).map { ".\($0)" } ?? "")
        }
        let byLabel = Dictionary(uniqueKeysWithValues: stages.map { (label($0), $0) })
        let root = try html(count).root
        var checked = 0
        for row in root.all("tr") {
            for cell in row.all("td") {
                guard let stageLabel = cell.attributes["data-stage"], let kind = cell.attributes["data-figure"] else { continue }
                let stage = try #require(byLabel[stageLabel])
                let text = cell.content
                if let candidate = row.attributes["data-candidate"].flatMap(Int.init) {
                    let entry = try #require((stage["candidates"] as? [[String: Any]])?[candidate])
                    let expected = "\(entry[kind == "votes" ? "votes" : "transfer"]!)"
                    if kind == "transfer" && text.isEmpty {
                        #expect(expected.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" } || stageLabel == "1", "stage \(stageLabel): a transfer left blank that is not 0")
                    } else {
                        #expect(plain(text) == expected, "stage \(stageLabel) candidate \(candidate) \(kind)")
                    }
                    checked += 1
                } else if let account = row.attributes["data-row"], kind == "total" {
                    let key = ["exhausted": "exhausted", "lost": "lost_to_rounding", "non-transferable": "non_transferable", "quota": "quota"][account]
                    if let key {
                        #expect(plain(text.replacingOccurrences(of: "recalculated ", with: "")) == "\(stage[key]!)", "stage \(stageLabel) \(account)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > stages.count * 3, "too few figures found to check: \(checked)")
    }

    @Test func theSameInputGivesTheSameBytes() {
        for arguments in [["count", Repository.fixture("ers97-model/ballots.blt")], ["count", "--contest", Repository.fixture("contests/ncg-2022/contest.json")]] {
            #expect(TallyCLI.run(arguments + ["--format", "html"]) == TallyCLI.run(arguments + ["--format", "html"]))
        }
    }

    /// A few reports pinned whole: a change to them is seen and reviewed.
    @Test func reportsArePinned() {
        let declaration = ["--organisation", "Electoral Reform Society", "--returning-officer", "A. N. Officer", "--date", "1 May 1997", "--declaration", "I declare the following candidates duly elected."]
        let model = TallyCLI.run(["count", Repository.fixture("ers97-model/ballots.blt"), "--format", "html"] + declaration)
        expectGolden(Repository.withoutRoot(model.standardOutput), "count-ers97-model.html")
        let block = TallyCLI.run(["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "3", "--format", "html"])
        expectGolden(Repository.withoutRoot(block.standardOutput), "count-block-hand-small.html")
    }

    /// A lot drawn with the seed nobody chose is warned about, on standard error and in the report.
    @Test func aLotWithTheDefaultSeedIsWarnedAbout() {
        let arguments = ["count", Repository.fixture("block-hand-small/ballots.csv"), "--method", "block", "--seats", "2", "--votes-per-ballot", "3"]
        let unchosen = TallyCLI.run(arguments + ["--format", "html"])
        #expect(unchosen.standardError.contains("warning: a tie was decided by lot, seed 1 — give --seed or --tie-order to choose"))
        #expect(unchosen.standardOutput.contains("Decided by lot, seed 1 — give --seed or --tie-order to choose."))
        #expect(TallyCLI.run(arguments).standardOutput.contains("Warning: Decided by lot, seed 1"))
        let chosen = TallyCLI.run(arguments + ["--seed", "1"])
        #expect(chosen.standardError.isEmpty)
        #expect(!chosen.standardOutput.contains("Warning"))
    }

    /// A name holding markup is text in the report, never markup.
    @Test func namesAreEscaped() throws {
        let directory = try Repository.temporaryDirectory("html-escape")
        let path = directory + "/ballots.blt"
        try "3 1\n4 1 2 0\n3 2 0\n2 3 1 0\n0\n\"<script>alert(1)</script>\"\n\"Bob & 'Co' \\\"x\\\"\"\n\"Cat\u{FFFE}\"\n\"Title </title>\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = TallyCLI.run(["count", path, "--format", "html"])
        #expect(outcome.exitCode == .success, "\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains("<script>"))
        #expect(XHTMLTree.parse(outcome.standardOutput).error == nil)
    }
}
