// The `tally` executable: all logic lives in TallyCommands, so it can be tested in-process.
import Foundation
import TallyCommands

/// Writes `text` to a file descriptor (1 or 2) straight from the string's bytes; false if it could
/// not (a full disk, a closed stream).
func write(_ text: String, to descriptor: Int32) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

signal(SIGPIPE, SIG_IGN) // a closed pipe is reported as a write error, not a signal
let outcome = TallyCLI.run(Array(CommandLine.arguments.dropFirst()))
let wroteOutput = write(outcome.standardOutput, to: STDOUT_FILENO)
let wroteErrors = write(outcome.standardError, to: STDERR_FILENO)
if !wroteOutput {
    _ = write("tally: error: could not write the output\n", to: STDERR_FILENO)
    exit(74) // EX_IOERR
}
exit(wroteErrors || outcome.exitCode != .success ? outcome.exitCode.rawValue : 74)
