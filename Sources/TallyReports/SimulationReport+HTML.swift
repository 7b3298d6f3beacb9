import TallyArithmetic
import TallySimulation

extension SimulationReport {
    /// The simulation as a self-contained HTML document (docs/reports.md).
    public func html() -> String {
        HTMLPage.document(title: "Simulation: \(scenario.title)") { body(&$0, level: 1) }
    }

    /// The report's body, its title at heading `level`.
    func body(_ html: inout HTMLText, level: Int) {
        HTMLSections.heading(&html, level: level, "Simulation: \(scenario.title)")
        html.element("p", [("class", "subtitle")], "Synthetic electorates drawn from a scenario, each counted by STV and by block vote")
        HTMLSections.facts(&html, [
            ("Scenario", file ?? "fitted (not saved: --save-fit FILE keeps it)"), ("Trials", NumberFormatting.grouped(Int64(result.trials))),
            ("Voters per trial", NumberFormatting.grouped(Int64(votersPerTrial))), ("Seats", String(scenario.seats) + (scenario.sections.count > 1 ? " in \(scenario.sections.count) regions" : "")),
            ("STV rule", result.rule.title), ("Seed", String(result.seed)),
        ])
        HTMLSections.heading(&html, level: level + 1, "Summary")
        html.element("div", [("class", "summary")]) { box in
            box.element("p", "Most frequent result (\(result.groups.joined(separator: " / "))):")
            for headline in headlines { box.element("p", [("class", "headline")], headline + ".") }
            for summary in result.methods {
                box.element("p", "\(methodName(summary.method)): one slate won every seat in \(shareOfTrials(summary.sweeps)) of trials.")
            }
            box.element("p", SimulationReport.intervalNote)
            if let file {
                box.element("p", "Trial k is the electorate `tally generate \(file) --seed \(result.seed) --trial k` writes, so any trial can be counted again in full.")
            }
        }
        assumptions(&html, level: level + 1)
        for summary in result.methods { histogram(&html, summary, level: level + 1) }
        HTMLSections.heading(&html, level: level + 1, "Seats per slate and measures")
        for summary in result.methods {
            let rows = result.groups.indices.map { group in
                let distribution = summary.seats[group]
                return [result.groups[group], NumberFormatting.percentage(result.firstPreferences[group], of: totalFirstPreferences) + "%",
                        distribution.mean.description, String(distribution.percentile(5)), String(distribution.percentile(50)), String(distribution.percentile(95))]
            }
            HTMLSections.table(&html, caption: "\(methodName(summary.method)): seats per slate, mean and percentiles across trials", columns: [
                .init("Slate"), .init("First preferences", numeric: true), .init("Mean seats", numeric: true),
                .init("5%", numeric: true), .init("50%", numeric: true), .init("95%", numeric: true),
            ], rows: rows)
        }
        HTMLSections.table(&html, caption: "Measures", columns: [.init("Measure")] + result.methods.map { .init(methodName($0.method), numeric: true) }, rows: [
            ["Clean sweep: one slate wins every seat"] + result.methods.map { shareOfTrials($0.sweeps) },
            ["Gallagher index, mean (points)"] + result.methods.map(\.meanGallagher.description),
            ["Loosemore–Hanby index, mean (points)"] + result.methods.map(\.meanLoosemoreHanby.description),
        ])
        HTMLSections.heading(&html, level: level + 1, "How often each candidate was elected")
        let slateOf = scenario.slateOfCandidate
        let regional = scenario.sections.count > 1
        let candidateRows = scenario.candidates.indices.map { index in
            [scenario.candidates[index].name, slateOf[index].map { scenario.slates[$0].name } ?? "(independent)"]
                + (regional ? [scenario.sections[scenario.candidates[index].section].name] : [])
                + result.methods.map { shareOfTrials($0.timesElected[index]) }
        }
        HTMLSections.table(&html, caption: "Share of trials in which each candidate was elected", columns: [.init("Candidate"), .init("Slate")] + (regional ? [.init("Region")] : [])
            + result.methods.map { .init(methodName($0.method), numeric: true) }, rows: candidateRows)
    }

    /// What the scenario assumes, beside the results it gives.
    private func assumptions(_ html: inout HTMLText, level: Int) {
        HTMLSections.heading(&html, level: level, "What the scenario assumes")
        html.element("ul", [("class", "plain")]) { list in
            list.element("li", "Each trial's electorate is counted by STV (\(result.rule.rawValue)) and by block vote on each ballot's first N preferences (N = seats).\(minimumsText)")
            for source in scenario.sources { list.element("li", "Source: " + source) }
            for assumption in scenario.assumptions { list.element("li", "Assumed: " + assumption) }
        }
        let totalVoters = result.votersByBloc.reduce(0, +)
        HTMLSections.table(&html, caption: "Voting blocs: the share the scenario sets, and the share drawn over all trials", columns: [
            .init("Bloc"), .init("Share set", numeric: true), .init("Share drawn", numeric: true),
        ], rows: scenario.blocs.indices.map { index in
            [scenario.blocs[index].name, scenario.blocs[index].share.description, percent(result.votersByBloc[index], of: totalVoters) + "%"]
        })
    }

    /// For one method, each slate's seats across trials: a histogram and its table.
    private func histogram(_ html: inout HTMLText, _ summary: SimulationResult.MethodSummary, level: Int) {
        HTMLSections.heading(&html, level: level, "\(methodName(summary.method)): seats per slate across trials")
        // The seat numbers some slate won in some trial.
        let most = summary.seats.map { distribution in distribution.trialsWith.lastIndex { $0 > 0 } ?? 0 }.max() ?? 0
        let seatCounts = (0...most).filter { seats in summary.seats.contains { seats < $0.trialsWith.count && $0.trialsWith[seats] > 0 } }
        // Each slate's panel spans the seat numbers it won in some trial; the table has them all.
        let panels = result.groups.indices.map { group in
            let trialsWith = summary.seats[group].trialsWith
            let first = trialsWith.firstIndex { $0 > 0 } ?? 0, last = trialsWith.lastIndex { $0 > 0 } ?? 0
            return BarChart.Panel(title: result.groups[group], bars: (first...last).map { seats in
                let trials = trialsWith[seats]
                return BarChart.Bar(label: "\(seats) seat\(seats == 1 ? "" : "s")", length: Double(trials), figure: percent(trials, of: result.trials) + "%", style: .series(group))
            })
        }
        html.element("figure") { figure in
            BarChart(
                title: "\(methodName(summary.method)): how many seats each slate won, across \(result.trials) trials",
                description: "For each slate, a bar for each number of seats it won in some trial: the share of trials in which it won that many. The figures are in the table below.",
                axisLabel: "share of trials", panels: panels, columns: 2
            ).render(into: &figure)
        }
        let rows = seatCounts.map { seats in
            [String(seats)] + result.groups.indices.map { group in
                percent(seats < summary.seats[group].trialsWith.count ? summary.seats[group].trialsWith[seats] : 0, of: result.trials) + "%"
            }
        }
        HTMLSections.table(&html, caption: "Share of trials in which each slate won each number of seats (\(methodName(summary.method))); numbers of seats no slate won in any trial are left out",
                           columns: [.init("Seats", numeric: true)] + result.groups.map { .init($0, numeric: true) }, rows: rows)
    }
}

extension CalibrationReport {
    /// The calibration and the simulation after it, as a self-contained HTML document.
    public func html() -> String {
        HTMLPage.document(title: "Calibration and simulation: \(fit.scenario.title)") { html in
            HTMLSections.heading(&html, level: 1, "Calibration to \(totalsFile)")
            html.element("p", "\(fit.rounds) rounds of adjustment on \(NumberFormatting.grouped(Int64(fit.fitVoters))) voters; the check is one electorate of \(NumberFormatting.grouped(Int64(fit.scenario.voters))) voters with the fitted parameters. Many different electorates give the same block-vote totals: the fit finds one of them, and the simulation below shows what electorates like it do.")
            HTMLSections.table(&html, caption: "Published block-vote totals against the fitted scenario", columns: [
                .init("Candidate"), .init("Published", numeric: true), .init("Simulated", numeric: true), .init("Error", numeric: true),
            ], rows: fit.candidates.map { candidate in
                [candidate.name, NumberFormatting.grouped(candidate.published), NumberFormatting.grouped(candidate.simulated),
                 NumberFormatting.grouped(DecimalValue(units: candidate.errorBasisPoints, places: 2), signed: true) + "%"]
            })
            html.element("p", [("class", "warning")], "Caution: " + CalibrationReport.caveat)
            if let sensitivity {
                HTMLSections.table(&html, caption: "Sensitivity: the STV answer with the assumptions the fit cannot test varied (\(simulation.result.groups.joined(separator: " / ")))",
                                   columns: CalibrationReport.sensitivityColumns.map { .init($0) }, rows: sensitivityRows(sensitivity))
            }
            simulation.body(&html, level: 2)
        }
    }
}
