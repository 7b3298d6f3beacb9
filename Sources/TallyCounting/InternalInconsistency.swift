/// A count found its own figures inconsistent (votes not conserved, an iteration that never
/// settles): a fault in Tally, never in the ballots. Commands exit 70 and ask for a report.
public struct InternalInconsistency: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was found, e.g. "votes not conserved at stage 4 (752.99 ≠ 753.00)".
    public let finding: String

    public init(_ finding: String) { self.finding = finding }

    public var description: String { finding }
}
