/// How many ballots each irregularity touched, with the first few line numbers where it occurs.
public struct IrregularityTally: Sendable, Equatable {
    /// How many line numbers are kept per kind.
    public static let linesKept = 5

    public struct Entry: Sendable, Equatable {
        public var kind: Irregularity
        /// Ballots (weighted) of this kind.
        public var ballots: Int64 = 0
        /// Those of them left with no valid first preference, and so invalid.
        public var invalidBallots: Int64 = 0
        /// Ballot lines of this kind.
        public var lineCount: Int = 0
        /// The first line numbers (1-based), ascending, at most `linesKept`.
        public var firstLines: [Int] = []
        /// The ballot ids of those first lines, where the file gives ballots ids (BLT `(id)`, a CSV
        /// id column), each cut to `Excerpt.maximumCharacters`.
        public var firstIDs: [String] = []
    }

    private var byKind: [Entry] = Irregularity.allCases.map { Entry(kind: $0) }

    public init() {}

    /// The kinds that occurred, in the order of `Irregularity.allCases`.
    public var entries: [Entry] { byKind.filter { $0.lineCount > 0 } }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(kind: Irregularity) -> Entry? {
        let entry = byKind[kind.ordinal]
        return entry.lineCount > 0 ? entry : nil
    }

    /// Records `ballots` ballots of `kind` found on line `line` (nil: no line number known);
    /// `invalid` says whether the rule left them with no valid first preference; `ballotID` gives
    /// the line's ballot id, if it has one, and is asked only for a line that is kept. Lines are
    /// expected in ascending order.
    public mutating func record(_ kind: Irregularity, ballots: Int64, invalid: Bool, line: Int?, ballotID: () -> String? = { nil }) {
        let slot = kind.ordinal
        byKind[slot].ballots += ballots
        if invalid { byKind[slot].invalidBallots += ballots }
        byKind[slot].lineCount += 1
        if let line, byKind[slot].firstLines.count < IrregularityTally.linesKept, byKind[slot].firstLines.last != line {
            byKind[slot].firstLines.append(line)
            if let id = ballotID() { byKind[slot].firstIDs.append(Excerpt.of(id)) }
        }
    }

    /// The total weight of ballots made invalid by irregularities.
    public var invalidBallots: Int64 { byKind.reduce(0) { $0 + $1.invalidBallots } }
}
