import TallyElection

/// `ExitCode` as the command line's callers see it.
public typealias ExitCode = TallyElection.ExitCode

/// How a command's body ends: its outcome, or its failure turned into one.
enum CommandRun {
    /// Runs `body` for the command `spec`. A request that does not make sense is a usage error
    /// (exit 64, with the usage line); every other failure exits with its own status
    /// (`ElectionFailure.exitCode`); anything unforeseen is an internal fault (exit 70).
    static func catching(_ spec: CommandSpec, _ body: () throws -> CommandOutcome) -> CommandOutcome {
        do {
            return try body()
        } catch let failure as ElectionFailure {
            return outcome(failure, spec)
        } catch let usage as UsageError {
            return usage.outcome
        } catch {
            return outcome(.internalFault("\(error)"), spec)
        }
    }

    static func outcome(_ failure: ElectionFailure, _ spec: CommandSpec) -> CommandOutcome {
        failure.kind == .request ? UsageError(command: spec, message: failure.message).outcome : .failure(failure.message, failure.exitCode)
    }
}
