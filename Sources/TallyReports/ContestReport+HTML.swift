import TallyCounting
import TallyElection

extension ContestReport {
    /// The whole contest as a self-contained HTML document: the summary across sections, then
    /// each section's full result (docs/reports.md).
    public func html() -> String {
        HTMLPage.document(title: result.plan.title) { html in
            let plan = result.plan
            HTMLSections.heading(&html, level: 1, plan.title)
            html.element("p", [("class", "subtitle")], "Contest of \(result.sections.count) section\(result.sections.count == 1 ? "" : "s") (\(plan.file))")
            HTMLSections.declaration(&html, options.declaration)
            HTMLSections.facts(&html, [("Sections", String(result.sections.count)), ("Seats", String(result.seats)), ("Tie-breaking seed", String(result.seed))])
            HTMLSections.heading(&html, level: 2, "Summary")
            html.element("div", [("class", "summary")]) { box in
                for sentence in summary { box.element("p", sentence) }
            }
            sectionTable(&html)
            if result.hasSlates { slateChart(&html) }
            if !plan.sources.isEmpty || !plan.assumptions.isEmpty {
                HTMLSections.heading(&html, level: 2, "Sources and assumptions")
                html.element("ul", [("class", "plain")]) { list in
                    for source in plan.sources { list.element("li", "Source: " + source) }
                    for assumption in plan.assumptions { list.element("li", "Assumed: " + assumption) }
                }
            }
            for (number, section) in result.sections.enumerated() {
                let seats = section.plan.seats
                let rules = section.plan.minimums.isEmpty ? "" : ", " + section.plan.minimums.map(\.description).joined(separator: ", ")
                HTMLSections.heading(&html, level: 2, "\(section.plan.name): \(seats) seat\(seats == 1 ? "" : "s"), \(section.plan.method.name)\(rules)")
                let source = ReportSource(section.ballots)
                switch section.result {
                case let .stv(record):
                    var report = STVReport(record: record, source: source)
                    report.options = ReportOptions(seedChosen: options.seedChosen)
                    report.body(&html, level: 3, anchor: "section-\(number + 1)-")
                case let .block(record):
                    var report = BlockVoteReport(record: record, source: source)
                    report.options = ReportOptions(seedChosen: options.seedChosen)
                    report.body(&html, level: 3)
                }
            }
        }
    }

    private var slates: [String] { result.seatsBySlate.map(\.slate) }

    private var summary: [String] {
        var sentences = ["\(result.seats) seats were filled in \(result.sections.count) section\(result.sections.count == 1 ? "" : "s")."]
        if result.hasSlates {
            sentences.append("Seats by slate: " + result.seatsBySlate.map { "\($0.slate) \($0.seats)" }.joined(separator: ", ") + ".")
        }
        for minimum in result.plan.overallMinimums {
            guard let total = result.categoryTotals.first(where: { $0.category == minimum.category }), let met = total.met else { continue }
            sentences.append("Overall, \(minimum): \(total.elected) elected — \(met ? "met" : "NOT met").")
        }
        let lots = result.sections.flatMap { section -> [TieDecision] in
            switch section.result {
            case let .stv(record): record.ties
            case let .block(record): record.ties
            }
        }
        if let warning = options.lotWarning(lots, seed: result.seed) { sentences.append("A tie was decided by lot. " + warning) }
        return sentences
    }

    /// Sections down, slates and categories across: seats won, elected against each minimum.
    private func sectionTable(_ html: inout HTMLText) {
        let columns: [HTMLSections.Column] = [.init("Section"), .init("Seats", numeric: true)]
            + slates.map { .init($0, numeric: true) } + result.categories.map { .init("\($0) (elected/minimum)", numeric: true) }
        var rows: [[String]] = result.sections.map { section in
            let categories = result.categories.enumerated().map { index, category in
                "\(section.electedByCategory[index])" + (section.minimum(category).map { "/\($0.count)" } ?? "")
            }
            return [section.plan.name, String(section.plan.seats)] + slates.map { String(section.seats(of: $0)) } + categories
        }
        rows.append(["All", String(result.seats)] + result.seatsBySlate.map { String($0.seats) }
            + result.categoryTotals.map { "\($0.elected)" + ($0.overallMinimum.map { "/\($0)" } ?? "") })
        HTMLSections.table(&html, caption: "Seats by section", columns: columns, rows: rows)
        html.element("ul", [("class", "plain")]) { list in
            for section in result.sections {
                let source = ReportSource(section.ballots)
                list.element("li", "\(section.plan.name): " + HTMLSections.list(section.result.elected.map { source.name($0) }) + ".")
            }
        }
    }

    private func slateChart(_ html: inout HTMLText) {
        let bars = result.seatsBySlate.enumerated().map { index, slate in
            BarChart.Bar(label: slate.slate, length: Double(slate.seats), figure: "\(slate.seats) seat\(slate.seats == 1 ? "" : "s")", style: .series(index))
        }
        html.element("figure") { figure in
            BarChart(
                title: "Seats won by each slate over the whole contest",
                description: "One bar per slate: the seats it won in all sections together. The figures are in the table above (row All).",
                axisLabel: "seats", panels: [.init(title: "", bars: bars)]
            ).render(into: &figure)
            figure.element("figcaption", "Figures: the table above, row All.")
        }
    }
}
