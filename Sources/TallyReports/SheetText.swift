/// Text of a result sheet built as bytes: cells padded to their widths, figures spelled with
/// thousands separators, trailing spaces dropped at each line end. What `NumberFormatting` and
/// `String` padding do, without a string per cell.
struct SheetText {
    private(set) var bytes: [UInt8] = []
    private var lineStart = 0

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// `count` spaces.
    mutating func pad(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(0x20, count: count)) }
    }

    /// `text` in a cell of `width` characters, aligned right (figures) or left (names).
    mutating func text(_ text: String, width: Int, alignRight: Bool = true) {
        let padding = max(0, width - text.count)
        if alignRight { pad(padding) }
        bytes.append(contentsOf: text.utf8)
        if !alignRight { pad(padding) }
    }

    /// A figure of `places` decimals held as `units`, grouped (`1,914.00000`), right-aligned in
    /// `width`; `signed` puts `+` before a positive figure (transfers), `marked` puts `*` before it
    /// (the total that elected a candidate).
    mutating func figure(_ units: Int64, places: Int, signed: Bool = false, marked: Bool = false, width: Int) {
        var digits: [UInt8] = [] // reversed
        digits.reserveCapacity(32)
        var magnitude = units.magnitude
        for _ in 0..<places {
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        }
        if places > 0 { digits.append(0x2E) }
        var group = 0
        repeat {
            if group == 3 { digits.append(0x2C); group = 0 }
            digits.append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
            group += 1
        } while magnitude > 0
        if units < 0 { digits.append(0x2D) } else if signed, units > 0 { digits.append(0x2B) }
        if marked { digits.append(0x2A) }
        pad(width - digits.count)
        bytes.append(contentsOf: digits.reversed())
    }

    /// Ends the line, without the spaces at its end.
    mutating func endLine() {
        while bytes.count > lineStart, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
        bytes.append(0x0A)
        lineStart = bytes.count
    }
}
