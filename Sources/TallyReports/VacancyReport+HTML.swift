import TallyCounting
import TallyElection

extension VacancyReport {
    /// The vacancy as a self-contained HTML document (docs/vacancies.md).
    public func html() -> String {
        let title = source.profile.title ?? source.path
        return HTMLPage.document(title: "Casual vacancy: \(title)") { html in
            HTMLSections.heading(&html, level: 1, title)
            html.element("p", [("class", "subtitle")], "Casual \(places == "1 vacancy" ? "vacancy" : "vacancies") filled by \(outcome.rule.clause)")
            HTMLSections.declaration(&html, options.declaration)
            HTMLSections.facts(&html, [
                ("The count", countPhrase), ("Elected in the count", source.names(outcome.count.elected)),
                ("Leaving", outcome.vacating.map { $0.candidate.map(source.name) ?? ReportSource.printable($0.name) }.joined(separator: ", ")),
                ("Filled by", source.names(outcome.filledBy)),
            ])
            HTMLSections.heading(&html, level: 2, "Summary")
            html.element("div", [("class", "summary")]) { box in
                for member in outcome.vacating { box.element("p", vacatingSentence(member)) }
                box.element("p", "Staying: " + (outcome.sitting.isEmpty ? "none" : source.names(outcome.sitting)) + ".")
                for sentence in needSentences { box.element("p", "Minimum " + sentence) }
                for candidate in outcome.filledBy { box.element("p", "Filled by " + filledSentence(candidate)) }
            }
            HTMLSections.heading(&html, level: 2, "The rule")
            html.element("p", outcome.rule.text)
            HTMLSections.heading(&html, level: 2, "Every candidate")
            if case let .block(record) = outcome.count, statusRows.count <= 60 {
                html.element("figure") { figure in
                    BarChart(
                        title: "Votes per candidate in the count, and who fills the vacancy",
                        description: "One bar per candidate in placing order: dark for members who stay and new members, light for the others, grey for members who leave. The figures are in the table below.",
                        axisLabel: "votes in the count",
                        panels: [.init(title: "", bars: statusRows.map { row in
                            .init(
                                label: source.name(row.candidate), length: Double(record.votes[row.candidate]),
                                figure: NumberFormatting.grouped(record.votes[row.candidate]) + (row.after.isEmpty ? "" : " (\(row.after))"),
                                style: row.after == "leaves" ? .excluded : row.after.isEmpty ? .continuing : .elected
                            )
                        })]
                    ).render(into: &figure)
                }
            }
            HTMLSections.table(&html, caption: "Each candidate in the count and now", columns: [
                .init("Candidate"), .init(isBlock ? "Votes" : "First preferences", numeric: true), .init("In the count"), .init("Now"),
            ], rows: statusRows.map { [source.name($0.candidate), votes($0.candidate), $0.before, $0.after] })
            if case let .stv(recount) = outcome.recount {
                HTMLSections.heading(&html, level: 2, "The recount")
                html.element("p", "The vacating members withdrawn; the members who stay form the category 'sitting', whose minimum keeps them from exclusion (guard and doom) until the new members are elected.")
                var report = STVReport(record: recount, source: recountSource)
                report.options = options
                report.body(&html, level: 3, anchor: "recount-")
            }
            html.element("p", [("class", "key")], "Source: \(source.heading). Rule: docs/vacancies.md.")
        }
    }
}
