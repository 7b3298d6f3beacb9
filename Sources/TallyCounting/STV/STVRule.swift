/// The STV counting rules Tally implements, each pinned to its source (docs/rules/).
public enum STVRule: String, Sendable, CaseIterable {
    /// Electoral Reform Society, "How to conduct an election by the Single Transferable Vote",
    /// 3rd edition (1997): the default.
    case ers97
    /// The Scottish Local Government Elections Order 2007 (SSI 2007/42), schedule 1, rules 45–52.
    case scottish
    /// Meek's method as in the Proportional Representation Foundation's reference rule.
    case meek

    /// The rule's decimal places.
    public var places: Int {
        switch self {
        case .ers97: 2
        case .scottish: 5
        case .meek: 9
        }
    }

    /// A one-line description for result sheets.
    public var title: String {
        switch self {
        case .ers97: "ERS97 STV (Electoral Reform Society, 3rd edition, 1997)"
        case .scottish: "Scottish STV (SSI 2007/42, schedule 1, rules 45–52)"
        case .meek: "Meek STV (Proportional Representation Foundation reference rule)"
        }
    }

    /// What goes before a clause number to name the rule's text: "ERS97 " for "ERS97 5.5.1".
    /// The rule's short name in prose: "ERS97", "Scottish", "Meek".
    public var name: String {
        switch self {
        case .ers97: "ERS97"
        case .scottish: "Scottish"
        case .meek: "Meek"
        }
    }

    public var clausePrefix: String {
        switch self {
        case .ers97: "ERS97 "
        case .scottish: "SSI 2007/42 "
        case .meek: "Meek reference rule "
        }
    }

    /// How the rule does its arithmetic, for result sheets.
    public var arithmetic: String {
        switch self {
        case .ers97: "fixed point, 2 decimal places, remainders ignored"
        case .scottish: "fixed point, 5 decimal places, transfer values truncated"
        case .meek: "fixed point, 9 decimal places; keep factors rounded up; convergence 0.000001"
        }
    }
}
