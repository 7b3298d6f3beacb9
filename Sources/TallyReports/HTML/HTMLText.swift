/// A well-formed XHTML fragment built element by element: every text and attribute value is
/// escaped, every element closed, so a report cannot break its own markup whatever the names in a
/// ballot file hold.
public struct HTMLText: Sendable {
    public private(set) var markup = ""

    public init() {}

    /// Text content, escaped; control characters made printable.
    public mutating func text(_ text: String) { HTMLText.escape(ReportSource.printable(text), into: &markup) }

    /// `<tag attributes>`; close it with `close(tag)`.
    public mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        markup += "<" + tag
        for (name, value) in attributes {
            markup += " " + name + "=\""
            HTMLText.escape(ReportSource.printable(value), into: &markup)
            markup += "\""
        }
        markup += ">"
    }

    public mutating func close(_ tag: String) {
        markup += "</" + tag + ">"
        if HTMLText.blockTags.contains(tag) { markup += "\n" }
    }

    /// Elements after which a line ends, so that a report reads (and diffs) line by line; the
    /// line ends fall between elements, where they change nothing on the page.
    static let blockTags: Set<String> = [
        "html", "head", "body", "main", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "table", "caption",
        "thead", "tbody", "tr", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "svg", "title", "desc",
        "text", "rect", "path", "line", "style", "nav",
    ]

    /// `<tag>text</tag>`.
    public mutating func element(_ tag: String, _ content: String) { element(tag, [], content) }

    /// `<tag attributes>text</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String)], _ content: String) {
        open(tag, attributes)
        text(content)
        close(tag)
    }

    /// `<tag attributes>…</tag>`, its content written by `body`.
    public mutating func element(_ tag: String, _ attributes: [(String, String)] = [], body: (inout HTMLText) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// An element with no content: `<tag attributes/>`.
    public mutating func empty(_ tag: String, _ attributes: [(String, String)] = []) {
        open(tag, attributes)
        markup.removeLast()
        markup += "/>"
        if HTMLText.blockTags.contains(tag) { markup += "\n" }
    }

    /// Markup already built by another `HTMLText` (and so already escaped and well formed).
    public mutating func append(_ other: HTMLText) { markup += other.markup }

    /// Fixed markup written in this module's source (the style sheet): never data.
    mutating func trusted(_ fixed: StaticString) { markup += fixed.description }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, and U+FFFE and U+FFFF (which XML
    /// does not allow) replaced by U+FFFD.
    static func escape(_ text: String, into output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(character)
            }
        }
    }
}
