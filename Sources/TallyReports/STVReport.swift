import TallyArithmetic
import TallyCounting
import TallyModel

/// Renders an STV record: an ERS-style result sheet (text), the full record (JSON), or one row
/// per candidate per stage (CSV).
public struct STVReport: ResultSheet {
    public let record: STVRecord
    public let source: ReportSource
    /// The widest line the text sheet may use.
    public var width = 100

    public init(record: STVRecord, source: ReportSource) {
        self.record = record
        self.source = source
    }

    private var profile: BallotProfile { source.profile }
    private var places: Int { record.rule.places }

    // MARK: Text

    public func text() -> String {
        var output = TextWrap.lines("STV: \(source.heading)", indent: "", hanging: 2)
        output += "Rule: \(record.rule.title)\n"
        output += "Arithmetic: \(record.rule.arithmetic)\n"
        output += TextWrap.lines("Seats \(record.seats) · valid votes \(NumberFormatting.grouped(record.validVotes)) · invalid ballots \(NumberFormatting.grouped(record.invalidBallots)) · quota \(NumberFormatting.grouped(record.quota))", indent: "", hanging: 2)
        let layout = Layout(name: nameColumnWidth, figure: figureWidth)
        for page in pages(layout) { output += "\n" + sheet(stages: page, layout: layout) }
        output += "\n" + stageNotes()
        output += "\n" + TextWrap.lines("Elected, in order: " + record.elected.enumerated().map { "\($0.offset + 1). \(source.name($0.element))" }.joined(separator: "; "))
        if !record.minimums.isEmpty {
            let tallies = record.minimums.map { minimum in
                "\(minimum) — \(record.elected.filter { profile.candidates[$0].categories.contains(minimum.category) }.count) elected"
            }
            output += TextWrap.lines("Minimums (guard and doom, counting-rules §5): " + tallies.joined(separator: "; ") + ".")
        }
        output += "\n" + ballotAccount()
        output += TextWrap.tail(
            irregularities: IrregularitySection.text(profile.irregularities),
            ties: record.ties.map { TieSection.sentence($0, source: source) }, seed: record.seed
        )
        return output
    }

    /// Column widths, worked out once for the whole sheet.
    private struct Layout {
        let name: Int
        let figure: Int
        /// Each stage: a transfer column and a total column.
        var stage: Int { 2 * (figure + 1) + 2 }
    }

    /// The stage columns, split into pages that fit `width`.
    private func pages(_ layout: Layout) -> [[Int]] {
        let perPage = max(1, (width - layout.name) / layout.stage)
        return stride(from: 0, to: record.stages.count, by: perPage).map { Array($0..<min($0 + perPage, record.stages.count)) }
    }

    private var nameColumnWidth: Int {
        min(30, max(24, (profile.candidates.map(\.name.count).max() ?? 0) + 2))
    }

    /// Each stage: a transfer column and a total column.
    private var figureWidth: Int {
        // Signed, every figure but 0 takes a sign, so the widest is the one of largest magnitude.
        var largest: UInt64 = 0
        for stage in record.stages {
            for units in stage.votes.units { largest = max(largest, units.magnitude) }
            for units in stage.transfers.units { largest = max(largest, units.magnitude) }
        }
        let widest = record.stages.isEmpty ? 8 : NumberFormatting.grouped(DecimalValue(units: Int64(largest), places: places), signed: true).count
        return max(widest, NumberFormatting.grouped(record.validVotes).count, 9)
    }

    private func sheet(stages indices: [Int], layout: Layout) -> String {
        let nameWidth = layout.name
        let column = layout.figure
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
            let space = String(repeating: " ", count: max(0, width - text.count))
            return right ? space + text : text + space
        }
        func stageCell(_ left: String, _ right: String) -> String { "  " + pad(left, column + 1) + pad(right, column + 1) }

        var lines = ["", "", ""]
        for index in indices {
            let stage = record.stages[index]
            let label = heading(for: stage)
            let wrapped = TextWrap.split(label, width: 2 * column + 1)
            for row in 0..<3 {
                let text = row < wrapped.count ? wrapped[row] : ""
                lines[row] += "  " + pad(text, 2 * column + 2, right: false)
            }
        }
        var output = ""
        for (row, line) in lines.enumerated() where row < 2 || !line.trimmingTrailingSpaces().isEmpty {
            output += (pad("", nameWidth, right: false) + line).trimmingTrailingSpaces() + "\n"
        }
        output += pad("Candidate", nameWidth, right: false) + indices.map { _ in stageCell("Transfer", "Total") }.joined() + "\n"

        func row(_ name: String, _ cells: (STVStage, Int) -> (String, String)) -> String {
            var line = pad(String(name.prefix(nameWidth - 1)), nameWidth, right: false)
            for index in indices {
                let (transfer, total) = cells(record.stages[index], index)
                line += stageCell(transfer, total)
            }
            return line.trimmingTrailingSpaces() + "\n"
        }
        for candidate in profile.candidates.indices where !profile.withdrawn.contains(candidate) {
            output += row(profile.candidates[candidate].name) { stage, index in
                let previous = index > 0 ? record.stages[index - 1].status[candidate] : .continuing
                if previous == .excluded { return ("", "") }
                let transfer = index == 0 || stage.transfers[candidate].units == 0 ? "" : NumberFormatting.grouped(stage.transfers[candidate], signed: true)
                var total = NumberFormatting.grouped(stage.votes[candidate])
                if stage.elected.contains(candidate) { total = "*" + total }
                if stage.excluded.contains(candidate) { total = "–" }
                return (transfer, total)
            }
        }
        func change(_ figure: (STVStage) -> DecimalValue, _ stage: STVStage, _ index: Int) -> String {
            guard index > 0 else { return "" }
            let difference = figure(stage).units - figure(record.stages[index - 1]).units
            return difference == 0 ? "" : NumberFormatting.grouped(DecimalValue(units: difference, places: places), signed: true)
        }
        output += row("Exhausted") { stage, index in (change(\.exhausted, stage, index), NumberFormatting.grouped(stage.exhausted)) }
        output += row("Lost to rounding") { stage, index in (change(\.lostToRounding, stage, index), NumberFormatting.grouped(stage.lostToRounding)) }
        output += row("Non-transferable") { stage, index in (change(\.nonTransferable, stage, index), NumberFormatting.grouped(stage.nonTransferable)) }
        output += row("Total") { stage, _ in
            let sum = stage.votes.reduce(stage.nonTransferable.units) { $0 + $1.units }
            return ("", NumberFormatting.grouped(DecimalValue(units: sum, places: places)))
        }
        output += row("Quota") { stage, index in
            (index > 0 && stage.quota != record.stages[index - 1].quota ? "recalculated" : "", NumberFormatting.grouped(stage.quota))
        }
        return output
    }

    /// "Stage 2: Surplus of Smith", "Stage 5.2: Exclusion of Monk (value 0.21)".
    private func heading(for stage: STVStage) -> String {
        "Stage \(stage.label): " + describe(stage.event)
    }

    private func describe(_ event: STVEvent) -> String {
        switch event {
        case .firstPreferences: return "First preferences"
        case let .surplus(transfer): return "Surplus of \(source.name(transfer.candidate))"
        case let .exclusion(candidates, batch):
            let names = source.names(candidates)
            guard let batch, batch.of > 1 else { return "Exclusion of \(names)" }
            return "Exclusion of \(names), papers at \(batch.value)"
        case .remainingElected: return "Remaining candidates elected"
        case let .meekRound(iterations, _): return "Round of \(iterations) iterations"
        }
    }

    /// One line per stage saying what moved and why, with the stage's notes.
    private func stageNotes() -> String {
        var output = ""
        for stage in record.stages {
            var text = "Stage \(stage.label): "
            switch stage.event {
            case .firstPreferences:
                text += "first preferences."
            case let .surplus(transfer):
                text += "surplus of \(source.name(transfer.candidate)), \(NumberFormatting.grouped(transfer.surplus)); "
                text += transfer.lastParcelOnly ? "last parcel examined" : "all papers examined"
                text += " (\(NumberFormatting.grouped(transfer.papersExamined)) papers, \(NumberFormatting.grouped(transfer.transferablePapers)) transferable); "
                if transfer.atCurrentValue {
                    text += "transferred at their current value."
                } else {
                    let values = transfer.transferValues.map(\.description).joined(separator: ", ")
                    text += "transfer value\(transfer.transferValues.count == 1 ? "" : "s") \(values)."
                }
            case let .exclusion(candidates, batch):
                text += "exclusion of \(source.names(candidates))"
                if let batch { text += "; papers at value \(batch.value) (\(NumberFormatting.grouped(batch.papers)) papers)" + (batch.of > 1 ? ", batch \(batch.number) of \(batch.of)" : "") }
                text += "."
            case .remainingElected:
                text += "the continuing candidates equal the places left."
            case let .meekRound(iterations, converged):
                text += "\(iterations) iterations\(converged ? "" : " (stopped: surplus no longer falling)")."
            }
            if !stage.elected.isEmpty { text += " Elected: \(source.names(stage.elected))." }
            let label = stage.label
            for event in record.constraintEvents where event.stage == label { text += " " + sentence(event) }
            for note in stage.notes { text += " " + note }
            output += TextWrap.lines(text, width: width)
        }
        return output
    }

    /// A guard/doom intervention in plain words.
    func sentence(_ event: ConstraintEvent) -> String {
        let name = source.name(event.candidate)
        switch event.kind {
        case .doomed: return "Excluded: \(name) — \(event.reason)."
        case .notElected: return "\(name) reaches the threshold but is not elected — \(event.reason)."
        case .guarded: return "\(name) is kept (\(event.reason)); \(event.instead.map(source.name) ?? "another") is excluded instead."
        }
    }

    private func ballotAccount() -> String {
        var table = TextTable(columns: [.init("Ballots"), .init("Number", .right), .init("Where")])
        table.append(["read", NumberFormatting.grouped(record.ballotsRead), ""])
        table.append(["invalid when read (see below)", NumberFormatting.grouped(record.invalidAtReading), ""])
        let equalFirst = record.equalFirstPreferences
        table.append(["invalid: first rank holds several candidates", NumberFormatting.grouped(equalFirst.ballots), NumberFormatting.lines(equalFirst.firstLines, total: equalFirst.firstLines.count)])
        let cut = record.cutAtEqualRanking
        table.append(["counted up to an equal ranking", NumberFormatting.grouped(cut.ballots), NumberFormatting.lines(cut.firstLines, total: cut.firstLines.count)])
        table.append(["valid", NumberFormatting.grouped(record.validBallots), ""])
        return table.rendered() + "\n"
    }

}
