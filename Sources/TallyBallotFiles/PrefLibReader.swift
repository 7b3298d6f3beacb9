import Foundation
import TallyModel

/// Reads PrefLib's ordinal preference formats (preflib.org, "Data formats", 2022): `.soc`
/// (strict and complete orders), `.soi` (strict, incomplete), `.toc` and `.toi` (with ties)
/// (docs/formats.md):
///
/// ```
/// # TITLE: ERS Set 12
/// # DATA TYPE: soi
/// # NUMBER ALTERNATIVES: 9
/// # NUMBER VOTERS: 371
/// # ALTERNATIVE NAME 1: Candidate 1
/// …
/// 22: 3,4                 22 voters ranked alternative 3, then 4
/// 6: 2,{5,6},1            tied alternatives in braces (.toc, .toi)
/// ```
///
/// Alternatives are numbered from 1; the names come from the `ALTERNATIVE NAME` lines (else the
/// number). A last tied group holding every alternative not ranked before it is how `.toc`
/// writes "not ranked": it is left out, so the ballot is counted as truncated. A file whose
/// `NUMBER VOTERS` differs from the sum of its counts is refused. PrefLib states no number of
/// seats: give `--seats`.
public struct PrefLibReader: Sendable {
    public init() {}

    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil) throws -> BallotProfile {
        var cursor = LineCursor(bytes)
        func fail(_ offset: Int, _ message: String) -> BallotFileError {
            BallotFileError(file: file, line: cursor.lineNumber, column: ByteText.column(bytes, lineStart: cursor.lineStart, offset: offset), message: message)
        }
        var title: String?
        var alternatives: Int?
        var declaredVoters: (count: Int64, line: Int)?
        var names: [Int: String] = [:]
        var builder: BallotProfileBuilder?
        let codes = CodeBuffer()
        var total: Int64 = 0
        while let line = cursor.next() {
            let range = ByteText.trimmed(bytes, line)
            if range.isEmpty { continue }
            if bytes[range.lowerBound] == 0x23 { // "# KEY: value"
                guard builder == nil else { throw fail(range.lowerBound, "expected the '#' metadata lines before the first order") }
                let text = ByteText.string(bytes, range.dropFirst())
                guard let colon = text.firstIndex(of: ":") else { continue }
                let key = text[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard value.utf8.count <= Candidate.maximumNameBytes else {
                    throw fail(range.lowerBound, "expected a value of at most \(Candidate.maximumNameBytes) bytes")
                }
                if key == "TITLE" { title = value.isEmpty ? nil : value }
                if key == "NUMBER ALTERNATIVES" {
                    guard let number = Int(value), (1...Preference.maximumCandidates).contains(number) else {
                        throw fail(range.lowerBound, "expected the number of alternatives, from 1 to \(Preference.maximumCandidates); found '\(Excerpt.of(value))'")
                    }
                    alternatives = number
                }
                if key == "NUMBER VOTERS" {
                    guard let number = Int64(value), number >= 0 else { throw fail(range.lowerBound, "expected the number of voters; found '\(Excerpt.of(value))'") }
                    declaredVoters = (number, cursor.lineNumber)
                }
                if key.hasPrefix("ALTERNATIVE NAME") {
                    guard let number = Int(key.dropFirst("ALTERNATIVE NAME".count).trimmingCharacters(in: .whitespaces)), number >= 1,
                          number <= Preference.maximumCandidates
                    else { throw fail(range.lowerBound, "expected '# ALTERNATIVE NAME k: name' with k a whole number") }
                    guard names[number] == nil else { throw fail(range.lowerBound, "alternative \(number) is named twice") }
                    names[number] = value
                }
                continue
            }
            if builder == nil {
                let count = alternatives ?? names.keys.max() ?? 0
                guard count >= 1 else {
                    throw fail(range.lowerBound, "expected '# NUMBER ALTERNATIVES: n' or '# ALTERNATIVE NAME k: name' lines before the first order")
                }
                alternatives = count
                var made = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: count, withdrawn: []), expectedRankings: bytes.count / 24)
                made.observer = observer
                builder = made
            }
            let count = alternatives!
            // "count: order"
            var index = range.lowerBound
            while index < range.upperBound, bytes[index] != 0x3A { index += 1 }
            guard index < range.upperBound else { throw fail(range.lowerBound, "expected 'count: order', such as '12: 3,1,{2,4}'") }
            let countRange = ByteText.trimmed(bytes, range.lowerBound..<index)
            guard let weight = ByteText.wholeNumber(bytes, countRange, limit: BallotProfile.maximumTotalWeight) else {
                throw fail(countRange.lowerBound, ByteText.weightProblem(bytes, countRange) ?? "expected the number of voters with this order; found \(ByteText.quoted(bytes, countRange))")
            }
            total += weight
            codes.removeAll()
            var groups: [[Int]] = []
            var group: [Int]?
            var position = index + 1
            var itemStart = position
            func item(_ end: Int) throws {
                let text = ByteText.trimmed(bytes, itemStart..<end)
                if text.isEmpty {
                    if group == nil, end < range.upperBound || !groups.isEmpty { throw fail(itemStart, "expected an alternative's number") }
                    return
                }
                guard let number = ByteText.wholeNumber(bytes, text, limit: 1_000_000) else {
                    throw fail(text.lowerBound, "expected an alternative's number from 1 to \(count); found \(ByteText.quoted(bytes, text))")
                }
                let code = number >= 1 && number <= Int64(count) ? Int(number) - 1 : -1
                if group != nil { group!.append(code) } else { groups.append([code]) }
            }
            while position < range.upperBound {
                switch bytes[position] {
                case 0x7B: // {
                    guard group == nil else { throw fail(position, "expected '}' before another '{'") }
                    guard ByteText.trimmed(bytes, itemStart..<position).isEmpty else { throw fail(position, "expected ',' before '{'") }
                    group = []
                    itemStart = position + 1
                case 0x7D: // }
                    guard group != nil else { throw fail(position, "expected '{' before '}'") }
                    try item(position)
                    if !group!.isEmpty { groups.append(group!) }
                    group = nil
                    itemStart = position + 1
                    // Only a comma (or the end) may follow.
                    var next = position + 1
                    while next < range.upperBound, ByteText.isBlank(bytes[next]) { next += 1 }
                    guard next == range.upperBound || bytes[next] == 0x2C else { throw fail(next, "expected ',' after '}'") }
                    position = next
                    itemStart = next + 1
                case 0x2C: // ,
                    try item(position)
                    itemStart = position + 1
                default:
                    break
                }
                position += 1
            }
            guard group == nil else { throw fail(range.upperBound, "expected '}' to close the tied group") }
            if itemStart < range.upperBound { try item(range.upperBound) }
            // A last group of every alternative not ranked before it: "not ranked" (.toc).
            if groups.count > 1, let last = groups.last, last.count > 1 {
                let before = Set(groups.dropLast().joined())
                if Set(last) == Set(0..<count).subtracting(before), last.count == count - before.count { groups.removeLast() }
            }
            for group in groups {
                for (offset, candidate) in group.enumerated() {
                    let code = candidate >= 0 ? UInt16(candidate) : RawPreferenceCode.unknownCandidate
                    codes.append(offset > 0 ? code | RawPreferenceCode.equalToPrevious : code)
                }
            }
            do {
                try builder!.add(codes.codes, weight: weight, region: nil, line: cursor.lineNumber)
            } catch is BallotProfileBuilder.TooManyBallots {
                throw fail(range.lowerBound, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
            }
        }
        guard let builder, let count = alternatives else {
            throw BallotFileError(file: file, line: nil, column: nil, message: "expected PrefLib orders ('count: order' lines) after the '#' metadata; found none")
        }
        if let declared = declaredVoters, declared.count != total {
            throw BallotFileError(file: file, line: declared.line, column: 1, message: "'# NUMBER VOTERS: \(declared.count)' but the orders hold \(total) voters")
        }
        let candidates = (1...count).map { Candidate(name: names[$0] ?? String($0)) }
        return builder.profile(title: title, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: [])
    }

    /// The file names PrefLib's ordinal formats use.
    static let extensions = ["soc", "soi", "toc", "toi"]

    /// Whether `bytes` start like a PrefLib file: a first line `# FILE NAME:` or `# DATA TYPE:`
    /// among the leading `#` lines.
    static func startsWithMetadata(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        var seen = 0
        while let line = cursor.next(), seen < 12 {
            let text = ByteText.string(bytes, ByteText.trimmed(bytes, line)).uppercased()
            if text.isEmpty { continue }
            guard text.hasPrefix("#") else { return false }
            seen += 1
            let key = text.dropFirst().trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("FILE NAME:") || key.hasPrefix("DATA TYPE:") || key.hasPrefix("ALTERNATIVE NAME") || key.hasPrefix("NUMBER ALTERNATIVES:") { return true }
        }
        return false
    }
}
