import TallyCounting
import TallyModel

/// A whole contest's results: each section's count, and a summary across sections (seats per
/// slate; categories elected against each section's and the overall minimums).
public struct ContestSummary: ResultSheet {
    public enum Result: Sendable {
        case stv(STVRecord)
        case block(BlockVoteRecord)

        var elected: [Int] {
            switch self {
            case let .stv(record): record.elected
            case let .block(record): record.elected
            }
        }
    }

    public struct Section: Sendable {
        public let name: String
        public let seats: Int
        public let minimums: [Minimum]
        public let source: ReportSource
        public let result: Result

        public init(name: String, seats: Int, minimums: [Minimum], source: ReportSource, result: Result) {
            self.name = name
            self.seats = seats
            self.minimums = minimums
            self.source = source
            self.result = result
        }

        var method: String {
            switch result {
            case let .stv(record): "STV, \(record.rule.rawValue)"
            case .block: "block vote"
            }
        }

        func count(_ category: String) -> Int {
            result.elected.filter { source.profile.candidates[$0].categories.contains(category) }.count
        }

        func slate(_ candidate: Int) -> String { source.profile.candidates[candidate].affiliation ?? "(no slate)" }

        /// "Name (Slate)", or just the name when the candidate has no slate.
        func label(_ candidate: Int) -> String {
            source.profile.candidates[candidate].affiliation.map { "\(source.name(candidate)) (\($0))" } ?? source.name(candidate)
        }
    }

    public let title: String
    public let file: String
    public let sources: [String]
    public let assumptions: [String]
    public let sections: [Section]
    public let overallMinimums: [Minimum]
    public let seed: UInt64

    public init(title: String, file: String, sources: [String], assumptions: [String], sections: [Section], overallMinimums: [Minimum], seed: UInt64) {
        self.title = title
        self.file = file
        self.sources = sources
        self.assumptions = assumptions
        self.sections = sections
        self.overallMinimums = overallMinimums
        self.seed = seed
    }

    /// Every category with a minimum anywhere, in first-mentioned order.
    var categories: [String] {
        var seen: [String] = []
        for minimum in sections.flatMap(\.minimums) + overallMinimums where !seen.contains(minimum.category) { seen.append(minimum.category) }
        return seen
    }

    /// Seats won per slate across the contest, most first.
    var seatsBySlate: [(slate: String, seats: Int)] {
        var totals: [String: Int] = [:]
        for section in sections { for candidate in section.result.elected { totals[section.slate(candidate), default: 0] += 1 } }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public func text() -> String {
        var output = TextWrap.lines("Contest: \(ReportSource.printable(title)) (\(file))", indent: "", hanging: 2)
        for source in sources { output += TextWrap.lines("Source: " + source, indent: "", hanging: 2) }
        for assumption in assumptions { output += TextWrap.lines("Assumed: " + assumption, indent: "", hanging: 2) }
        for section in sections {
            let rules = section.minimums.isEmpty ? "" : ", " + section.minimums.map(\.description).joined(separator: ", ")
            output += "\n=== \(section.name): \(section.seats) seat\(section.seats == 1 ? "" : "s"), \(section.method)\(rules) ===\n\n"
            switch section.result {
            case let .stv(record): output += STVReport(record: record, source: section.source).text()
            case let .block(record): output += BlockVoteReport(record: record, source: section.source).text()
            }
        }
        output += "\n=== Summary ===\n\n"
        var table = TextTable(columns: [.init("Section"), .init("Seats", .right)] + categories.map { .init($0, .right) })
        for section in sections {
            let cells = categories.map { category -> String in
                let minimum = section.minimums.first { $0.category == category }
                return "\(section.count(category))" + (minimum.map { "/\($0.count)" } ?? "")
            }
            table.append([section.name, String(section.seats)] + cells)
        }
        let seats = sections.reduce(0) { $0 + $1.seats }
        let totals = categories.map { category -> String in
            let minimum = overallMinimums.first { $0.category == category }
            return "\(sections.reduce(0) { $0 + $1.count(category) })" + (minimum.map { "/\($0.count)" } ?? "")
        }
        table.append(["All", String(seats)] + totals)
        output += table.rendered()
        output += categories.isEmpty ? "\n" : "\n  (elected/minimum for each category)\n\n"
        for section in sections {
            output += TextWrap.lines("\(section.name): " + section.result.elected.map(section.label).joined(separator: ", "))
        }
        output += "\n"
        if sections.contains(where: { section in section.result.elected.contains { section.source.profile.candidates[$0].affiliation != nil } }) {
            output += TextWrap.lines("Seats by slate: " + seatsBySlate.map { "\($0.slate) \($0.seats)" }.joined(separator: ", ") + ".")
        }
        for minimum in overallMinimums {
            let elected = sections.reduce(0) { $0 + $1.count(minimum.category) }
            output += TextWrap.lines("Overall, \(minimum): \(elected) elected — \(elected >= minimum.count ? "met" : "NOT met").")
        }
        return output
    }

    public func json() -> JSONValue {
        let sectionValues: [JSONValue] = sections.map { section in
            let result: JSONValue = switch section.result {
            case let .stv(record): STVReport(record: record, source: section.source).json()
            case let .block(record): BlockVoteReport(record: record, source: section.source).json()
            }
            return .object([
                ("name", .string(section.name)),
                ("seats", .integer(Int64(section.seats))),
                ("minimums", .array(section.minimums.map { .object([("category", .string($0.category)), ("at_least", .integer(Int64($0.count)))]) })),
                ("elected", .array(section.result.elected.map { .string(section.source.name($0)) })),
                ("result", result),
            ])
        }
        let categoryTotals: [JSONValue] = categories.map { category in
            let minimum = overallMinimums.first { $0.category == category }
            return .object([
                ("category", .string(category)),
                ("elected", .integer(Int64(sections.reduce(0) { $0 + $1.count(category) }))),
                ("overall_minimum", minimum.map { .integer(Int64($0.count)) } ?? .null),
            ])
        }
        return .object([
            ("contest", .string(title)),
            ("file", .string(file)),
            ("sources", .array(sources.map(JSONValue.string))),
            ("assumptions", .array(assumptions.map(JSONValue.string))),
            ("sections", .array(sectionValues)),
            ("summary", .object([
                ("seats", .integer(Int64(sections.reduce(0) { $0 + $1.seats }))),
                ("seats_by_slate", .array(seatsBySlate.map { .object([("slate", .string($0.slate)), ("seats", .integer(Int64($0.seats)))]) })),
                ("categories", .array(categoryTotals)),
            ])),
            ("seed", .string(String(seed))),
        ])
    }

    /// One row per elected candidate: section, candidate, slate, categories.
    public func csv() -> String {
        var writer = CSVWriter(header: ["section", "candidate", "slate", "categories"])
        for section in sections {
            for candidate in section.result.elected {
                let categories = section.source.profile.candidates[candidate].categories.sorted().joined(separator: ";")
                writer.append([section.name, section.source.name(candidate), section.source.profile.candidates[candidate].affiliation ?? "", categories])
            }
        }
        return writer.text
    }
}
