import TallyModel

/// Reads the BLT ballot format (Hill, Wichmann and Woodall 1987) and the dialects of it found in
/// real files (docs/formats.md): comments (`#` to the end of a line, `/* … */`), ballot lines
/// without their closing 0, `(id)` ballot identifiers, `=` equal ranks, `-` skipped ranks, a
/// withdrawn line, `[withdrawn …]`, `[tie …]` and `[nick …]` options, a party string after a
/// candidate's name, free text after the title, a byte-order mark, CRLF line ends and padded lines.
///
/// BLT is line-oriented here: the end of a line ends a ballot, whether or not it closes with 0.
public struct BLTReader: Sendable {
    public init() {}

    private enum Phase { case header, beforeBallots, ballots, names, trailing }

    /// Reads a whole file held in `bytes`; `file` names it in errors.
    /// `observer` is told what became of each ballot line.
    /// `release` is told, every so often, the offset below which the bytes are no longer needed.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil, release: ((Int) -> Void)? = nil) throws -> BallotProfile {
        var parser = Parser(bytes: bytes, file: file)
        parser.observer = observer
        parser.pages = PageRelease(release)
        return try parser.run()
    }

    private struct Parser {
        var observer: BallotLineObserver?
        var pages = PageRelease(nil)
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var cursor: LineCursor
        var phase = Phase.header
        /// Where an unclosed `/*` opened: line, line start, offset.
        var openComment: (line: Int, lineStart: Int, offset: Int)?
        var tokens: [Range<Int>] = []
        /// The '='-separated parts of the preference token being read (reused, like `tokens`).
        var parts: [Range<Int>] = []
        let codes = CodeBuffer(capacity: 64)

        var candidateCount = 0
        var seats = 0
        var withdrawn: [Int] = []
        var tieOrder: [Int]?
        var nicknames: [String: Int] = [:]
        var builder: BallotProfileBuilder?
        var candidates: [Candidate] = []
        var nameLines: [String: Int] = [:]
        var title: String?
        /// The line of the end-of-ballots `0`.
        var endOfBallotsLine = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
            cursor = LineCursor(bytes)
        }

        mutating func run() throws -> BallotProfile {
            while let line = cursor.next() {
                pages.reached(line.lowerBound)
                switch phase {
                case .header, .beforeBallots, .ballots:
                    try tokenize(line)
                    if tokens.isEmpty { continue }
                    try numericLine()
                case .names:
                    try nameLine(line)
                case .trailing:
                    break
                }
            }
            return try finish()
        }

        // MARK: Comments

        /// True at `index` when a `/*` starts there.
        func opensComment(_ index: Int, _ end: Int) -> Bool { bytes[index] == 0x2F && index + 1 < end && bytes[index + 1] == 0x2A }

        /// Skips a `/* … */` comment that is open at `index` (on this or an earlier line),
        /// returning where the line's content resumes, or `end` if the comment runs on.
        mutating func skipComment(from index: Int, to end: Int) -> Int {
            var index = index
            while index < end {
                if bytes[index] == 0x2A, index + 1 < end, bytes[index + 1] == 0x2F {
                    openComment = nil
                    return index + 2
                }
                index += 1
            }
            return end
        }

        // MARK: Lines of numbers

        /// Splits a line into blank-separated tokens, dropping comments. A `[ … ]` option is one
        /// token. A `/*` comment that opens after a ballot's first token must close on its line:
        /// the end of the line ends the ballot.
        mutating func tokenize(_ line: Range<Int>) throws {
            tokens.removeAll(keepingCapacity: true)
            var index = line.lowerBound
            if openComment != nil { index = skipComment(from: index, to: line.upperBound) }
            while index < line.upperBound {
                let byte = bytes[index]
                if ByteText.isBlank(byte) { index += 1; continue }
                if byte == 0x23 { break } // '#': a comment to the end of the line
                if opensComment(index, line.upperBound) {
                    openComment = (cursor.lineNumber, cursor.lineStart, index)
                    index = skipComment(from: index + 2, to: line.upperBound)
                    if openComment != nil, !tokens.isEmpty {
                        throw error(at: openComment!.offset, "expected this comment to close on its line: the end of a line ends a ballot line")
                    }
                    continue
                }
                let start = index
                if byte == 0x5B { // '[' option, up to ']'
                    while index < line.upperBound, bytes[index] != 0x5D { index += 1 }
                    guard index < line.upperBound else { throw error(at: start, "expected ']' to close the option") }
                    index += 1
                } else {
                    while index < line.upperBound, !ByteText.isBlank(bytes[index]), bytes[index] != 0x23, !opensComment(index, line.upperBound) { index += 1 }
                }
                tokens.append(start..<index)
            }
        }

        mutating func numericLine() throws {
            switch phase {
            case .header:
                try header()
            case .beforeBallots:
                let first = tokens[0]
                if bytes[first.lowerBound] == 0x2D, first.count > 1 { try withdrawnLine(); return }
                if bytes[first.lowerBound] == 0x5B {
                    try option(first)
                    if tokens.count > 1 { throw error(at: tokens[1].lowerBound, "expected one option per line") }
                    return
                }
                phase = .ballots
                builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: candidateCount, withdrawn: withdrawn), expectedRankings: bytes.count / 48)
                builder!.observer = observer
                try ballotLine()
            case .ballots:
                try ballotLine()
            default:
                break
            }
        }

        mutating func header() throws {
            let count = tokens.count == 2 ? ByteText.digits(bytes, tokens[0]) : .notANumber
            let seatCount = tokens.count == 2 ? ByteText.digits(bytes, tokens[1]) : .notANumber
            guard count != .notANumber, seatCount != .notANumber else {
                let found = ByteText.quoted(bytes, tokens[0].lowerBound..<tokens[tokens.count - 1].upperBound)
                throw error(at: tokens[0].lowerBound, "expected the header line: the number of candidates and the number of seats, e.g. '4 2'; found \(found)")
            }
            guard case let .value(candidates) = count, candidates >= 1, candidates <= Int64(Preference.maximumCandidates) else {
                throw error(at: tokens[0].lowerBound, "expected between 1 and \(Preference.maximumCandidates) candidates; found \(ByteText.quoted(bytes, tokens[0]))")
            }
            guard case let .value(seats) = seatCount, seats >= 1, seats <= Int64(Preference.maximumCandidates) else {
                let found = ByteText.quoted(bytes, tokens[1])
                throw error(at: tokens[1].lowerBound, seatCount == .value(0)
                    ? "expected at least 1 seat; found 0"
                    : "expected a number of seats from 1 to \(Preference.maximumCandidates); found \(found)")
            }
            candidateCount = Int(candidates)
            self.seats = Int(seats)
            phase = .beforeBallots
        }

        mutating func withdrawnLine() throws {
            for token in tokens {
                guard bytes[token.lowerBound] == 0x2D,
                      let number = ByteText.wholeNumber(bytes, (token.lowerBound + 1)..<token.upperBound),
                      number >= 1, number <= Int64(candidateCount)
                else {
                    throw error(at: token.lowerBound, "expected a withdrawn candidate as a negative candidate number from -1 to -\(candidateCount); found \(ByteText.quoted(bytes, token))")
                }
                withdrawn.append(Int(number) - 1)
            }
        }

        /// `[withdrawn 2 4]`, `[tie 3 1 2]` (the first named is the most favoured), `[nick a b c]`.
        mutating func option(_ token: Range<Int>) throws {
            var inner = ByteText.string(bytes, (token.lowerBound + 1)..<(token.upperBound - 1))
            while let open = inner.range(of: "/*") { // comments inside an option
                guard let close = inner.range(of: "*/", range: open.upperBound..<inner.endIndex) else {
                    throw error(at: token.lowerBound, "expected the comment inside the option to close before ']'")
                }
                inner.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let name = words.first?.lowercased() else { throw error(at: token.lowerBound, "expected an option name inside '[ ]'") }
            let arguments = Array(words.dropFirst())
            switch name {
            case "nick":
                guard arguments.count == candidateCount, Set(arguments).count == arguments.count else {
                    throw error(at: token.lowerBound, "expected \(candidateCount) distinct nicknames in [nick …]; found \(arguments.count)")
                }
                for nick in arguments where nick.allSatisfy({ $0.isNumber }) || nick.contains(where: { "=-#()[]\"".contains($0) }) {
                    throw error(at: token.lowerBound, "expected nicknames that are not numbers and hold none of = - # ( ) [ ] \"; found '\(Excerpt.of(nick))'")
                }
                for (index, nick) in arguments.enumerated() { nicknames[nick] = index }
            case "withdrawn", "tie":
                guard !arguments.isEmpty else { throw error(at: token.lowerBound, "expected candidates in [\(name) …]") }
                var indices: [Int] = []
                for argument in arguments {
                    let index: Int
                    if let number = Int(argument), number >= 1, number <= candidateCount { index = number - 1 }
                    else if let nick = nicknames[argument] { index = nick }
                    else { throw error(at: token.lowerBound, "expected candidate numbers (1–\(candidateCount)) or nicknames in [\(name) …]; found '\(Excerpt.of(argument))'") }
                    guard !indices.contains(index) else { throw error(at: token.lowerBound, "candidate '\(Excerpt.of(argument))' is named twice in [\(name) …]") }
                    indices.append(index)
                }
                if name == "tie" { tieOrder = indices } else { withdrawn.append(contentsOf: indices) }
            default:
                throw error(at: token.lowerBound, "expected a known option ([withdrawn …], [tie …] or [nick …]); found [\(Excerpt.of(name)) …]")
            }
        }

        mutating func ballotLine() throws {
            if tokens.count == 1, tokens[0].count == 1, bytes[tokens[0].lowerBound] == 0x30 {
                endOfBallotsLine = cursor.lineNumber
                phase = .names
                return
            }
            let first = tokens[0]
            if bytes[first.lowerBound] == ByteText.quote {
                throw error(at: first.lowerBound, "expected the end-of-ballots line '0' before the candidate names")
            }
            var weight: Int64 = 1
            if bytes[first.lowerBound] == 0x28 { // '(' ballot id: weight 1
                guard bytes[first.upperBound - 1] == 0x29, first.count >= 2 else {
                    throw error(at: first.lowerBound, "expected a ballot id in parentheses, e.g. '(a12)'; found \(ByteText.quoted(bytes, first))")
                }
            } else if let number = ByteText.wholeNumber(bytes, first, limit: BallotProfile.maximumTotalWeight) {
                weight = number
            } else {
                throw error(at: first.lowerBound, ByteText.weightProblem(bytes, first)
                    ?? "expected a ballot line starting with a whole-number weight (or a ballot id in parentheses); found \(ByteText.quoted(bytes, first))")
            }

            codes.removeAll()
            var closed = false
            var pendingEqual = false
            for token in tokens.dropFirst() {
                if closed { throw error(at: token.lowerBound, "expected the end of the ballot after its closing 0; found \(ByteText.quoted(bytes, token))") }
                if token.count == 1, bytes[token.lowerBound] == 0x30 {
                    if pendingEqual { throw error(at: token.lowerBound, "expected a candidate after '='; 0 ends a ballot") }
                    closed = true
                    continue
                }
                // A token is candidates joined by '=': "2=3", "2=", "=3" (the '=' may stand apart).
                parts.removeAll(keepingCapacity: true)
                var partStart = token.lowerBound
                for index in token.lowerBound...token.upperBound where index == token.upperBound || bytes[index] == 0x3D {
                    parts.append(partStart..<index)
                    partStart = index + 1
                }
                for (number, part) in parts.enumerated() {
                    let isFirst = number == 0
                    let isLast = number == parts.count - 1
                    if part.isEmpty {
                        if parts.count == 1 { continue }
                        if isFirst { // "=3": equal to the preference before it
                            guard codes.count > 0 else { throw error(at: part.lowerBound, "expected a candidate before '='") }
                            pendingEqual = true
                            continue
                        }
                        if isLast { pendingEqual = true; continue } // "2=": equal to the next
                        throw error(at: part.lowerBound, "expected a candidate between the two '='")
                    }
                    var code = try preferenceCode(part)
                    let joined = !isFirst || pendingEqual
                    if code == RawPreferenceCode.markedSkip, joined || (!isLast && parts.count > 1) {
                        throw error(at: part.lowerBound, "expected a candidate on each side of '=': '-' (a skipped rank) cannot be ranked equal")
                    }
                    if joined {
                        guard codes.count > 0 else { throw error(at: part.lowerBound, "expected a candidate before '='") }
                        code |= RawPreferenceCode.equalToPrevious
                    }
                    pendingEqual = false
                    codes.append(code)
                }
            }
            if pendingEqual { throw error(at: tokens[tokens.count - 1].lowerBound, "expected a candidate after '='") }
            do {
                let bytes = self.bytes
                let id = bytes[first.lowerBound] == 0x28 ? first.lowerBound + 1 ..< first.upperBound - 1 : nil
                try builder!.add(codes.codes, weight: weight, region: nil, line: cursor.lineNumber) { id.map { ByteText.string(bytes, $0) } }
            } catch is BallotProfileBuilder.TooManyBallots {
                throw error(at: first.lowerBound, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
            }
        }

        /// A candidate number, a nickname, or '-' for a skipped rank.
        func preferenceCode(_ part: Range<Int>) throws -> UInt16 {
            if part.count == 1, bytes[part.lowerBound] == 0x2D { return RawPreferenceCode.markedSkip }
            switch ByteText.digits(bytes, part) {
            case .value(0):
                throw error(at: part.lowerBound, "expected a candidate number from 1 to \(candidateCount); 0 ends a ballot and cannot be ranked equal")
            case let .value(number) where number <= Int64(candidateCount):
                return UInt16(number - 1)
            case let .value(number) where number <= Int64(Preference.maximumCandidates):
                return RawPreferenceCode.unknownCandidate // counted up to it (docs/formats.md)
            case .value, .tooLarge:
                throw error(at: part.lowerBound, "expected a candidate number from 1 to \(candidateCount); found \(ByteText.quoted(bytes, part)), beyond any candidate number a ballot file can hold (\(Preference.maximumCandidates))")
            case .notANumber:
                break
            }
            if !nicknames.isEmpty, let index = nicknames[ByteText.string(bytes, part)] { return UInt16(index) }
            throw error(at: part.lowerBound, "expected a candidate number (1–\(candidateCount))\(nicknames.isEmpty ? "" : " or nickname"), '-' or '0'; found \(ByteText.quoted(bytes, part))")
        }

        // MARK: Names and title

        /// A candidate line (`"Name"`, optionally `"Party"`) or the title: quoted strings, or the
        /// line's unquoted text; `/* … */` and `#` comments outside quotes are skipped.
        mutating func nameLine(_ line: Range<Int>) throws {
            var strings: [String] = []
            /// The unquoted words of the line, comments left out.
            var words: [Range<Int>] = []
            var index = line.lowerBound
            if openComment != nil { index = skipComment(from: index, to: line.upperBound) }
            scan: while index < line.upperBound {
                let byte = bytes[index]
                if opensComment(index, line.upperBound) {
                    openComment = (cursor.lineNumber, cursor.lineStart, index)
                    index = skipComment(from: index + 2, to: line.upperBound)
                    if openComment != nil, !strings.isEmpty || !words.isEmpty {
                        throw error(at: openComment!.offset, "expected this comment to close on its line: the end of a line ends a name line")
                    }
                    continue
                }
                if byte == 0x23 { break scan }
                if byte == ByteText.quote {
                    let (text, end) = try quotedString(from: index, lineEnd: line.upperBound)
                    strings.append(text)
                    index = end
                    continue
                }
                if ByteText.isBlank(byte) { index += 1; continue }
                let start = index
                while index < line.upperBound, !ByteText.isBlank(bytes[index]), bytes[index] != ByteText.quote, bytes[index] != 0x23, !opensComment(index, line.upperBound) { index += 1 }
                words.append(start..<index)
            }
            let isName = candidates.count < candidateCount
            let what = isName ? "candidate \(candidates.count + 1)'s name" : "the title"
            if let word = words.first {
                let unquoted = word.lowerBound..<words[words.count - 1].upperBound
                if looksLikeBallotLine(words) {
                    throw error(at: word.lowerBound, "expected \(what) in double quotes; found \(ByteText.quoted(bytes, unquoted)), which looks like a ballot line, a withdrawn line or an option, but the ballots ended with the '0' on line \(endOfBallotsLine) (a name that is a number must be quoted)")
                }
                if isName, !strings.isEmpty {
                    throw error(at: word.lowerBound, "expected the name, and a party after it, each in double quotes (\"Ann Black\" \"Labour\"); found unquoted text \(ByteText.quoted(bytes, unquoted)) beside a quoted one")
                }
                if strings.isEmpty {
                    strings.append(words.map { ByteText.string(bytes, $0) }.joined(separator: " ")) // an unquoted name or title
                }
            }
            guard let first = strings.first else { return } // blank or comment-only line
            if isName {
                guard strings.count <= 2 else {
                    throw error(at: line.lowerBound, "expected a name and at most a party after it; found \(strings.count) quoted strings")
                }
                for text in strings where text.utf8.count > Candidate.maximumNameBytes {
                    throw error(at: line.lowerBound, "expected a candidate name and party of at most \(Candidate.maximumNameBytes) bytes each; found \(text.utf8.count)")
                }
                let key = Candidate.matchingKey(for: first)
                guard !key.isEmpty else { throw error(at: line.lowerBound, "expected a candidate name; found an empty one") }
                if let bad = TextValidation.firstControlCharacter(in: first) {
                    throw error(at: line.lowerBound, "expected a candidate name without control characters; found U+\(String(bad.value, radix: 16, uppercase: true))")
                }
                if let earlier = nameLines[key] {
                    throw error(at: line.lowerBound, "candidate name \"\(Excerpt.of(first))\" repeats the name on line \(earlier); names must differ")
                }
                nameLines[key] = cursor.lineNumber
                candidates.append(Candidate(name: first, affiliation: strings.count > 1 ? strings[1] : nil))
            } else {
                title = first
                phase = .trailing
            }
        }

        /// True when the unquoted words of a name line read as a ballot line, the end-of-ballots
        /// `0`, a withdrawn line or an option: the first word is a whole number, a ballot id
        /// `(…)` followed by more, a negative number, or `[`.
        func looksLikeBallotLine(_ words: [Range<Int>]) -> Bool {
            let first = words[0]
            if ByteText.digits(bytes, first) != .notANumber { return true }
            if bytes[first.lowerBound] == 0x5B { return true } // [withdrawn …], [tie …]
            if bytes[first.lowerBound] == 0x2D, ByteText.digits(bytes, (first.lowerBound + 1)..<first.upperBound) != .notANumber { return true }
            return bytes[first.lowerBound] == 0x28 && bytes[first.upperBound - 1] == 0x29 && words.count > 1
        }

        func quotedString(from start: Int, lineEnd: Int) throws -> (String, Int) {
            var index = start + 1
            var text: [UInt8] = []
            while index < lineEnd {
                let byte = bytes[index]
                if byte == 0x5C, index + 1 < lineEnd, bytes[index + 1] == ByteText.quote || bytes[index + 1] == 0x5C {
                    text.append(bytes[index + 1]); index += 2; continue
                }
                if byte == ByteText.quote { return (String(decoding: text, as: UTF8.self), index + 1) }
                text.append(byte)
                index += 1
            }
            throw error(at: start, "expected a closing '\"' for the string that starts here")
        }

        // MARK: End

        mutating func finish() throws -> BallotProfile {
            if let open = openComment, phase != .trailing {
                throw BallotFileError(file: file, line: open.line, column: ByteText.column(bytes, lineStart: open.lineStart, offset: open.offset), message: "expected '*/' to close the comment that opens here; the file ended first")
            }
            let endLine = cursor.lineNumber + 1
            switch phase {
            case .header:
                throw BallotFileError(file: file, line: max(1, cursor.lineNumber), column: 1, message: cursor.lineNumber == 0
                    ? "the file is empty; expected a BLT header line such as '4 2' (candidates, seats)"
                    : "expected a BLT header line such as '4 2' (candidates, seats); found only comments and blank lines")
            case .beforeBallots, .ballots:
                throw BallotFileError(file: file, line: endLine, column: 1, message: "expected the end-of-ballots line '0', then \(candidateCount) candidate names; the file ended first")
            case .names where candidates.count < candidateCount:
                throw BallotFileError(file: file, line: endLine, column: 1, message: "expected \(candidateCount) candidate names after the ballots; found \(candidates.count)")
            default:
                break
            }
            return builder!.profile(
                title: title, candidates: candidates, seats: seats, withdrawn: Array(Set(withdrawn)).sorted(),
                tieOrder: tieOrder, regions: []
            )
        }

        func error(at offset: Int, _ message: String) -> BallotFileError {
            BallotFileError(file: file, line: cursor.lineNumber, column: ByteText.column(bytes, lineStart: cursor.lineStart, offset: offset), message: message)
        }
    }
}
