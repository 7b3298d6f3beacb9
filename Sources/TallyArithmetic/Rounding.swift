/// How a division that does not come out exact is resolved. Every call that can lose a remainder
/// names one; there is no default.
public enum Rounding: Sendable {
    /// Toward zero: the remainder is ignored (truncation). ERS97 and the Scottish rules.
    case down
    /// Away from zero whenever a remainder is left. Meek's keep factors.
    case up
    /// To the nearest, halves away from zero. Display only (percentages), never a count.
    case halfUp
}
