/// Walks a byte buffer line by line. A line ends at LF, CRLF or a lone CR (as old Mac files
/// end their lines), so that no line end is taken for a blank inside a line. A UTF-8 byte-order
/// mark at the start is skipped.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Where the line last returned starts.
    private(set) var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        position = ByteText.byteOrderMarkLength(bytes)
    }

    /// The next line's byte range, without its line end; nil at the end of the buffer.
    mutating func next() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        lineStart = position
        var end = position
        while end < bytes.count, bytes[end] != ByteText.newline, bytes[end] != ByteText.carriageReturn { end += 1 }
        position = end + 1
        if end < bytes.count, bytes[end] == ByteText.carriageReturn, position < bytes.count, bytes[position] == ByteText.newline { position += 1 }
        return lineStart..<end
    }
}
