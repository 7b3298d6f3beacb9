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

    private var seats: Int { comparison.stv.seats }
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
        output += "\n"
        var slates = TextTable(columns: [.init("Slate"), .init("First preferences", .right), .init("Share", .right), .init("STV seats", .right), .init("Block seats", .right)])
        for (index, slate) in c.slates.enumerated() {
            slates.append([slate, NumberFormatting.grouped(c.firstPreferences[index]), share(c.firstPreferences[index]) + "%", String(c.stvSeats[index]), String(c.blockSeats[index])])
        }
        output += slates.rendered() + "\n"
        var measures = TextTable(columns: [.init("Measure"), .init("STV", .right), .init("Block vote", .right)])
        measures.append(["Gallagher index (points; 0 = seats match first preferences)", c.stvDisproportionality.gallagher.description, c.blockDisproportionality.gallagher.description])
        measures.append(["Loosemore–Hanby index (points)", c.stvDisproportionality.loosemoreHanby.description, c.blockDisproportionality.loosemoreHanby.description])
        measures.append(["Voters whose first choice was elected", share(c.firstChoiceElected.stv) + "%", share(c.firstChoiceElected.block) + "%"])
        measures.append(["Voters with someone elected in their top \(seats)", share(c.someoneElectedInTop.stv) + "%", share(c.someoneElectedInTop.block) + "%"])
        output += measures.rendered()
        output += "\n" + TextWrap.lines("Slates' shares are of first preferences; indices compare them with the seats each method gives, in percentage points, rounded down. Full result sheets: tally count FILE --rule \(c.stv.rule.rawValue) and tally count FILE --method block --over-votes count-first.")
        return output
    }

    public func json() -> JSONValue {
        let c = comparison
        let slates: [JSONValue] = c.slates.indices.map { index in
            .object([
                ("slate", .string(c.slates[index])),
                ("first_preferences", .integer(c.firstPreferences[index])),
                ("first_preference_share", .decimal(share(c.firstPreferences[index]))),
                ("stv_seats", .integer(Int64(c.stvSeats[index]))),
                ("block_seats", .integer(Int64(c.blockSeats[index]))),
            ])
        }
        func method(_ name: String, elected: [Int], index: Disproportionality, first: Int64, someone: Int64, record: JSONValue) -> JSONValue {
            .object([
                ("method", .string(name)),
                ("elected", .array(elected.map { .string(source.name($0)) })),
                ("gallagher", .decimal(index.gallagher.description)),
                ("loosemore_hanby", .decimal(index.loosemoreHanby.description)),
                ("first_choice_elected", .decimal(share(first))),
                ("someone_elected_in_top", .decimal(share(someone))),
                ("record", record),
            ])
        }
        return .object([
            ("file", .string(source.path)),
            ("seats", .integer(Int64(seats))),
            ("ballots_with_first_preference", .integer(c.ballots)),
            ("slates", .array(slates)),
            ("stv", method("stv-" + c.stv.rule.rawValue, elected: c.stv.elected, index: c.stvDisproportionality, first: c.firstChoiceElected.stv, someone: c.someoneElectedInTop.stv, record: STVReport(record: c.stv, source: source).json())),
            ("block", method("block", elected: c.block.elected, index: c.blockDisproportionality, first: c.firstChoiceElected.block, someone: c.someoneElectedInTop.block, record: BlockVoteReport(record: c.block, source: source).json())),
        ])
    }

    /// One row per slate, then one per measure.
    public func csv() -> String {
        let c = comparison
        var writer = CSVWriter(header: ["kind", "name", "first_preferences", "first_preference_share", "stv", "block"])
        for index in c.slates.indices {
            writer.append(["slate", c.slates[index], String(c.firstPreferences[index]), share(c.firstPreferences[index]), String(c.stvSeats[index]), String(c.blockSeats[index])])
        }
        writer.append(["measure", "gallagher", "", "", c.stvDisproportionality.gallagher.description, c.blockDisproportionality.gallagher.description])
        writer.append(["measure", "loosemore_hanby", "", "", c.stvDisproportionality.loosemoreHanby.description, c.blockDisproportionality.loosemoreHanby.description])
        writer.append(["measure", "first_choice_elected", "", "", share(c.firstChoiceElected.stv), share(c.firstChoiceElected.block)])
        writer.append(["measure", "someone_elected_in_top", "", "", share(c.someoneElectedInTop.stv), share(c.someoneElectedInTop.block)])
        return writer.text
    }
}
