import TallyModel

/// A number of ballots, with the first few line numbers they were read from.
public struct LocatedCount: Sendable, Equatable {
    public private(set) var ballots: Int64 = 0
    /// Ascending, at most `IrregularityTally.linesKept`.
    public private(set) var firstLines: [Int] = []

    public init() {}

    public mutating func add(_ ballot: Ballot) {
        ballots += ballot.weight
        let merged = (firstLines + ballot.firstLines).sorted()
        firstLines = Array(merged.prefix(IrregularityTally.linesKept))
    }
}
