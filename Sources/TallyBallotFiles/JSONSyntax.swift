/// Checks that text is one JSON value (RFC 8259), and says where it is not: the line and column
/// of the first thing out of place and what was expected there. Foundation's reader reports only
/// a character offset, so contest and scenario files are checked here first. Nesting deeper than
/// `maximumDepth` is refused, so that no file can exhaust the stack of the reader that follows.
enum JSONSyntax {
    /// The deepest nesting of arrays and objects accepted; real files use four or five levels.
    static let maximumDepth = 64
    /// The longest string accepted, in bytes (a source or an assumption is a paragraph at most).
    static let maximumStringBytes = 10_000

    /// The first syntax error in `bytes`: its byte offset and what was expected.
    static func firstError(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
        var scanner = Scanner(bytes: bytes)
        return scanner.document()
    }

    /// Throws a located `BallotFileError` at the first syntax error in `bytes`; `file` names them.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(BallotFileError) {
        guard let (offset, message) = firstError(bytes) else { return }
        let place = TextValidation.place(of: offset, in: bytes)
        throw BallotFileError(file: file, line: place.line, column: place.column, message: "not valid JSON: \(message)")
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            index = ByteText.byteOrderMarkLength(bytes)
        }

        /// What stands at `index`, for messages.
        var found: String {
            guard index < bytes.count else { return "the end of the file" }
            return ByteText.quoted(bytes, index..<min(bytes.count, index + 12), limit: 12)
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// The whole text: one value, then nothing but white space. Containers are tracked on an
        /// explicit stack, so nesting costs no recursion.
        mutating func document() -> (offset: Int, message: String)? {
            enum Container { case array, object }
            var stack: [Container] = []
            /// The keys met so far in each open object, innermost last.
            var keys: [Set<[UInt8]>] = []
            skipSpace()
            // Expecting a value (or, just after '[', the list's end).
            var expectingValue = true
            var justOpened = false
            while true {
                skipSpace()
                if expectingValue {
                    guard index < bytes.count else { return (index, "expected a value; found the end of the file") }
                    let byte = bytes[index]
                    if justOpened, byte == 0x5D {
                        index += 1
                        stack.removeLast()
                        expectingValue = false
                        justOpened = false
                        continue
                    }
                    justOpened = false
                    switch byte {
                    case 0x5B, 0x7B: // [ {
                        guard stack.count < JSONSyntax.maximumDepth else { return (index, "expected at most \(JSONSyntax.maximumDepth) levels of nesting") }
                        stack.append(byte == 0x5B ? .array : .object)
                        if byte == 0x7B { keys.append([]) }
                        index += 1
                        if byte == 0x5B {
                            justOpened = true // [] is a value
                            continue
                        }
                        skipSpace()
                        if index < bytes.count, bytes[index] == 0x7D { // {}
                            index += 1
                            stack.removeLast()
                            keys.removeLast()
                            expectingValue = false
                            continue
                        }
                        if let problem = key(into: &keys[keys.count - 1]) { return problem }
                        continue
                    case 0x22:
                        if let problem = string() { return problem }
                    case 0x2D, 0x30...0x39:
                        if let problem = number() { return problem }
                    default:
                        if let problem = literal() { return problem }
                    }
                    expectingValue = false
                    continue
                }
                // After a value: the end, or a separator or closer of the enclosing container.
                guard let top = stack.last else {
                    return index < bytes.count ? (index, "expected the end of the file after the JSON value; found \(found)") : nil
                }
                guard index < bytes.count else {
                    return (index, "expected \(top == .array ? "',' or ']'" : "',' or '}'"); found the end of the file")
                }
                let byte = bytes[index]
                if byte == 0x2C {
                    index += 1
                    if top == .object {
                        skipSpace()
                        if let problem = key(into: &keys[keys.count - 1]) { return problem }
                    }
                    expectingValue = true
                } else if (top == .array && byte == 0x5D) || (top == .object && byte == 0x7D) {
                    index += 1
                    if stack.removeLast() == .object { keys.removeLast() }
                } else {
                    return (index, "expected \(top == .array ? "',' or ']'" : "',' or '}'"); found \(found)")
                }
            }
        }

        /// An object member's key and its ':'; a key already in `seen` (the keys of the same
        /// object) is an error, since a reader would keep one of the two values without a word.
        mutating func key(into seen: inout Set<[UInt8]>) -> (offset: Int, message: String)? {
            guard index < bytes.count, bytes[index] == 0x22 else { return (index, "expected a key in double quotes; found \(found)") }
            let start = index
            if let problem = string() { return problem }
            let name = Array(bytes[(start + 1)..<(index - 1)])
            guard seen.insert(name).inserted else {
                return (start, "the key \(ByteText.quoted(bytes, (start + 1)..<(index - 1), limit: 40)) is given twice in the same object")
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return (index, "expected ':' after the key; found \(found)") }
            index += 1
            return nil
        }

        mutating func string() -> (offset: Int, message: String)? {
            let start = index
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    // Names in these files are matched as candidate names, at a cost that can grow
                    // faster than their length; no string needs to be this long.
                    if index - start - 2 > JSONSyntax.maximumStringBytes {
                        return (start, "expected a string of at most \(JSONSyntax.maximumStringBytes) bytes; found \(index - start - 2)")
                    }
                    return nil
                }
                if byte == 0x0A || byte == 0x0D { return (index, "expected a closing '\"' before the end of the line (a line end inside a string is written \\n)") }
                if byte < 0x20 { return (index, "expected no control character inside a string; found \(ByteText.quoted(bytes, index..<(index + 1))) (a tab is written \\t)") }
                if byte == 0x5C {
                    guard index + 1 < bytes.count else { break }
                    let escape = bytes[index + 1]
                    if escape == 0x75 { // \uXXXX
                        let digits = (index + 2)..<(index + 6)
                        guard digits.upperBound <= bytes.count, digits.allSatisfy({ ByteText.isDigit(bytes[$0]) || (0x61...0x66).contains(bytes[$0] | 0x20) }) else {
                            return (index, "expected four hexadecimal digits after \\u")
                        }
                        index += 6
                        continue
                    }
                    guard [0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74].contains(escape) else {
                        return (index, "expected an escape such as \\\" \\\\ \\n or \\u00e9; found \(ByteText.quoted(bytes, index..<(index + 2)))")
                    }
                    index += 2
                    continue
                }
                index += 1
            }
            return (start, "expected a closing '\"' for the string that starts here")
        }

        mutating func number() -> (offset: Int, message: String)? {
            let start = index
            if bytes[index] == 0x2D { index += 1 }
            func digits() -> Int {
                let from = index
                while index < bytes.count, ByteText.isDigit(bytes[index]) { index += 1 }
                return index - from
            }
            let whole = index
            let wholeDigits = digits()
            guard wholeDigits > 0 else { return (start, "expected a number; found \(ByteText.quoted(bytes, start..<min(bytes.count, start + 12)))") }
            if bytes[whole] == 0x30, wholeDigits > 1 { return (start, "expected a number without leading zeros") }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                guard digits() > 0 else { return (index, "expected a digit after the decimal point") }
            }
            var exponent = 0
            if index < bytes.count, bytes[index] | 0x20 == 0x65 { // e E
                index += 1
                var negative = false
                if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { negative = bytes[index] == 0x2D; index += 1 }
                let from = index
                guard digits() > 0 else { return (index, "expected a digit in the exponent") }
                for position in from..<index { exponent = min(exponent * 10 + Int(bytes[position] - 0x30), 100_000) }
                if negative { exponent = -exponent }
            }
            // The reader that follows holds numbers as Double: past about 10^308 it gives up
            // without a place. (Tiny numbers read as 0, which the checks after it catch.)
            if (bytes[whole] == 0x30 ? 0 : wholeDigits - 1) + exponent > 307 {
                return (start, "expected a number smaller than 10^308; found \(ByteText.quoted(bytes, start..<index, limit: 30))")
            }
            return nil
        }

        mutating func literal() -> (offset: Int, message: String)? {
            for word in ["true", "false", "null"] {
                let letters = Array(word.utf8)
                if index + letters.count <= bytes.count, (0..<letters.count).allSatisfy({ bytes[index + $0] == letters[$0] }) {
                    index += letters.count
                    return nil
                }
            }
            return (index, "expected a value (a string, number, object, list, true, false or null); found \(found)")
        }
    }
}
