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
    /// The stage table as a spreadsheet: a row per candidate, two columns per stage (STV counts).
    case csvWide = "csv-wide"
    /// The RCTab / Universal Tabulator summary JSON, for rcvis and rcvformats (STV counts).
    case rctabJSON = "rctab-json"

    /// `sheet` rendered in this format.
    func render(_ sheet: some ResultSheet) throws(ReportUnavailable) -> String {
        switch self {
        case .text: sheet.text()
        case .json: sheet.json().rendered()
        case .csv: sheet.csv()
        case .html: sheet.html()
        case .csvWide: try sheet.wideCSV()
        case .rctabJSON: try sheet.rctabJSON()
        }
    }
}
