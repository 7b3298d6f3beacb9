import TallyModel

/// The part of every report that says what the irregular-ballot rule did.
enum IrregularitySection {
    static func text(_ tally: IrregularityTally) -> String {
        guard !tally.isEmpty else { return "  Irregular ballots: none\n" }
        var table = TextTable(columns: [
            .init("Irregular ballots"), .init("Ballots", .right), .init("Invalid", .right), .init("Rule applied"), .init("Where"),
        ])
        for entry in tally.entries {
            table.append([
                entry.kind.summary, NumberFormatting.grouped(entry.ballots), NumberFormatting.grouped(entry.invalidBallots),
                entry.kind.effect.rawValue, NumberFormatting.lines(entry.firstLines, total: entry.lineCount),
            ])
        }
        return table.rendered()
    }

    static func json(_ tally: IrregularityTally) -> JSONValue {
        .array(tally.entries.map { entry in
            .object([
                ("kind", .string(entry.kind.rawValue)),
                ("rule", .string(entry.kind.effect.rawValue)),
                ("ballots", .integer(entry.ballots)),
                ("invalid_ballots", .integer(entry.invalidBallots)),
                ("lines", .integer(Int64(entry.lineCount))),
                ("first_lines", .array(entry.firstLines.map { .integer(Int64($0)) })),
            ])
        })
    }
}
