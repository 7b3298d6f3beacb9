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
}
