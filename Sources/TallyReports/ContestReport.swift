import TallyCounting
import TallyElection
import TallyModel

/// Renders a whole contest's result (`ContestResult`): each section's count, then the summary
/// across sections — seats per slate, categories elected against each minimum, and the verdict.
public struct ContestReport: ResultSheet {
    public let result: ContestResult

    /// The declaration and whether the seed was chosen.
    public var options = ReportOptions()

    public init(result: ContestResult) { self.result = result }

    private var plan: ContestPlan { result.plan }

    /// "Name (Slate)", or just the name when the candidate has no slate.
    private func label(_ candidate: Int, in section: ContestResult.Section, source: ReportSource) -> String {
        section.ballots.profile.candidates[candidate].affiliation.map { "\(source.name(candidate)) (\($0))" } ?? source.name(candidate)
    }

    /// A section's count as its own report.
    private func sheet(_ section: ContestResult.Section) -> any ResultSheet {
        let source = ReportSource(section.ballots)
        return switch section.result {
        case let .stv(record): STVReport(record: record, source: source)
        case let .block(record): BlockVoteReport(record: record, source: source)
        }
    }

    public func text() -> String {
        var output = TextWrap.lines("Contest: \(ReportSource.printable(plan.title)) (\(plan.file))", indent: "", hanging: 2)
        for source in plan.sources { output += TextWrap.lines("Source: " + source, indent: "", hanging: 2) }
        for assumption in plan.assumptions { output += TextWrap.lines("Assumed: " + assumption, indent: "", hanging: 2) }
        for section in result.sections {
            let seats = section.plan.seats
            let rules = section.plan.minimums.isEmpty ? "" : ", " + section.plan.minimums.map(\.description).joined(separator: ", ")
            output += "\n=== \(section.plan.name): \(seats) seat\(seats == 1 ? "" : "s"), \(section.plan.method.name)\(rules) ===\n\n"
            output += sheet(section).text()
        }
        output += "\n=== Summary ===\n\n"
        var table = TextTable(columns: [.init("Section"), .init("Seats", .right)] + result.categories.map { .init($0, .right) })
        for section in result.sections {
            let cells = result.categories.enumerated().map { index, category in
                "\(section.electedByCategory[index])" + (section.minimum(category).map { "/\($0.count)" } ?? "")
            }
            table.append([section.plan.name, String(section.plan.seats)] + cells)
        }
        table.append(["All", String(result.seats)] + result.categoryTotals.map { "\($0.elected)" + ($0.overallMinimum.map { "/\($0)" } ?? "") })
        output += table.rendered()
        output += result.categories.isEmpty ? "\n" : "\n  (elected/minimum for each category)\n\n"
        for section in result.sections {
            let source = ReportSource(section.ballots)
            output += TextWrap.lines("\(section.plan.name): " + section.result.elected.map { label($0, in: section, source: source) }.joined(separator: ", "))
        }
        output += "\n"
        if result.hasSlates {
            output += TextWrap.lines("Seats by slate: " + result.seatsBySlate.map { "\($0.slate) \($0.seats)" }.joined(separator: ", ") + ".")
        }
        for minimum in plan.overallMinimums {
            guard let total = result.categoryTotals.first(where: { $0.category == minimum.category }), let met = total.met else { continue }
            output += TextWrap.lines("Overall, \(minimum): \(total.elected) elected — \(met ? "met" : "NOT met").")
        }
        return output
    }

    public func json() -> JSONValue {
        let sectionValues: [JSONValue] = result.sections.map { section in
            let source = ReportSource(section.ballots)
            return .object([
                ("name", .string(section.plan.name)),
                ("seats", .integer(Int64(section.plan.seats))),
                ("minimums", .array(section.plan.minimums.map { .object([("category", .string($0.category)), ("at_least", .integer(Int64($0.count)))]) })),
                ("elected", .array(section.result.elected.map { .string(source.name($0)) })),
                ("result", sheet(section).json()),
            ])
        }
        let categoryTotals: [JSONValue] = result.categoryTotals.map { total in
            .object([
                ("category", .string(total.category)),
                ("elected", .integer(Int64(total.elected))),
                ("overall_minimum", total.overallMinimum.map { .integer(Int64($0)) } ?? .null),
                ("overall_minimum_met", total.met.map(JSONValue.bool) ?? .null),
            ])
        }
        return .object([
            ("contest", .string(plan.title)),
            ("file", .string(plan.file)),
            ("sources", .array(plan.sources.map(JSONValue.string))),
            ("assumptions", .array(plan.assumptions.map(JSONValue.string))),
            ("sections", .array(sectionValues)),
            ("summary", .object([
                ("seats", .integer(Int64(result.seats))),
                ("seats_by_slate", .array(result.seatsBySlate.map { .object([("slate", .string($0.slate)), ("seats", .integer(Int64($0.seats)))]) })),
                ("categories", .array(categoryTotals)),
            ])),
            ("seed", .string(String(result.seed))),
        ])
    }

    /// One row per elected candidate: section, candidate, slate, categories.
    public func csv() -> String {
        var writer = CSVWriter(header: ["section", "candidate", "slate", "categories"])
        for section in result.sections {
            let source = ReportSource(section.ballots)
            for candidate in section.result.elected {
                let details = section.ballots.profile.candidates[candidate]
                writer.append([section.plan.name, source.name(candidate), details.affiliation ?? "", details.categories.sorted().joined(separator: ";")])
            }
        }
        return writer.text
    }
}
