/// One tie, how it was decided, and the outcome: part of every count record.
public struct TieDecision: Sendable, Equatable {
    /// What was being decided, e.g. "last seat".
    public let question: String
    /// The tied candidates, by index, in ballot-file order.
    public let candidates: [Int]
    /// The tied candidates in the order the decision put them, most favoured first.
    public let order: [Int]
    public let method: TieBreakMethod

    public init(question: String, candidates: [Int], order: [Int], method: TieBreakMethod) {
        self.question = question
        self.candidates = candidates
        self.order = order
        self.method = method
    }
}
