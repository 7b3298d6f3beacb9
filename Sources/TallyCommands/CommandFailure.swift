import TallyArithmetic
import TallyBallotFiles
import TallyCounting

/// A command that stopped: the message and exit status.
struct CommandFailure: Error {
    let message: String
    let code: ExitCode

    init(_ message: String, _ code: ExitCode) {
        self.message = message
        self.code = code
    }

    /// A ballot, candidates or contest file that could not be read (exit 66) or is malformed (65).
    init(_ error: BallotFileError) {
        self.init(error.description, error.kind == .unreadable ? .noInput : .dataError)
    }

    var outcome: CommandOutcome { .failure(message, code) }

    /// A count that could not be carried out as asked (`CountError`, `UnresolvedTie`,
    /// `ArithmeticOverflow`) as a data error about `context` (a file, a contest's section);
    /// anything else is returned unchanged.
    static func counting(_ error: any Error, _ context: String) -> any Error {
        switch error {
        case let error as CountError: CommandFailure("\(context): cannot count: \(error)", .dataError)
        case let tie as UnresolvedTie: CommandFailure("\(context): a tie for \(tie.question) could not be decided", .dataError)
        case let overflow as ArithmeticOverflow: CommandFailure("\(context): cannot count: \(overflow)", .dataError)
        default: error
        }
    }

    /// Runs a command body, turning what it throws into the outcome to return.
    static func catching(_ body: () throws -> CommandOutcome) -> CommandOutcome {
        do {
            return try body()
        } catch let failure as CommandFailure {
            return failure.outcome
        } catch let usage as UsageError {
            return usage.outcome
        } catch {
            return .failure("\(error)", .software)
        }
    }
}
