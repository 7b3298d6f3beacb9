/// A minimum-representation rule: at least `count` of the seats go to candidates in `category`.
public struct Minimum: Hashable, Sendable, CustomStringConvertible {
    /// The category in its matching form (`Candidate.matchingKey`), e.g. "woman", "bame".
    public let category: String
    public let count: Int

    public init(category: String, count: Int) {
        self.category = Candidate.matchingKey(for: category)
        self.count = count
    }

    /// "at least 3 woman".
    public var description: String { "at least \(count) \(category)" }
}
