/// A report that renders a count's record three ways: a sheet for people, JSON and CSV for programs.
public protocol ResultSheet: Sendable {
    /// The result sheet as text (docs/cli.md).
    func text() -> String
    /// The full record (docs/json.md).
    func json() -> JSONValue
    /// One row per candidate (docs/cli.md).
    func csv() -> String
    /// A self-contained HTML document (docs/reports.md).
    func html() -> String
    /// The stage table as a spreadsheet: one row per candidate, two columns per stage (docs/cli.md).
    func wideCSV() throws(ReportUnavailable) -> String
    /// The RCTab / Universal Tabulator summary JSON (docs/json.md), for rcvis and rcvformats.
    func rctabJSON() throws(ReportUnavailable) -> String
}

extension ResultSheet {
    public func wideCSV() throws(ReportUnavailable) -> String {
        throw ReportUnavailable("--format csv-wide is the stage table of an STV count; use --format csv here")
    }

    public func rctabJSON() throws(ReportUnavailable) -> String {
        throw ReportUnavailable("--format rctab-json is for an STV count of one ballot file; use --format json here")
    }
}
