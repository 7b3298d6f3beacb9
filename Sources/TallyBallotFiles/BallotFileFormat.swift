import Foundation

/// The ballot file formats Tally reads.
public enum BallotFileFormat: String, Sendable, CaseIterable {
    case blt
    case csv

    /// The format a file's name suggests (`.blt`; `.csv`, `.tsv`), or, failing that, its content:
    /// a first meaningful line of two whole numbers is a BLT header.
    static func detect(path: String, bytes: UnsafeBufferPointer<UInt8>) -> BallotFileFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".blt") { return .blt }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
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
            let words = text.split(separator: " ", omittingEmptySubsequences: true)
            return words.count == 2 && words.allSatisfy({ Int($0) != nil }) ? .blt : .csv
        }
        return .csv
    }
}
