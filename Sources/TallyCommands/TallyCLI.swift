import TallyModel
/// The `tally` command line: dispatches to a command and returns its outcome. The executable is a
/// thin wrapper that prints the outcome and exits with its status.
public enum TallyCLI {
    public static let version = "0.1.0"

    static let commands: [(spec: CommandSpec, run: @Sendable (ParsedArguments) -> CommandOutcome)] = [
        (CountCommand.spec, CountCommand.run),
        (CompareCommand.spec, CompareCommand.run),
        (MarginsCommand.spec, MarginsCommand.run),
        (VacancyCommand.spec, VacancyCommand.run),
        (VerifyCommand.spec, VerifyCommand.run),
        (CheckCommand.spec, CheckCommand.run),
        (ConvertCommand.spec, ConvertCommand.run),
        (GenerateCommand.spec, GenerateCommand.run),
        (SimulateCommand.spec, SimulateCommand.run),
    ]

    /// The help screen of `tally` itself.
    public static var help: String {
        var text = CommandSpec.wrapped(
            "OVERVIEW: Tally counts internal party elections: STV and block vote, exactly as the published rules say.", width: 100
        ) + "\n\n"
        text += "USAGE: tally <command> [options]\n\nCOMMANDS:\n"
        for command in commands { text += CommandSpec.entry(command.spec.name, command.spec.abstract) }
        text += CommandSpec.entry("help <command>", "Show a command's help.")
        text += "\nOPTIONS:\n"
        text += CommandSpec.entry("-h, --help", "Show this help.")
        text += CommandSpec.entry("--version", "Show Tally's version.")
        text += "\nSee 'tally <command> --help' for a command's options.\n"
        return text
    }

    /// Runs the command line `arguments` (without the program name).
    public static func run(_ arguments: [String]) -> CommandOutcome {
        guard let first = arguments.first else {
            return CommandOutcome(standardError: help, exitCode: .usage)
        }
        switch first {
        case "-h", "--help":
            return CommandOutcome(standardOutput: help)
        case "--version":
            guard arguments.count == 1 else { return .failure("--version takes no arguments", .usage) }
            return CommandOutcome(standardOutput: "tally \(version)\n")
        case "help":
            guard arguments.count > 1 else { return CommandOutcome(standardOutput: help) }
            guard let command = commands.first(where: { $0.spec.name == arguments[1] }) else {
                return .failure("no command '\(Excerpt.of(arguments[1]))'; the commands are: \(commands.map(\.spec.name).joined(separator: ", "))", .usage)
            }
            return CommandOutcome(standardOutput: command.spec.help)
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                return .failure("unknown command '\(Excerpt.of(first))'; the commands are: \(commands.map(\.spec.name).joined(separator: ", ")). See 'tally --help'.", .usage)
            }
            do {
                let parsed = try ParsedArguments(Array(arguments.dropFirst()), spec: command.spec)
                if parsed.wantsHelp { return CommandOutcome(standardOutput: command.spec.help) }
                return command.run(parsed)
            } catch {
                return error.outcome
            }
        }
    }
}
