import Foundation

/// The ballot file formats Tally reads (docs/formats.md).
public enum BallotFileFormat: String, Sendable, CaseIterable {
    case blt
    case csv
    /// The CSV form of Scottish council preference profiles (mggg/scot-elex): a BLT in commas.
    case scotElex = "scot-elex"
    /// PrefLib's ordinal formats: `.soc`, `.soi`, `.toc`, `.toi`.
    case preflib
    /// VoteKit's ranked-profile CSV (`RankProfile.to_csv`).
    case votekit
    /// OpaVote's "Download ballots" file: BLT, read as BLT.
    case opavote
    /// Loomio's CSV export of a ranked poll (its BLT export is read as BLT).
    case loomio

    /// The name reports give the format.
    public var title: String {
        switch self {
        case .blt: "BLT"
        case .csv: "CSV"
        case .scotElex: "scot-elex CSV"
        case .preflib: "PrefLib"
        case .votekit: "VoteKit CSV"
        case .opavote: "OpaVote BLT"
        case .loomio: "Loomio CSV"
        }
    }

    /// The format of a file, by its content first — a file's name often says `.csv` or `.txt`
    /// whatever it holds — then by its name:
    ///
    /// 1. a first line `VoteKit RankProfile`: VoteKit; a first row `poll`: a Loomio export;
    /// 2. leading `#` lines of PrefLib metadata (`# FILE NAME:`, `# DATA TYPE:`, …), or a name
    ///    ending `.soc`, `.soi`, `.toc`, `.toi`: PrefLib;
    /// 3. a first meaningful line of two whole numbers separated by blanks (a BLT header such as
    ///    `4 2`), or a name ending `.blt`: BLT;
    /// 4. a first line of two whole numbers separated by a comma (`8,3,`): scot-elex — no CSV
    ///    header is two bare numbers;
    /// 5. anything else: CSV.
    static func detect(path: String, bytes: UnsafeBufferPointer<UInt8>) -> BallotFileFormat {
        if VoteKitReader.startsWithHeader(bytes) { return .votekit }
        if LoomioReader.startsWithSections(bytes) { return .loomio }
        if PrefLibReader.startsWithMetadata(bytes) { return .preflib }
        if startsWithBLTHeader(bytes) { return .blt }
        if ScotElexReader.startsWithHeader(bytes) { return .scotElex }
        return named(path) ?? .csv
    }

    /// The format a file's name suggests, if any.
    public static func named(_ path: String) -> BallotFileFormat? {
        let name = path.lowercased()
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        let suffix = String(name[name.index(after: dot)...])
        if suffix == "blt" { return .blt }
        if suffix == "csv" || suffix == "tsv" { return .csv }
        if PrefLibReader.extensions.contains(suffix) { return .preflib }
        return nil
    }

    /// A format that `bytes` look like, more loosely than `detect` decides: for a hint when a
    /// file read as another format is refused.
    static func resemblance(_ bytes: UnsafeBufferPointer<UInt8>) -> BallotFileFormat? {
        if VoteKitReader.startsWithHeader(bytes) { return .votekit }
        if PrefLibReader.startsWithMetadata(bytes) { return .preflib }
        if startsWithBLTHeader(bytes) { return .blt }
        if ScotElexReader.startsWithHeader(bytes) { return .scotElex }
        // "12: 3,1,{2,4}" lines without the metadata: PrefLib orders.
        var cursor = LineCursor(bytes)
        while let line = cursor.next() {
            let text = ByteText.string(bytes, ByteText.trimmed(bytes, line))
            if text.isEmpty || text.hasPrefix("#") { continue }
            let parts = text.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
               parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || ",{} ".contains($0)) }) { return .preflib }
            return nil
        }
        return nil
    }

    /// Whether a line `0` is followed by a line starting with a quoted name.
    static func endsBallotsAsBLT(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        var afterZero = false
        while let line = cursor.next() {
            let range = ByteText.trimmed(bytes, line)
            if range.isEmpty { continue }
            if afterZero { return bytes[range.lowerBound] == 0x22 }
            afterZero = range.count == 1 && bytes[range.lowerBound] == 0x30
        }
        return false
    }

    /// Whether the first line that is not blank or a comment holds exactly two whole numbers,
    /// separated by spaces or tabs (no CSV or TSV header is two bare numbers).
    static func startsWithBLTHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = LineCursor(bytes)
        var inComment = false
        while let line = cursor.next() {
            var text = ByteText.string(bytes, ByteText.trimmed(bytes, line))
            // Skip `/* … */` comments before the first meaningful line.
            while true {
                if inComment {
                    guard let close = text.range(of: "*/") else { text = ""; break }
                    text = String(text[close.upperBound...])
                    inComment = false
                }
                guard let open = text.range(of: "/*"), text[..<open.lowerBound].allSatisfy(\.isWhitespace) else { break }
                text = String(text[open.upperBound...])
                inComment = true
            }
            text = text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, words.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
            // A tab between the numbers could be a TSV header of rank columns named 1 and 2: BLT
            // only if the file ends its ballots as BLT does, a line "0" then a quoted name.
            return !text.contains("\t") || endsBallotsAsBLT(bytes)
        }
        return false
    }
}
