/// Wraps prose to a terminal width: reports, help screens.
public enum TextWrap {
    /// The words of `text` in lines of at most `width` characters (a longer word stands alone).
    public static func split(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentCount = 0 // characters in `current`, kept as it grows
        for word in text.split(separator: " ") {
            let wordCount = word.count
            if currentCount > 0, currentCount + 1 + wordCount > width { lines.append(current); current = ""; currentCount = 0 }
            if currentCount > 0 { current += " "; currentCount += 1 }
            current += word
            currentCount += wordCount
        }
        if currentCount > 0 { lines.append(current) }
        return lines
    }

    /// `text` in lines of at most `width` characters (a longer word stands alone), the first
    /// prefixed by `indent`, the rest by `indent` plus `hanging` spaces; each line ends in "\n".
    /// (Every line is given the narrower, hanging width, so a word never overruns.)
    static func lines(_ text: String, width: Int = 100, indent: String = "  ", hanging: Int = 4) -> String {
        let continuation = indent + String(repeating: " ", count: hanging)
        return split(text, width: width - continuation.count).enumerated()
            .map { ($0.offset == 0 ? indent : continuation) + $0.element + "\n" }.joined()
    }

    /// The end every result sheet shares: irregular ballots, then each tie decided (or the seed
    /// that would have decided one).
    static func tail(irregularities: String, ties: [String], seed: UInt64, warning: String?) -> String {
        var output = irregularities + "\n"
        if ties.isEmpty { return output + "  Ties: none needed deciding. Draw seed \(seed) (unused).\n" }
        for tie in ties { output += lines(tie) }
        if let warning { output += lines("Warning: " + warning) }
        return output
    }
}
