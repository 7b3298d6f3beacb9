import Foundation
import TallyModel

/// Reads CSV ballot files in either layout (`CSVLayout`), detected from the header unless
/// `CSVOptions` says which, with optional weight, ballot id and region columns.
///
/// Rank-column files name candidates in their cells; the candidates are the names found, in order
/// of first appearance, matched after folding whitespace and ASCII case. Candidate-column files
/// name candidates in the header. Identical rows are merged with a weight as they are read.
public struct CSVReader: Sendable {
    public var options: CSVOptions

    public init(options: CSVOptions = CSVOptions()) { self.options = options }

    /// Reads a whole file held in `bytes`; `file` names it in errors.
    /// `observer` is told what became of each ballot row.
    /// `aliases`: other spellings of the candidates' names; with rank columns, the list of the
    /// candidates (a name it does not know is an unknown candidate).
    /// `release` is told, every so often, the offset below which the bytes are no longer needed.
    public func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil, aliases: CandidateAliases? = nil,
        release: ((Int) -> Void)? = nil
    ) throws -> BallotProfile {
        var reader = Reader(bytes: bytes, file: file, options: options)
        reader.observer = observer
        reader.aliases = aliases
        reader.pages = PageRelease(release)
        do {
            return try reader.run()
        } catch let located as BallotFileError.Located {
            // Placed from the offset itself: a row may span lines (a quoted field with line ends).
            let place = TextValidation.place(of: located.offset, in: bytes)
            throw BallotFileError(file: file, line: place.line, column: place.column, message: located.message)
        }
    }

    /// The delimiter: whichever of comma, semicolon and tab is most common on the first line
    /// outside quotes (comma when none is).
    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, ByteText.tab: 0]
        var quoted = false
        var index = ByteText.byteOrderMarkLength(bytes)
        while index < bytes.count, bytes[index] != ByteText.newline || quoted {
            if bytes[index] == ByteText.quote { quoted.toggle() } else if !quoted, counts[bytes[index]] != nil { counts[bytes[index]]! += 1 }
            index += 1
        }
        return [0x2C, 0x3B, ByteText.tab].max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 != 0x2C && $1 == 0x2C) }!
    }

    private struct Reader {
        var observer: BallotLineObserver?
        var aliases: CandidateAliases?
        var pages = PageRelease(nil)
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let options: CSVOptions
        var parser: CSVRowParser
        var header: CSVHeader!
        /// What each column holds, as a plain value the row loop can switch on cheaply.
        var columns: [ColumnKind] = []
        var headerNames: [String] = []
        var builder: BallotProfileBuilder!
        var candidates: [Candidate] = []
        /// Candidate numbers by matching key (`Candidate.matchingKey`), for spellings not yet cached.
        var names: [String: Int] = [:]
        var regionNames: [String] = []
        var regions: [String: Int] = [:]
        let spellings = SpellingCache()
        let regionSpellings = SpellingCache()
        let codes = CodeBuffer(capacity: 64)
        let ranks = CodeBuffer(capacity: 64)
        var cells: CSVCells = .ranks
        /// A row's ranked candidate cells, reused from row to row (`rankingFromCells`).
        var rankedCells: [UInt32] = []
        /// Codes for candidate-column cells: 0 blank, `markCode` a mark, otherwise a rank number.
        static let markCode: UInt16 = 0xFFFF

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, options: CSVOptions) {
            self.bytes = bytes
            self.file = file
            self.options = options
            parser = CSVRowParser(bytes, delimiter: CSVReader.delimiter(of: bytes))
        }

        mutating func run() throws -> BallotProfile {
            try readHeader()
            if header.layout == .rankColumns, let aliases {
                // Every candidate the aliases name stands, in their order, ranked or not.
                for name in aliases.candidates {
                    names[Candidate.matchingKey(for: name)] = candidates.count
                    candidates.append(Candidate(name: name))
                }
            }
            if header.layout == .candidateColumns {
                cells = try options.cells ?? detectCells()
            }
            let candidateCount = header.layout == .candidateColumns ? candidates.count : Preference.maximumCandidates
            builder = BallotProfileBuilder(rule: IrregularBallotRule(
                candidateCount: candidateCount, withdrawn: [], equalRanksAreIrregular: cells == .ranks
            ), expectedRankings: bytes.count / 256)
            builder.observer = observer
            var lineCache = lineCacheShape().map { BallotLineCache(shape: $0, delimiter: parser.delimiter) }
            while true {
                pages.reached(parser.offset)
                // A line read before, in every byte but its id, reads the same again.
                var line: BallotLineCache.Line?
                if let text = bytes.baseAddress, lineCache?.isOn == true, let found = lineCache!.line(text, from: parser.offset, count: bytes.count) {
                    if let reading = lineCache!.find(text, found.key) {
                        parser.skipLine(endingAt: found.newline)
                        try addRemembered(reading)
                        continue
                    }
                    line = found
                }
                guard try parser.nextRow() else { break }
                if parser.isEmptyLine { continue }
                let reading = try row()
                // Remembered only when the row is that one line, and, when the key leaves out an
                // id cell, when the row has every column: else its first or last cell need not be
                // the id (a short row "1,5" must not read as "1,2" did).
                if let reading, let line, let text = bytes.baseAddress, parser.offset == line.newline + 1, parser.line == parser.rowLine + 1,
                   lineCache!.shape == .wholeLine || parser.fields.count == columns.count {
                    lineCache!.remember(text, line.key, as: reading)
                }
            }
            return builder.profile(title: nil, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: regionNames)
        }

        mutating func readHeader() throws {
            repeat {
                guard try parser.nextRow() else {
                    throw BallotFileError(file: file, line: 1, column: 1, message: "the file is empty; expected a header row naming candidates or rank columns")
                }
            } while parser.isEmptyLine
            try checkHeaderWidth()
            headerNames = parser.fields.map { parser.string($0) }
            do {
                header = try CSVHeader(names: headerNames, options: options)
            } catch {
                let offset = error.column < parser.fields.count ? parser.fields[error.column].range.lowerBound : parser.rowLineStart
                throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: offset, message: error.message)
            }
            columns = header.roles.map(ColumnKind.init)
            if header.layout == .candidateColumns {
                for (column, role) in header.roles.enumerated() {
                    guard case let .candidate(name) = role else { continue }
                    var canonical = name
                    if let aliases {
                        guard let known = aliases.canonicalName(for: name) else {
                            throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: parser.fields[column].range.lowerBound, message: "the column '\(Excerpt.of(name))' names no candidate in \(aliases.file)")
                        }
                        canonical = known
                    }
                    if let twin = candidates.firstIndex(where: { $0.matchingKey == Candidate.matchingKey(for: canonical) }) {
                        throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: parser.fields[column].range.lowerBound, message: "the columns '\(Excerpt.of(candidates[twin].name))' and '\(Excerpt.of(name))' are the same candidate, '\(Excerpt.of(canonical))'")
                    }
                    candidates.append(Candidate(name: canonical))
                }
                if candidates.count > Preference.maximumCandidates {
                    throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: parser.rowLineStart, message: "expected at most \(Preference.maximumCandidates) candidates")
                }
            }
        }

        /// Refuses, before reading the header's names, a header wider than any ballot file can
        /// use: more named columns than candidates (or ranks) plus weight, id and region, or more
        /// columns in all than `CSVHeader.maximumColumns`.
        func checkHeaderWidth() throws {
            let fields = parser.fields
            if fields.count > CSVHeader.maximumColumns {
                throw located(fields[CSVHeader.maximumColumns].range.lowerBound, "expected at most \(CSVHeader.maximumColumns) columns; the header has \(fields.count)")
            }
            if let long = fields.first(where: { $0.range.count > Candidate.maximumNameBytes }) {
                throw located(long.range.lowerBound, "expected a column name of at most \(Candidate.maximumNameBytes) bytes; found \(long.range.count)")
            }
            var named = 0
            for field in fields where !ByteText.trimmed(bytes, field.range).isEmpty {
                named += 1
                if named > CSVHeader.maximumNamedColumns {
                    throw located(field.range.lowerBound, "expected at most \(CSVHeader.maximumNamedColumns) named columns (\(Preference.maximumCandidates) candidates or ranks, and weight, id and region); the header has more")
                }
            }
        }

        /// Reads ahead until a cell shows whether the file holds rank numbers or marks: a number
        /// of 2 or more means ranks, an `X`-like mark means marks; a file of 1s and blanks only
        /// holds marks.
        func detectCells() throws -> CSVCells {
            var scout = parser.fork()
            while (try? scout.nextRow()) == true {
                for (column, field) in scout.fields.enumerated() where column < header.roles.count {
                    guard case .candidate = header.roles[column] else { continue }
                    let code = (try? Reader.cellCode(field, bytes: bytes, parser: scout)) ?? 0
                    if code == Reader.markCode { return .marks }
                    if code >= 2 { return .ranks }
                }
            }
            return .marks
        }

        /// Where a line's key lies (`BallotLineCache`), or nil when lines are not to be remembered:
        /// with an observer (it is told each line's id), or with an id column that is neither the
        /// first nor the last.
        func lineCacheShape() -> BallotLineCache.KeyShape? {
            guard observer == nil else { return nil }
            let ids = columns.indices.filter { columns[$0] == .id }
            if ids.isEmpty { return .wholeLine }
            guard ids.count == 1 else { return nil }
            if ids[0] == 0 { return .afterFirstCell }
            if ids[0] == columns.count - 1 { return .beforeLastCell }
            return nil
        }

        /// Adds a line the line cache recognised.
        mutating func addRemembered(_ reading: BallotLineCache.Reading) throws {
            do {
                try builder.add(countedRanking: reading.number, weight: reading.weight, line: parser.rowLine)
            } catch is BallotProfileBuilder.TooManyBallots {
                throw tooManyBallots()
            }
        }

        func tooManyBallots() -> BallotFileError.Located {
            located(parser.rowLineStart, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
        }

        /// Reads the row last split; returns what it reads as when it counted with no
        /// irregularity (what a line cache may remember).
        mutating func row() throws -> BallotLineCache.Reading? {
            let fields = parser.fields
            let spellings = self.spellings
            let codes = self.codes
            let ranks = self.ranks
            if fields.count > columns.count {
                for (number, field) in fields.enumerated() where number >= columns.count && !ByteText.trimmed(bytes, field.range).isEmpty {
                    throw located(field.range.lowerBound, "expected at most \(columns.count) fields, as the header has; found a value in field \(number + 1)")
                }
            }
            var weight: Int64 = 1
            var region: Int?
            var idField: CSVRowParser.Field?
            codes.removeAll()
            ranks.removeAll()
            for column in 0..<columns.count {
                let field = column < fields.count ? fields[column] : CSVRowParser.Field(range: parser.rowLineStart..<parser.rowLineStart, hasEscapedQuotes: false)
                switch columns[column] {
                case .weight:
                    let cell = ByteText.trimmed(bytes, field.range)
                    guard let value = ByteText.wholeNumber(bytes, cell, limit: BallotProfile.maximumTotalWeight) else {
                        throw located(field.range.lowerBound, (cell.isEmpty ? nil : ByteText.weightProblem(bytes, cell))
                            ?? "expected a whole-number weight in column '\(headerNames[column])'; found \(ByteText.quoted(bytes, field.range))")
                    }
                    weight = value
                case .id:
                    idField = field
                case .region:
                    region = try regionIndex(field)
                case .rank:
                    codes.append(try candidateCode(field, spellings: spellings))
                case .candidate:
                    ranks.append(try Reader.cellCode(field, bytes: bytes, parser: parser))
                case .ignored:
                    if !ByteText.trimmed(bytes, field.range).isEmpty {
                        throw located(field.range.lowerBound, "expected an empty cell under a column with no header; found \(ByteText.quoted(bytes, field.range))")
                    }
                }
            }
            if header.layout == .candidateColumns { try rankingFromCells() }
            do {
                let bytes = self.bytes
                let number = try builder.add(codes.codes, weight: weight, region: region, line: parser.rowLine) { idField.map { CSVRowParser.string($0, in: bytes) } }
                return number.map { BallotLineCache.Reading(number: $0, weight: weight) }
            } catch is BallotProfileBuilder.TooManyBallots {
                throw tooManyBallots()
            }
        }

        /// Turns the candidate-column cells in `ranks` into a ranking in `codes`.
        mutating func rankingFromCells() throws {
            if cells == .marks {
                for candidate in 0..<ranks.count where ranks[candidate] != 0 {
                    let code = ranks[candidate]
                    if code != Reader.markCode, code != 1 {
                        throw located(cellOffset(candidate), "expected a mark (X, 1, yes) or an empty cell: this file holds marks, not rank numbers; found rank \(code) (use --cells ranks if the file ranks candidates)")
                    }
                    codes.append(UInt16(candidate) | (codes.count == 0 ? 0 : RawPreferenceCode.equalToPrevious))
                }
                return
            }
            var highest: UInt16 = 0
            for candidate in 0..<ranks.count where ranks[candidate] != 0 {
                let code = ranks[candidate]
                if code == Reader.markCode {
                    throw located(cellOffset(candidate), "expected a rank number or an empty cell: this file ranks candidates, so a mark such as X cannot be read as a rank (use --cells marks if the file holds marks)")
                }
                highest = max(highest, code)
            }
            guard highest > 0 else { return }
            // The ranked cells in order of rank, then of candidate: (rank << 16) | candidate.
            rankedCells.removeAll(keepingCapacity: true)
            for candidate in 0..<ranks.count where ranks[candidate] != 0 { rankedCells.append(UInt32(ranks[candidate]) << 16 | UInt32(candidate)) }
            rankedCells.sort()
            var rank: UInt32 = 0
            for cell in rankedCells {
                let cellRank = cell >> 16
                if cellRank == rank {
                    codes.append(UInt16(cell & 0xFFFF) | RawPreferenceCode.equalToPrevious) // ranked equal with the one before
                    continue
                }
                if cellRank > rank + 1 {
                    // A gap below a higher rank: the rule counts up to it.
                    codes.append(RawPreferenceCode.markedSkip)
                    return
                }
                rank = cellRank
                codes.append(UInt16(cell & 0xFFFF))
            }
        }

        /// Byte offset of the cell of the `candidate`-th candidate column in the current row.
        func cellOffset(_ candidate: Int) -> Int {
            var seen = -1
            for (column, role) in header.roles.enumerated() {
                if case .candidate = role { seen += 1 }
                if seen == candidate { return column < parser.fields.count ? parser.fields[column].range.lowerBound : parser.rowLineStart }
            }
            return parser.rowLineStart
        }

        /// A candidate-column cell: 0 blank (or "0"), `markCode` for a mark, else the rank number.
        /// (Static, taking only what it reads: a method on the reader copied the whole reader for
        /// every cell.)
        static func cellCode(_ field: CSVRowParser.Field, bytes: UnsafeBufferPointer<UInt8>, parser: borrowing CSVRowParser) throws -> UInt16 {
            let range = ByteText.trimmed(bytes, field.range)
            if range.isEmpty { return 0 }
            switch ByteText.digits(bytes, range) {
            case let .value(number) where number <= Int64(Preference.maximumCandidates):
                return UInt16(number) // a rank above every candidate's leaves a gap: irregular, counted up to it
            case .value, .tooLarge:
                throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: range.lowerBound, message: "expected a rank number from 1 to \(Preference.maximumCandidates); found \(ByteText.quoted(bytes, range))")
            case .notANumber:
                break
            }
            if CSVReader.isMark(bytes, range) { return Reader.markCode }
            throw BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: range.lowerBound, message: "expected a rank number, a mark (X, yes, ✓) or an empty cell; found \(ByteText.quoted(bytes, range))")
        }

        /// A rank-column cell: the candidate it names (a new name is a new candidate), or a skipped
        /// rank for a blank cell.
        mutating func candidateCode(_ field: CSVRowParser.Field, spellings: SpellingCache) throws -> UInt16 {
            let range = ByteText.trimmed(bytes, field.range)
            if range.isEmpty { return RawPreferenceCode.skippedRank }
            if !field.hasEscapedQuotes, let known = spellings.find(bytes, range) { return UInt16(known) }
            let value: [UInt8]? = field.hasEscapedQuotes ? parser.unescaped(field) : nil
            let number = try value.map { text in try text.withUnsafeBufferPointer { try intern(name: $0, 0..<$0.count) } } ?? intern(name: bytes, range)
            return number.map { UInt16($0) } ?? RawPreferenceCode.unknownCandidate
        }

        /// The number of a candidate name, matched as `Candidate.matchingKey` matches names
        /// (Unicode case, any whitespace, canonically equivalent spellings). Only a spelling not
        /// seen before gets here; the spelling cache answers the rest.
        mutating func intern(name source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> Int? {
            let spelling = ByteText.trimmed(source, range)
            guard spelling.count <= Candidate.maximumNameBytes else {
                throw located(parser.rowLineStart, "expected a candidate name of at most \(Candidate.maximumNameBytes) bytes; found \(spelling.count)")
            }
            var text = ByteText.string(source, spelling)
            guard !Candidate.matchingKey(for: text).isEmpty else { throw located(parser.rowLineStart, "expected a candidate name; found only blank characters") }
            try checkPrintable(text)
            if let aliases {
                // The aliases list the candidates: a name it does not know is no candidate.
                guard let canonical = aliases.canonicalName(for: text) else { return nil }
                text = canonical
            }
            let key = Candidate.matchingKey(for: text)
            let number: Int
            if let known = names[key] {
                number = known
            } else {
                guard names.count < Preference.maximumCandidates else {
                    throw located(parser.rowLineStart, "expected at most \(Preference.maximumCandidates) different candidate names")
                }
                number = names.count
                names[key] = number
                candidates.append(Candidate(name: text))
            }
            spellings.insert(source, spelling, number: number)
            return number
        }

        mutating func regionIndex(_ field: CSVRowParser.Field) throws -> Int {
            let range = ByteText.trimmed(bytes, field.range)
            guard !range.isEmpty else { throw located(field.range.lowerBound, "expected a region name; the cell is empty") }
            guard range.count <= Candidate.maximumNameBytes else {
                throw located(range.lowerBound, "expected a region name of at most \(Candidate.maximumNameBytes) bytes; found \(range.count)")
            }
            if !field.hasEscapedQuotes, let known = regionSpellings.find(bytes, range) { return known }
            let text = parser.string(field)
            try checkPrintable(text)
            let key = Candidate.matchingKey(for: text)
            if let known = regions[key] { return known }
            guard regions.count < Int(UInt16.max) else {
                throw located(range.lowerBound, "expected at most \(Int(UInt16.max)) different regions")
            }
            let number = regions.count
            regions[key] = number
            regionNames.append(text)
            if !field.hasEscapedQuotes { regionSpellings.insert(bytes, range, number: number) }
            return number
        }

        /// Names may not hold control characters other than whitespace (they would garble reports).
        func checkPrintable(_ text: String) throws {
            if let bad = TextValidation.firstControlCharacter(in: text) {
                throw located(parser.rowLineStart, "expected a name without control characters; found U+\(String(bad.value, radix: 16, uppercase: true)) in '\(Excerpt.of(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : Character($0) }.map(String.init).joined()))'")
            }
        }

        func located(_ offset: Int, _ message: String) -> BallotFileError.Located {
            BallotFileError.Located(line: parser.rowLine, lineStart: parser.rowLineStart, offset: offset, message: message)
        }
    }

    /// A header role without its payload.
    enum ColumnKind {
        case weight, id, region, rank, candidate, ignored

        init(_ role: CSVHeader.Role) {
            switch role {
            case .weight: self = .weight
            case .id: self = .id
            case .region: self = .region
            case .rank: self = .rank
            case .candidate: self = .candidate
            case .ignored: self = .ignored
            }
        }
    }

    /// `X`, `x`, `yes`, `y`, `true`, `✓`, `✔` (ASCII letters in any case).
    static func isMark(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == range.count else { return false }
            let letters = word.utf8Start
            for offset in 0..<range.count {
                var byte = bytes[range.lowerBound + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != letters[offset] { return false }
            }
            return true
        }
        return matches("x") || matches("yes") || matches("y") || matches("true") || matches("✓") || matches("✔")
    }
}
