import TallyArithmetic
import TallySimulation

/// Renders a calibration: how closely the fitted scenario reproduces the published block-vote
/// totals, the fitted parameters, then the simulation of electorates like it.
public struct CalibrationReport: ResultSheet {
    public let fit: BlockTotalsFit
    /// The published totals file, as given.
    public let totalsFile: String
    public let simulation: SimulationReport

    public init(fit: BlockTotalsFit, totalsFile: String, simulation: SimulationReport) {
        self.fit = fit
        self.totalsFile = totalsFile
        self.simulation = simulation
    }

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
