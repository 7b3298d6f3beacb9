import TallyModel

/// A published block-vote result: each candidate's total, from a CSV with a `name` (or
/// `candidate`) column and a `votes` (or `total`, `marks`) column. Other columns are ignored.
public struct PublishedTotals: Sendable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var votes: Int64
        public var line: Int

        public init(name: String, votes: Int64, line: Int) {
            self.name = name
            self.votes = votes
            self.line = line
        }
    }

    public let file: String
    public let entries: [Entry]

    /// Reads the file at `path`.
    public static func load(path: String) throws(BallotFileError) -> PublishedTotals {
        try FileContents.parse(path: path, kind: "results file") { bytes, file throws(BallotFileError) in try parse(bytes, file: file) }
    }

    static let votesNames = ["votes", "total", "marks"]

    /// Parses totals held in `bytes`; `file` names them in errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) -> PublishedTotals {
        try TextValidation.check(bytes, file: file)
        var parser = CSVRowParser(bytes, delimiter: CSVReader.delimiter(of: bytes))
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            let header = try parser.matchingHeader(file: file, example: "name,votes")
            guard let nameColumn = header.firstIndex(of: "name") ?? header.firstIndex(of: "candidate") else {
                throw fail(0, "expected a column named 'name' or 'candidate' in the header")
            }
            guard let votesColumn = header.firstIndex(where: { votesNames.contains($0) }) else {
                throw fail(0, "expected a column named 'votes', 'total' or 'marks' in the header")
            }
            var entries: [Entry] = []
            var seen: [String: Int] = [:]
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                try parser.checkCellLengths(file: file)
                let cells = parser.fields.map { parser.string($0) }
                let name = nameColumn < cells.count ? cells[nameColumn] : ""
                let key = Candidate.matchingKey(for: name)
                guard !key.isEmpty else { throw fail(nameColumn, "expected a candidate name") }
                if let earlier = seen[key] { throw fail(nameColumn, "'\(Excerpt.of(name))' is listed twice (first on line \(earlier))") }
                seen[key] = parser.rowLine
                let text = (votesColumn < cells.count ? cells[votesColumn] : "").filter { $0 != "," && $0 != " " }
                // A total of 0 cannot be fitted: the fit weighs each candidate's error relative to
                // the published total.
                guard let votes = Int64(text), votes >= 1, votes <= BallotProfile.maximumTotalWeight else {
                    throw fail(votesColumn, "expected a whole number of votes from 1 to \(BallotProfile.maximumTotalWeight) (the fit measures errors relative to each total); found '\(Excerpt.of(votesColumn < cells.count ? cells[votesColumn] : ""))'")
                }
                entries.append(Entry(name: name, votes: votes, line: parser.rowLine))
            }
            guard !entries.isEmpty else { throw BallotFileError(file: file, line: nil, column: nil, message: "expected at least one candidate's total") }
            return PublishedTotals(file: file, entries: entries)
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        } catch let error as BallotFileError {
            throw error
        } catch {
            throw BallotFileError(file: file, line: nil, column: nil, message: "\(error)")
        }
    }
}
