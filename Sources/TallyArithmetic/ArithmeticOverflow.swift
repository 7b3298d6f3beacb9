/// A calculation left the range of 64-bit fixed point. Counting stops with this error rather than
/// give a wrong answer.
public struct ArithmeticOverflow: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public init(_ operation: String) { self.operation = operation }
    public var description: String { "arithmetic overflow in \(operation)" }
}
