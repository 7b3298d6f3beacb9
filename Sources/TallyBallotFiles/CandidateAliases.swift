import Foundation
import TallyModel

/// Other spellings and codes of candidates' names, from a small CSV (`--aliases FILE`,
/// docs/formats.md): an `alias` column (also `name`, `code`, `spelling`) — the name as a ballot
/// file writes it — and a `canonical` column (also `candidate`) — the candidate's name. A
/// canonical name may be listed as its own alias; the canonical names are the candidates.
public struct CandidateAliases: Sendable, Equatable {
    public let file: String
    /// Canonical name by the matching form of each alias and of each canonical name.
    private let canonical: [String: String]
    /// The canonical names, in the file's order.
    public let candidates: [String]

    /// The canonical name `name` stands for; nil when the file lists neither it nor an alias of it.
    public func canonicalName(for name: String) -> String? { canonical[Candidate.matchingKey(for: name)] }

    public static func load(path: String) throws(BallotFileError) -> CandidateAliases {
        try FileContents.parse(path: path, kind: "aliases file") { bytes, file throws(BallotFileError) in try parse(bytes, file: file) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) -> CandidateAliases {
        try TextValidation.check(bytes, file: file)
        var parser = CSVRowParser(bytes, delimiter: CSVReader.delimiter(of: bytes))
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            let header = try parser.matchingHeader(file: file, example: "alias,canonical")
            guard let aliasColumn = header.firstIndex(where: { ["alias", "name", "code", "spelling"].contains($0) }) else {
                throw fail(0, "expected a column named 'alias' (the name as ballot files write it) in the header")
            }
            guard let canonicalColumn = header.firstIndex(where: { ["canonical", "candidate"].contains($0) }) else {
                throw fail(0, "expected a column named 'canonical' (the candidate's name) in the header")
            }
            var canonical: [String: String] = [:]
            var candidates: [String] = []
            var seen: [String: Int] = [:]
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                try parser.checkCellLengths(file: file)
                let cells = parser.fields.map { parser.string($0).trimmingCharacters(in: .whitespaces) }
                let alias = aliasColumn < cells.count ? cells[aliasColumn] : ""
                let name = canonicalColumn < cells.count ? cells[canonicalColumn] : ""
                guard !Candidate.matchingKey(for: alias).isEmpty else { throw fail(aliasColumn, "expected a name or code as written in the ballots") }
                guard !Candidate.matchingKey(for: name).isEmpty else { throw fail(canonicalColumn, "expected the candidate's name") }
                let key = Candidate.matchingKey(for: alias)
                if let earlier = seen[key], canonical[key].map(Candidate.matchingKey) != Candidate.matchingKey(for: name) {
                    throw fail(aliasColumn, "'\(Excerpt.of(alias))' is given two candidates (the first on line \(earlier))")
                }
                seen[key] = seen[key] ?? parser.rowLine
                let nameKey = Candidate.matchingKey(for: name)
                if let other = canonical[nameKey], Candidate.matchingKey(for: other) != nameKey {
                    throw fail(canonicalColumn, "'\(Excerpt.of(name))' is itself an alias of '\(Excerpt.of(other))': give the candidate's name")
                }
                if canonical[nameKey] == nil { candidates.append(name) }
                canonical[key] = canonical[nameKey] ?? name
                canonical[nameKey] = canonical[nameKey] ?? name
            }
            guard !candidates.isEmpty else { throw BallotFileError(file: file, line: nil, column: nil, message: "expected at least one alias") }
            return CandidateAliases(file: file, canonical: canonical, candidates: candidates)
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        } catch let error as BallotFileError {
            throw error
        } catch {
            throw BallotFileError(file: file, line: nil, column: nil, message: "\(error)")
        }
    }
}
