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
    /// The declaration and whether the seed was chosen.
    public var options = ReportOptions()

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
            ties: record.ties.map { TieSection.sentence($0, source: source) }, seed: record.seed,
            warning: options.lotWarning(record.ties, seed: record.seed)
        )
        return output
    }

    /// The stages in blocks as the text sheet pages them (the HTML report's stage tables too).
    var stagePages: [[Int]] { pages(Layout(name: nameColumnWidth, figure: figureWidth)) }

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

    /// One page of the stage table: the stages `indices`, each a transfer and a total column.
    /// Written as bytes, so that its cost is in proportion to its size.
    private func sheet(stages indices: [Int], layout: Layout) -> String {
        let nameWidth = layout.name
        let column = layout.figure
        var sheet = SheetText()
        // A line per candidate and per total, each the name and two figures a stage wide.
        sheet.reserve((profile.candidates.count + 8) * (nameWidth + indices.count * (2 * column + 4) + 1))

        // Headings: each stage's label wrapped over as many rows as the longest needs (at least two).
        let wrapped = indices.map { TextWrap.split(heading(for: record.stages[$0]), width: 2 * column + 1) }
        for row in 0..<max(2, wrapped.map(\.count).max() ?? 0) {
            sheet.pad(nameWidth)
            for lines in wrapped {
                sheet.pad(2)
                sheet.text(row < lines.count ? lines[row] : "", width: 2 * column + 2, alignRight: false)
            }
            sheet.endLine()
        }
        sheet.text("Candidate", width: nameWidth, alignRight: false)
        for _ in indices {
            sheet.pad(2)
            sheet.text("Transfer", width: column + 1)
            sheet.text("Total", width: column + 1)
        }
        sheet.endLine()

        for candidate in profile.candidates.indices where !profile.withdrawn.contains(candidate) {
            sheet.text(String(profile.candidates[candidate].name.prefix(nameWidth - 1)), width: nameWidth, alignRight: false)
            for index in indices {
                sheet.pad(2)
                guard case let .figures(transfer, total) = stageCell(candidate, at: index) else {
                    sheet.pad(2 * (column + 1))
                    continue
                }
                if let transfer { sheet.figure(transfer, places: places, signed: true, width: column + 1) } else { sheet.pad(column + 1) }
                switch total {
                case .excluded: sheet.text("–", width: column + 1)
                case let .held(units): sheet.text("(" + NumberFormatting.grouped(DecimalValue(units: units, places: places)) + ")", width: column + 1)
                case let .votes(units, elected): sheet.figure(units, places: places, marked: elected, width: column + 1)
                }
            }
            sheet.endLine()
        }
        func row(_ name: String, _ cells: (STVStage, Int) -> (change: Int64?, total: Int64?, note: String?)) {
            sheet.text(name, width: nameWidth, alignRight: false)
            for index in indices {
                let (change, total, note) = cells(record.stages[index], index)
                sheet.pad(2)
                if let note { sheet.text(note, width: column + 1) } else if let change, change != 0 {
                    sheet.figure(change, places: places, signed: true, width: column + 1)
                } else {
                    sheet.pad(column + 1)
                }
                if let total { sheet.figure(total, places: places, width: column + 1) } else { sheet.pad(column + 1) }
            }
            sheet.endLine()
        }
        func change(_ figure: (STVStage) -> DecimalValue, _ stage: STVStage, _ index: Int) -> Int64? {
            index > 0 ? figure(stage).units - figure(record.stages[index - 1]).units : nil
        }
        row("Exhausted") { stage, index in (change(\.exhausted, stage, index), stage.exhausted.units, nil) }
        row("Lost to rounding") { stage, index in (change(\.lostToRounding, stage, index), stage.lostToRounding.units, nil) }
        row("Non-transferable") { stage, index in (change(\.nonTransferable, stage, index), stage.nonTransferable.units, nil) }
        row("Total") { stage, _ in (nil, stage.votes.units.reduce(stage.nonTransferable.units, +), nil) }
        row("Quota") { stage, index in
            (nil, stage.quota.units, index > 0 && stage.quota != record.stages[index - 1].quota ? "recalculated" : nil)
        }
        return sheet.string
    }

    /// A candidate's two cells at one stage of the stage table.
    enum StageCell {
        /// Excluded earlier, with nothing left to move.
        case blank
        /// The transfer (nil: none) and the total.
        case figures(transfer: Int64?, total: StageTotal)
    }

    enum StageTotal {
        case votes(Int64, elected: Bool)
        /// Excluded, every paper gone: "–".
        case excluded
        /// Excluded, with votes not yet transferred (a later batch, or none needed once the
        /// places were filled): "(votes)".
        case held(Int64)
    }

    /// How candidate `candidate` reads at stage `index`, in the text sheet and the HTML report
    /// alike: every figure the record holds for them while they hold votes or move any.
    func stageCell(_ candidate: Int, at index: Int) -> StageCell {
        // Read in place: a copy of the stage would retain and release each of its arrays, and
        // a 300-candidate sheet has 80,000 cells.
        let votes = record.stages[index].votes.units[candidate], transfer = record.stages[index].transfers.units[candidate]
        let excludedBefore = index > 0 && record.stages[index - 1].status[candidate] == .excluded
        if excludedBefore, transfer == 0, votes == 0 { return .blank }
        let change: Int64? = index == 0 || transfer == 0 ? nil : transfer
        if record.stages[index].status[candidate] == .excluded { return .figures(transfer: change, total: votes == 0 ? .excluded : .held(votes)) }
        return .figures(transfer: change, total: .votes(votes, elected: record.stages[index].elected.contains(candidate)))
    }

    /// "Stage 2: Surplus of Smith", "Stage 5.2: Exclusion of Monk (value 0.21)".
    func heading(for stage: STVStage) -> String {
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
        record.stages.indices.map { TextWrap.lines(stageNote($0), width: width) }.joined()
    }

    /// What happened at stage `index`, why, and what it led to, in one paragraph.
    func stageNote(_ index: Int) -> String {
        let stage = record.stages[index]
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
            // Interventions first: a doomed candidate is excluded before anyone is elected.
            for event in record.constraintEvents where event.stage == stage.label { text += " " + sentence(event) }
            if !stage.elected.isEmpty { text += " Elected: \(source.names(stage.elected))." }
            for election in stage.elections where election.isBelowQuota { text += " " + reason(election) }
            for note in stage.notes { text += " " + note }
        return text
    }

    /// Why a candidate was elected, in plain words with the figures that applied and the clause.
    func reason(_ election: STVElection) -> String {
        let name = source.name(election.candidate)
        let votes = NumberFormatting.grouped(election.votes)
        let quota = NumberFormatting.grouped(election.quota)
        let measure = election.isBelowQuota ? "with \(votes) votes, below the quota of \(quota)" : "with \(votes) votes"
        let clause = "\(record.rule.clausePrefix)\(election.clause)"
        switch election.ground {
        case .quota:
            return "\(name) reached the quota of \(quota) with \(votes) votes (\(clause))."
        case let .activeVoteShare(threshold, activeVote, placesLeft):
            let places = placesLeft == 1 ? "1 place" : "\(placesLeft) places"
            return "\(name) was elected \(measure): with \(places) left, the votes still in play — "
                + "\(NumberFormatting.grouped(activeVote)), the continuing candidates' votes and the surpluses not yet transferred "
                + "(the total active vote) — divided by \(placesLeft + 1), one more than the places left, give "
                + "\(NumberFormatting.grouped(threshold)), and \(name)'s votes reached that (\(clause))."
        case let .remainingPlaces(continuing, placesLeft):
            let who = continuing == 1 ? "only 1 candidate was" : "only \(continuing) candidates were"
            return "\(name) was elected \(measure): \(who) still in the count for the \(placesLeft) place\(placesLeft == 1 ? "" : "s") left (\(clause))."
        }
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
