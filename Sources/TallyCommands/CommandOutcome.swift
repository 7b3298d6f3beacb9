import TallyElection

/// What a command produced: its output streams and exit status. Commands return this rather than
/// print, so tests run them in-process.
public struct CommandOutcome: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: ExitCode

    public init(standardOutput: String = "", standardError: String = "", exitCode: ExitCode = .success) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    static func failure(_ message: String, _ code: ExitCode) -> CommandOutcome {
        CommandOutcome(standardError: "tally: error: " + message + "\n", exitCode: code)
    }
}
