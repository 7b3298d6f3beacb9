import TallyCounting
import TallyModel

/// Renders `tally compare --contest FILE`: each section's comparison of STV and block vote, then
/// the whole contest: seats by slate against first preferences, disproportionality and voters
/// served, over every section.
public struct ContestComparisonReport: ResultSheet {
    /// One section's comparison and where its ballots came from.
    public struct Section: Sendable {
        public let name: String
        public let comparison: Comparison
        public let source: ReportSource

        public init(name: String, comparison: Comparison, source: ReportSource) {
            self.name = name
            self.comparison = comparison
            self.source = source
        }
    }

    public let title: String
    public let file: String
    public let sources: [String]
    public let assumptions: [String]
    public let sections: [Section]
    public let totals: ComparisonTotals

    public init(title: String, file: String, sources: [String], assumptions: [String], sections: [Section]) throws {
        self.title = title
        self.file = file
        self.sources = sources
        self.assumptions = assumptions
        self.sections = sections
        totals = try ComparisonTotals(sections.map(\.comparison))
    }

    public func text() -> String {
        var output = TextWrap.lines("Compare STV with block vote, contest: \(title)", indent: "", hanging: 2)
        output += TextWrap.lines("Contest file: \(file)", indent: "", hanging: 2)
        for source in sources { output += TextWrap.lines("Source: " + source) }
        for assumption in assumptions { output += TextWrap.lines("Assumed: " + assumption) }
        for section in sections {
            output += "\n" + String(repeating: "=", count: 100) + "\n"
            output += TextWrap.lines("Section: \(section.name)", indent: "", hanging: 2)
            output += ComparisonReport(comparison: section.comparison, source: section.source).text()
        }
        output += "\n" + String(repeating: "=", count: 100) + "\n"
        output += TextWrap.lines("Whole contest: \(sections.count) section\(sections.count == 1 ? "" : "s"), \(totals.seats) seats, \(NumberFormatting.grouped(totals.ballots)) ballots with a first preference", indent: "", hanging: 2) + "\n"
        for section in sections {
            output += TextWrap.lines("\(section.name): STV elects \(section.source.names(section.comparison.stv.elected)); block vote elects \(section.source.names(section.comparison.block.elected)).")
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
                .object([("name", .string(section.name)), ("comparison", ComparisonReport(comparison: section.comparison, source: section.source).json())])
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
        for section in sections { ComparisonReport.csvRows(section.comparison, into: &writer, leading: [section.name]) }
        ComparisonReport.csvRows(totals, into: &writer, leading: ["(total)"])
        return writer.text
    }
}
