/// One distinct ranking in a profile and how many ballots carry it.
public struct Ballot: Sendable {
    /// The number of ballot papers with this ranking (after merging identical rankings).
    public let weight: Int64
    /// The ranking itself, irregularities already resolved by the reader's documented rule.
    public let ranking: Ranking
    /// The region the ballots were cast in, as an index into `BallotProfile.regions`, if any.
    public let region: Int?

    private let lineSlots: ArraySlice<Int32>

    /// The first few line numbers (1-based) this ranking was read from.
    public var firstLines: [Int] { lineSlots.prefix { $0 != 0 }.map { Int($0) } }

    public init(weight: Int64, ranking: Ranking, region: Int?, lineSlots: ArraySlice<Int32> = []) {
        self.weight = weight
        self.ranking = ranking
        self.region = region
        self.lineSlots = lineSlots
    }
}
