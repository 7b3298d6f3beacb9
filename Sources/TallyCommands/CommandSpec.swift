import TallyReports

/// A command's name, arguments and options: the source of its help screen and of argument
/// checking.
public struct CommandSpec: Sendable {
    public let name: String
    public let abstract: String
    /// Positional arguments: placeholder and help.
    public let arguments: [(name: String, help: String)]
    public let options: [OptionSpec]
    /// Further explanation shown after the options.
    public let discussion: String?
    /// An option that, when given, makes the positional arguments optional (`--contest`).
    public let argumentsOptionalWith: String?

    public init(
        name: String, abstract: String, arguments: [(name: String, help: String)], options: [OptionSpec],
        discussion: String? = nil, argumentsOptionalWith: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.arguments = arguments
        self.options = options
        self.discussion = discussion
        self.argumentsOptionalWith = argumentsOptionalWith
    }

    public var usage: String {
        let positional = arguments.map { "<\($0.name)>" }.joined(separator: " ")
        let alternative = argumentsOptionalWith.map { "\n       tally \(name) \($0) <file> [options]" } ?? ""
        return "tally \(name) \(positional) [options]" + alternative
    }

    /// The help screen.
    public var help: String {
        var text = CommandSpec.wrapped("OVERVIEW: \(abstract)", width: 100) + "\n\nUSAGE: \(usage)\n"
        if !arguments.isEmpty {
            text += "\nARGUMENTS:\n"
            for argument in arguments { text += CommandSpec.entry("<\(argument.name)>", argument.help) }
        }
        text += "\nOPTIONS:\n"
        for option in options {
            var label = (option.short.map { $0 + ", " } ?? "") + option.name
            if let value = option.valueName { label += " <\(value)>" }
            var help = option.help
            if let choices = option.choices { help += " One of: \(choices.joined(separator: ", "))." }
            if let value = option.defaultValue { help += " (default: \(value))" }
            text += CommandSpec.entry(label, help)
        }
        text += CommandSpec.entry("-h, --help", "Show this help.")
        if let discussion { text += "\n" + CommandSpec.wrapped(discussion, width: 100) + "\n" }
        return text
    }

    /// `text` with its words wrapped to lines of at most `width` characters.
    static func wrapped(_ text: String, width: Int) -> String { TextWrap.split(text, width: width).joined(separator: "\n") }

    /// One help entry: the label in a 26-column gutter, the help wrapped at 100 columns.
    static func entry(_ label: String, _ help: String) -> String {
        let gutter = 28
        let lines = wrapped(help, width: 100 - gutter).split(separator: "\n")
        var text = "  " + label
        if label.count + 2 >= gutter { text += "\n" + String(repeating: " ", count: gutter) } else { text += String(repeating: " ", count: gutter - label.count - 2) }
        text += lines.joined(separator: "\n" + String(repeating: " ", count: gutter)) + "\n"
        return text
    }
}
