import TallyCounting
import TallyModel

/// Renders STV margins: the fewest first-preference ballots found to elect each candidate not
/// elected, with the recounts that prove it, and how close each exclusion was.
public struct STVMarginsReport: ResultSheet {
    public let margins: STVMargins
    public let source: ReportSource
    /// The result's stability under resampling, when asked for (`--resample`).
    public var stability: StabilityReport?

    public init(margins: STVMargins, source: ReportSource) {
        self.margins = margins
        self.source = source
    }

    private var record: STVRecord { margins.record }

    /// What a recount changed against the count.
    func change(_ elected: [Int]) -> String { source.change(from: record.elected, to: elected) }

    /// How the figures were found and what they prove, in words.
    static let method = "Searched by doubling the number of ballots until the candidate is elected, then halving the interval between the last number that failed and the first that worked; each figure is proved by its recount, and the recount with one fewer does not elect them. STV is not monotonic, so a smaller number outside those tried might also elect them: a figure is exact only when every number from the lower bound up has been recounted (\(STVMargins.scanLimit) at most) or the bound meets it. The lower bound: with fewer ballots, at least as many others as there are seats keep more first-stage votes than the candidate could ever reach (without minimums; docs/margins.md)."

    /// The ballots found, the lower bound, and whether the figure is exact.
    func figureCells(_ margin: STVMargins.ToElect) -> [String] {
        [
            margin.ballots.map(NumberFormatting.grouped) ?? "none found",
            NumberFormatting.grouped(margin.lowerBound),
            margin.ballots == nil ? "" : margin.isExact ? "exact" : "upper bound",
        ]
    }

    public func text() -> String {
        var output = TextWrap.lines("Margins, STV (\(record.rule.rawValue)): \(source.heading)", indent: "", hanging: 2)
        output += TextWrap.lines("Seats \(record.seats) · quota \(NumberFormatting.grouped(record.quota)) · elected: \(source.names(record.elected))", indent: "", hanging: 2) + "\n"
        output += TextWrap.lines("To elect each candidate not elected, the fewest ballots found, each ranking only them (first and alone):", indent: "", hanging: 2)
        var table = TextTable(columns: [
            .init("Not elected"), .init("First prefs", .right), .init("Ballots", .right), .init("At least", .right), .init("Figure"),
            .init("Recount with them"), .init("One fewer"), .init("Recounts", .right),
        ])
        for margin in margins.toElect {
            let first = record.stages.first.map { NumberFormatting.grouped($0.votes[margin.candidate]) } ?? ""
            table.append([source.name(margin.candidate), first] + figureCells(margin) + [
                margin.ballots == nil ? "" : change(margin.electedWith), margin.electedWithOneFewer.map(change) ?? "", String(margin.recounts),
            ])
        }
        output += table.rendered() + "\n"
        output += TextWrap.lines(STVMarginsReport.method) + "\n"
        if !margins.exclusionGaps.isEmpty {
            output += TextWrap.lines("How close each exclusion was (votes before it):", indent: "", hanging: 2)
            var gaps = TextTable(columns: [.init("Stage"), .init("Excluded"), .init("Next lowest"), .init("Gap", .right)])
            for gap in margins.exclusionGaps {
                gaps.append([gap.stage, source.names(gap.excluded), gap.nextLowest.map(source.name) ?? "", gap.gap.map { NumberFormatting.grouped($0) } ?? ""])
            }
            output += gaps.rendered()
        }
        if let stability { output += "\n" + stability.text() }
        return output
    }

    public func json() -> JSONValue {
        .object([
            ("method", .string("stv")),
            ("rule", .string(record.rule.rawValue)),
            ("file", .string(source.path)),
            ("seats", .integer(Int64(record.seats))),
            ("elected", .array(record.elected.map { .string(source.name($0)) })),
            ("to_elect", .array(margins.toElect.map { margin in
                .object([
                    ("candidate", .string(source.name(margin.candidate))),
                    ("ballots", margin.ballots.map { .integer($0) } ?? .null),
                    ("bound", .string(margin.isExact ? "exact" : "upper")),
                    ("lower_bound", .integer(margin.lowerBound)),
                    ("lower_bound_by_votes", .integer(margin.boundByVotes)),
                    ("elected_with", .array(margin.electedWith.map { .string(source.name($0)) })),
                    ("elected_with_one_fewer", margin.electedWithOneFewer.map { .array($0.map { .string(source.name($0)) }) } ?? .null),
                    ("recounts", .integer(Int64(margin.recounts))),
                ])
            })),
            ("exclusion_gaps", .array(margins.exclusionGaps.map { gap in
                .object([
                    ("stage", .string(gap.stage)),
                    ("excluded", .array(gap.excluded.map { .string(source.name($0)) })),
                    ("next_lowest", gap.nextLowest.map { .string(source.name($0)) } ?? .null),
                    ("gap", gap.gap.map { .decimal($0.description) } ?? .null),
                ])
            })),
            ("stability", stability?.json() ?? .null),
        ])
    }

    public func csv() -> String {
        var writer = CSVWriter(header: ["candidate", "kind", "ballots", "lower_bound", "bound"])
        for margin in margins.toElect {
            writer.append([
                source.name(margin.candidate), "to-elect", margin.ballots.map(String.init) ?? "", String(margin.lowerBound),
                margin.isExact ? "exact" : "upper",
            ])
        }
        return writer.text
    }

}
