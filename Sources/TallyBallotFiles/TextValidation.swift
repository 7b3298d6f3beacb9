/// Checks that a ballot file is text: UTF-8 throughout and free of NUL bytes. A file that is not
/// (a binary file, a spreadsheet saved in a legacy encoding) is rejected at its first bad byte
/// rather than read into mangled names.
enum TextValidation {
    /// The first problem in `bytes`, if any: where it is and what was found.
    /// `release` is told, every `FileBytes.releaseStride` bytes, the offset checked so far.
    static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>, release: ((Int) -> Void)? = nil) -> (offset: Int, message: String)? {
        guard let base = bytes.baseAddress else { return nil }
        var index = 0
        let count = bytes.count
        var pages = PageRelease(release)
        while index < count {
            // Eight bytes at a time while they are ASCII and none is NUL, up to the next release.
            let stretchEnd = min(count, pages.next)
            while index + 8 <= stretchEnd {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & ByteText.highBits | ByteText.zeroBytes(word) != 0 { break }
                index += 8
            }
            pages.reached(index)
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0 { return (index, "expected text; found a NUL byte (is this a binary file?)") }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            if byte & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if byte & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if byte & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return (index, invalid(byte)) }
            guard index + length <= count else { return (index, invalid(byte)) }
            var scalar = UInt32(byte) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return (index, invalid(byte)) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return (index, invalid(byte)) }
            index += length
        }
        return nil
    }

    private static func invalid(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "expected UTF-8 text; found the byte 0x\(hex.count < 2 ? "0" + hex : hex) (save the file as UTF-8)"
    }

    /// Throws, located at the first problem in `bytes`, when they are not text; `file` names them.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String, release: ((Int) -> Void)? = nil) throws(BallotFileError) {
        guard let problem = firstProblem(bytes, release: release) else { return }
        let place = place(of: problem.offset, in: bytes)
        throw BallotFileError(file: file, line: place.line, column: place.column, message: problem.message)
    }

    /// The first control character in a name (tabs and other whitespace aside), if any.
    static func firstControlCharacter(in name: String) -> Unicode.Scalar? {
        name.unicodeScalars.first { $0.properties.generalCategory == .control && !$0.properties.isWhitespace }
    }

    /// The 1-based line and character column of byte `offset`.
    static func place(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == ByteText.newline || (bytes[index] == ByteText.carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != ByteText.newline)) {
            line += 1 // LF, CRLF (counted at its LF) or a lone CR
            lineStart = index + 1
        }
        return (line, ByteText.column(bytes, lineStart: lineStart, offset: offset))
    }
}
