import TallyArithmetic
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
    /// Rows are many (a million-ballot count makes millions), so each field is written as bytes,
    /// names and values escaped once.
    public static func write(_ trail: AuditTrail, source: ReportSource, emit: ([UInt8]) throws -> Void) throws {
        var bytes: [UInt8] = Array((header.joined(separator: ",") + "\n").utf8)
        bytes.reserveCapacity(1 << 21)
        let names = source.profile.candidates.indices.map { Array(CSVWriter.escape(source.name($0)).utf8) }
        var stageField: (label: String?, bytes: [UInt8]) = (nil, [])
        var valueField: (value: DecimalValue?, bytes: [UInt8]) = (nil, [])
        func appendNumber(_ number: Int64) {
            if number < 0 { bytes.append(0x2D) }
            var rest = number.magnitude
            var divisor: UInt64 = 1
            while divisor <= rest / 10 { divisor *= 10 }
            repeat {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            } while divisor > 0
        }
        try trail.replay(rankings: source.profile.ballots.count) { row in
            if row.stage != stageField.label { stageField = (row.stage, Array(CSVWriter.escape(row.stage ?? "").utf8)) }
            bytes.append(contentsOf: stageField.bytes)
            bytes.append(0x2C)
            if let line = row.line { appendNumber(Int64(line)) }
            bytes.append(0x2C)
            if let papers = row.papers { appendNumber(papers) }
            bytes.append(0x2C)
            if let from = row.from { bytes.append(contentsOf: names[from]) }
            bytes.append(0x2C)
            switch row.to {
            case let .candidate(candidate): bytes.append(contentsOf: names[candidate])
            default: bytes.append(contentsOf: destination(row.to).utf8)
            }
            bytes.append(0x2C)
            if row.value != valueField.value { valueField = (row.value, Array((row.value?.description ?? "").utf8)) }
            bytes.append(contentsOf: valueField.bytes)
            bytes.append(0x2C)
            if let note = row.note { bytes.append(contentsOf: CSVWriter.escape(note).utf8) }
            bytes.append(0x0A)
            if bytes.count >= 1 << 20 {
                try emit(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try emit(bytes)
    }

    /// The `to` column for what is not a candidate.
    static func destination(_ destination: AuditTrail.Destination) -> String {
        switch destination {
        case .candidate: ""
        case .nonTransferable: "non-transferable"
        case .exhaustedRemainder: "exhausted"
        case .lostToRounding: "lost to rounding"
        case .invalid: "invalid"
        case .void: "void"
        }
    }
}
