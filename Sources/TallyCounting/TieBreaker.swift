/// Decides ties that a rule's own criteria leave open: by an explicit order when one is given,
/// otherwise by the seeded draw.
///
/// With an explicit order, a tie between candidates it does not all name is an error
/// (`UnresolvedTie`), never an arbitrary pick.
public struct TieBreaker: Sendable {
    /// Candidate indices, most favoured first.
    public let explicitOrder: [Int]?
    /// Each candidate's place in `explicitOrder`.
    private let placeInOrder: [Int: Int]
    private var draw: SeededDraw
    public private(set) var decisions: [TieDecision] = []

    /// The default seed when the user gives none. It is printed with every count that used it.
    public static let defaultSeed: UInt64 = 1

    public init(explicitOrder: [Int]? = nil, seed: UInt64 = TieBreaker.defaultSeed) {
        self.explicitOrder = explicitOrder
        placeInOrder = Dictionary((explicitOrder ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        draw = SeededDraw(seed: seed)
    }

    public var seed: UInt64 { draw.seed }

    /// Records a tie decided by other means (a rule's look at earlier stages).
    public mutating func record(_ decision: TieDecision) { decisions.append(decision) }

    /// The tied candidates ordered most favoured first; the decision is recorded.
    public mutating func order(_ tied: [Int], question: String) throws -> [Int] {
        let candidates = tied.sorted()
        let order: [Int]
        let method: TieBreakMethod
        if explicitOrder != nil {
            guard candidates.allSatisfy({ placeInOrder[$0] != nil }) else {
                throw UnresolvedTie(question: question, candidates: candidates)
            }
            order = candidates.sorted { placeInOrder[$0]! < placeInOrder[$1]! }
            method = .explicitOrder
        } else {
            order = draw.shuffle(candidates)
            method = .seededDraw(seed: draw.seed, draw: draw.drawsMade)
        }
        decisions.append(TieDecision(question: question, candidates: candidates, order: order, method: method))
        return order
    }
}

/// A tie that the configured methods cannot decide.
public struct UnresolvedTie: Error, Sendable, Equatable {
    public let question: String
    public let candidates: [Int]

    public init(question: String, candidates: [Int]) {
        self.question = question
        self.candidates = candidates
    }
}
