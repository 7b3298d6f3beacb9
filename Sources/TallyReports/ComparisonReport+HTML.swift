import TallyCounting
import TallyElection

extension ComparisonReport {
    /// The comparison as a self-contained HTML document (docs/reports.md).
    public func html() -> String {
        let title = source.profile.title ?? source.path
        return HTMLPage.document(title: "\(title): STV and block vote compared") { html in
            HTMLSections.heading(&html, level: 1, title)
            html.element("p", [("class", "subtitle")], "The same ballots counted by STV (\(comparison.stv.rule.title)) and by block vote")
            HTMLSections.facts(&html, [
                ("Seats", String(seats)), ("Ballots with a first preference", NumberFormatting.grouped(comparison.ballots)),
                ("Block vote marks", "each ballot's first \(seats) preferences"), ("File", source.heading),
            ])
            body(&html, level: 2)
        }
    }

    /// Winners, the slates chart and tables, at heading `level`.
    func body(_ html: inout HTMLText, level: Int) {
        let c = comparison
        HTMLSections.heading(&html, level: level, "Summary")
        html.element("div", [("class", "summary")]) { box in
            box.element("p", "STV elects \(HTMLSections.list(c.stv.elected.map { source.name($0) })).")
            box.element("p", "Block vote elects \(HTMLSections.list(c.block.elected.map { source.name($0) })).")
            let onlySTV = c.stv.elected.filter { !c.block.elected.contains($0) }
            let onlyBlock = c.block.elected.filter { !c.stv.elected.contains($0) }
            box.element("p", onlySTV.isEmpty && onlyBlock.isEmpty
                ? "Both methods elect the same candidates."
                : "Only STV elects \(HTMLSections.list(onlySTV.map { source.name($0) })); only block vote elects \(HTMLSections.list(onlyBlock.map { source.name($0) })).")
            for line in minimumEffects { box.element("p", line) }
            if let caution = ComparisonReport.caution(c) { box.element("p", [("class", "warning")], "Caution: " + caution) }
            box.element("p", "Gallagher index of disproportionality: STV \(c.stvDisproportionality.gallagher), block vote \(c.blockDisproportionality.gallagher) (0 = seats exactly match first preferences).")
        }
        ComparisonReport.slatesHTML(&html, c, seats: seats, totalSeats: seats, level: level)
    }

    /// The slates chart (first-preference share beside each method's seats), the slates table and
    /// the measures table: for one count or a whole contest.
    static func slatesHTML(_ html: inout HTMLText, _ c: some ComparisonFigures, seats: Int?, totalSeats: Int, level: Int) {
        HTMLSections.heading(&html, level: level, "Seats by slate against first preferences")
        func share(_ part: Int64) -> String { NumberFormatting.percentage(part, of: c.ballots) + "%" }
        if c.slates.count <= 30 {
            let panels = c.slates.indices.map { index in
                BarChart.Panel(title: c.slates[index], bars: [
                    .init(label: "First prefs", length: Double(c.firstPreferences[index]) / Double(max(c.ballots, 1)), figure: share(c.firstPreferences[index]), style: .series(5)),
                    .init(label: "STV seats", length: Double(c.stvSeats[index]) / Double(max(totalSeats, 1)), figure: "\(c.stvSeats[index]) of \(totalSeats)", style: .series(0)),
                    .init(label: "Block vote seats", length: Double(c.blockSeats[index]) / Double(max(totalSeats, 1)), figure: "\(c.blockSeats[index]) of \(totalSeats)", style: .series(1)),
                ])
            }
            html.element("figure") { figure in
                BarChart(
                    title: "Each slate's share of first preferences beside its share of seats under each method",
                    description: "For each slate three bars on one scale of 0 to 100%: its share of first preferences, its share of the seats under STV, and under block vote. The figures are in the table below.",
                    axisLabel: "share of first preferences or of seats", panels: panels, columns: 2
                ).render(into: &figure)
                figure.element("figcaption", "Light: first preferences · dark: STV seats · orange: block vote seats. A proportional result has each slate's seat bars as long as its first-preference bar.")
            }
        }
        let rows = c.slates.indices.map { index in
            [c.slates[index], NumberFormatting.grouped(c.firstPreferences[index]), share(c.firstPreferences[index]), String(c.stvSeats[index]), String(c.blockSeats[index])]
        }
        HTMLSections.table(&html, caption: "Slates", columns: [
            .init("Slate"), .init("First preferences", numeric: true), .init("Share", numeric: true), .init("STV seats", numeric: true), .init("Block vote seats", numeric: true),
        ], rows: rows)
        HTMLSections.table(&html, caption: "Disproportionality and voters served", columns: [.init("Measure"), .init("STV", numeric: true), .init("Block vote", numeric: true)], rows: [
            ["Gallagher index (points; 0 = seats match first preferences)", c.stvDisproportionality.gallagher.description, c.blockDisproportionality.gallagher.description],
            ["Loosemore–Hanby index (points)", c.stvDisproportionality.loosemoreHanby.description, c.blockDisproportionality.loosemoreHanby.description],
            ["Voters whose first choice was elected", share(c.firstChoiceElected.stv), share(c.firstChoiceElected.block)],
            ["Voters with someone elected in their top \(seats.map(String.init) ?? "N (N = their section's seats)")", share(c.someoneElectedInTop.stv), share(c.someoneElectedInTop.block)],
        ])
    }
}

extension ContestComparisonReport {
    /// The contest comparison as a self-contained HTML document (docs/reports.md).
    public func html() -> String {
        HTMLPage.document(title: "\(contest.plan.title): STV and block vote compared") { html in
            let totals = contest.totals
            HTMLSections.heading(&html, level: 1, contest.plan.title)
            html.element("p", [("class", "subtitle")], "Every section counted by STV and by block vote (\(contest.plan.file))")
            HTMLSections.facts(&html, [
                ("Sections", String(contest.sections.count)), ("Seats", String(totals.seats)),
                ("Ballots with a first preference", NumberFormatting.grouped(totals.ballots)),
            ])
            HTMLSections.heading(&html, level: 2, "Seats by section and slate")
            let slates = totals.slates
            var rows: [[String]] = contest.sections.map { section in
                let c = section.comparison
                return [section.plan.name, String(c.stv.seats)] + slates.map { slate in
                    guard let index = c.slates.firstIndex(of: slate) else { return "0 / 0" }
                    return "\(c.stvSeats[index]) / \(c.blockSeats[index])"
                }
            }
            rows.append(["All", String(totals.seats)] + slates.indices.map { "\(totals.stvSeats[$0]) / \(totals.blockSeats[$0])" })
            HTMLSections.table(&html, caption: "Seats won by each slate in each section: STV / block vote", columns: [.init("Section"), .init("Seats", numeric: true)] + slates.map { .init($0, numeric: true) }, rows: rows)
            ComparisonReport.slatesHTML(&html, totals, seats: nil, totalSeats: totals.seats, level: 2)
            html.element("p", "Contest figures add each section's first preferences, seats and voters served; the indices are taken on those sums.")
            if !contest.plan.sources.isEmpty || !contest.plan.assumptions.isEmpty {
                HTMLSections.heading(&html, level: 2, "Sources and assumptions")
                html.element("ul", [("class", "plain")]) { list in
                    for source in contest.plan.sources { list.element("li", "Source: " + source) }
                    for assumption in contest.plan.assumptions { list.element("li", "Assumed: " + assumption) }
                }
            }
            for section in contest.sections {
                HTMLSections.heading(&html, level: 2, "Section: \(section.plan.name)")
                ComparisonReport(comparison: section.comparison, source: ReportSource(section.ballots)).body(&html, level: 3)
            }
        }
    }
}
