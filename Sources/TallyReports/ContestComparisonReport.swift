import TallyCounting
import TallyElection
import TallyModel

/// Renders `tally compare --contest FILE`: each section's comparison of STV and block vote, then
/// the whole contest: seats by slate against first preferences, disproportionality and voters
/// served, over every section.
public struct ContestComparisonReport: ResultSheet {
    public let contest: ContestComparison

    public init(contest: ContestComparison) { self.contest = contest }

    private var title: String { contest.plan.title }
    private var file: String { contest.plan.file }
    private var sources: [String] { contest.plan.sources }
    private var assumptions: [String] { contest.plan.assumptions }
    private var sections: [ContestComparison.Section] { contest.sections }
    private var totals: ComparisonTotals { contest.totals }

    public func text() -> String {
        var output = TextWrap.lines("Compare STV with block vote, contest: \(title)", indent: "", hanging: 2)
        output += TextWrap.lines("Contest file: \(file)", indent: "", hanging: 2)
        for source in sources { output += TextWrap.lines("Source: " + source) }
        for assumption in assumptions { output += TextWrap.lines("Assumed: " + assumption) }
        for section in sections {
            output += "\n" + String(repeating: "=", count: 100) + "\n"
            output += TextWrap.lines("Section: \(section.plan.name)", indent: "", hanging: 2)
            output += ComparisonReport(comparison: section.comparison, source: ReportSource(section.ballots)).text()
        }
        output += "\n" + String(repeating: "=", count: 100) + "\n"
        output += TextWrap.lines("Whole contest: \(sections.count) section\(sections.count == 1 ? "" : "s"), \(totals.seats) seats, \(NumberFormatting.grouped(totals.ballots)) ballots with a first preference", indent: "", hanging: 2) + "\n"
        for section in sections {
            output += TextWrap.lines("\(section.plan.name): STV elects \(ReportSource(section.ballots).names(section.comparison.stv.elected)); block vote elects \(ReportSource(section.ballots).names(section.comparison.block.elected)).")
        }
        output += "\n"
        output += ComparisonReport.tables(totals, seats: nil)
        output += "\n" + TextWrap.lines("Contest figures add each section's first preferences, seats and voters served; the indices are taken on those sums.")
        return output
    }

    public func json() -> JSONValue {
        .object([
            ("contest", .string(file)),
            ("title", .string(title)),
            ("sources", .array(sources.map(JSONValue.string))),
            ("assumptions", .array(assumptions.map(JSONValue.string))),
            ("sections", .array(sections.map { section in
                .object([("name", .string(section.plan.name)), ("comparison", ComparisonReport(comparison: section.comparison, source: ReportSource(section.ballots)).json())])
            })),
            ("total", .object([
                ("seats", .integer(Int64(totals.seats))),
                ("ballots_with_first_preference", .integer(totals.ballots)),
                ("slates", ComparisonReport.slatesJSON(totals)),
                ("stv", .object(ComparisonReport.measuresJSON(totals, stv: true))),
                ("block", .object(ComparisonReport.measuresJSON(totals, stv: false))),
            ])),
        ])
    }

    /// The rows of `tally compare FILE --format csv`, each after its section (`(total)` for the
    /// whole contest).
    public func csv() -> String {
        var writer = CSVWriter(header: ["section"] + ComparisonReport.csvHeader)
        for section in sections { ComparisonReport.csvRows(section.comparison, into: &writer, leading: [section.plan.name]) }
        ComparisonReport.csvRows(totals, into: &writer, leading: ["(total)"])
        return writer.text
    }
}
