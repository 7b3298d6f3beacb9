/// JSON text as it is written: bytes, moved into the finished text a block at a time (after a
/// line end, so never inside a character), so that a long document is held once, not twice.
struct JSONText {
    /// The text written so far, up to a line end.
    private var text = ""
    /// What follows it.
    var bytes: [UInt8] = []

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16, bytes.last == 0x0A { moveBytesToText() }
    }

    mutating func indent(_ count: Int) { bytes.append(contentsOf: repeatElement(0x20, count: count)) }

    /// The whole text.
    mutating func finished() -> String {
        moveBytesToText()
        return text
    }

    private mutating func moveBytesToText() {
        text += String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    mutating func appendQuoted(_ text: String) {
        bytes.append(0x22)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case ..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
