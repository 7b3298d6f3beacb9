// The `tally` executable: all logic lives in TallyCommands, so it can be tested in-process.
import Foundation
import TallyCommands

/// Writes `text` to a standard stream; false if it could not (a full disk, a closed stream).
func write(_ text: String, to handle: FileHandle) -> Bool {
    guard !text.isEmpty else { return true }
    do {
        try handle.write(contentsOf: Data(text.utf8))
        return true
    } catch {
        return false
    }
}

signal(SIGPIPE, SIG_IGN) // a closed pipe is reported as a write error, not a signal
let outcome = TallyCLI.run(Array(CommandLine.arguments.dropFirst()))
let wroteOutput = write(outcome.standardOutput, to: .standardOutput)
let wroteErrors = write(outcome.standardError, to: .standardError)
if !wroteOutput {
    _ = write("tally: error: could not write the output\n", to: .standardError)
    exit(74) // EX_IOERR
}
exit(wroteErrors || outcome.exitCode != .success ? outcome.exitCode.rawValue : 74)
