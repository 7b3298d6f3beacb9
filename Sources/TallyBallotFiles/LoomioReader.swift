import Foundation
import TallyModel

/// Reads the CSV export of a Loomio ranked poll (`--input-format loomio`; layout inferred from
/// Loomio's poll exporter, loomio/loomio `app/extras/poll_exporter.rb`, docs/formats.md). The
/// file has labelled sections: a row `poll`, its header and one row of the poll's details; a
/// row `poll_options` with its rows; then a row `votes`, its header — `id, poll_id, voter_id,
/// voter_name, …, reason, reason_format`, then one column per option — and one row per member:
///
/// ```
/// votes
/// id,poll_id,voter_id,voter_name,member_title,delegate,created_at,updated_at,reason,reason_format,Alice,Bob,Carol
/// 901,55,12,Dana Lee,Chair,true,2025-03-01T10:00:00Z,2025-03-01T10:00:00Z,,md,1,2,3
/// ```
///
/// An option's cell is the member's score for it: under STV the rank (1 first); under
/// `ranked_choice` (a `poll_type` column in the poll's details says) a higher score is ranked
/// higher. A row with every option cell empty is a member who did not vote: a line of no ballots.
/// The stance `id` is the ballot id. Loomio's other export, BLT, is read as BLT.
public struct LoomioReader: Sendable {
    public init() {}

    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil) throws -> BallotProfile {
        var parser = CSVRowParser(bytes, delimiter: 0x2C)
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            var title: String?
            var higherIsBetter = false
            var section = ""
            var sectionHeader: [String]?
            var optionColumns: Range<Int>?
            var idColumn: Int?
            var candidates: [Candidate] = []
            var builder: BallotProfileBuilder?
            let codes = CodeBuffer()
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                try parser.checkCellLengths(file: file)
                let fields = parser.fields
                // Ballot rows are read from the bytes; other rows (a few) as text.
                // (A row of one cell is never a vote: it may be the next section's label.)
                if section == "votes", sectionHeader != nil, let columns = optionColumns, builder != nil, fields.count > 1 {
                    var scored: [(column: Int, score: Int64)] = []
                    for column in columns where column < fields.count {
                        let range = ByteText.trimmed(bytes, fields[column].range)
                        if range.isEmpty { continue }
                        guard let score = ByteText.wholeNumber(bytes, range, limit: 1_000_000_000) else {
                            throw fail(column, "expected a whole-number score for '\(Excerpt.of(candidates[column - columns.lowerBound].name))'; found \(ByteText.quoted(bytes, range))")
                        }
                        scored.append((column, score))
                    }
                    scored.sort { higherIsBetter ? ($0.score, -$0.column) > ($1.score, -$1.column) : ($0.score, $0.column) < ($1.score, $1.column) }
                    codes.removeAll()
                    var previous: Int64?
                    for entry in scored {
                        let code = UInt16(entry.column - columns.lowerBound)
                        codes.append(previous == entry.score ? code | RawPreferenceCode.equalToPrevious : code)
                        previous = entry.score
                    }
                    let idField = idColumn.flatMap { $0 < fields.count ? fields[$0] : nil }
                    do {
                        try builder!.add(codes.codes, weight: scored.isEmpty ? 0 : 1, region: nil, line: parser.rowLine) {
                            idField.map { CSVRowParser.string($0, in: bytes) }.flatMap { $0.isEmpty ? nil : $0 }
                        }
                    } catch is BallotProfileBuilder.TooManyBallots {
                        throw fail(0, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
                    }
                    continue
                }
                let cells = fields.map { parser.string($0).trimmingCharacters(in: .whitespaces) }
                if cells.count == 1 || cells.dropFirst().allSatisfy(\.isEmpty), ["poll", "poll_options", "votes", "outcomes", "stances"].contains(cells[0].lowercased()) {
                    section = cells[0].lowercased()
                    sectionHeader = nil
                    continue
                }
                guard let header = sectionHeader else {
                    sectionHeader = cells.map { $0.lowercased() }
                    if section == "votes" {
                        guard let reason = cells.lastIndex(where: { $0.lowercased() == "reason_format" }) ?? cells.lastIndex(where: { $0.lowercased() == "reason" }) else {
                            throw fail(0, "expected the votes header of a Loomio export: id, poll_id, voter_id, …, reason, reason_format, then one column per option")
                        }
                        optionColumns = (reason + 1)..<cells.count
                        guard !optionColumns!.isEmpty, optionColumns!.count <= Preference.maximumCandidates else {
                            throw fail(0, "expected between 1 and \(Preference.maximumCandidates) option columns after 'reason_format'")
                        }
                        idColumn = cells.firstIndex { $0.lowercased() == "id" }
                        candidates = optionColumns!.map { Candidate(name: cells[$0]) }
                        var made = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: candidates.count, withdrawn: []), expectedRankings: bytes.count / 64)
                        made.observer = observer
                        builder = made
                    }
                    continue
                }
                switch section {
                case "poll":
                    func value(_ name: String) -> String? { header.firstIndex(of: name).flatMap { $0 < cells.count ? cells[$0] : nil } }
                    title = title ?? value("title")
                    if let type = value("poll_type")?.lowercased() { higherIsBetter = type == "ranked_choice" }
                default:
                    continue
                }
            }
            guard let builder else {
                throw BallotFileError(file: file, line: nil, column: nil, message: "expected a 'votes' section (a row 'votes', its header, one row per member) in this Loomio export")
            }
            return builder.profile(title: title, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        }
    }

    /// Whether `bytes` start like a Loomio export: a first row `poll`.
    static func startsWithSections(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        while let line = cursor.next() {
            let text = ByteText.string(bytes, ByteText.trimmed(bytes, line)).trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            if text.isEmpty { continue }
            return text.lowercased() == "poll"
        }
        return false
    }
}
