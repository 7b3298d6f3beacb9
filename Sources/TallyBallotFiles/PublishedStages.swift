import Foundation
import TallyArithmetic
import TallyModel

/// A published result sheet, stage by stage, to check a count against (docs/verify.md):
///
/// - **CSV**, one figure a row: columns `stage`, `candidate` (or `name`) and `votes` (or
///   `total`), and optionally `status` (`elected`, `excluded`). Rows named `non-transferable`,
///   `exhausted` or `quota` give those figures for the stage.
/// - **JSON**, the shape of the official stage reports bundled with the Scottish fixtures:
///   `{"seats", "valid_votes", "quota", "source", "stages": [{"votes": {name: figure or null},
///   "non_transferable", "exhausted", "elected", "excluded", "surplus"}]}`, stages in order.
///
/// Figures are kept exactly as published, with their decimal places.
public struct PublishedStages: Sendable {
    /// A published figure: exact, with as many decimal places as the sheet gives.
    public struct Figure: Sendable, Equatable, CustomStringConvertible {
        public let units: Int64
        public let places: Int
        /// The line it was read from (CSV).
        public let line: Int?

        /// The figure as an exact decimal.
        public var value: DecimalValue { DecimalValue(units: units, places: places) }
        public var description: String { value.description }

        /// Reads "1,234.5", "898.00000" or "12"; nil for anything else (or more than 9 places).
        public static func parse(_ text: String, line: Int? = nil) -> Figure? {
            let cleaned = text.filter { $0 != "," && $0 != " " }
            let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  parts.count == 1 || !parts[1].isEmpty, parts.count == 1 || parts[1].count <= 9, parts[0].count <= 12
            else { return nil }
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            var scale: Int64 = 1
            for _ in 0..<fraction.count { scale *= 10 }
            guard let whole = Int64(parts[0]), let part = Int64(fraction.isEmpty ? "0" : fraction) else { return nil }
            return Figure(units: whole * scale + part, places: fraction.count, line: line)
        }
    }

    /// One stage of the sheet.
    public struct Stage: Sendable {
        /// The stage as the sheet numbers it ("1", "3.1"); for a JSON sheet, its position.
        public let label: String
        /// The line of the stage's first row (CSV).
        public let line: Int?
        /// Each candidate's votes after the stage, by name, in the sheet's order.
        public var votes: [(name: String, figure: Figure)] = []
        public var nonTransferable: Figure?
        public var exhausted: Figure?
        public var quota: Figure?
        /// Who the sheet says was elected or excluded at the stage; nil when it does not say.
        public var elected: [String]?
        public var excluded: [String]?
        /// Whose surplus the stage transferred: `.some(nil)` when the sheet says none.
        public var surplus: String??
    }

    public let file: String
    /// The sheet's own statement of where it comes from (JSON `source`).
    public let source: String?
    public let seats: Int?
    public let quota: Figure?
    public let stages: [Stage]
    /// True when the stages are every stage of the count, in order (a JSON report); false when
    /// they are labelled and may be some of them (CSV).
    public let isComplete: Bool

    /// Reads the sheet at `path`: JSON when it starts with `{`, else CSV.
    public static func load(path: String) throws(BallotFileError) -> PublishedStages {
        try FileContents.parse(path: path, kind: "result sheet") { bytes, file throws(BallotFileError) in try parse(bytes, file: file) }
    }

    /// Parses a sheet held in `bytes`; `file` names it in errors.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) -> PublishedStages {
        try TextValidation.check(bytes, file: file)
        let first = bytes[ByteText.byteOrderMarkLength(bytes)...].first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return first == UInt8(ascii: "{") ? try parseJSON(bytes, file: file) : try parseCSV(bytes, file: file)
    }

    static let specialRows = ["non-transferable", "non transferable", "nontransferable", "exhausted", "quota"]

    // MARK: CSV

    static func parseCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) -> PublishedStages {
        var parser = CSVRowParser(bytes, delimiter: CSVReader.delimiter(of: bytes))
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            let header = try parser.matchingHeader(file: file, example: "stage,candidate,votes")
            guard let stageColumn = header.firstIndex(of: "stage") else { throw fail(0, "expected a column named 'stage' in the header (stage,candidate,votes)") }
            guard let nameColumn = header.firstIndex(of: "candidate") ?? header.firstIndex(of: "name") else {
                throw fail(0, "expected a column named 'candidate' or 'name' in the header (stage,candidate,votes)")
            }
            guard let votesColumn = header.firstIndex(of: "votes") ?? header.firstIndex(of: "total") else {
                throw fail(0, "expected a column named 'votes' or 'total' in the header (stage,candidate,votes)")
            }
            let statusColumn = header.firstIndex(of: "status")
            var stages: [Stage] = []
            var stageIndex: [String: Int] = [:]
            var seen: [String: Int] = [:] // "stage\u{0}name" → line
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                try parser.checkCellLengths(file: file)
                let cells = parser.fields.map { parser.string($0) }
                func cell(_ column: Int) -> String { column < cells.count ? cells[column].trimmingCharacters(in: .whitespaces) : "" }
                let label = cell(stageColumn)
                guard !label.isEmpty else { throw fail(stageColumn, "expected a stage, e.g. 1 or 3.2") }
                let name = cell(nameColumn)
                let key = Candidate.matchingKey(for: name)
                guard !key.isEmpty else { throw fail(nameColumn, "expected a candidate's name, or non-transferable, exhausted or quota") }
                if let earlier = seen[label + "\u{0}" + key] {
                    throw fail(nameColumn, "stage \(Excerpt.of(label)) gives '\(Excerpt.of(name))' twice (first on line \(earlier))")
                }
                seen[label + "\u{0}" + key] = parser.rowLine
                guard let figure = Figure.parse(cell(votesColumn), line: parser.rowLine) else {
                    throw fail(votesColumn, "expected a figure such as 1234 or 1234.56 (at most 9 decimal places); found '\(Excerpt.of(cell(votesColumn)))'")
                }
                let index: Int
                if let known = stageIndex[label] {
                    index = known
                } else {
                    index = stages.count
                    stageIndex[label] = index
                    stages.append(Stage(label: label, line: parser.rowLine))
                }
                switch key {
                case "non-transferable", "non transferable", "nontransferable": stages[index].nonTransferable = figure
                case "exhausted": stages[index].exhausted = figure
                case "quota": stages[index].quota = figure
                default:
                    stages[index].votes.append((name, figure))
                    if let statusColumn {
                        switch Candidate.matchingKey(for: cell(statusColumn)) {
                        case "": break
                        case "elected": stages[index].elected = (stages[index].elected ?? []) + [name]
                        case "excluded": stages[index].excluded = (stages[index].excluded ?? []) + [name]
                        default: throw fail(statusColumn, "expected a status of elected, excluded or nothing; found '\(Excerpt.of(cell(statusColumn)))'")
                        }
                    }
                }
            }
            guard !stages.isEmpty else { throw BallotFileError(file: file, line: nil, column: nil, message: "expected at least one stage's figures") }
            if statusColumn != nil {
                // A sheet with a status column says who was elected and excluded at every stage.
                for index in stages.indices {
                    stages[index].elected = stages[index].elected ?? []
                    stages[index].excluded = stages[index].excluded ?? []
                }
            }
            return PublishedStages(file: file, source: nil, seats: nil, quota: nil, stages: stages, isComplete: false)
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        } catch let error as BallotFileError {
            throw error
        } catch {
            throw BallotFileError(file: file, line: nil, column: nil, message: "\(error)")
        }
    }

    // MARK: JSON

    static func parseJSON(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) -> PublishedStages {
        func fail(_ message: String) -> BallotFileError { BallotFileError(file: file, line: nil, column: nil, message: message) }
        try JSONSyntax.check(bytes, file: file)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: bytes))
        } catch {
            throw fail("not valid JSON: \(error.localizedDescription)")
        }
        guard let top = object as? [String: Any] else { throw fail("expected a JSON object at the top level") }
        let allowed: Set<String> = ["source", "seats", "valid_votes", "quota", "stages"]
        if let unknown = top.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw fail("unknown key '\(Excerpt.of(unknown))'; expected: \(allowed.sorted().joined(separator: ", "))")
        }
        func figure(_ value: Any?, at place: String) throws(BallotFileError) -> Figure? {
            switch value {
            case nil, is NSNull: return nil
            case let text as String:
                guard let figure = Figure.parse(text) else { throw fail("expected a figure such as \"1234.56\" at \(place); found '\(Excerpt.of(text))'") }
                return figure
            case let number as NSNumber where !(value is Bool):
                guard number.doubleValue.rounded() == number.doubleValue, number.doubleValue.magnitude <= 9e15, number.doubleValue >= 0,
                      let whole = Int64(exactly: number.doubleValue)
                else {
                    throw fail("expected a whole number or a figure written as a string (\"1234.56\", to keep its decimals exact) at \(place)")
                }
                return Figure(units: whole, places: 0, line: nil)
            default:
                throw fail("expected a figure at \(place)")
            }
        }
        func names(_ value: Any?, at place: String) throws(BallotFileError) -> [String]? {
            switch value {
            case nil: return nil
            case let list as [Any]:
                var names: [String] = []
                for item in list {
                    guard let name = item as? String else { throw fail("expected candidates' names at \(place)") }
                    names.append(name)
                }
                return names
            default: throw fail("expected a list of candidates' names at \(place)")
            }
        }
        guard let list = top["stages"] as? [Any], !list.isEmpty else { throw fail("expected \"stages\": a list of stages") }
        var stages: [Stage] = []
        let stageKeys: Set<String> = ["votes", "non_transferable", "exhausted", "quota", "elected", "excluded", "surplus"]
        for (offset, item) in list.enumerated() {
            let place = "stages[\(offset)]"
            guard let entry = item as? [String: Any] else { throw fail("expected an object at \(place)") }
            if let unknown = entry.keys.sorted().first(where: { !stageKeys.contains($0) }) {
                throw fail("unknown key '\(Excerpt.of(unknown))' at \(place); expected: \(stageKeys.sorted().joined(separator: ", "))")
            }
            var stage = Stage(label: String(offset + 1), line: nil)
            guard let votes = entry["votes"] as? [String: Any] else { throw fail("expected \"votes\": an object of candidates' figures at \(place)") }
            for name in votes.keys.sorted() {
                if let value = try figure(votes[name], at: "\(place).votes[\"\(Excerpt.of(name))\"]") { stage.votes.append((name, value)) }
            }
            stage.nonTransferable = try figure(entry["non_transferable"], at: "\(place).non_transferable")
            stage.exhausted = try figure(entry["exhausted"], at: "\(place).exhausted")
            stage.quota = try figure(entry["quota"], at: "\(place).quota")
            stage.elected = try names(entry["elected"], at: "\(place).elected")
            stage.excluded = try names(entry["excluded"], at: "\(place).excluded")
            switch entry["surplus"] {
            case nil: stage.surplus = nil
            case is NSNull: stage.surplus = .some(nil)
            case let name as String: stage.surplus = .some(name)
            default: throw fail("expected a candidate's name or null at \(place).surplus")
            }
            stages.append(stage)
        }
        let seats: Int?
        switch top["seats"] {
        case nil: seats = nil
        case let number as NSNumber where !(top["seats"] is Bool) && number.doubleValue.rounded() == number.doubleValue && number.doubleValue >= 1 && number.doubleValue <= 100_000:
            seats = number.intValue
        default: throw fail("expected a whole number of seats at seats")
        }
        return PublishedStages(
            file: file, source: top["source"] as? String, seats: seats, quota: try figure(top["quota"], at: "quota"), stages: stages, isComplete: true
        )
    }
}
