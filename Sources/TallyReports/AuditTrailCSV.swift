import TallyElection

/// Writes an audit trail as CSV (docs/audit-trail.md), chunk by chunk: one row per ballot line at
/// each stage that moved its papers, after the lines invalid when read.
///
/// Columns: `stage` (empty for reading), `line`, `papers` (the ballots the line holds), `from`
/// (who held them), `to` (a candidate, `non-transferable`, `exhausted`, `lost to rounding`,
/// `invalid` or `void`), `value` (of each paper; for a remainder, the whole amount), `note`.
public enum AuditTrailCSV {
    public static let header = ["stage", "line", "papers", "from", "to", "value", "note"]

    /// Renders `trail` of a count of `source`'s ballots, handing `emit` about a megabyte at a time.
    public static func write(_ trail: AuditTrail, source: ReportSource, emit: ([UInt8]) throws -> Void) throws {
        var writer = CSVWriter(header: header)
        try trail.replay(rankings: source.profile.ballots.count) { row in
            writer.append([
                row.stage ?? "", row.line.map(String.init) ?? "", row.papers.map(String.init) ?? "", row.from.map(source.name) ?? "",
                destination(row.to, source: source), row.value?.description ?? "", row.note ?? "",
            ])
            if writer.pendingBytes >= 1 << 20 { try emit(writer.take()) }
        }
        try emit(writer.take())
    }

    static func destination(_ destination: AuditTrail.Destination, source: ReportSource) -> String {
        switch destination {
        case let .candidate(candidate): source.name(candidate)
        case .nonTransferable: "non-transferable"
        case .exhaustedRemainder: "exhausted"
        case .lostToRounding: "lost to rounding"
        case .invalid: "invalid"
        case .void: "void"
        }
    }
}
