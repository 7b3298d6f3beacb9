import TallyArithmetic
import TallyCounting
import TallyModel

extension STVReport {
    /// The result as a self-contained HTML document (docs/reports.md).
    public func html() -> String {
        HTMLPage.document(title: documentTitle) { body(&$0, level: 1) }
    }

    private var documentTitle: String { source.profile.title ?? source.path }

    /// The report's body, its title at heading `level` (deeper when it is one section of a contest).
    func body(_ html: inout HTMLText, level: Int, anchor: String = "") {
        HTMLSections.heading(&html, level: level, level == 1 ? documentTitle : "Result")
        html.element("p", [("class", "subtitle")], "Single transferable vote — \(record.rule.title)")
        HTMLSections.declaration(&html, options.declaration)
        HTMLSections.facts(&html, facts)
        HTMLSections.contents(&html, [
            ("Summary", anchor + "summary"), ("Stage by stage", anchor + "stages"), ("Votes at each stage", anchor + "votes"),
            ("Where the transfers went", anchor + "transfers"), ("What happened at each stage", anchor + "notes"), ("Ballots", anchor + "ballots"),
        ])
        HTMLSections.heading(&html, level: level + 1, "Summary", id: anchor + "summary")
        html.element("div", [("class", "summary")]) { box in
            for sentence in summary { box.element("p", sentence) }
        }
        HTMLSections.heading(&html, level: level + 1, "Stage by stage", id: anchor + "stages")
        html.element("p", "Each stage shows what each candidate gained or lost (Transfer) and their votes after it (Total). * marks the total that elected a candidate; – marks an exclusion; a total in brackets is an excluded candidate's votes not yet transferred (a later batch, or none needed once the places were filled).")
        for page in stagePages { stageTable(&html, stages: page) }
        charts(&html, level: level + 1, anchor: anchor)
        HTMLSections.heading(&html, level: level + 1, "What happened at each stage", id: anchor + "notes")
        html.element("ol", [("class", "notes")]) { list in
            for index in record.stages.indices { list.element("li", stageNote(index)) }
        }
        HTMLSections.heading(&html, level: level + 1, "Elected")
        html.element("ol") { list in
            for candidate in record.elected { list.element("li", label(candidate)) }
        }
        if !record.minimums.isEmpty || !record.constraintEvents.isEmpty { minimums(&html, level: level + 1) }
        HTMLSections.heading(&html, level: level + 1, "Ballots", id: anchor + "ballots")
        HTMLSections.table(&html, caption: "The ballot account", columns: [.init("Ballots"), .init("Number", numeric: true), .init("Where (first lines)")], rows: ballotRows)
        HTMLSections.irregularities(&html, source.profile.irregularities, level: level + 2)
        HTMLSections.ties(&html, record.ties, seed: record.seed, source: source, warning: options.lotWarning(record.ties, seed: record.seed), level: level + 1)
        html.element("p", [("class", "key")], "Source: \(source.heading).")
    }

    /// "Name (Slate)", or the name alone.
    func label(_ candidate: Int) -> String {
        source.profile.candidates[candidate].affiliation.map { "\(source.name(candidate)) (\(ReportSource.printable($0)))" } ?? source.name(candidate)
    }

    private var facts: [(String, String)] {
        var facts: [(String, String)] = [
            ("Rule", record.rule.title), ("Arithmetic", record.rule.arithmetic), ("Seats", String(record.seats)),
            ("Quota", NumberFormatting.grouped(record.quota)), ("Valid votes", NumberFormatting.grouped(record.validVotes)),
            ("Valid ballots", NumberFormatting.grouped(record.validBallots)), ("Invalid ballots", NumberFormatting.grouped(record.invalidBallots)),
            ("Stages", String(record.stages.count)),
        ]
        if let region = source.region { facts.append(("Region", region)) }
        return facts
    }

    // MARK: Summary

    /// Three to five sentences a member can read: who, the quota and stages, why any election
    /// was below the quota, any lot drawn, any minimum that changed the result.
    var summary: [String] {
        let names = record.elected.map(label)
        var sentences = ["Elected to the \(record.seats) place\(record.seats == 1 ? "" : "s"), in order of election: \(HTMLSections.list(names))."]
        var quota = "The quota was \(NumberFormatting.grouped(record.quota)) votes of \(NumberFormatting.grouped(record.validVotes)) valid"
        if let final = record.stages.last?.quota, final != record.quota {
            quota += record.rule == .meek ? ", falling to \(NumberFormatting.grouped(final)) as votes exhausted" : ", recalculated to \(NumberFormatting.grouped(final)) without the non-transferable votes"
        }
        sentences.append(quota + "; the count took \(record.stages.count) stage\(record.stages.count == 1 ? "" : "s").")
        let below = record.stages.flatMap(\.elections).filter(\.isBelowQuota)
        if let last = below.last {
            let others = below.dropLast().map { source.name($0.candidate) }
            let lastPlace = last.candidate == record.elected.last ? "The last place went below the quota. " : ""
            sentences.append(lastPlace + reason(last) + (others.isEmpty ? "" : " \(HTMLSections.list(others)) \(others.count == 1 ? "was" : "were") also elected below the quota; the stage notes say why."))
        }
        let lots = record.ties.filter { if case .seededDraw = $0.method { true } else { false } }
        if !lots.isEmpty {
            sentences.append("\(lots.count == 1 ? "One tie was" : "\(lots.count) ties were") decided by lot (seed \(record.seed))." + (options.lotWarning(record.ties, seed: record.seed).map { " " + $0 } ?? ""))
        }
        if let minimum = minimumSentence { sentences.append(minimum) }
        return sentences
    }

    /// The minimums' effect in one sentence: who was excluded to meet them and who was kept.
    private var minimumSentence: String? {
        guard !record.constraintEvents.isEmpty else { return nil }
        let rules = HTMLSections.list(record.minimums.map(\.description))
        let doomed = record.constraintEvents.filter { $0.kind == .doomed }.map { source.name($0.candidate) }
        let passedOver = record.constraintEvents.filter { $0.kind == .notElected }.map { source.name($0.candidate) }
        let kept = record.constraintEvents.filter { $0.kind == .guarded }.map { "\(source.name($0.candidate)) was kept and \($0.instead.map(source.name) ?? "another") excluded instead" }
        var parts: [String] = []
        if !passedOver.isEmpty { parts.append("\(HTMLSections.list(passedOver)) reached the threshold but could not be elected without breaking it") }
        if !doomed.isEmpty { parts.append("\(HTMLSections.list(doomed)) \(doomed.count == 1 ? "was" : "were") excluded because electing them would have broken it") }
        if !kept.isEmpty { parts.append(HTMLSections.list(kept)) }
        return "The minimum (\(rules)) was applied: " + parts.joined(separator: "; ") + "."
    }

    // MARK: Stage table

    /// One block of the stage table, with the candidate column repeated and full headings.
    private func stageTable(_ html: inout HTMLText, stages indices: [Int]) {
        let places = record.rule.places
        func figure(_ units: Int64, signed: Bool = false) -> String { NumberFormatting.grouped(DecimalValue(units: units, places: places), signed: signed) }
        html.element("div", [("class", "stage-block")]) { block in
            block.element("table", [("class", "stages")]) { table in
                let first = record.stages[indices.first!].label, last = record.stages[indices.last!].label
                table.element("caption", (first == last ? "Stage \(first)" : "Stages \(first)–\(last)") + " of \(record.stages.count)")
                table.element("thead") { head in
                    head.element("tr") { row in
                        row.element("th", [("class", "name"), ("rowspan", "2"), ("scope", "col")], "Candidate")
                        for index in indices { row.element("th", [("class", "stage"), ("colspan", "2"), ("scope", "colgroup"), ("data-stage", record.stages[index].label)], heading(for: record.stages[index])) }
                    }
                    head.element("tr") { row in
                        for _ in indices {
                            row.element("th", [("class", "num"), ("scope", "col")], "Transfer")
                            row.element("th", [("class", "num"), ("scope", "col")], "Total")
                        }
                    }
                }
                table.element("tbody") { body in
                    for candidate in source.profile.candidates.indices where !source.profile.withdrawn.contains(candidate) {
                        let elected = record.elected.contains(candidate)
                        body.element("tr", [("class", elected ? "elected" : "candidate"), ("data-candidate", String(candidate))]) { row in
                            row.element("th", [("class", "name"), ("scope", "row")], label(candidate))
                            for index in indices {
                                let label = record.stages[index].label
                                guard case let .figures(transfer, total) = stageCell(candidate, at: index) else {
                                    row.element("td", [("class", "num")], "")
                                    row.element("td", [("class", "num")], "")
                                    continue
                                }
                                row.element("td", [("class", "num"), ("data-stage", label), ("data-figure", "transfer")], transfer.map { figure($0, signed: true) } ?? "")
                                switch total {
                                case .excluded:
                                    row.element("td", [("class", "num")], "–")
                                case let .held(units):
                                    row.element("td", [("class", "num"), ("data-stage", label), ("data-figure", "votes"), ("title", "excluded; votes not yet transferred")], "(" + figure(units) + ")")
                                case let .votes(units, elected):
                                    row.element("td", [("class", elected ? "num mark-elected" : "num"), ("data-stage", label), ("data-figure", "votes")], (elected ? "*" : "") + figure(units))
                                }
                            }
                        }
                    }
                    func account(_ name: String, _ key: String, _ cells: (Int) -> (change: DecimalValue?, total: String)) {
                        body.element("tr", [("class", "account"), ("data-row", key)]) { row in
                            row.element("th", [("class", "name"), ("scope", "row")], name)
                            for index in indices {
                                let (change, total) = cells(index)
                                let label = record.stages[index].label
                                row.element("td", [("class", "num"), ("data-stage", label), ("data-figure", "change")], change.map { $0.units == 0 ? "" : NumberFormatting.grouped($0, signed: true) } ?? "")
                                row.element("td", [("class", "num"), ("data-stage", label), ("data-figure", "total")], total)
                            }
                        }
                    }
                    account("Exhausted", "exhausted") { (($0 > 0 ? record.exhaustedChange(at: $0) : nil), NumberFormatting.grouped(record.stages[$0].exhausted)) }
                    account("Lost to rounding", "lost") { (($0 > 0 ? record.lostToRoundingChange(at: $0) : nil), NumberFormatting.grouped(record.stages[$0].lostToRounding)) }
                    account("Non-transferable", "non-transferable") { (($0 > 0 ? record.nonTransferableChange(at: $0) : nil), NumberFormatting.grouped(record.stages[$0].nonTransferable)) }
                    account("Total", "total") { (nil, NumberFormatting.grouped(record.stages[$0].total)) }
                    account("Quota", "quota") { index in
                        let recalculated = index > 0 && record.stages[index].quota != record.stages[index - 1].quota
                        return (nil, (recalculated ? "recalculated " : "") + NumberFormatting.grouped(record.stages[index].quota))
                    }
                }
            }
        }
    }

    // MARK: Charts

    /// Most candidates and stages the charts draw; a larger count is left to its tables.
    static let chartLimit = (candidates: 60, stages: 80)

    private func charts(_ html: inout HTMLText, level: Int, anchor: String) {
        let standing = source.profile.candidates.indices.filter { !source.profile.withdrawn.contains($0) }
        HTMLSections.heading(&html, level: level, "Votes at each stage", id: anchor + "votes")
        guard standing.count <= STVReport.chartLimit.candidates, record.stages.count <= STVReport.chartLimit.stages else {
            html.element("p", "This count has \(standing.count) candidates and \(record.stages.count) stages, more than the charts draw legibly (\(STVReport.chartLimit.candidates) and \(STVReport.chartLimit.stages)); the stage table above has every figure.")
            transfers(&html, level: level, anchor: anchor)
            return
        }
        let panels = record.stages.map { stage in
            BarChart.Panel(
                title: heading(for: stage),
                bars: standing.map { candidate in
                    let excluded = stage.status[candidate] == .excluded
                    return BarChart.Bar(
                        label: source.name(candidate), length: excluded ? 0 : Double(stage.votes.units[candidate]),
                        figure: excluded ? "excluded" : NumberFormatting.grouped(stage.votes[candidate]),
                        style: stage.status[candidate] == .elected ? .elected : excluded ? .excluded : .continuing
                    )
                },
                lines: [.init(position: Double(stage.quota.units), label: "quota \(NumberFormatting.grouped(stage.quota))")]
            )
        }
        // Four stages to a figure, so that each prints whole on a page.
        for start in stride(from: 0, to: panels.count, by: 4) {
            let part = Array(panels[start..<min(start + 4, panels.count)])
            let stages = "\(record.stages[start].label)–\(record.stages[start + part.count - 1].label)"
            html.element("figure") { figure in
                BarChart(
                    title: "Votes at stages \(stages) against the quota",
                    description: "For each stage, a bar for each candidate's votes after it; the dashed line is the quota. Dark bars: elected; light: continuing; excluded candidates are marked in words. The figures are in the stage table.",
                    axisLabel: "votes (dashed line: the quota)", panels: part, columns: 2
                ).render(into: &figure)
                figure.element("figcaption") { caption in
                    caption.text("Stages \(stages). Dark: elected · blue: continuing · dashed red line: the quota. Figures: the stage table above.")
                }
            }
        }
        transfers(&html, level: level, anchor: anchor)
    }

    /// The slates in the order candidates first name them, for colouring flows.
    private var slates: [String] {
        var seen: [String] = []
        for candidate in source.profile.candidates { if let slate = candidate.affiliation, !seen.contains(slate) { seen.append(slate) } }
        return seen
    }

    /// Where each transfer went: the flow diagram and the table of every figure in it.
    private func transfers(_ html: inout HTMLText, level: Int, anchor: String) {
        let moving = record.stages.indices.filter { $0 > 0 && record.stages[$0].votesMoved.units > 0 }
        HTMLSections.heading(&html, level: level, "Where the transfers went", id: anchor + "transfers")
        guard !moving.isEmpty else {
            html.element("p", record.stages.count == 1 ? "No votes were transferred: the count ended at the first stage." : "No votes were transferred: every stage after the first elected or excluded candidates without moving papers.")
            return
        }
        let slates = self.slates
        func style(_ candidate: Int, at stage: STVStage) -> ChartStyle {
            if let slate = source.profile.candidates[candidate].affiliation, let number = slates.firstIndex(of: slate) { return .series(number) }
            return stage.status[candidate] == .elected ? .elected : .continuing
        }
        var rows: [FlowChart.Row] = []
        var tableRows: [[String]] = []
        for index in moving {
            let stage = record.stages[index]
            let losers = stage.transfers.indices.filter { stage.transfers.units[$0] < 0 }
            let gainers = stage.transfers.indices.filter { stage.transfers.units[$0] > 0 }.sorted { stage.transfers.units[$0] > stage.transfers.units[$1] }
            var flows = gainers.map { candidate in
                FlowChart.Flow(label: source.name(candidate), amount: Double(stage.transfers.units[candidate]), figure: NumberFormatting.grouped(stage.transfers[candidate], signed: true), style: style(candidate, at: stage))
            }
            let exhausted = record.exhaustedChange(at: index), lost = record.lostToRoundingChange(at: index)
            if exhausted.units != 0 { flows.append(.init(label: "Exhausted", amount: Double(max(exhausted.units, 0)), figure: NumberFormatting.grouped(exhausted, signed: true), style: .nonTransferable)) }
            if lost.units != 0 { flows.append(.init(label: "Lost to rounding", amount: Double(max(lost.units, 0)), figure: NumberFormatting.grouped(lost, signed: true), style: .nonTransferable)) }
            let from = losers.count == 1 ? label(losers[0]) : HTMLSections.list(losers.map { source.name($0) })
            rows.append(.init(title: heading(for: stage), source: from, amount: Double(stage.votesMoved.units), figure: NumberFormatting.grouped(stage.votesMoved) + " votes", flows: flows))
            for candidate in losers {
                tableRows.append([stage.label, label(candidate), "(votes leaving)", NumberFormatting.grouped(stage.transfers[candidate], signed: true)])
            }
            for flow in flows { tableRows.append([stage.label, "", flow.label, flow.figure]) }
        }
        // Rows to a figure up to about a page's height, so that each prints whole; one scale for all.
        let largest = rows.map(\.amount).max() ?? 1
        var parts: [[FlowChart.Row]] = rows.count > STVReport.chartLimit.stages ? [] : [[]]
        var height = 0.0
        if parts.isEmpty {
            html.element("p", "\(rows.count) stages moved votes, more than the diagram draws legibly (\(STVReport.chartLimit.stages)); the table below has every transfer.")
        }
        for row in rows where !parts.isEmpty {
            let rowHeight = FlowChart.height(of: row, largest: largest)
            if height + rowHeight > 820, !parts[parts.count - 1].isEmpty {
                parts.append([])
                height = 0
            }
            parts[parts.count - 1].append(row)
            height += rowHeight
        }
        for (number, part) in parts.enumerated() {
            html.element("figure") { figure in
                FlowChart(
                    title: "Where each surplus and exclusion went" + (parts.count > 1 ? " (part \(number + 1) of \(parts.count))" : ""),
                    description: "One row per stage that moved votes: the votes leaving on the left, a band to each candidate who gained and to the exhausted and lost-to-rounding piles, each as wide as the votes it carries. Every figure is in the table below.",
                    rows: part, largest: largest
                ).render(into: &figure)
                if number < parts.count - 1 { figure.element("figcaption", "Continued below, on the same scale.") }
            }
        }
        html.element("p", [("class", "key")]) { caption in
                caption.text("Band widths are to one scale" + (parts.count > 1 ? " across every part. " : ". "))
                func key(_ style: ChartStyle, _ text: String) {
                    caption.element("span", [("class", "key-item")]) { item in
                        item.element("span", [("class", "swatch"), ("style", "background:\(style.fill)")], "")
                        item.text(text)
                    }
                }
                if slates.isEmpty {
                    caption.text("Colours:")
                    key(.elected, "elected by the end of the stage")
                    key(.continuing, "continuing")
                } else {
                    caption.text("Colours by slate:")
                    for (number, slate) in slates.enumerated() { key(.series(number), slate) }
                }
                key(.nonTransferable, "exhausted or lost to rounding")
        }
        HTMLSections.table(&html, caption: "Transfers at each stage: the votes each candidate lost, and where they went", columns: [
            .init("Stage"), .init("From"), .init("To"), .init("Votes", numeric: true),
        ], rows: tableRows)
    }

    // MARK: Minimums and ballots

    private func minimums(_ html: inout HTMLText, level: Int) {
        HTMLSections.heading(&html, level: level, "Minimum representation")
        let tallies = record.minimums.map { minimum in
            "\(minimum): \(record.elected.filter { source.profile.candidates[$0].categories.contains(minimum.category) }.count) elected"
        }
        html.element("p", "Guard and doom (docs/rules/minimums.md). " + tallies.joined(separator: "; ") + ".")
        let categories = record.minimums.map(\.category)
        let rows = source.profile.candidates.indices.filter { !source.profile.withdrawn.contains($0) }.map { candidate in
            [label(candidate)] + categories.map { source.profile.candidates[candidate].categories.contains($0) ? "yes" : "" }
                + [record.elected.contains(candidate) ? "elected" : ""]
        }
        HTMLSections.table(&html, caption: "Who is in each category", columns: [.init("Candidate")] + categories.map { .init($0) } + [.init("Result")], rows: rows)
        if record.constraintEvents.isEmpty {
            html.element("p", "The count met every minimum without any intervention.")
        } else {
            html.element("ul", [("class", "plain")]) { list in
                for event in record.constraintEvents { list.element("li", "Stage \(event.stage): " + sentence(event)) }
            }
        }
    }

    private var ballotRows: [[String]] {
        let equalFirst = record.equalFirstPreferences, cut = record.cutAtEqualRanking
        return [
            ["read", NumberFormatting.grouped(record.ballotsRead), ""],
            ["invalid when read (see irregular ballots)", NumberFormatting.grouped(record.invalidAtReading), ""],
            ["invalid: first rank holds several candidates", NumberFormatting.grouped(equalFirst.ballots), NumberFormatting.lines(equalFirst.firstLines, total: equalFirst.firstLines.count)],
            ["counted up to an equal ranking", NumberFormatting.grouped(cut.ballots), NumberFormatting.lines(cut.firstLines, total: cut.firstLines.count)],
            ["valid", NumberFormatting.grouped(record.validBallots), ""],
        ]
    }
}
