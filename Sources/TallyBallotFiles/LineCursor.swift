/// Walks a byte buffer line by line. A line ends at LF; a CR before it is dropped, so LF and CRLF
/// files read the same. A UTF-8 byte-order mark at the start is skipped.
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
        while end < bytes.count, bytes[end] != ByteText.newline { end += 1 }
        position = end + 1
        var contentEnd = end
        if contentEnd > lineStart, bytes[contentEnd - 1] == ByteText.carriageReturn { contentEnd -= 1 }
        return lineStart..<contentEnd
    }
}
