/// Text of a result sheet built as bytes: cells padded to their widths, figures spelled with
/// thousands separators, trailing spaces dropped at each line end. What `NumberFormatting` and
/// `String` padding do, without a string per cell.
struct SheetText {
    private(set) var bytes: [UInt8] = []
    private var lineStart = 0

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// `count` spaces.
    mutating func pad(_ count: Int) {
        guard count > 0 else { return }
        if count <= SheetText.spaces.count {
            SheetText.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: count))
        }
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

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
        NumberFormatting.withGrouped(units, places: places, signed: signed, marked: marked) { spelling in
            pad(width - spelling.count)
            bytes.append(contentsOf: spelling)
        }
    }

    /// Makes room for `count` bytes in all, so that a large sheet is not copied as it grows.
    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Ends the line, without the spaces at its end.
    mutating func endLine() {
        while bytes.count > lineStart, bytes[bytes.count - 1] == 0x20 { bytes.removeLast() }
        bytes.append(0x0A)
        lineStart = bytes.count
    }
}
