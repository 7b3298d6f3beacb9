/// Wraps report prose to a terminal width.
enum TextWrap {
    /// `text` in lines of at most `width` characters (a longer word stands alone), the first
    /// prefixed by `indent`, the rest by `indent` plus `hanging` spaces; each line ends in "\n".
    static func lines(_ text: String, width: Int = 100, indent: String = "  ", hanging: Int = 4) -> String {
        var lines: [String] = []
        var current = ""
        let firstWidth = width - indent.count
        let restWidth = firstWidth - hanging
        for word in text.split(separator: " ") {
            let limit = lines.isEmpty ? firstWidth : restWidth
            if !current.isEmpty, current.count + 1 + word.count > limit { lines.append(current); current = "" }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        let continuation = indent + String(repeating: " ", count: hanging)
        return lines.enumerated().map { ($0.offset == 0 ? indent : continuation) + $0.element + "\n" }.joined()
    }
}
