/// Short quotations of what a user gave, for messages: a long value is cut, so that an error
/// about a 70 KB cell or a 2,000-name list stays one readable line.
public enum Excerpt {
    /// The most characters of a value a message quotes.
    public static let maximumCharacters = 60
    /// The most items of a list a message names.
    public static let maximumItems = 10

    /// `text`, cut after `maximumCharacters` Unicode scalars with "…" and the length. (Scalars,
    /// not characters: one character can hold any number of combining marks.)
    public static func of(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maximumCharacters else { return String(text) }
        return String(String.UnicodeScalarView(scalars.prefix(maximumCharacters))) + "… (\(scalars.count) characters)"
    }

    /// `items` joined with ", ", each cut, naming at most `maximumItems` and then how many more.
    public static func list(_ items: [String]) -> String {
        let shown = items.prefix(maximumItems).map { of($0) }.joined(separator: ", ")
        return items.count > maximumItems ? shown + " and \(items.count - maximumItems) more" : shown
    }
}
