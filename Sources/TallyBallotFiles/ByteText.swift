import TallyModel

/// Small helpers for reading ASCII-structured text straight from bytes, without making strings.
enum ByteText {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let quote: UInt8 = 0x22

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == 0x0B || byte == 0x0C || byte == carriageReturn
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    // MARK: Eight bytes at a time

    /// The high bit of every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in every byte of a word: a word XORed with it has a zero byte where it held `byte`.
    @inline(__always) static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` that is zero, and of no other (no carry crosses from
    /// byte to byte), so every set bit marks a zero byte.
    @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = ~highBits
        return ~(((word & low) &+ low) | word | low)
    }

    /// The length of a UTF-8 byte-order mark at the start of `bytes` (0 or 3).
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// `range` without leading and trailing blanks.
    @inline(__always) static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// A run of digits read as a whole number: its value, or that it does not fit in 64 bits.
    enum Digits: Equatable {
        /// Not a whole number: empty, or something other than the digits 0–9.
        case notANumber
        /// Digits whose value is above `Int64.max`.
        case tooLarge
        case value(Int64)
    }

    /// What `range` spells as a non-negative whole number. Any number of digits is read without
    /// overflowing: a value above `Int64.max` is `.tooLarge`.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Digits {
        guard !range.isEmpty else { return .notANumber }
        var value: Int64 = 0
        var tooLarge = false
        for index in range {
            let byte = bytes[index]
            guard isDigit(byte) else { return .notANumber }
            if tooLarge { continue }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 0x30))
            if overflow || overflow2 { tooLarge = true } else { value = sum }
        }
        return tooLarge ? .tooLarge : .value(value)
    }

    /// The non-negative whole number spelled by `range`, or nil if it is not one or exceeds
    /// `limit`. Never overflows, whatever the number of digits.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int64 = Int64.max) -> Int64? {
        guard case let .value(value) = digits(bytes, range), value <= limit else { return nil }
        return value
    }

    /// The text of `range`, decoded as UTF-8 (invalid sequences replaced).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A short, printable quotation of `range` for error messages.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int = 24) -> String {
        guard !range.isEmpty else { return "nothing" }
        let shown = range.lowerBound..<min(range.upperBound, range.lowerBound + limit * 4)
        var text = ""
        for scalar in string(bytes, shown).unicodeScalars {
            if text.unicodeScalars.count >= limit { text += "…"; break }
            if scalar == "\u{FFFD}" || scalar.value < 0x20 || scalar.value == 0x7F {
                text += scalar == "\u{FFFD}" ? "\\u{FFFD}" : hexEscape(scalar.value)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return "'\(text)'"
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "\\x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// The 1-based character column of byte `offset` on the line starting at `lineStart`.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>, lineStart: Int, offset: Int) -> Int {
        var column = 1
        var index = lineStart == 0 ? byteOrderMarkLength(bytes) : lineStart // a byte-order mark takes no column
        while index < offset && index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// Why `range`, which is not an acceptable weight, is not one, when it is a number: too
    /// large, or a fraction; nil when it is not a number at all.
    static func weightProblem(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let text = quoted(bytes, range)
        if bytes[range].allSatisfy(isDigit) {
            return "the weight \(text) is more than \(BallotProfile.maximumTotalWeight), the most ballots Tally counts"
        }
        if bytes[range].contains(0x2E), bytes[range].allSatisfy({ isDigit($0) || $0 == 0x2E }) {
            return "expected a whole-number ballot weight; fractional weights such as \(text) are not supported"
        }
        return nil
    }
}
