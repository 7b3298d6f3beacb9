/// What a comparison of STV and block vote reports, for one count or a whole contest: seats and
/// first preferences by slate, disproportionality, and voters served.
public protocol ComparisonFigures: Sendable {
    /// Slates in order of first preferences, most first.
    var slates: [String] { get }
    var firstPreferences: [Int64] { get }
    var stvSeats: [Int] { get }
    var blockSeats: [Int] { get }
    var stvDisproportionality: Disproportionality { get }
    var blockDisproportionality: Disproportionality { get }
    /// Ballots (weighted) whose first preference was elected, under each method.
    var firstChoiceElected: (stv: Int64, block: Int64) { get }
    /// Ballots with at least one elected candidate among their first N preferences (N = seats).
    var someoneElectedInTop: (stv: Int64, block: Int64) { get }
    /// Valid ballots with a single first preference: the base of the shares above.
    var ballots: Int64 { get }
}

extension Comparison: ComparisonFigures {}

/// Several sections' comparisons added up over a whole contest: first preferences and seats by
/// slate, and voters served, summed; disproportionality taken afresh on the sums.
public struct ComparisonTotals: ComparisonFigures {
    public let slates: [String]
    public let firstPreferences: [Int64]
    public let stvSeats: [Int]
    public let blockSeats: [Int]
    public let stvDisproportionality: Disproportionality
    public let blockDisproportionality: Disproportionality
    public let firstChoiceElected: (stv: Int64, block: Int64)
    public let someoneElectedInTop: (stv: Int64, block: Int64)
    public let ballots: Int64
    /// Seats over every section.
    public let seats: Int

    public init(_ parts: [Comparison]) throws {
        var first: [String: Int64] = [:]
        var stv: [String: Int] = [:]
        var block: [String: Int] = [:]
        for part in parts {
            for (index, slate) in part.slates.enumerated() {
                first[slate, default: 0] += part.firstPreferences[index]
                stv[slate, default: 0] += part.stvSeats[index]
                block[slate, default: 0] += part.blockSeats[index]
            }
        }
        slates = first.keys.sorted { (first[$0]!, $1) > (first[$1]!, $0) }
        firstPreferences = slates.map { first[$0]! }
        stvSeats = slates.map { stv[$0]! }
        blockSeats = slates.map { block[$0]! }
        ballots = parts.reduce(0) { $0 + $1.ballots }
        seats = parts.reduce(0) { $0 + $1.stv.seats }
        firstChoiceElected = parts.reduce((stv: Int64(0), block: Int64(0))) { ($0.stv + $1.firstChoiceElected.stv, $0.block + $1.firstChoiceElected.block) }
        someoneElectedInTop = parts.reduce((stv: Int64(0), block: Int64(0))) { ($0.stv + $1.someoneElectedInTop.stv, $0.block + $1.someoneElectedInTop.block) }
        stvDisproportionality = try Disproportionality(votes: firstPreferences, seats: stvSeats, totalVotes: ballots, totalSeats: seats)
        blockDisproportionality = try Disproportionality(votes: firstPreferences, seats: blockSeats, totalVotes: ballots, totalSeats: seats)
    }
}
