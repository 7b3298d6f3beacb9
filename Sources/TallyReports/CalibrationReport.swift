import TallyArithmetic
import TallySimulation

/// Renders a calibration: how closely the fitted scenario reproduces the published block-vote
/// totals, the fitted parameters, then the simulation of electorates like it.
public struct CalibrationReport: ResultSheet {
    public let fit: BlockTotalsFit
    /// The published totals file, as given.
    public let totalsFile: String
    public let simulation: SimulationReport
    /// The STV answer with loyalty, discipline and ballot length varied; nil when not run.
    public let sensitivity: FitSensitivity?

    public init(fit: BlockTotalsFit, totalsFile: String, simulation: SimulationReport, sensitivity: FitSensitivity? = nil) {
        self.fit = fit
        self.totalsFile = totalsFile
        self.simulation = simulation
        self.sensitivity = sensitivity
    }

    /// What the fit cannot know, said where the result is read.
    static let caveat = "Many different electorates give the same block-vote totals: the fit finds one of them, moving only bloc shares, cohesion and popularity. Loyalty, discipline and ballot length are assumptions the totals cannot test; the sensitivity table below shows how the STV answer moves with them."

    /// One row per variation (and the fitted scenario first): the most frequent STV split with
    /// its share of trials, and STV's mean seats per slate.
    func sensitivityRows(_ sensitivity: FitSensitivity) -> [[String]] {
        func row(_ parameter: String, _ value: String, _ result: SimulationResult) -> [String] {
            let report = SimulationReport(result: result, file: nil)
            let stv = result.methods.first { $0.method == .stv }
            let split = stv?.splits.first.map { "\($0.seats.map(String.init).joined(separator: "/")) in \(report.shareOfTrials($0.trials))" } ?? ""
            let means = stv.map { $0.seats.map(\.mean.description).joined(separator: " / ") } ?? ""
            return [parameter, value, String(result.trials), split, means]
        }
        return [row("as fitted", "", simulation.result)] + sensitivity.variants.map { row($0.parameter, $0.value, $0.result) }
    }

    static let sensitivityColumns = ["Parameter (slate blocs)", "Value", "Trials", "STV: most frequent split", "STV mean seats"]

    /// Hundredths of a percent as a percentage: `-123` → `-1.23`.
    private func percent(_ basisPoints: Int64) -> DecimalValue { DecimalValue(units: basisPoints, places: 2) }

    private var largestError: Int64 { fit.candidates.map(\.errorBasisPoints.magnitude).max().map(Int64.init) ?? 0 }

    public func text() -> String {
        let scenario = fit.scenario
        var output = TextWrap.lines("Calibration to the block-vote totals in \(totalsFile)", indent: "", hanging: 2)
        output += TextWrap.lines(
            "\(fit.rounds) rounds of adjustment on \(NumberFormatting.grouped(Int64(fit.fitVoters))) voters; the check below is one electorate of \(NumberFormatting.grouped(Int64(scenario.voters))) voters with the fitted parameters. Largest error \(percent(largestError))%.",
            indent: "", hanging: 0
        ) + "\n"
        var table = TextTable(columns: [.init("Candidate"), .init("Published", .right), .init("Simulated", .right), .init("Error", .right), .init("Popularity", .right)])
        for (index, candidate) in fit.candidates.enumerated() {
            table.append([candidate.name, NumberFormatting.grouped(candidate.published), NumberFormatting.grouped(candidate.simulated), NumberFormatting.grouped(percent(candidate.errorBasisPoints), signed: true) + "%", Chance.decimal(scenario.candidates[index].popularity)])
        }
        output += table.rendered() + "\n"
        var blocs = TextTable(columns: [.init("Fitted bloc"), .init("Share", .right), .init("Cohesion", .right), .init("Loyalty", .right), .init("Discipline", .right)])
        for bloc in scenario.blocs {
            let slate = bloc.slate != nil
            blocs.append([bloc.name, bloc.share.description, slate ? bloc.cohesion.description : "–", slate ? bloc.loyalty.description : "–", slate ? bloc.discipline.description : "–"])
        }
        output += blocs.rendered() + "\n"
        output += TextWrap.lines("Caution: " + CalibrationReport.caveat, indent: "", hanging: 2) + "\n"
        if let sensitivity {
            var table = TextTable(columns: CalibrationReport.sensitivityColumns.enumerated().map { .init($0.element, $0.offset == 2 ? .right : .left) })
            for row in sensitivityRows(sensitivity) { table.append(row) }
            output += TextWrap.lines("Sensitivity (\(simulation.result.groups.joined(separator: " / "))):", indent: "", hanging: 2) + table.rendered() + "\n"
        }
        output += TextWrap.lines("What each method gives on electorates like this one:", indent: "", hanging: 0) + "\n"
        return output + simulation.text()
    }

    public func json() -> JSONValue {
        let scenario = fit.scenario
        return .object([
            ("calibration", .object([
                ("totals", .string(totalsFile)),
                ("rounds", .integer(Int64(fit.rounds))),
                ("fit_voters", .integer(Int64(fit.fitVoters))),
                ("largest_error_percent", .decimal(percent(largestError).description)),
                ("candidates", .array(fit.candidates.enumerated().map { index, candidate in
                    .object([
                        ("name", .string(candidate.name)),
                        ("published", .integer(candidate.published)),
                        ("simulated", .integer(candidate.simulated)),
                        ("error_percent", .decimal(percent(candidate.errorBasisPoints).description)),
                        ("popularity", .decimal(Chance.decimal(scenario.candidates[index].popularity))),
                    ])
                })),
                ("blocs", .array(scenario.blocs.map { bloc in
                    .object([
                        ("name", .string(bloc.name)), ("share", .decimal(bloc.share.description)),
                        ("cohesion", .decimal(bloc.cohesion.description)), ("loyalty", .decimal(bloc.loyalty.description)),
                        ("discipline", .decimal(bloc.discipline.description)),
                    ])
                })),
            ])),
            ("caveat", .string(CalibrationReport.caveat)),
            ("sensitivity", sensitivity.map { sensitivity in
                .array(sensitivityRows(sensitivity).map { row in
                    .object(zip(["parameter", "value", "trials", "stv_most_frequent_split", "stv_mean_seats"], row).map { ($0, JSONValue.string($1)) })
                })
            } ?? .null),
            ("simulation", simulation.json()),
        ])
    }

    /// The fit, one row per candidate, then the simulation's rows.
    public func csv() -> String {
        var writer = CSVWriter(header: ["candidate", "published", "simulated", "error_percent", "popularity"])
        for (index, candidate) in fit.candidates.enumerated() {
            writer.append([candidate.name, String(candidate.published), String(candidate.simulated), percent(candidate.errorBasisPoints).description, Chance.decimal(fit.scenario.candidates[index].popularity)])
        }
        return writer.text + "\n" + simulation.csv()
    }
}
