import Foundation
import TallyModel

/// Reads the "scot-elex" CSV form of Scottish council preference profiles (the mggg/scot-elex
/// collection; VoteKit's `load_scottish`), a BLT in commas (docs/formats.md):
///
/// ```
/// 3,1,                              candidates, seats
/// 126,1,                            weight, then candidate numbers (1-based) in preference order
/// 9,1,2,
/// "Candidate 1","Paul","Orange (O)",    one line per candidate: label, name, party
/// "Candidate 2","George","Yellow (Y)",
/// "Candidate 3","Ringo","Red (R)",
/// "Wardy McWard Ward",              the ward: the title
/// ```
///
/// Ballot lines have no closing `0` (one is accepted); blank fields left by trailing commas are
/// ignored. A candidate line may leave out the `Candidate k` label (name, party).
public struct ScotElexReader: Sendable {
    public init() {}

    /// Reads a whole file held in `bytes`; `file` names it in errors; `observer` is told each
    /// ballot line's fate.
    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil) throws -> BallotProfile {
        var parser = CSVRowParser(bytes, delimiter: 0x2C)
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            // The header: candidates, seats.
            var header: [Int64] = []
            repeat {
                guard try parser.nextRow() else {
                    throw BallotFileError(file: file, line: 1, column: 1, message: "the file is empty; expected a first line of candidates and seats, such as '3,1,'")
                }
            } while parser.isEmptyLine
            for (column, field) in parser.fields.enumerated() where !field.range.isEmpty {
                guard let number = ByteText.wholeNumber(bytes, field.range, limit: Int64(Preference.maximumCandidates)) else {
                    throw fail(column, "expected the number of candidates and of seats, such as '3,1,'; found \(ByteText.quoted(bytes, field.range))")
                }
                header.append(number)
            }
            guard header.count == 2, header[0] >= 1, header[1] >= 1 else {
                throw fail(0, "expected the number of candidates and of seats, such as '3,1,' (both at least 1)")
            }
            let candidateCount = Int(header[0]), seats = Int(header[1])
            var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: candidateCount, withdrawn: []), expectedRankings: bytes.count / 32)
            builder.observer = observer
            let codes = CodeBuffer()
            var candidates: [Candidate] = []
            var title: String?
            // Ballot lines, until the first line that does not start with a number.
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                let fields = parser.fields.enumerated().filter { !$0.element.range.isEmpty }
                guard let first = fields.first else { continue }
                if ByteText.wholeNumber(bytes, first.element.range) == nil {
                    break // the first candidate line
                }
                guard let weight = ByteText.wholeNumber(bytes, first.element.range, limit: BallotProfile.maximumTotalWeight) else {
                    throw fail(first.offset, ByteText.weightProblem(bytes, first.element.range) ?? "expected a weight")
                }
                codes.removeAll()
                var ended = false
                for (column, field) in fields.dropFirst() {
                    guard !ended else { throw fail(column, "expected nothing after the closing 0 of a ballot line") }
                    guard let number = ByteText.wholeNumber(bytes, field.range) else {
                        throw fail(column, "expected a candidate number from 1 to \(candidateCount); found \(ByteText.quoted(bytes, field.range))")
                    }
                    if number == 0 { ended = true; continue }
                    codes.append(number <= Int64(candidateCount) ? UInt16(number - 1) : RawPreferenceCode.unknownCandidate)
                }
                do {
                    try builder.add(codes.codes, weight: weight, region: nil, line: parser.rowLine)
                } catch is BallotProfileBuilder.TooManyBallots {
                    throw fail(first.offset, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
                }
            }
            // Candidate lines, then the ward.
            var rowRead = !parser.isEmptyLine && !parser.fields.isEmpty
            while rowRead {
                let strings = parser.fields.map { parser.string($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                try parser.checkCellLengths(file: file)
                if candidates.count < candidateCount {
                    let labelled = strings.first.map(ScotElexReader.isLabel) ?? false
                    let parts = labelled ? Array(strings.dropFirst()) : strings
                    guard let name = parts.first, parts.count <= 2 else {
                        throw fail(0, "expected a candidate line: \"Candidate \(candidates.count + 1)\",\"Name\",\"Party\" (\(candidateCount) candidates are declared)")
                    }
                    candidates.append(Candidate(name: name, affiliation: parts.count > 1 ? parts[1] : nil))
                } else if title == nil {
                    guard strings.count == 1 else {
                        throw fail(0, "expected the ward's name after the \(candidateCount) candidates; found \(strings.count) fields")
                    }
                    title = strings[0]
                } else {
                    throw fail(0, "expected nothing after the ward's name")
                }
                repeat { rowRead = try parser.nextRow() } while rowRead && parser.isEmptyLine
            }
            guard candidates.count == candidateCount else {
                throw BallotFileError(file: file, line: nil, column: nil, message: "the first line declares \(candidateCount) candidates but the file names \(candidates.count)")
            }
            return builder.profile(title: title, candidates: candidates, seats: seats, withdrawn: [], tieOrder: nil, regions: [])
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        }
    }

    /// "Candidate 3": the label a candidate line may start with.
    static func isLabel(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return words.count == 2 && words[0].lowercased() == "candidate" && words[1].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether `bytes` start like a scot-elex file: a first meaningful line of two whole numbers
    /// separated by a comma (and perhaps a trailing comma), which no CSV header is.
    static func startsWithHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        while let line = cursor.next() {
            let text = ByteText.string(bytes, ByteText.trimmed(bytes, line))
            if text.isEmpty { continue }
            var fields = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.last == "" { fields.removeLast() }
            return fields.count == 2 && fields.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        return false
    }
}
