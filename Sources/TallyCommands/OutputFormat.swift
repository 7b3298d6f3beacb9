import TallyReports

/// How a command writes its result.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A result sheet for people.
    case text
    /// The full record, for programs (schema in docs/json.md).
    case json
    /// One row per candidate, for spreadsheets.
    case csv
    /// A self-contained HTML document with charts, to publish or print (docs/reports.md).
    case html

    /// `sheet` rendered in this format.
    func render(_ sheet: some ResultSheet) -> String {
        switch self {
        case .text: sheet.text()
        case .json: sheet.json().rendered()
        case .csv: sheet.csv()
        case .html: sheet.html()
        }
    }
}
