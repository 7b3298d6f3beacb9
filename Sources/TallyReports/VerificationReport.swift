import TallyCounting
import TallyElection

/// Renders a verification (docs/verify.md): the verdict, where the sheet and the count part, and
/// every figure that differs.
public struct VerificationReport: ResultSheet {
    public let verification: Verification
    public let source: ReportSource

    public init(verification: Verification) {
        self.verification = verification
        source = ReportSource(verification.ballots)
    }

    var sheet: String { verification.sheet.file }

    /// The count in a phrase: "STV (Scottish), 4 seats, 10 stages".
    var countPhrase: String {
        switch verification.count {
        case let .stv(record): "STV (\(record.rule.name)), \(record.seats) seats, quota \(NumberFormatting.grouped(record.quota)), \(record.stages.count) stages"
        case let .block(record): "block vote, \(record.seats) seats"
        }
    }

    /// The verdict in a sentence.
    var verdictSentence: String {
        let count = verification.differences.count
        let figures = count == 1 ? "1 figure differs" : "\(count) figures differ"
        let parting = verification.firstDifference.map { " The sheet and the count first part at " + place($0) + "." } ?? ""
        switch verification.verdict {
        case .identical: return "Identical: every figure on the sheet is the count's."
        case .sameWinnersDifferentFigures: return "Same winners, different figures: \(figures).\(parting)"
        case .differentFigures: return "Different figures: \(figures); the sheet does not say who was elected.\(parting)"
        case .differentWinners: return "Different winners: the sheet elects \(Verification.list(verification.sheetWinners ?? [])); the count elects \(source.names(verification.count.elected)). \(figures.prefix(1).uppercased() + figures.dropFirst()).\(parting)"
        }
    }

    /// Where a difference is, in words: "stage 3 (Alan Stewart: sheet 961.44028, count 961.44027)".
    func place(_ difference: Verification.Difference) -> String {
        let stage: String
        switch (difference.stage, difference.countStage) {
        case let (sheet?, count?) where sheet == count: stage = "stage \(sheet)"
        case let (sheet?, count?): stage = "stage \(sheet) (the count's \(count))"
        case let (sheet?, nil): stage = "stage \(sheet)"
        case let (nil, count?): stage = "stage \(count)"
        case (nil, nil): stage = "the sheet's \(difference.item)"
        }
        return "\(stage) (\(difference.item): sheet \(difference.sheet), count \(difference.count))"
    }

    var comparedSentence: String {
        var sentence = "Compared \(verification.compared) figures and facts"
        if let places = verification.sheetPlaces {
            sentence += "; where the sheet gives fewer decimal places than the count (as few as \(places)), the count's figure was truncated or rounded to the sheet's places"
        }
        sentence += "."
        if verification.differences.contains(where: { $0.item == "stage" }) {
            sentence += " The count's stages are \(verification.countStages.joined(separator: ", ")); the sheet has \(verification.sheet.stages.count)."
        }
        if !verification.unchecked.isEmpty { sentence += " Stages of the count not on the sheet, not checked: \(verification.unchecked.joined(separator: ", "))." }
        return sentence
    }

    var rows: [[String]] {
        verification.differences.map { [$0.stage ?? "", $0.countStage ?? "", $0.item, $0.sheet, $0.count, $0.line.map(String.init) ?? ""] }
    }

    public func text() -> String {
        var output = TextWrap.lines("Verification of \(sheet) against the count of \(source.heading)", indent: "", hanging: 2)
        output += TextWrap.lines("The count: \(countPhrase); elected: \(source.names(verification.count.elected)).", indent: "", hanging: 2)
        if let from = verification.sheet.source { output += TextWrap.lines("The sheet's source: \(from)", indent: "", hanging: 2) }
        output += TextWrap.lines(comparedSentence, indent: "", hanging: 2) + "\n"
        output += TextWrap.lines("Verdict: " + verdictSentence, indent: "", hanging: 2)
        if !rows.isEmpty {
            var table = TextTable(columns: [.init("Stage"), .init("Count's stage"), .init("What"), .init("Sheet", .right), .init("Count", .right), .init("Line", .right)])
            for row in rows { table.append(row) }
            output += "\n" + table.rendered()
        }
        return output
    }

    public func json() -> JSONValue {
        .object([
            ("file", .string(source.path)),
            ("sheet", .string(sheet)),
            ("verdict", .string(verification.verdict.rawValue)),
            ("exit_code", .integer(Int64(verification.exitCode.rawValue))),
            ("compared", .integer(Int64(verification.compared))),
            ("sheet_places", verification.sheetPlaces.map { .integer(Int64($0)) } ?? .null),
            ("elected", .array(verification.count.elected.map { .string(source.name($0)) })),
            ("sheet_elected", verification.sheetWinners.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("first_difference", verification.firstDifference.map(json) ?? .null),
            ("differences", .array(verification.differences.map(json))),
            ("unchecked_stages", .array(verification.unchecked.map(JSONValue.string))),
            ("stages", .array(verification.byStage.map { .object([("stage", .string($0.stage)), ("compared", .integer(Int64($0.compared))), ("differing", .integer(Int64($0.differing)))]) })),
        ])
    }

    func json(_ difference: Verification.Difference) -> JSONValue {
        .object([
            ("stage", .optional(difference.stage)), ("count_stage", .optional(difference.countStage)), ("item", .string(difference.item)),
            ("sheet", .string(difference.sheet)), ("count", .string(difference.count)), ("line", difference.line.map { .integer(Int64($0)) } ?? .null),
        ])
    }

    public func csv() -> String {
        var writer = CSVWriter(header: ["stage", "count_stage", "item", "sheet", "count", "line"])
        for row in rows { writer.append(row) }
        return writer.text
    }

    public func html() -> String {
        HTMLPage.document(title: "Verification: \(source.profile.title ?? source.path)") { html in
            HTMLSections.heading(&html, level: 1, source.profile.title ?? source.path)
            html.element("p", [("class", "subtitle")], "A published result sheet checked against the count")
            HTMLSections.facts(&html, [
                ("Sheet", sheet), ("Ballots", source.heading), ("The count", countPhrase), ("Elected", source.names(verification.count.elected)),
                ("Verdict", verification.verdict.rawValue.replacingOccurrences(of: "-", with: " ")),
            ])
            HTMLSections.heading(&html, level: 2, "Summary")
            html.element("div", [("class", "summary")]) { box in
                box.element("p", verdictSentence)
                box.element("p", comparedSentence)
                if let from = verification.sheet.source { box.element("p", "The sheet's source: \(from)") }
            }
            HTMLSections.heading(&html, level: 2, "Stage by stage")
            HTMLSections.table(&html, caption: "Figures and facts compared at each of the count's stages the sheet gives", columns: [
                .init("Stage"), .init("Compared", numeric: true), .init("Differing", numeric: true), .init(""),
            ], rows: verification.byStage.map { [$0.stage, String($0.compared), String($0.differing), $0.differing == 0 ? "agrees" : "differs"] })
            if !rows.isEmpty {
                HTMLSections.heading(&html, level: 2, "Every difference")
                HTMLSections.table(&html, caption: "Figures and facts that differ, in the count's order of stages", columns: [
                    .init("Stage"), .init("Count's stage"), .init("What"), .init("Sheet", numeric: true), .init("Count", numeric: true), .init("Line", numeric: true),
                ], rows: rows)
            }
            html.element("p", [("class", "key")], "Method: docs/verify.md.")
        }
    }
}
