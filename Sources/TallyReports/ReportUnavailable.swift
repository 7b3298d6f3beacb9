/// A format a report does not come in (`--format rctab-json` of a block vote), with what to use.
public struct ReportUnavailable: Error, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
