import Foundation
import TallyModel

/// Candidates' categories and slates from a small CSV file: a `name` column, an optional `slate`
/// column (also `faction`, `affiliation`, `party`), and one column per category (`woman`, `bame`,
/// …) whose cells say yes (`yes`, `y`, `x`, `1`, `true`, `✓`) or no (blank, `no`, `n`, `0`,
/// `false`). A `categories` column may instead list categories separated by `;` or `|`.
public struct CandidateAttributes: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var categories: Set<String>
        public var slate: String?
        public var line: Int

        public init(name: String, categories: Set<String>, slate: String?, line: Int) {
            self.name = name
            self.categories = categories
            self.slate = slate
            self.line = line
        }
    }

    public let file: String
    public let entries: [Entry]

    /// Each entry's name in its matching form, worked out once: a contest applies the list to
    /// every section.
    private let entryKeys: [String]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
        entryKeys = entries.map { Candidate.matchingKey(for: $0.name) }
    }

    /// Reads the file at `path`.
    public static func load(path: String) throws -> CandidateAttributes {
        let data = try FileContents.read(path: path, kind: "candidates file")
        return try data.withUnsafeBytes { try parse($0.bindMemory(to: UInt8.self), file: path) }
    }

    static let slateNames: Set<String> = ["slate", "faction", "affiliation", "party"]
    static let yes: Set<String> = ["yes", "y", "x", "1", "true", "✓", "✔"]
    static let no: Set<String> = ["", "no", "n", "0", "false"]

    /// Parses attributes held in `bytes`; `file` names them in errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> CandidateAttributes {
        try TextValidation.check(bytes, file: file)
        var parser = CSVRowParser(bytes, delimiter: CSVReader.delimiter(of: bytes))
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            let header = try parser.matchingHeader(file: file, example: "name,woman,bame,slate")
            guard let nameColumn = header.firstIndex(of: "name") ?? header.firstIndex(of: "candidate") else {
                throw fail(0, "expected a column named 'name' in the header")
            }
            let slateColumn = header.firstIndex { slateNames.contains($0) }
            if let slateColumn, let second = header.indices.first(where: { $0 != slateColumn && slateNames.contains(header[$0]) }) {
                throw fail(second, "expected one slate column; '\(Excerpt.of(header[slateColumn]))' and '\(Excerpt.of(header[second]))' both name one")
            }
            for (column, title) in header.enumerated() where !title.isEmpty && header[..<column].contains(title) {
                throw fail(column, "'\(Excerpt.of(title))' names two columns")
            }
            let listColumn = header.firstIndex(of: "categories")
            var entries: [Entry] = []
            var seen: [String: Int] = [:]
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                try parser.checkCellLengths(file: file)
                let cells = parser.fields.map { parser.string($0) }
                func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
                for column in cells.indices where (column >= header.count || header[column].isEmpty) && !cells[column].isEmpty {
                    throw fail(column, "expected no value in a column without a header; found '\(Excerpt.of(cells[column]))'")
                }
                let name = cell(nameColumn)
                let key = Candidate.matchingKey(for: name)
                guard !key.isEmpty else { throw fail(nameColumn, "expected a candidate name") }
                if let earlier = seen[key] { throw fail(nameColumn, "'\(Excerpt.of(name))' is listed twice (first on line \(earlier))") }
                seen[key] = parser.rowLine
                var categories = Set<String>()
                for (column, title) in header.enumerated() where column != nameColumn && column != slateColumn && !title.isEmpty {
                    if column == listColumn {
                        for item in cell(column).split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }) {
                            let category = Candidate.matchingKey(for: String(item))
                            if !category.isEmpty { categories.insert(category) }
                        }
                        continue
                    }
                    let value = Candidate.matchingKey(for: cell(column))
                    if yes.contains(value) { categories.insert(title) }
                    else if !no.contains(value) {
                        throw fail(column, "expected yes or no (yes, y, x, 1, true / blank, no, n, 0, false) for '\(Excerpt.of(title))'; found '\(Excerpt.of(cell(column)))'")
                    }
                }
                let slate = slateColumn.map(cell).flatMap { $0.isEmpty ? nil : $0 }
                entries.append(Entry(name: name, categories: categories, slate: slate, line: parser.rowLine))
            }
            return CandidateAttributes(file: file, entries: entries)
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        }
    }

    /// The profile with each candidate's categories and slate set from these attributes. A name
    /// here that matches no candidate, or a candidate with no entry here, is an error; the error
    /// for an unknown name lists the closest candidate names.
    ///
    /// `onlyListedHere`: names here that are not in the ballot file are passed over (a contest's
    /// list of every region's candidates, applied to one region's file).
    public func apply(to profile: BallotProfile, onlyListedHere: Bool = false) throws -> BallotProfile {
        var candidates = profile.candidates
        var covered = Set<Int>()
        for (entry, key) in zip(entries, entryKeys) {
            guard let index = profile.candidateIndex(matchingKey: key) else {
                if onlyListedHere { continue }
                let close = CandidateAttributes.closeMatches(entry.name, among: profile.candidates.map(\.name))
                let hint = close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"
                let line = entry.line > 0 ? entry.line : nil // inline entries (a contest file) have no line
                throw BallotFileError(file: file, line: line, column: line.map { _ in 1 }, message: "'\(Excerpt.of(entry.name))' is not a candidate in the ballot file\(hint)")
            }
            candidates[index].categories = entry.categories
            if let slate = entry.slate { candidates[index].affiliation = slate }
            covered.insert(index)
        }
        let withdrawn = Set(profile.withdrawn)
        let missing = profile.candidates.indices.filter { !covered.contains($0) && !withdrawn.contains($0) }
        if !missing.isEmpty {
            let names = Excerpt.list(missing.map { "'\(profile.candidates[$0].name)'" })
            throw BallotFileError(file: file, line: nil, column: nil, message: "expected a line for every candidate; missing: \(names)")
        }
        return profile.replacingCandidates(candidates)
    }

    /// Up to three names closest to `name`: by edit distance on the matching form (at most 1 for
    /// names of up to 5 letters, a quarter of the length for longer ones), or containing it.
    static func closeMatches(_ name: String, among names: [String]) -> [String] {
        let key = Array(Candidate.matchingKey(for: name))
        let scored = names.map { candidate -> (String, Int) in
            let other = Array(Candidate.matchingKey(for: candidate))
            if other.count >= 3, key.count >= 3, String(other).contains(String(key)) || String(key).contains(String(other)) { return (candidate, 0) }
            return (candidate, editDistance(key, other))
        }
        let limit = key.count <= 5 ? 1 : max(2, key.count / 4)
        return scored.filter { $0.1 <= limit }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
