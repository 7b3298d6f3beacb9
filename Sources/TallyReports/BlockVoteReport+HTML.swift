import TallyCounting
import TallyModel

extension BlockVoteReport {
    /// The result as a self-contained HTML document (docs/reports.md).
    public func html() -> String {
        HTMLPage.document(title: documentTitle) { body(&$0, level: 1) }
    }

    private var documentTitle: String { profile.title ?? source.path }
    private var profile: BallotProfile { source.profile }

    /// "Name (Slate)", or the name alone.
    private func label(_ candidate: Int) -> String {
        profile.candidates[candidate].affiliation.map { "\(source.name(candidate)) (\(ReportSource.printable($0)))" } ?? source.name(candidate)
    }

    /// The report's body, its title at heading `level`.
    func body(_ html: inout HTMLText, level: Int) {
        HTMLSections.heading(&html, level: level, level == 1 ? documentTitle : "Result")
        html.element("p", [("class", "subtitle")], "Block vote — each ballot may mark up to \(record.votesPerBallot) candidate\(record.votesPerBallot == 1 ? "" : "s"); the most votes win (docs/rules/block-vote.md)")
        HTMLSections.declaration(&html, options.declaration)
        var facts: [(String, String)] = [
            ("Method", "Block vote (plurality at large)"), ("Seats", String(record.seats)), ("Votes per ballot", String(record.votesPerBallot)),
            ("Over-votes", record.overVotePolicy.rawValue), ("Valid ballots", NumberFormatting.grouped(record.countedBallots)),
            ("Invalid ballots", NumberFormatting.grouped(record.invalidAtReading + record.overVotes.ballots)), ("Votes (marks) counted", NumberFormatting.grouped(record.marks)),
        ]
        if let region = source.region { facts.append(("Region", region)) }
        HTMLSections.facts(&html, facts)
        HTMLSections.heading(&html, level: level + 1, "Summary")
        html.element("div", [("class", "summary")]) { box in
            for sentence in summary { box.element("p", sentence) }
        }
        HTMLSections.heading(&html, level: level + 1, "Votes")
        let results = rows.map { candidate, placing in
            [placing.map(String.init) ?? "–", label(candidate), NumberFormatting.grouped(record.votes[candidate]),
             NumberFormatting.percentage(record.votes[candidate], of: record.countedBallots) + "%", status(candidate, placing: placing)]
        }
        HTMLSections.table(&html, caption: "Votes per candidate, in placing order", columns: [
            .init("Place", numeric: true), .init("Candidate"), .init("Votes", numeric: true), .init("Share of ballots", numeric: true), .init("Result"),
        ], rows: results)
        chart(&html)
        if !record.minimums.isEmpty {
            HTMLSections.heading(&html, level: level + 1, "Minimum representation")
            let tallies = record.minimums.map { minimum in
                "\(minimum): \(record.elected.filter { profile.candidates[$0].categories.contains(minimum.category) }.count) elected"
            }
            html.element("p", "Displacement (docs/rules/minimums.md). " + tallies.joined(separator: "; ") + ".")
            html.element("ul", [("class", "plain")]) { list in
                for displacement in record.displacements { list.element("li", sentence(displacement)) }
                if record.displacements.isEmpty { list.element("li", "The candidates elected on votes already meet every minimum.") }
            }
        }
        HTMLSections.heading(&html, level: level + 1, "Ballots")
        var account: [[String]] = [
            ["read", NumberFormatting.grouped(record.ballotsRead), ""],
            ["invalid when read (see irregular ballots)", NumberFormatting.grouped(record.invalidAtReading), ""],
            ["void: over-vote (marks do not fit in \(record.votesPerBallot))", NumberFormatting.grouped(record.overVotes.ballots), NumberFormatting.lines(record.overVotes.firstLines, total: record.overVotes.firstLines.count)],
        ]
        if record.overVotePolicy == .countFirst {
            account.append(["over-vote, the marks that fit in \(record.votesPerBallot) counted", NumberFormatting.grouped(record.partlyCounted.ballots), NumberFormatting.lines(record.partlyCounted.firstLines, total: record.partlyCounted.firstLines.count)])
        }
        account.append(["valid (counted)", NumberFormatting.grouped(record.countedBallots), ""])
        account.append(["votes (marks) counted", NumberFormatting.grouped(record.marks), ""])
        HTMLSections.table(&html, caption: "The ballot account", columns: [.init("Ballots"), .init("Number", numeric: true), .init("Where (first lines)")], rows: account)
        HTMLSections.irregularities(&html, profile.irregularities, level: level + 2,
                                    none: record.overVotes.ballots > 0 ? "None found when reading; the over-voted ballots, void under the block-vote rule, are in the ballot account above." : nil)
        HTMLSections.ties(&html, record.ties, seed: record.seed, source: source, warning: options.lotWarning(record.ties, seed: record.seed), level: level + 1)
        html.element("p", [("class", "key")], "Source: \(source.heading).")
    }

    /// Who won, the closest call, any displacement and any lot.
    var summary: [String] {
        var sentences = ["Elected to the \(record.seats) place\(record.seats == 1 ? "" : "s"): \(HTMLSections.list(record.elected.map(label)))."]
        if let margin = record.margin {
            let gap = margin.votes == 0 ? "level with" : "\(NumberFormatting.grouped(margin.votes)) vote\(margin.votes == 1 ? "" : "s") ahead of"
            sentences.append("\(source.name(margin.lastIn)) placed last within the seats with \(NumberFormatting.grouped(record.votes[margin.lastIn])) votes, \(gap) \(source.name(margin.firstOut)), the first placed outside them (\(NumberFormatting.grouped(record.votes[margin.firstOut]))).")
        }
        sentences.append("\(NumberFormatting.grouped(record.countedBallots)) valid ballots gave \(NumberFormatting.grouped(record.marks)) votes.")
        if !record.displacements.isEmpty {
            sentences.append("The minimums changed the result: " + record.displacements.map { "\(source.name($0.by)) took the place of \(source.name($0.replaced))" }.joined(separator: "; ") + ".")
        }
        let lots = record.ties.filter { if case .seededDraw = $0.method { true } else { false } }
        if !lots.isEmpty {
            sentences.append("\(lots.count == 1 ? "One tie was" : "\(lots.count) ties were") decided by lot (seed \(record.seed))." + (options.lotWarning(record.ties, seed: record.seed).map { " " + $0 } ?? ""))
        }
        return sentences
    }

    private func chart(_ html: inout HTMLText) {
        guard record.placing.count <= 80 else {
            html.element("p", "\(record.placing.count) candidates are more than the chart draws legibly; the table has every figure.")
            return
        }
        let bars = record.placing.map { candidate in
            BarChart.Bar(
                label: source.name(candidate), length: Double(record.votes[candidate]), figure: NumberFormatting.grouped(record.votes[candidate]),
                style: isElected(candidate) ? .elected : isDisplaced(candidate) ? .excluded : .continuing
            )
        }
        var lines: [BarChart.ReferenceLine] = []
        if let margin = record.margin {
            lines.append(.init(position: Double(record.votes[margin.lastIn]), label: "last place within the seats: \(NumberFormatting.grouped(record.votes[margin.lastIn]))"))
        }
        html.element("figure") { figure in
            BarChart(
                title: "Votes per candidate",
                description: "One bar per candidate in placing order; dark bars were elected. The dashed line marks the votes of the last candidate placed within the seats. The figures are in the table above.",
                axisLabel: "votes", panels: [.init(title: "", bars: bars, lines: lines)]
            ).render(into: &figure)
            figure.element("figcaption", "Dark: elected · blue: not elected" + (record.displacements.isEmpty ? "" : " · grey: displaced to meet a minimum") + ". Figures: the table above.")
        }
    }
}
