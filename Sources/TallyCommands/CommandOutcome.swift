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

    /// The longest error message printed: values quoted in messages are cut where they are
    /// quoted (`Excerpt`); this catches any that is not.
    static let maximumMessageCharacters = 2_000

    static func failure(_ message: String, _ code: ExitCode) -> CommandOutcome {
        CommandOutcome(standardError: "tally: error: " + limited(message) + "\n", exitCode: code)
    }

    /// `message`, cut if it is longer than `maximumMessageCharacters`.
    static func limited(_ message: String) -> String {
        let scalars = message.unicodeScalars
        guard scalars.count > maximumMessageCharacters else { return message }
        return String(String.UnicodeScalarView(scalars.prefix(maximumMessageCharacters))) + "… (message cut; \(scalars.count) characters in all)"
    }
}
