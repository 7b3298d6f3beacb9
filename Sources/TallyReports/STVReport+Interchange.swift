import TallyArithmetic
import TallyCounting

/// The stage table in the shapes other tools read: a wide CSV for spreadsheets, and the RCTab /
/// Universal Tabulator summary JSON for rcvis and rcvformats (docs/json.md).
extension STVReport {
    /// One row per candidate (then exhausted, lost to rounding, non-transferable, total and quota),
    /// two columns per stage — what moved, and the votes after it — headed as the result sheet
    /// heads them.
    public func wideCSV() throws(ReportUnavailable) -> String {
        var header = ["candidate"]
        for stage in record.stages { header += [heading(for: stage) + " (transfer)", heading(for: stage) + " (total)"] }
        header.append("result")
        var writer = CSVWriter(header: header)
        let profile = source.profile
        let withdrawn = Set(profile.withdrawn)
        for candidate in profile.candidates.indices where !withdrawn.contains(candidate) {
            var row = [source.name(candidate)]
            for index in record.stages.indices {
                let stage = record.stages[index]
                row += [index == 0 ? "" : stage.transfers[candidate].description, stage.votes[candidate].description]
            }
            row.append(record.elected.contains(candidate) ? "elected" : record.stages.last.map { $0.status[candidate].rawValue } ?? "")
            writer.append(row)
        }
        func figures(_ name: String, _ value: (STVStage) -> DecimalValue) {
            var row = [name]
            for (index, stage) in record.stages.enumerated() {
                let before = index > 0 ? value(record.stages[index - 1]).units : 0
                row += [index == 0 ? "" : DecimalValue(units: value(stage).units - before, places: value(stage).places).description, value(stage).description]
            }
            writer.append(row + [""])
        }
        figures("Exhausted", \.exhausted)
        figures("Lost to rounding", \.lostToRounding)
        figures("Non-transferable", \.nonTransferable)
        figures("Total", \.total)
        writer.append(["Quota"] + record.stages.flatMap { ["", $0.quota.description] } + [""])
        return writer.text
    }

    /// The Universal Tabulator summary JSON: `config` (contest, date, jurisdiction, threshold) and
    /// one `results` round per stage. Round r's `tally` is each candidate's votes after stage r
    /// (excluded candidates left out); its `tallyResults` say what the next stage does —
    /// whose surplus it transfers (`elected`) or whom it excludes (`eliminated`), with what each
    /// candidate gained and what became exhausted (`transfers`) — and who was elected at stage r
    /// whose surplus is never transferred. The date must be given (`--date YYYY-MM-DD`): the
    /// format requires one, and a count's record holds none.
    public func rctabJSON() throws(ReportUnavailable) -> String {
        guard let date = options.declaration.date, STVReport.isISODate(date) else {
            throw ReportUnavailable("--format rctab-json needs the date of the count, which the format requires: give --date YYYY-MM-DD (or a contest file's declaration date)")
        }
        let profile = source.profile
        let names = profile.candidates.indices.map(source.name)
        let withdrawn = Set(profile.withdrawn)
        let stages = record.stages
        var config: [(String, JSONValue)] = [("contest", .string(profile.title ?? source.path)), ("date", .string(date))]
        if let organisation = options.declaration.organisation { config.append(("jurisdiction", .string(organisation))) }
        config.append(("office", .string("\(record.seats) seat\(record.seats == 1 ? "" : "s")")))
        config.append(("threshold", .string(record.quota.description)))

        // The stage whose event transfers each elected candidate's surplus, if any.
        var surplusStage: [Int: Int] = [:]
        for (index, stage) in stages.enumerated() {
            if case let .surplus(transfer) = stage.event { surplusStage[transfer.candidate] = index }
        }
        func transfers(_ index: Int) -> JSONValue {
            let stage = stages[index]
            var items: [(String, JSONValue)] = []
            for candidate in profile.candidates.indices where stage.transfers.units[candidate] > 0 {
                items.append((names[candidate], .string(stage.transfers[candidate].description)))
            }
            let before = index > 0 ? stages[index - 1].nonTransferable.units : 0
            let exhausted = stage.nonTransferable.units - before
            if exhausted > 0 { items.append(("exhausted", .string(DecimalValue(units: exhausted, places: stage.nonTransferable.places).description))) }
            return .object(items)
        }
        var rounds: [JSONValue] = []
        for (index, stage) in stages.enumerated() {
            var tally: [(String, JSONValue)] = []
            for candidate in profile.candidates.indices where !withdrawn.contains(candidate) {
                // Once excluded, a candidate leaves the tally (the format's rule), though an ERS97
                // exclusion may move their papers in several batches.
                if stage.status[candidate] != .excluded { tally.append((names[candidate], .string(stage.votes[candidate].description))) }
            }
            var results: [JSONValue] = []
            // Elected here, with no surplus transferred afterwards. Under Meek every elected
            // candidate's surplus moves at every round: named again whenever their votes fall.
            var named = Set<Int>()
            for candidate in stage.elected where surplusStage[candidate] == nil {
                results.append(.object([("elected", .string(names[candidate])), ("transfers", .object([]))]))
                named.insert(candidate)
            }
            if record.rule == .meek, index + 1 < stages.count {
                for candidate in profile.candidates.indices where stage.status[candidate] == .elected && !named.contains(candidate)
                    && stages[index + 1].votes.units[candidate] < stage.votes.units[candidate] {
                    results.append(.object([("elected", .string(names[candidate])), ("transfers", .object([]))]))
                }
            }
            // What the next stage does.
            if index + 1 < stages.count {
                switch stages[index + 1].event {
                case let .surplus(transfer):
                    results.append(.object([("elected", .string(names[transfer.candidate])), ("transfers", transfers(index + 1))]))
                case let .exclusion(candidates, _) where stage.status[candidates[0]] != .excluded:
                    // The first batch only: the format names each elimination once.
                    for (offset, candidate) in candidates.enumerated() {
                        results.append(.object([("eliminated", .string(names[candidate])), ("transfers", offset == 0 ? transfers(index + 1) : .object([]))]))
                    }
                default:
                    break
                }
            }
            rounds.append(.object([("round", .integer(Int64(index + 1))), ("tally", .object(tally)), ("tallyResults", .array(results))]))
        }
        return JSONValue.object([("config", .object(config)), ("results", .array(rounds))]).rendered()
    }

    /// "2026-12-04": a date as the format requires it.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return false }
        return true
    }
}
