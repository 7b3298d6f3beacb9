import TallyArithmetic
import TallyCounting
import TallyModel

/// Renders a comparison of STV and block vote on the same ballots: winners, seats by slate
/// against first preferences, disproportionality, and what each did for the voters.
public struct ComparisonReport: ResultSheet {
    public let comparison: Comparison
    public let source: ReportSource

    public init(comparison: Comparison, source: ReportSource) {
        self.comparison = comparison
        self.source = source
    }

    var seats: Int { comparison.stv.seats }
    private func share(_ part: Int64) -> String { NumberFormatting.percentage(part, of: comparison.ballots) }

    public func text() -> String {
        let c = comparison
        var output = TextWrap.lines("Compare STV (\(c.stv.rule.rawValue)) with block vote: \(source.heading)", indent: "", hanging: 2)
        output += TextWrap.lines("Seats \(seats) · ballots with a first preference \(NumberFormatting.grouped(c.ballots)) · block vote: each ballot's first \(seats) preferences are its marks", indent: "", hanging: 2) + "\n"
        output += TextWrap.lines("STV (\(c.stv.rule.rawValue)) elects: " + source.names(c.stv.elected))
        output += TextWrap.lines("Block vote elects: " + source.names(c.block.elected))
        let onlySTV = c.stv.elected.filter { !c.block.elected.contains($0) }
        let onlyBlock = c.block.elected.filter { !c.stv.elected.contains($0) }
        output += TextWrap.lines(onlySTV.isEmpty && onlyBlock.isEmpty
            ? "Both methods elect the same candidates."
            : "Only STV elects: \(onlySTV.isEmpty ? "nobody" : source.names(onlySTV)); only block vote elects: \(onlyBlock.isEmpty ? "nobody" : source.names(onlyBlock)).")
        for line in minimumEffects { output += TextWrap.lines(line) }
        if let caution = ComparisonReport.caution(c) { output += "\n" + TextWrap.lines("Caution: " + caution, indent: "", hanging: 2) }
        output += "\n"
        output += ComparisonReport.tables(c, seats: seats)
        output += "\n" + TextWrap.lines("Slates' shares are of first preferences; indices compare them with the seats each method gives, in percentage points, rounded down. Full result sheets: tally count FILE --rule \(c.stv.rule.rawValue) and tally count FILE --method block --over-votes count-first.")
        return output
    }

    /// What the minimums did under each method: block vote's displacements, STV's interventions.
    var minimumEffects: [String] {
        let block = BlockVoteReport(record: comparison.block, source: source)
        let stv = STVReport(record: comparison.stv, source: source)
        return comparison.block.displacements.map { "Minimum, block vote: " + block.sentence($0) }
            + comparison.stv.constraintEvents.map { "Minimum, STV (stage \($0.stage)): " + stv.sentence($0) }
    }

    /// Why this comparison cannot tell the methods apart, when it cannot; nil otherwise.
    static func caution(_ c: Comparison) -> String? {
        guard c.onePreferenceEach else { return nil }
        return "every ballot holds one preference (as a reconstruction of published block-vote totals does), so STV has no transfers to make and block vote no further marks: these ballots cannot show how the methods differ. To see what STV would do with ballots like the real ones, fit a scenario to the published totals: tally simulate SCENARIO --fit-block-totals TOTALS.csv (docs/scenarios.md)."
    }

    /// The slates table and the measures table, for one count or a whole contest.
    static func tables(_ c: some ComparisonFigures, seats: Int?) -> String {
        func share(_ part: Int64) -> String { NumberFormatting.percentage(part, of: c.ballots) }
        var slates = TextTable(columns: [.init("Slate"), .init("First preferences", .right), .init("Share", .right), .init("STV seats", .right), .init("Block seats", .right)])
        for (index, slate) in c.slates.enumerated() {
            slates.append([slate, NumberFormatting.grouped(c.firstPreferences[index]), share(c.firstPreferences[index]) + "%", String(c.stvSeats[index]), String(c.blockSeats[index])])
        }
        var measures = TextTable(columns: [.init("Measure"), .init("STV", .right), .init("Block vote", .right)])
        measures.append(["Gallagher index (points; 0 = seats match first preferences)", c.stvDisproportionality.gallagher.description, c.blockDisproportionality.gallagher.description])
        measures.append(["Loosemore–Hanby index (points)", c.stvDisproportionality.loosemoreHanby.description, c.blockDisproportionality.loosemoreHanby.description])
        measures.append(["Voters whose first choice was elected", share(c.firstChoiceElected.stv) + "%", share(c.firstChoiceElected.block) + "%"])
        measures.append(["Voters with someone elected in their top \(seats.map(String.init) ?? "N (N = their section's seats)")", share(c.someoneElectedInTop.stv) + "%", share(c.someoneElectedInTop.block) + "%"])
        return slates.rendered() + "\n" + measures.rendered()
    }

    /// The slates as JSON, for one count or a whole contest.
    static func slatesJSON(_ c: some ComparisonFigures) -> JSONValue {
        .array(c.slates.indices.map { index in
            .object([
                ("slate", .string(c.slates[index])),
                ("first_preferences", .integer(c.firstPreferences[index])),
                ("first_preference_share", .decimal(NumberFormatting.percentage(c.firstPreferences[index], of: c.ballots))),
                ("stv_seats", .integer(Int64(c.stvSeats[index]))),
                ("block_seats", .integer(Int64(c.blockSeats[index]))),
            ])
        })
    }

    /// The measures as JSON members, for one method.
    static func measuresJSON(_ c: some ComparisonFigures, stv: Bool) -> [(String, JSONValue)] {
        let index = stv ? c.stvDisproportionality : c.blockDisproportionality
        return [
            ("gallagher", .decimal(index.gallagher.description)),
            ("loosemore_hanby", .decimal(index.loosemoreHanby.description)),
            ("first_choice_elected", .decimal(NumberFormatting.percentage(stv ? c.firstChoiceElected.stv : c.firstChoiceElected.block, of: c.ballots))),
            ("someone_elected_in_top", .decimal(NumberFormatting.percentage(stv ? c.someoneElectedInTop.stv : c.someoneElectedInTop.block, of: c.ballots))),
        ]
    }

    public func json() -> JSONValue {
        let c = comparison
        func method(_ name: String, elected: [Int], stv: Bool, record: JSONValue) -> JSONValue {
            .object([("method", .string(name)), ("elected", .array(elected.map { .string(source.name($0)) }))]
                + ComparisonReport.measuresJSON(c, stv: stv) + [("record", record)])
        }
        return .object([
            ("file", .string(source.path)),
            ("seats", .integer(Int64(seats))),
            ("ballots_with_first_preference", .integer(c.ballots)),
            ("one_preference_each", .bool(c.onePreferenceEach)),
            ("caution", ComparisonReport.caution(c).map(JSONValue.string) ?? .null),
            ("slates", ComparisonReport.slatesJSON(c)),
            ("stv", method("stv-" + c.stv.rule.rawValue, elected: c.stv.elected, stv: true, record: STVReport(record: c.stv, source: source).json())),
            ("block", method("block", elected: c.block.elected, stv: false, record: BlockVoteReport(record: c.block, source: source).json())),
        ])
    }

    /// One row per slate, then one per measure.
    public func csv() -> String {
        var writer = CSVWriter(header: ComparisonReport.csvHeader)
        ComparisonReport.csvRows(comparison, into: &writer)
        return writer.text
    }

    static let csvHeader = ["kind", "name", "first_preferences", "first_preference_share", "stv", "block"]

    /// The CSV rows of a comparison, each after `leading` cells (a contest's section).
    static func csvRows(_ c: some ComparisonFigures, into writer: inout CSVWriter, leading: [String] = []) {
        func share(_ part: Int64) -> String { NumberFormatting.percentage(part, of: c.ballots) }
        for index in c.slates.indices {
            writer.append(leading + ["slate", c.slates[index], String(c.firstPreferences[index]), share(c.firstPreferences[index]), String(c.stvSeats[index]), String(c.blockSeats[index])])
        }
        writer.append(leading + ["measure", "gallagher", "", "", c.stvDisproportionality.gallagher.description, c.blockDisproportionality.gallagher.description])
        writer.append(leading + ["measure", "loosemore_hanby", "", "", c.stvDisproportionality.loosemoreHanby.description, c.blockDisproportionality.loosemoreHanby.description])
        writer.append(leading + ["measure", "first_choice_elected", "", "", share(c.firstChoiceElected.stv), share(c.firstChoiceElected.block)])
        writer.append(leading + ["measure", "someone_elected_in_top", "", "", share(c.someoneElectedInTop.stv), share(c.someoneElectedInTop.block)])
    }
}
