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
        let ids = tally.entries.filter { !$0.firstIDs.isEmpty }.map { "\($0.kind.summary): " + $0.firstIDs.map(ReportSource.printable).joined(separator: ", ") }
        return table.rendered() + (ids.isEmpty ? "" : TextWrap.lines("Ballot ids of those lines — " + ids.joined(separator: "; ") + "."))
    }

    /// "lines 3, 7 (ballots a12, b7)": where a kind occurs, with the ballots' ids when the file has them.
    static func where_(_ entry: IrregularityTally.Entry) -> String {
        let lines = NumberFormatting.lines(entry.firstLines, total: entry.lineCount)
        guard !entry.firstIDs.isEmpty else { return lines }
        return lines + " (ballot\(entry.firstIDs.count == 1 ? "" : "s") " + entry.firstIDs.map(ReportSource.printable).joined(separator: ", ") + ")"
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
                ("first_ballot_ids", .array(entry.firstIDs.map(JSONValue.string))),
            ])
        })
    }
}
