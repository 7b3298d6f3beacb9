import TallyArithmetic
import TallyCounting
import TallySimulation

/// Renders a simulation: seats per slate under each method against first preferences, clean
/// sweeps, disproportionality, the most frequent splits, and how often each candidate won.
public struct SimulationReport: ResultSheet {
    public let result: SimulationResult
    /// The scenario file, as given; nil for a scenario that exists only in memory (fitted and
    /// not saved).
    public let file: String?
    /// Voters drawn per trial.
    public var votersPerTrial: Int { result.scenario.voters }

    public init(result: SimulationResult, file: String?) {
        self.result = result
        self.file = file
    }

    var totalFirstPreferences: Int64 { result.firstPreferences.reduce(0, +) }
    func percent(_ part: Int, of whole: Int) -> String { NumberFormatting.percentage(Int64(part), of: Int64(whole)) }
    /// A share of trials with its 95% Wilson interval: "89.00% (85–93%)".
    func shareOfTrials(_ part: Int) -> String {
        percent(part, of: result.trials) + "% (" + ShareInterval(successes: part, trials: result.trials).percentText + ")"
    }
    /// One line per method: its most frequent split and how often it came, with its interval.
    var headlines: [String] {
        result.methods.compactMap { summary in
            summary.splits.first.map { "\(methodName(summary.method)): \($0.seats.map(String.init).joined(separator: "/")) in \(shareOfTrials($0.trials)) of trials" }
        }
    }
    /// Where the intervals come from.
    static let intervalNote = "Shares of trials are given with 95% Wilson score intervals (docs/scenarios.md): how far the share could be from what unlimited trials of this scenario would give."
    func methodName(_ method: SimulatedMethod) -> String { method == .stv ? "STV (\(result.rule.rawValue))" : "Block vote" }
    var scenario: Scenario { result.scenario }

    /// How each method applies the scenario's minimums, in words ("" when there are none).
    var minimumsText: String {
        let sections = scenario.sections.filter { !$0.minimums.isEmpty }
        guard !sections.isEmpty else { return "" }
        if scenario.sections.count == 1 {
            return " Minimums: \(sections[0].minimums.map(\.description).joined(separator: ", ")) (STV by guard and doom, block vote by displacement)."
        }
        return " Minimums per region as the scenario gives them (STV by guard and doom, block vote by displacement)."
    }

    public func text() -> String {
        var output = TextWrap.lines("Simulation: \(scenario.title)", indent: "", hanging: 2)
        output += TextWrap.lines("Scenario: \(file ?? "fitted as above (not saved: --save-fit FILE keeps it)")", indent: "", hanging: 2)
        for source in scenario.sources { output += TextWrap.lines("Source: " + source) }
        for assumption in scenario.assumptions { output += TextWrap.lines("Assumed: " + assumption) }
        output += "\n"
        let regions = scenario.sections.count > 1 ? " in \(scenario.sections.count) regions, each counted separately" : ""
        output += TextWrap.lines(
            "\(NumberFormatting.grouped(Int64(result.trials))) trials of \(NumberFormatting.grouped(Int64(votersPerTrial))) voters; \(scenario.seats) seats\(regions). Each trial's electorate is counted by STV (\(result.rule.rawValue)) and by block vote on each ballot's first N preferences (N = seats).\(minimumsText) Seed \(result.seed)\(file.map { ": trial k is `tally generate \($0) --seed \(result.seed) --trial k`" } ?? "").",
            indent: "", hanging: 0
        ) + "\n"
        output += TextWrap.lines("Most frequent result (\(result.groups.joined(separator: " / "))):", indent: "", hanging: 2)
        for headline in headlines { output += TextWrap.lines(headline) }
        output += "\n"

        var columns: [TextTable.Column] = [.init("Seats per slate"), .init("First prefs", .right)]
        for method in SimulatedMethod.allCases {
            let name = method == .stv ? "STV" : "Block"
            columns += [.init("\(name) mean", .right), .init("5%", .right), .init("50%", .right), .init("95%", .right)]
        }
        var seats = TextTable(columns: columns)
        for (group, name) in result.groups.enumerated() {
            var row = [name, NumberFormatting.percentage(result.firstPreferences[group], of: totalFirstPreferences) + "%"]
            for summary in result.methods {
                let distribution = summary.seats[group]
                row += [distribution.mean.description, String(distribution.percentile(5)), String(distribution.percentile(50)), String(distribution.percentile(95))]
            }
            seats.append(row)
        }
        output += seats.rendered() + "\n"

        var measures = TextTable(columns: [.init("Measure")] + result.methods.map { .init(methodName($0.method), .right) })
        measures.append(["Clean sweep: one slate wins every seat"] + result.methods.map { shareOfTrials($0.sweeps) })
        measures.append(["Gallagher index, mean (points)"] + result.methods.map(\.meanGallagher.description))
        measures.append(["Loosemore–Hanby index, mean (points)"] + result.methods.map(\.meanLoosemoreHanby.description))
        output += measures.rendered() + "\n"

        output += TextWrap.lines("Most frequent splits (\(result.groups.joined(separator: " / "))):", indent: "", hanging: 2)
        for summary in result.methods {
            let splits = summary.splits.prefix(4).map { "\($0.seats.map(String.init).joined(separator: "/")) in \(shareOfTrials($0.trials))" }
            output += TextWrap.lines("\(methodName(summary.method)): " + splits.joined(separator: "; ") + (summary.splits.count > 4 ? "; …" : ""))
        }
        output += "\n"

        let slateOf = scenario.slateOfCandidate
        var candidates = TextTable(columns: [.init("Candidate"), .init("Slate")] + (scenario.sections.count > 1 ? [.init("Region")] : []) + result.methods.map { .init(methodName($0.method), .right) })
        for (index, candidate) in scenario.candidates.enumerated() {
            let region = scenario.sections.count > 1 ? [scenario.sections[candidate.section].name] : []
            candidates.append([candidate.name, slateOf[index].map { scenario.slates[$0].name } ?? "(independent)"] + region + result.methods.map { shareOfTrials($0.timesElected[index]) })
        }
        output += "Share of trials in which each candidate was elected:\n" + candidates.rendered() + "\n"

        let totalVoters = result.votersByBloc.reduce(0, +)
        var blocs = TextTable(columns: [.init("Bloc"), .init("Share set", .right), .init("Share drawn", .right)])
        for (index, bloc) in scenario.blocs.enumerated() {
            blocs.append([bloc.name, bloc.share.description, percent(result.votersByBloc[index], of: totalVoters) + "%"])
        }
        output += "Voters drawn by bloc (over all trials):\n" + blocs.rendered()
        output += "\n" + TextWrap.lines(SimulationReport.intervalNote, indent: "", hanging: 0)
        return output
    }

    public func json() -> JSONValue {
        func share(_ part: Int, _ whole: Int) -> JSONValue { .decimal(percent(part, of: whole)) }
        func interval(_ part: Int) -> JSONValue {
            let interval = ShareInterval(successes: part, trials: result.trials)
            return .array([interval.lowBasisPoints, interval.highBasisPoints].map { .decimal(DecimalValue(units: Int64($0), places: 2).description) })
        }
        let groups: [JSONValue] = result.groups.indices.map { group in
            .object([
                ("name", .string(result.groups[group])),
                ("first_preferences", .integer(result.firstPreferences[group])),
                ("first_preference_share", .decimal(NumberFormatting.percentage(result.firstPreferences[group], of: totalFirstPreferences))),
            ])
        }
        let methods: [(String, JSONValue)] = result.methods.map { summary in
            let seats: [JSONValue] = result.groups.indices.map { group in
                let distribution = summary.seats[group]
                return .object([
                    ("slate", .string(result.groups[group])),
                    ("mean", .decimal(distribution.mean.description)),
                    ("p5", .integer(Int64(distribution.percentile(5)))),
                    ("p50", .integer(Int64(distribution.percentile(50)))),
                    ("p95", .integer(Int64(distribution.percentile(95)))),
                    ("trials_with_seats", .array(distribution.trialsWith.map { .integer(Int64($0)) })),
                ])
            }
            let candidates: [JSONValue] = scenario.candidates.indices.map { index in
                .object([
                    ("name", .string(scenario.candidates[index].name)),
                    ("trials_elected", .integer(Int64(summary.timesElected[index]))),
                    ("share_elected", share(summary.timesElected[index], result.trials)),
                    ("share_elected_interval", interval(summary.timesElected[index])),
                ])
            }
            return (summary.method.rawValue, .object([
                ("method", .string(summary.method == .stv ? "stv-" + result.rule.rawValue : "block")),
                ("seats", .array(seats)),
                ("clean_sweeps", .integer(Int64(summary.sweeps))),
                ("clean_sweep_share", share(summary.sweeps, result.trials)),
                ("clean_sweep_interval", interval(summary.sweeps)),
                ("mean_gallagher", .decimal(summary.meanGallagher.description)),
                ("mean_loosemore_hanby", .decimal(summary.meanLoosemoreHanby.description)),
                ("splits", .array(summary.splits.map {
                    .object([("seats", .array($0.seats.map { .integer(Int64($0)) })), ("trials", .integer(Int64($0.trials))),
                             ("share", share($0.trials, result.trials)), ("interval", interval($0.trials))])
                })),
                ("candidates", .array(candidates)),
            ]))
        }
        let totalVoters = result.votersByBloc.reduce(0, +)
        return .object([
            ("scenario", .optional(file)),
            ("title", .string(scenario.title)),
            ("sources", .array(scenario.sources.map(JSONValue.string))),
            ("assumptions", .array(scenario.assumptions.map(JSONValue.string))),
            ("trials", .integer(Int64(result.trials))),
            ("seed", .string(String(result.seed))),
            ("voters_per_trial", .integer(Int64(votersPerTrial))),
            ("seats", .integer(Int64(scenario.seats))),
            ("regions", .array(scenario.sections.count > 1 ? scenario.sections.map { .object([("name", .string($0.name)), ("seats", .integer(Int64($0.seats))), ("voters", .integer(Int64($0.voters)))]) } : [])),
            ("slates", .array(groups)),
            ("blocs", .array(scenario.blocs.indices.map { index in
                .object([("name", .string(scenario.blocs[index].name)), ("share", .decimal(scenario.blocs[index].share.description)), ("voters_drawn", .integer(Int64(result.votersByBloc[index]))), ("share_drawn", share(result.votersByBloc[index], totalVoters))])
            })),
            ("methods", .object(methods)),
        ])
    }

    /// One row per slate and method, one per measure and method, one per candidate and method.
    public func csv() -> String {
        var writer = CSVWriter(header: ["method", "kind", "name", "mean_seats", "p5", "p50", "p95", "percent"])
        for summary in result.methods {
            let method = summary.method.rawValue
            for (group, name) in result.groups.enumerated() {
                let distribution = summary.seats[group]
                writer.append([method, "slate", name, distribution.mean.description, String(distribution.percentile(5)), String(distribution.percentile(50)), String(distribution.percentile(95)), NumberFormatting.percentage(result.firstPreferences[group], of: totalFirstPreferences)])
            }
            writer.append([method, "measure", "clean_sweep", "", "", "", "", percent(summary.sweeps, of: result.trials)])
            writer.append([method, "measure", "mean_gallagher", "", "", "", "", summary.meanGallagher.description])
            writer.append([method, "measure", "mean_loosemore_hanby", "", "", "", "", summary.meanLoosemoreHanby.description])
            for (index, candidate) in scenario.candidates.enumerated() {
                writer.append([method, "candidate", candidate.name, "", "", "", "", percent(summary.timesElected[index], of: result.trials)])
            }
        }
        return writer.text
    }
}
