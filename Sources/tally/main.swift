// The `tally` executable: all logic lives in TallyCommands, so it can be tested in-process.
import Foundation
import TallyCommands

let outcome = TallyCLI.run(Array(CommandLine.arguments.dropFirst()))
if !outcome.standardOutput.isEmpty { FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8)) }
if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
exit(outcome.exitCode.rawValue)
