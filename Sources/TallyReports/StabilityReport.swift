import TallyArithmetic
import TallyCounting
import TallySimulation

/// Renders how stable a result is under bootstrap resampling: the share of resamples electing
/// each candidate and electing the same winners, each with its 95% interval.
public struct StabilityReport: ResultSheet {
    public let resampling: Resampling
    /// The count's winners.
    public let elected: [Int]
    public let source: ReportSource

    public init(resampling: Resampling, elected: [Int], source: ReportSource) {
        self.resampling = resampling
        self.elected = elected
        self.source = source
    }

    func share(_ part: Int) -> String {
        NumberFormatting.percentage(Int64(part), of: Int64(resampling.resamples)) + "% ("
            + ShareInterval(successes: part, trials: resampling.resamples).percentText + ")"
    }

    /// Standing candidates: those elected in the count or in some resample, most often first.
    var shown: [Int] {
        source.profile.candidates.indices.filter { elected.contains($0) || resampling.timesElected[$0] > 0 }
            .sorted { (resampling.timesElected[$0], $1) > (resampling.timesElected[$1], $0) }
    }

    public func text() -> String {
        var output = TextWrap.lines("Stability under resampling: \(NumberFormatting.grouped(Int64(resampling.resamples))) bootstrap resamples (seed \(resampling.seed)): each draws as many ballots as were counted, with replacement, from the ballots counted, and is counted again the same way.", indent: "", hanging: 2)
        output += TextWrap.lines("The same winners: \(share(resampling.unchanged)) of resamples.", indent: "", hanging: 2) + "\n"
        var table = TextTable(columns: [.init("Candidate"), .init("In the count"), .init("Elected in resamples", .right)])
        for candidate in shown {
            table.append([source.name(candidate), elected.contains(candidate) ? "elected" : "", share(resampling.timesElected[candidate])])
        }
        output += table.rendered()
        output += "\n" + TextWrap.lines("Shares with 95% Wilson score intervals (docs/scenarios.md). Resampling shows how much the result depends on which voters happened to vote: the same count on slightly different ballots from the same electorate.", indent: "", hanging: 0)
        return output
    }

    public func json() -> JSONValue {
        func interval(_ part: Int) -> JSONValue {
            let interval = ShareInterval(successes: part, trials: resampling.resamples)
            return .array([interval.lowBasisPoints, interval.highBasisPoints].map { .decimal(DecimalValue(units: Int64($0), places: 2).description) })
        }
        return .object([
            ("resamples", .integer(Int64(resampling.resamples))),
            ("seed", .string(String(resampling.seed))),
            ("same_winners", .integer(Int64(resampling.unchanged))),
            ("same_winners_interval", interval(resampling.unchanged)),
            ("candidates", .array(shown.map { candidate in
                .object([
                    ("name", .string(source.name(candidate))),
                    ("elected_in_count", .bool(elected.contains(candidate))),
                    ("resamples_elected", .integer(Int64(resampling.timesElected[candidate]))),
                    ("interval", interval(resampling.timesElected[candidate])),
                ])
            })),
        ])
    }

    public func csv() -> String {
        var writer = CSVWriter(header: ["candidate", "elected_in_count", "resamples_elected", "resamples"])
        for candidate in shown {
            writer.append([source.name(candidate), elected.contains(candidate) ? "yes" : "no", String(resampling.timesElected[candidate]), String(resampling.resamples)])
        }
        return writer.text
    }

}
