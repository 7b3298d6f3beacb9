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
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> BallotProfile {
        var parser = Parser(bytes: bytes, file: file)
        return try parser.run()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var cursor: LineCursor
        var phase = Phase.header
        var inBlockComment = false
        var tokens: [Range<Int>] = []
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

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
            cursor = LineCursor(bytes)
        }

        mutating func run() throws -> BallotProfile {
            while let line = cursor.next() {
                switch phase {
                case .header, .beforeBallots, .ballots:
                    try tokenize(line)
                    if tokens.isEmpty { continue }
                    try numericLine()
                case .names:
                    try nameLine(ByteText.trimmed(bytes, line))
                case .trailing:
                    break
                }
            }
            return try finish()
        }

        // MARK: Lines of numbers

        /// Splits a line into blank-separated tokens, dropping comments. A `[ … ]` option is one
        /// token.
        mutating func tokenize(_ line: Range<Int>) throws {
            tokens.removeAll(keepingCapacity: true)
            var index = line.lowerBound
            while index < line.upperBound {
                let byte = bytes[index]
                if inBlockComment {
                    if byte == 0x2A, index + 1 < line.upperBound, bytes[index + 1] == 0x2F { inBlockComment = false; index += 2 } else { index += 1 }
                    continue
                }
                if ByteText.isBlank(byte) { index += 1; continue }
                if byte == 0x23 { break } // '#': comment to the end of the line
                if byte == 0x2F, index + 1 < line.upperBound, bytes[index + 1] == 0x2A { inBlockComment = true; index += 2; continue }
                let start = index
                if byte == 0x5B { // '[' option, up to ']'
                    while index < line.upperBound, bytes[index] != 0x5D { index += 1 }
                    guard index < line.upperBound else { throw error(at: start, "expected ']' to close the option") }
                    index += 1
                } else {
                    while index < line.upperBound, !ByteText.isBlank(bytes[index]), bytes[index] != 0x23 {
                        if bytes[index] == 0x2F, index + 1 < line.upperBound, bytes[index + 1] == 0x2A { break }
                        index += 1
                    }
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
                if bytes[first.lowerBound] == 0x5B { try option(first); if tokens.count > 1 { throw error(at: tokens[1].lowerBound, "expected one option per line") }; return }
                phase = .ballots
                builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: candidateCount, withdrawn: withdrawn))
                try ballotLine()
            case .ballots:
                try ballotLine()
            default:
                break
            }
        }

        mutating func header() throws {
            guard tokens.count == 2,
                  let count = ByteText.wholeNumber(bytes, tokens[0]),
                  let seatCount = ByteText.wholeNumber(bytes, tokens[1])
            else {
                throw error(at: tokens[0].lowerBound, "expected the header line: the number of candidates and the number of seats, e.g. '4 2'; found \(ByteText.quoted(bytes, headerRange))")
            }
            guard count >= 1, count <= Int64(Preference.maximumCandidates) else {
                throw error(at: tokens[0].lowerBound, "expected between 1 and \(Preference.maximumCandidates) candidates; found \(count)")
            }
            guard seatCount >= 1 else { throw error(at: tokens[1].lowerBound, "expected at least 1 seat; found \(seatCount)") }
            candidateCount = Int(count)
            seats = Int(min(seatCount, Int64(Int32.max)))
            phase = .beforeBallots
        }

        var headerRange: Range<Int> { tokens[0].lowerBound..<tokens[tokens.count - 1].upperBound }

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
            let inner = ByteText.string(bytes, (token.lowerBound + 1)..<(token.upperBound - 1))
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let name = words.first?.lowercased() else { throw error(at: token.lowerBound, "expected an option name inside '[ ]'") }
            let arguments = Array(words.dropFirst())
            switch name {
            case "nick":
                guard arguments.count == candidateCount, Set(arguments).count == arguments.count else {
                    throw error(at: token.lowerBound, "expected \(candidateCount) distinct nicknames in [nick …]; found \(arguments.count)")
                }
                for (index, nick) in arguments.enumerated() { nicknames[nick] = index }
            case "withdrawn", "tie":
                var indices: [Int] = []
                for argument in arguments {
                    if let number = Int(argument), number >= 1, number <= candidateCount { indices.append(number - 1) }
                    else if let index = nicknames[argument] { indices.append(index) }
                    else { throw error(at: token.lowerBound, "expected candidate numbers (1–\(candidateCount)) or nicknames in [\(name) …]; found '\(argument)'") }
                }
                if name == "tie" { tieOrder = indices } else { withdrawn.append(contentsOf: indices) }
            default:
                throw error(at: token.lowerBound, "expected a known option ([withdrawn …], [tie …] or [nick …]); found [\(name) …]")
            }
        }

        mutating func ballotLine() throws {
            if tokens.count == 1, tokens[0].count == 1, bytes[tokens[0].lowerBound] == 0x30 {
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
                let text = ByteText.quoted(bytes, first)
                let fractional = bytes[first].contains(0x2E) && bytes[first].allSatisfy { ByteText.isDigit($0) || $0 == 0x2E }
                throw error(at: first.lowerBound, fractional
                    ? "expected a whole-number ballot weight; fractional weights such as \(text) are not supported"
                    : "expected a ballot line starting with a whole-number weight (or a ballot id in parentheses); found \(text)")
            }

            codes.removeAll()
            var closed = false
            var pendingEqual = false
            for token in tokens.dropFirst() {
                if closed { throw error(at: token.lowerBound, "expected the end of the ballot after its closing 0; found \(ByteText.quoted(bytes, token))") }
                if token.count == 1, bytes[token.lowerBound] == 0x30 { closed = true; continue }
                if token.count == 1, bytes[token.lowerBound] == 0x3D { // a lone '='
                    guard codes.count > 0 else { throw error(at: token.lowerBound, "expected a candidate before '='") }
                    pendingEqual = true
                    continue
                }
                var partStart = token.lowerBound
                var index = token.lowerBound
                while index <= token.upperBound {
                    if index == token.upperBound || bytes[index] == 0x3D {
                        let part = partStart..<index
                        guard !part.isEmpty else { throw error(at: index, "expected a candidate on each side of '='") }
                        var code = try preferenceCode(part)
                        if part.lowerBound > token.lowerBound || pendingEqual {
                            guard codes.count > 0 else { throw error(at: part.lowerBound, "expected a candidate before '='") }
                            code |= RawPreferenceCode.equalToPrevious
                        }
                        pendingEqual = false
                        codes.append(code)
                        partStart = index + 1
                    }
                    index += 1
                }
            }
            if pendingEqual { throw error(at: tokens[tokens.count - 1].lowerBound, "expected a candidate after '='") }
            do {
                try builder!.add(codes.codes, weight: weight, region: nil, line: cursor.lineNumber)
            } catch is BallotProfileBuilder.TooManyBallots {
                throw error(at: first.lowerBound, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
            }
        }

        /// A candidate number, a nickname, or '-' for a skipped rank.
        func preferenceCode(_ part: Range<Int>) throws -> UInt16 {
            if part.count == 1, bytes[part.lowerBound] == 0x2D { return RawPreferenceCode.skippedRank }
            if bytes[part].allSatisfy(ByteText.isDigit) {
                guard let number = ByteText.wholeNumber(bytes, part, limit: 1_000_000), number != 0 else {
                    if ByteText.wholeNumber(bytes, part) == 0 { throw error(at: part.lowerBound, "expected a candidate number from 1 to \(candidateCount); 0 ends a ballot and cannot be ranked equal") }
                    return RawPreferenceCode.unknownCandidate
                }
                return number <= Int64(candidateCount) ? UInt16(number - 1) : RawPreferenceCode.unknownCandidate
            }
            if !nicknames.isEmpty, let index = nicknames[ByteText.string(bytes, part)] { return UInt16(index) }
            throw error(at: part.lowerBound, "expected a candidate number (1–\(candidateCount))\(nicknames.isEmpty ? "" : " or nickname"), '-' or '0'; found \(ByteText.quoted(bytes, part))")
        }

        // MARK: Names and title

        mutating func nameLine(_ line: Range<Int>) throws {
            if inBlockComment {
                if let close = find("*/", in: line) { inBlockComment = false; return try nameLine(ByteText.trimmed(bytes, (close + 2)..<line.upperBound)) }
                return
            }
            if line.isEmpty || bytes[line.lowerBound] == 0x23 { return }
            if bytes[line].starts(with: [0x2F, 0x2A]) {
                if find("*/", in: line) == nil { inBlockComment = true }
                return
            }
            var strings: [String] = []
            var index = line.lowerBound
            if bytes[index] == ByteText.quote {
                while index < line.upperBound, strings.count < 2 {
                    while index < line.upperBound, ByteText.isBlank(bytes[index]) { index += 1 }
                    guard index < line.upperBound, bytes[index] == ByteText.quote else { break }
                    let (text, end) = try quotedString(from: index, lineEnd: line.upperBound)
                    strings.append(text)
                    index = end
                }
            } else {
                strings.append(ByteText.string(bytes, line)) // an unquoted name or title
            }
            if candidates.count < candidateCount {
                let name = strings[0]
                guard !Candidate.matchingKey(for: name).isEmpty else { throw error(at: line.lowerBound, "expected a candidate name; found an empty one") }
                let key = Candidate.matchingKey(for: name)
                if let earlier = nameLines[key] {
                    throw error(at: line.lowerBound, "candidate name \"\(name)\" repeats the name on line \(earlier); names must differ")
                }
                nameLines[key] = cursor.lineNumber
                candidates.append(Candidate(name: name, affiliation: strings.count > 1 ? strings[1] : nil))
            } else {
                title = strings[0]
                phase = .trailing
            }
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

        func find(_ needle: String, in range: Range<Int>) -> Int? {
            let pattern = Array(needle.utf8)
            guard range.count >= pattern.count else { return nil }
            for index in range.lowerBound...(range.upperBound - pattern.count) where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            return nil
        }

        // MARK: End

        mutating func finish() throws -> BallotProfile {
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
