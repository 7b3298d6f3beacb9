import Foundation

/// The ballot file formats Tally reads.
public enum BallotFileFormat: String, Sendable, CaseIterable {
    case blt
    case csv

    /// The format of a file: a `.blt` name is BLT; otherwise a first meaningful line of two whole
    /// numbers (a BLT header such as `4 2`) is BLT, whatever the name — BLT files are often saved
    /// as `.csv` or `.txt`, and no CSV header is two bare numbers; anything else is CSV.
    static func detect(path: String, bytes: UnsafeBufferPointer<UInt8>) -> BallotFileFormat {
        if path.lowercased().hasSuffix(".blt") { return .blt }
        return startsWithBLTHeader(bytes) ? .blt : .csv
    }

    /// Whether the first line that is not blank or a comment holds exactly two whole numbers,
    /// separated by spaces.
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
            let words = text.split(separator: " ") // a tab-separated "1<tab>2" is a TSV header
            return words.count == 2 && words.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        return false
    }
}
