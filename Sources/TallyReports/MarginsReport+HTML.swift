import TallyCounting
import TallySimulation

extension MarginsReport {
    /// Block-vote margins as a self-contained HTML document (docs/margins.md).
    public func html() -> String {
        let record = margins.record
        return HTMLPage.document(title: "Margins: \(source.profile.title ?? source.path)") { html in
            HTMLSections.heading(&html, level: 1, source.profile.title ?? source.path)
            html.element("p", [("class", "subtitle")], "How close the block vote was, and what it would have taken")
            HTMLSections.facts(&html, [("Seats", String(record.seats)), ("Votes per ballot", String(record.votesPerBallot)), ("Elected", source.names(record.elected))])
            HTMLSections.heading(&html, level: 2, "Summary")
            html.element("div", [("class", "summary")]) { box in
                if let overall = margins.overall, let ballots = overall.ballots {
                    box.element("p", "The result turned on \(NumberFormatting.grouped(ballots)) ballot\(ballots == 1 ? "" : "s"): moving that many marks from \(source.name(overall.candidate)) to \(overall.challenger.map(source.name) ?? "another") changes who is elected.")
                }
                if let closest = margins.toElect.filter({ $0.ballots != nil }).min(by: { $0.ballots! < $1.ballots! }), let ballots = closest.ballots {
                    box.element("p", "The closest candidate not elected, \(source.name(closest.candidate)), needed \(NumberFormatting.grouped(ballots)) more ballot\(ballots == 1 ? "" : "s").")
                }
                box.element("p", "Every figure is the fewest, proved by a recount with it and one with one ballot fewer; minimums and ties are applied as in the count.")
            }
            HTMLSections.heading(&html, level: 2, "What it would have taken to elect each candidate not elected")
            let elect = margins.toElect.filter { $0.ballots != nil }
            if !elect.isEmpty, elect.count <= 60 {
                html.element("figure") { figure in
                    BarChart(
                        title: "Ballots needed to elect each candidate not elected",
                        description: "One bar per candidate not elected: the fewest added ballots, each marking only them, that elect them. The figures are in the table below.",
                        axisLabel: "ballots added", panels: [.init(title: "", bars: elect.map { .init(label: source.name($0.candidate), length: Double($0.ballots!), figure: NumberFormatting.grouped($0.ballots!), style: .continuing) })]
                    ).render(into: &figure)
                }
            }
            HTMLSections.table(&html, caption: "Ballots added, each marking only the candidate", columns: [
                .init("Candidate"), .init("Votes", numeric: true), .init("Ballots added", numeric: true), .init("Recount with them"), .init("One fewer"),
            ], rows: margins.toElect.map { margin in
                [source.name(margin.candidate), NumberFormatting.grouped(record.votes[margin.candidate]), margin.ballots.map(NumberFormatting.grouped) ?? "none found",
                 margin.ballots == nil ? "" : change(margin.electedWith), margin.electedWithOneFewer.map(change) ?? ""]
            })
            HTMLSections.heading(&html, level: 2, "What it would have taken to unseat each winner")
            HTMLSections.table(&html, caption: "Ballots changed, each moving its mark from the winner to the challenger", columns: [
                .init("Winner"), .init("Votes", numeric: true), .init("Ballots changed", numeric: true), .init("Marks to"), .init("Recount with them"), .init("One fewer"),
            ], rows: margins.toUnseat.map { margin in
                [source.name(margin.candidate), NumberFormatting.grouped(record.votes[margin.candidate]), margin.ballots.map(NumberFormatting.grouped) ?? "none found",
                 margin.challenger.map(source.name) ?? "", margin.ballots == nil ? "" : change(margin.electedWith), margin.electedWithOneFewer.map(change) ?? ""]
            })
            if let stability { stability.body(&html, level: 2) }
            html.element("p", [("class", "key")], "Source: \(source.heading). Method: docs/margins.md.")
        }
    }
}

extension STVMarginsReport {
    /// STV margins as a self-contained HTML document (docs/margins.md).
    public func html() -> String {
        let record = margins.record
        return HTMLPage.document(title: "Margins: \(source.profile.title ?? source.path)") { html in
            HTMLSections.heading(&html, level: 1, source.profile.title ?? source.path)
            html.element("p", [("class", "subtitle")], "How close the STV count was (\(record.rule.title))")
            HTMLSections.facts(&html, [("Seats", String(record.seats)), ("Quota", NumberFormatting.grouped(record.quota)), ("Elected", source.names(record.elected))])
            HTMLSections.heading(&html, level: 2, "Summary")
            html.element("div", [("class", "summary")]) { box in
                if let closest = margins.toElect.filter({ $0.ballots != nil }).min(by: { $0.ballots! < $1.ballots! }), let ballots = closest.ballots {
                    let kind = closest.isExact ? "exactly the fewest that could" : "at most; no fewer than \(NumberFormatting.grouped(closest.lowerBound)) could"
                    box.element("p", "The closest candidate not elected, \(source.name(closest.candidate)), needed \(NumberFormatting.grouped(ballots)) more ballot\(ballots == 1 ? "" : "s") ranking them first (\(kind)).")
                }
                if let closest = margins.exclusionGaps.filter({ $0.gap != nil }).min(by: { $0.gap! < $1.gap! }), let gap = closest.gap {
                    box.element("p", "The closest exclusion was at stage \(closest.stage): \(source.names(closest.excluded)) \(closest.excluded.count == 1 ? "was" : "were") \(NumberFormatting.grouped(gap)) votes behind \(closest.nextLowest.map(source.name) ?? "the next lowest").")
                }
            }
            HTMLSections.heading(&html, level: 2, "What it would have taken to elect each candidate not elected")
            html.element("p", STVMarginsReport.method)
            let elect = margins.toElect.filter { $0.ballots != nil }
            if !elect.isEmpty, elect.count <= 60 {
                html.element("figure") { figure in
                    BarChart(
                        title: "Ballots needed to elect each candidate not elected",
                        description: "One bar per candidate not elected: the fewest added ballots found, each ranking only them, that elect them, marked exact or as an upper bound. The figures and lower bounds are in the table below.",
                        axisLabel: "ballots added", panels: [.init(title: "", bars: elect.map {
                            .init(label: source.name($0.candidate), length: Double($0.ballots!), figure: NumberFormatting.grouped($0.ballots!) + ($0.isExact ? " (exact)" : " (at most)"), style: .continuing)
                        })]
                    ).render(into: &figure)
                }
            }
            HTMLSections.table(&html, caption: "Ballots added, each ranking only the candidate", columns: [
                .init("Candidate"), .init("Ballots", numeric: true), .init("At least", numeric: true), .init("Figure"),
                .init("Recount with them"), .init("One fewer"), .init("Recounts", numeric: true),
            ], rows: margins.toElect.map { margin in
                [source.name(margin.candidate)] + figureCells(margin) + [
                    margin.ballots == nil ? "" : change(margin.electedWith), margin.electedWithOneFewer.map(change) ?? "", String(margin.recounts),
                ]
            })
            HTMLSections.heading(&html, level: 2, "How close each exclusion was")
            HTMLSections.table(&html, caption: "Votes before each exclusion: the lowest candidate who stayed, less the highest excluded", columns: [
                .init("Stage"), .init("Excluded"), .init("Next lowest"), .init("Gap", numeric: true),
            ], rows: margins.exclusionGaps.map { gap in
                [gap.stage, source.names(gap.excluded), gap.nextLowest.map(source.name) ?? "", gap.gap.map { NumberFormatting.grouped($0) } ?? ""]
            })
            if let stability { stability.body(&html, level: 2) }
            html.element("p", [("class", "key")], "Source: \(source.heading). Method: docs/margins.md.")
        }
    }
}

extension StabilityReport {
    /// Stability under resampling as a self-contained HTML document.
    public func html() -> String {
        HTMLPage.document(title: "Stability: \(source.profile.title ?? source.path)") { html in
            HTMLSections.heading(&html, level: 1, source.profile.title ?? source.path)
            body(&html, level: 2)
        }
    }

    /// The stability section: the chart of election shares and its table.
    func body(_ html: inout HTMLText, level: Int) {
        HTMLSections.heading(&html, level: level, "Stability under resampling")
        html.element("p", "\(NumberFormatting.grouped(Int64(resampling.resamples))) bootstrap resamples (seed \(resampling.seed)), each drawing as many ballots as were counted, with replacement, and counted again. The same winners: \(share(resampling.unchanged)) of resamples (95% Wilson interval).")
        let bars = shown.prefix(60).map { candidate in
            BarChart.Bar(label: source.name(candidate), length: Double(resampling.timesElected[candidate]), figure: share(resampling.timesElected[candidate]), style: elected.contains(candidate) ? .elected : .continuing)
        }
        if !bars.isEmpty {
            html.element("figure") { figure in
                BarChart(
                    title: "Share of resamples electing each candidate",
                    description: "One bar per candidate elected in the count or in some resample: the share of resamples that elect them, with its 95% interval. Dark: elected in the count. The figures are in the table below.",
                    axisLabel: "share of resamples", panels: [.init(title: "", bars: Array(bars))]
                ).render(into: &figure)
            }
        }
        HTMLSections.table(&html, caption: "Share of resamples electing each candidate", columns: [.init("Candidate"), .init("In the count"), .init("Elected in resamples", numeric: true)],
                           rows: shown.map { [source.name($0), elected.contains($0) ? "elected" : "", share(resampling.timesElected[$0])] })
    }
}
