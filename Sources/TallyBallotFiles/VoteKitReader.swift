import Foundation
import TallyModel

/// Reads the ranked-profile CSV that VoteKit writes (`RankProfile.to_csv`, mggg/VoteKit)
/// (docs/formats.md):
///
/// ```
/// VoteKit RankProfile
/// Candidates
/// (Chris:Ch),(Colleen:Co),(Pat:P)       each candidate with the prefix the ballots use
/// Max Ranking Length
/// 3
/// Includes Voter Set
/// False
/// =,=,=,=,=,=,=,=,=,=
/// Ranking_1,Ranking_2,Ranking_3,&,Weight,&
/// {'Ch'},"{'Co', 'P'}",,&,3.0,&          a set per rank (several: ranked equal); '{}' a rank left empty
/// ```
///
/// A weight must be a whole number of ballots (`3`, `3.0`, `6/2`); any other fraction is
/// refused with its place. A voter set after the second `&` is not read.
public struct VoteKitReader: Sendable {
    public init() {}

    public func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String, observer: BallotLineObserver? = nil) throws -> BallotProfile {
        var parser = CSVRowParser(bytes, delimiter: 0x2C)
        func fail(_ column: Int, _ message: String) -> BallotFileError { parser.error(atColumn: column, file: file, message) }
        do {
            /// The next row that is not empty, its fields as text.
            func row(_ expected: String) throws -> [String] {
                repeat {
                    guard try parser.nextRow() else {
                        throw BallotFileError(file: file, line: nil, column: nil, message: "the file ends early; expected \(expected)")
                    }
                } while parser.isEmptyLine
                try parser.checkCellLengths(file: file)
                return parser.fields.map { parser.string($0) }
            }
            func expectLine(_ text: String) throws {
                let cells = try row("'\(text)'")
                guard cells.first?.trimmingCharacters(in: .whitespaces) == text, cells.dropFirst().allSatisfy(\.isEmpty) else {
                    throw fail(0, "expected '\(text)' (a VoteKit RankProfile CSV header)")
                }
            }
            try expectLine("VoteKit RankProfile")
            try expectLine("Candidates")
            // "(name:prefix)" or "(name:type:prefix)"
            var candidates: [Candidate] = []
            var byPrefix: [String: Int] = [:]
            for (column, cell) in try row("the candidates, such as (Chris:Ch)").enumerated() where !cell.isEmpty {
                let text = cell.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("("), text.hasSuffix(")"), text.count > 2 else {
                    throw fail(column, "expected a candidate and the prefix the ballots use, such as (Chris:Ch); found '\(Excerpt.of(text))'")
                }
                var parts = text.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2 else { throw fail(column, "expected (name:prefix); found '\(Excerpt.of(text))'") }
                let prefix = parts.removeLast()
                if parts.count >= 2, ["str", "int"].contains(parts.last!) { parts.removeLast() }
                let name = parts.joined(separator: ":")
                guard !name.isEmpty, !prefix.isEmpty else { throw fail(column, "expected (name:prefix); found '\(Excerpt.of(text))'") }
                guard byPrefix[prefix] == nil else { throw fail(column, "the prefix '\(Excerpt.of(prefix))' is given to two candidates") }
                byPrefix[prefix] = candidates.count
                candidates.append(Candidate(name: name))
            }
            guard !candidates.isEmpty, candidates.count <= Preference.maximumCandidates else {
                throw fail(0, "expected between 1 and \(Preference.maximumCandidates) candidates")
            }
            try expectLine("Max Ranking Length")
            let lengthCells = try row("the maximum ranking length")
            guard let maximumLength = Int(lengthCells.first?.trimmingCharacters(in: .whitespaces) ?? ""), maximumLength >= 0 else {
                throw fail(0, "expected the maximum ranking length, a whole number")
            }
            try expectLine("Includes Voter Set")
            _ = try row("True or False")
            let rule = try row("the line '=,=,=,=,=,=,=,=,=,='")
            guard !rule.isEmpty, rule.allSatisfy({ $0 == "=" }) else { throw fail(0, "expected '=,=,=,=,=,=,=,=,=,=' to end the header") }
            let names = try row("the column names, Ranking_1,…,&,Weight,&")
            guard let firstBreak = names.firstIndex(of: "&"), firstBreak + 1 < names.count,
                  names[firstBreak + 1].trimmingCharacters(in: .whitespaces) == "Weight"
            else { throw fail(0, "expected the columns Ranking_1, …, then '&', 'Weight', '&'") }
            let rankColumns = firstBreak

            var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: candidates.count, withdrawn: []), expectedRankings: bytes.count / 40)
            builder.observer = observer
            let codes = CodeBuffer()
            // Ballot rows, read from the bytes: a cell costs a scan and a lookup per prefix.
            let spellings = SpellingCache()
            for (prefix, number) in byPrefix {
                let utf8 = Array(prefix.utf8)
                utf8.withUnsafeBufferPointer { spellings.insert($0, 0..<utf8.count, number: number) }
            }
            func lookup(_ range: Range<Int>) -> UInt16 {
                if let number = spellings.find(bytes, range) { return UInt16(number) }
                return byPrefix[ByteText.string(bytes, range)].map { UInt16($0) } ?? RawPreferenceCode.unknownCandidate
            }
            let emptySets = [Array("{}".utf8), Array("set()".utf8), Array("frozenset()".utf8)]
            while try parser.nextRow() {
                if parser.isEmptyLine { continue }
                let fields = parser.fields
                guard fields.count > rankColumns + 1, fields[rankColumns].range.count == 1, bytes[fields[rankColumns].range.lowerBound] == 0x26 else {
                    throw fail(min(rankColumns, max(0, fields.count - 1)), "expected \(rankColumns) ranking cells, then '&' and the weight")
                }
                codes.removeAll()
                for column in 0..<rankColumns {
                    let cell = ByteText.trimmed(bytes, fields[column].range)
                    // "" or "{}": a rank left empty; "set()" and "frozenset()" as older VoteKit writes it.
                    if cell.isEmpty || (cell.count <= 11 && emptySets.contains { bytes[cell].elementsEqual($0) }) {
                        codes.append(RawPreferenceCode.skippedRank)
                        continue
                    }
                    guard bytes[cell.lowerBound] == 0x7B, bytes[cell.upperBound - 1] == 0x7D else {
                        throw fail(column, "expected a set of candidate prefixes such as {'Ch'} or {'Ch', 'Co'}; found \(ByteText.quoted(bytes, cell))")
                    }
                    var member = 0
                    var itemStart = cell.lowerBound + 1
                    for index in (cell.lowerBound + 1)...(cell.upperBound - 1) where index == cell.upperBound - 1 || bytes[index] == 0x2C {
                        var item = ByteText.trimmed(bytes, itemStart..<index)
                        if item.count >= 2, bytes[item.lowerBound] == bytes[item.upperBound - 1], bytes[item.lowerBound] == 0x27 || bytes[item.lowerBound] == 0x22 {
                            item = (item.lowerBound + 1)..<(item.upperBound - 1)
                        }
                        let code = lookup(item)
                        codes.append(member > 0 ? code | RawPreferenceCode.equalToPrevious : code)
                        member += 1
                        itemStart = index + 1
                    }
                }
                let weightRange = ByteText.trimmed(bytes, fields[rankColumns + 1].range)
                // "4" or "4.0" (VoteKit writes weights as decimals) read from the bytes.
                var integerPart = weightRange
                if let dot = bytes[weightRange].firstIndex(of: 0x2E), dot + 1 < weightRange.upperBound,
                   bytes[(dot + 1)..<weightRange.upperBound].allSatisfy({ $0 == 0x30 }) {
                    integerPart = weightRange.lowerBound..<dot
                }
                let weight: Int64
                if let whole = ByteText.wholeNumber(bytes, integerPart, limit: BallotProfile.maximumTotalWeight) {
                    weight = whole
                } else if let whole = VoteKitReader.wholeWeight(ByteText.string(bytes, weightRange)) {
                    weight = whole
                } else {
                    throw fail(rankColumns + 1, "expected a whole number of ballots as the weight (3, 3.0 or 6/2); found '\(Excerpt.of(ByteText.string(bytes, weightRange)))'")
                }
                do {
                    try builder.add(codes.codes, weight: weight, region: nil, line: parser.rowLine)
                } catch is BallotProfileBuilder.TooManyBallots {
                    throw fail(rankColumns + 1, "the ballots add up to more than \(BallotProfile.maximumTotalWeight), the most Tally counts")
                }
            }
            return builder.profile(title: nil, candidates: candidates, seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        } catch let error as BallotFileError.Located {
            throw parser.located(error, file: file)
        }
    }

    /// "3", "3.0", "3.00", "6/2": a whole number of ballots; nil for anything else.
    static func wholeWeight(_ text: String) -> Int64? {
        let limit = BallotProfile.maximumTotalWeight
        if let slash = text.firstIndex(of: "/") {
            guard let top = Int64(text[..<slash]), let bottom = Int64(text[text.index(after: slash)...]), bottom > 0, top >= 0,
                  top % bottom == 0, top / bottom <= limit else { return nil }
            return top / bottom
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole <= limit,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy { $0 == "0" }) else { return nil }
        return whole
    }

    /// Whether `bytes` start with VoteKit's first header line.
    static func startsWithHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        while let line = cursor.next() {
            let text = ByteText.string(bytes, ByteText.trimmed(bytes, line))
            if text.isEmpty { continue }
            return text.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) == "VoteKit RankProfile"
        }
        return false
    }
}
