import TallyModel
/// A command line checked against a `CommandSpec`.
public struct ParsedArguments: Sendable {
    public private(set) var positionals: [String] = []
    private var values: [String: String] = [:]
    /// Every value of a repeatable option, in order.
    private var repeatedValues: [String: [String]] = [:]
    private var flags: Set<String> = []
    public private(set) var wantsHelp = false

    /// Parses `arguments` (without the command name). `--name value` and `--name=value` both work;
    /// `--` ends the options.
    public init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" || argument == "--help" { wantsHelp = true; continue }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name || ($0.short != nil && $0.short == name) }) else {
                let close = spec.options.map(\.name).filter { $0.hasPrefix(String(name.prefix(4))) }
                let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: " or "))?)"
                throw UsageError(command: spec, message: "unknown option '\(Excerpt.of(name))'\(hint)")
            }
            name = option.name
            if !option.repeatable, values[name] != nil || flags.contains(name) {
                throw UsageError(command: spec, message: "option '\(Excerpt.of(name))' is given more than once")
            }
            guard let valueName = option.valueName else {
                if inlineValue != nil { throw UsageError(command: spec, message: "option '\(Excerpt.of(name))' takes no value") }
                flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError(command: spec, message: "option '\(Excerpt.of(name))' needs a value <\(valueName)>")
                }
                value = arguments[index]
                index += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError(command: spec, message: "'\(Excerpt.of(value))' is not a valid <\(valueName)> for \(name); expected one of: \(choices.joined(separator: ", "))")
            }
            values[name] = value
            repeatedValues[name, default: []].append(value)
        }
        let argumentsOptional = spec.argumentsOptionalWith.map { values[$0] != nil } ?? false
        if !wantsHelp, positionals.count != spec.arguments.count, !(argumentsOptional && positionals.isEmpty) {
            let expected = spec.arguments.map { "<\($0.name)>" }.joined(separator: " ")
            throw UsageError(command: spec, message: positionals.count < spec.arguments.count
                ? "missing argument: expected \(expected)"
                : "unexpected argument '\(Excerpt.of(positionals[spec.arguments.count]))'")
        }
    }

    public func value(_ name: String) -> String? { values[name] }

    /// Every value given for a repeatable option, in order.
    public func values(_ name: String) -> [String] { repeatedValues[name] ?? [] }

    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The value of `name` as a whole number in `range`, or nil when the option is absent.
    public func integer(_ name: String, in range: ClosedRange<Int>, spec: CommandSpec) throws(UsageError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(command: spec, message: "expected a whole number from \(range.lowerBound) to \(range.upperBound) for \(name); found '\(Excerpt.of(text))'")
        }
        return number
    }

    /// The value of `name` as a case of `Choice` (already checked against the choices).
    public func choice<Choice: RawRepresentable>(_ name: String, as type: Choice.Type) -> Choice? where Choice.RawValue == String {
        values[name].flatMap(Choice.init(rawValue:))
    }
}

/// A command used wrongly: exit 64, with the command's usage line.
public struct UsageError: Error, Sendable {
    public let command: CommandSpec
    public let message: String

    public var outcome: CommandOutcome {
        .init(standardError: "tally: error: \(CommandOutcome.limited(message))\nUsage: \(command.usage)\nSee 'tally \(command.name) --help'.\n", exitCode: .usage)
    }
}
