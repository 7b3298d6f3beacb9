import TallyCounting
import TallyElection
import TallyModel

/// The parts every HTML report shares: headings, lists of facts, the declaration, tables, the
/// irregular ballots and the ties.
enum HTMLSections {
    struct Column {
        let title: String
        var numeric = false
        init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    /// `<hN>` for a report at `level` (1 for a page of its own, deeper inside a contest).
    static func heading(_ html: inout HTMLText, level: Int, _ text: String, id: String? = nil) {
        html.element("h\(min(level, 6))", id.map { [("id", $0)] } ?? [], text)
    }

    /// "On this page": links to the report's parts, by their ids.
    static func contents(_ html: inout HTMLText, _ parts: [(title: String, id: String)]) {
        html.element("nav", [("class", "contents")]) { nav in
            nav.text("On this page: ")
            for (number, part) in parts.enumerated() {
                if number > 0 { nav.text(" · ") }
                nav.element("a", [("href", "#" + part.id)], part.title)
            }
        }
    }

    /// Facts as a definition list: "Seats" — "3".
    static func facts(_ html: inout HTMLText, _ facts: [(String, String)]) {
        html.element("dl", [("class", "facts")]) { list in
            for (term, value) in facts {
                list.element("dt", term)
                list.element("dd", value)
            }
        }
    }

    /// The declaration fields given, and the declaration sentence set apart.
    static func declaration(_ html: inout HTMLText, _ declaration: Declaration) {
        guard !declaration.isEmpty else { return }
        var facts: [(String, String)] = []
        if let organisation = declaration.organisation { facts.append(("Organisation", organisation)) }
        if let officer = declaration.returningOfficer { facts.append(("Returning officer", officer)) }
        if let date = declaration.date { facts.append(("Date", date)) }
        if !facts.isEmpty { self.facts(&html, facts) }
        if let statement = declaration.statement { html.element("p", [("class", "declaration")], statement) }
    }

    /// A table with a caption; numeric columns right-aligned.
    static func table(_ html: inout HTMLText, caption: String?, columns: [Column], rows: [[String]], classes: String? = nil) {
        html.element("table", classes.map { [("class", $0)] } ?? []) { table in
            if let caption { table.element("caption", caption) }
            table.element("thead") { head in
                head.element("tr") { row in
                    for column in columns { row.element("th", column.numeric ? [("class", "num"), ("scope", "col")] : [("scope", "col")], column.title) }
                }
            }
            table.element("tbody") { body in
                for cells in rows {
                    body.element("tr") { row in
                        for (cell, column) in zip(cells, columns) { row.element("td", column.numeric ? [("class", "num")] : [], cell) }
                    }
                }
            }
        }
    }

    /// The irregular ballots by kind, with where they are (lines and ballot ids).
    static func irregularities(_ html: inout HTMLText, _ tally: IrregularityTally, level: Int, none: String? = nil) {
        heading(&html, level: level, "Irregular ballots")
        guard !tally.isEmpty else {
            html.element("p", none ?? "None: every ballot was read as written.")
            return
        }
        let rows = tally.entries.map { entry in
            [entry.kind.summary, NumberFormatting.grouped(entry.ballots), NumberFormatting.grouped(entry.invalidBallots), entry.kind.effect.rawValue, IrregularitySection.where_(entry)]
        }
        table(&html, caption: "Irregular ballots by kind (the rule applied is in docs/formats.md)", columns: [
            Column("Kind"), Column("Ballots", numeric: true), Column("Invalid", numeric: true), Column("Rule applied"), Column("Where (first lines)"),
        ], rows: rows)
    }

    /// Every tie decided, how, and the seed; the warning when a lot was drawn with a seed nobody chose.
    static func ties(_ html: inout HTMLText, _ ties: [TieDecision], seed: UInt64, source: ReportSource, warning: String?, level: Int) {
        heading(&html, level: level, "Ties")
        if let warning { html.element("p", [("class", "warning")], warning) }
        guard !ties.isEmpty else {
            html.element("p", "None needed deciding. The draw's seed was \(seed) (unused).")
            return
        }
        html.element("ol", [("class", "notes")]) { list in
            for tie in ties { list.element("li", TieSection.sentence(tie, source: source)) }
        }
    }

    /// "A, B and C".
    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: "nobody"
        case 1: names[0]
        default: names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
