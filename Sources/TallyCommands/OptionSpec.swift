/// One option a command accepts.
public struct OptionSpec: Sendable {
    /// The long name with its dashes, e.g. `--seats`.
    public let name: String
    /// The value's placeholder, e.g. `n`; nil for a flag that takes no value.
    public let valueName: String?
    public let help: String
    /// The allowed values, when the option takes one of a fixed set.
    public let choices: [String]?
    /// The value used when the option is not given, shown in help.
    public let defaultValue: String?
    /// A one-letter alias with its dash, e.g. `-o`.
    public let short: String?
    /// True when the option may be given more than once (`--vacate A --vacate B`).
    public var repeatable = false

    public init(_ name: String, short: String? = nil, value valueName: String? = nil, help: String, choices: [String]? = nil, default defaultValue: String? = nil) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.choices = choices
        self.defaultValue = defaultValue
    }

    /// An option that may be given more than once, each time with one value.
    public static func repeatable(_ name: String, value valueName: String, help: String) -> OptionSpec {
        var spec = OptionSpec(name, value: valueName, help: help)
        spec.repeatable = true
        return spec
    }

    /// An option whose value is one case of `Choice`.
    public static func choice<Choice: CaseIterable & RawRepresentable>(
        _ name: String, value: String, help: String, _ type: Choice.Type, default defaultValue: Choice? = nil
    ) -> OptionSpec where Choice.RawValue == String {
        OptionSpec(name, value: value, help: help, choices: Choice.allCases.map(\.rawValue), default: defaultValue?.rawValue)
    }
}
