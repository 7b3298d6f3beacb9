/// Splits CSV text (RFC 4180 with the liberties real exports take) into rows of fields, straight
/// from bytes: quoted fields with `""` escapes and embedded delimiters or line ends, CRLF or LF,
/// a byte-order mark, blanks around fields.
struct CSVRowParser {
    /// One field: the byte range of its content (inside the quotes, if quoted).
    struct Field {
        var range: Range<Int>
        /// The content holds `""` pairs that stand for one quote each.
        var hasEscapedQuotes: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private var position: Int
    private var nextLine = 1
    /// The fields of the row last read.
    private(set) var fields = FieldBuffer()
    /// The 1-based line on which the row last read starts, and the byte offset of that line.
    private(set) var rowLine = 0
    private(set) var rowLineStart = 0
    /// True when the row last read was an empty line.
    private(set) var isEmptyLine = false

    /// Whether rows without quotes are split in one pass (`bulkRow`); off only to test it
    /// against reading field by field.
    let bulk: Bool

    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, bulk: Bool = true) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.bulk = bulk
        position = ByteText.byteOrderMarkLength(bytes)
    }

    /// Reads the next row; false at the end of the text.
    mutating func nextRow() throws(BallotFileError.Located) -> Bool {
        let count = bytes.count
        guard position < count, let text = bytes.baseAddress else { return false }
        let fields = self.fields
        let delimiter = self.delimiter
        fields.removeAll()
        rowLine = nextLine
        rowLineStart = position
        var lineStart = position
        var position = self.position
        defer { self.position = position }
        isEmptyLine = text[position] == ByteText.newline || text[position] == ByteText.carriageReturn
        if bulk, let end = bulkRow(text, from: position, count: count) {
            position = end
            nextLine += 1
            return true
        }
        fields.removeAll() // a row with a quote: what `bulkRow` cut before it is read again
        while true {
            // One field starts at `position`.
            var start = position
            while start < count, text[start] == ByteText.space || text[start] == ByteText.tab, text[start] != delimiter { start += 1 }
            if start < count, text[start] == ByteText.quote {
                var index = start + 1
                var escaped = false
                while true {
                    guard index < count else {
                        throw BallotFileError.Located(line: rowLine, lineStart: rowLineStart, offset: start, message: "expected a closing '\"' for the quoted field that starts here")
                    }
                    let byte = text[index]
                    if byte == ByteText.quote {
                        if index + 1 < count, text[index + 1] == ByteText.quote { escaped = true; index += 2; continue }
                        break
                    }
                    if byte == ByteText.newline { nextLine += 1; lineStart = index + 1 }
                    index += 1
                }
                fields.append(Field(range: (start + 1)..<index, hasEscapedQuotes: escaped))
                index += 1
                while index < count, ByteText.isBlank(text[index]), text[index] != delimiter, text[index] != ByteText.carriageReturn { index += 1 }
                position = index
                if index < count, text[index] != delimiter, text[index] != ByteText.newline, text[index] != ByteText.carriageReturn {
                    throw BallotFileError.Located(line: nextLine, lineStart: lineStart, offset: index, message: "expected a delimiter or the end of the line after the closing quote; found \(ByteText.quoted(bytes, index..<min(count, index + 8)))")
                }
            } else {
                var index = start
                while index < count {
                    let byte = text[index]
                    if byte == delimiter || byte == ByteText.newline || byte == ByteText.carriageReturn { break }
                    index += 1
                }
                var end = index
                while end > start, ByteText.isBlank(text[end - 1]) { end -= 1 }
                fields.append(Field(range: start..<end, hasEscapedQuotes: false))
                position = index
            }
            if position >= count { break }
            if text[position] == delimiter {
                position += 1
                if position >= count { fields.append(Field(range: position..<position, hasEscapedQuotes: false)); break }
                continue
            }
            // A line end: LF, CRLF or a lone CR.
            if text[position] == ByteText.carriageReturn, position + 1 < count, text[position + 1] == ByteText.newline { position += 1 }
            position += 1
            break
        }
        nextLine += 1
        return true
    }

    /// Splits the row starting at `start` in one pass over its bytes, eight at a time: every
    /// delimiter, line end and quote in a word is found at once, and each field is cut at its
    /// delimiter and trimmed as `nextRow` trims it. Returns where the next row starts, or nil,
    /// having read nothing, when the row holds a quote (`nextRow` then reads it field by field).
    @inline(__always) private func bulkRow(_ text: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        let fields = self.fields
        let delimiter = self.delimiter
        let spreadDelimiter = ByteText.spread(delimiter)
        var fieldStart = start
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
            var found = ByteText.zeroBytes(word ^ spreadDelimiter) | ByteText.zeroBytes(word ^ CSVRowParser.newlines)
                | ByteText.zeroBytes(word ^ CSVRowParser.carriageReturns) | ByteText.zeroBytes(word ^ CSVRowParser.quotes)
            while found != 0 {
                let at = index + found.trailingZeroBitCount / 8
                found &= found - 1
                let byte = text[at]
                if byte == delimiter {
                    fields.append(CSVRowParser.trimmed(text, fieldStart, at, delimiter))
                    fieldStart = at + 1
                    if fieldStart >= count { fields.append(Field(range: count..<count, hasEscapedQuotes: false)); return count }
                    continue
                }
                if byte == ByteText.quote { return nil }
                fields.append(CSVRowParser.trimmed(text, fieldStart, at, delimiter))
                return CSVRowParser.nextLine(after: at, text, count)
            }
            index += 8
        }
        // The last bytes of the text, one at a time.
        while index < count {
            let byte = text[index]
            if byte == delimiter {
                fields.append(CSVRowParser.trimmed(text, fieldStart, index, delimiter))
                fieldStart = index + 1
                if fieldStart >= count { fields.append(Field(range: count..<count, hasEscapedQuotes: false)); return count }
            } else if byte == ByteText.quote {
                return nil
            } else if byte == ByteText.newline || byte == ByteText.carriageReturn {
                fields.append(CSVRowParser.trimmed(text, fieldStart, index, delimiter))
                return CSVRowParser.nextLine(after: index, text, count)
            }
            index += 1
        }
        fields.append(CSVRowParser.trimmed(text, fieldStart, count, delimiter)) // the last row, with no line end
        return count
    }

    static let newlines = ByteText.spread(ByteText.newline)
    static let carriageReturns = ByteText.spread(ByteText.carriageReturn)
    static let quotes = ByteText.spread(ByteText.quote)

    /// The field `start..<end`, trimmed as `nextRow` trims an unquoted field.
    @inline(__always) static func trimmed(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ delimiter: UInt8) -> Field {
        var first = start
        while first < end, text[first] == ByteText.space || text[first] == ByteText.tab, text[first] != delimiter { first += 1 }
        var last = end
        while last > first, ByteText.isBlank(text[last - 1]) { last -= 1 }
        return Field(range: first..<last, hasEscapedQuotes: false)
    }

    /// Where the next row starts after the line end at `at`: LF, CRLF or a lone CR.
    @inline(__always) static func nextLine(after at: Int, _ text: UnsafePointer<UInt8>, _ count: Int) -> Int {
        text[at] == ByteText.carriageReturn && at + 1 < count && text[at + 1] == ByteText.newline ? at + 2 : at + 1
    }

    /// The offset the next row starts at, and its line number.
    var offset: Int { position }
    var line: Int { nextLine }

    /// Steps over one row that is known to be the single line ending at the newline at
    /// `newline` (a row a `BallotLineCache` recognised), as `nextRow` would have read it.
    mutating func skipLine(endingAt newline: Int) {
        rowLine = nextLine
        rowLineStart = position
        isEmptyLine = false
        position = newline + 1
        nextLine += 1
    }

    /// A parser at the same place with fields of its own, to read ahead without disturbing this one.
    func fork() -> CSVRowParser {
        var copy = self
        copy.fields = FieldBuffer()
        return copy
    }

    /// The fields of a row, reused from row to row: appending is a plain store.
    final class FieldBuffer: RandomAccessCollection {
        @exclusivity(unchecked) private var storage = UnsafeMutablePointer<Field>.allocate(capacity: 16)
        @exclusivity(unchecked) private var capacity = 16
        @exclusivity(unchecked) private(set) var count = 0

        deinit { storage.deallocate() }

        var startIndex: Int { 0 }
        var endIndex: Int { count }
        @inline(__always) subscript(index: Int) -> Field { storage[index] }

        @inline(__always) func removeAll() { count = 0 }

        @inline(__always) func append(_ field: Field) {
            if count == capacity {
                let larger = UnsafeMutablePointer<Field>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: storage, count: count)
                storage.deallocate()
                storage = larger
                capacity *= 2
            }
            (storage + count).initialize(to: field)
            count += 1
        }
    }

    /// The content of `field` with escaped quotes folded, for the rare fields that have them.
    func unescaped(_ field: Field) -> [UInt8] { CSVRowParser.unescaped(field, in: bytes) }

    static func unescaped(_ field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = field.range.lowerBound
        while index < field.range.upperBound {
            result.append(bytes[index])
            index += bytes[index] == ByteText.quote ? 2 : 1
        }
        return result
    }

    /// The field's text, trimmed.
    func string(_ field: Field) -> String { CSVRowParser.string(field, in: bytes) }

    /// The text of `field` of a row of `bytes`, trimmed.
    static func string(_ field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if field.hasEscapedQuotes {
            return String(decoding: unescaped(field, in: bytes), as: UTF8.self).trimmingBlanks()
        }
        return ByteText.string(bytes, ByteText.trimmed(bytes, field.range))
    }
}

extension BallotFileError {
    /// A place in the text, before it is tied to a file name.
    struct Located: Error {
        var line: Int
        var lineStart: Int
        var offset: Int
        var message: String
    }
}

extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
