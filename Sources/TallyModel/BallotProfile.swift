/// Everything a ballot file says, ready to count: the candidates, the counted rankings (identical
/// ones merged with a weight), and what the irregular-ballot rule did.
///
/// A profile is immutable once read; every counting method takes one and returns a record.
public struct BallotProfile: Sendable {
    /// The election's title, if the file gives one.
    public var title: String?
    /// The candidates in ballot-file order; rankings refer to them by index.
    public internal(set) var candidates: [Candidate]
    /// Each candidate's index by the matching form of its name (the first, should two match):
    /// made once, and handed on to the profiles made from this one.
    var candidatesByKey: [String: Int]
    /// The number of seats, if the file states it (a BLT header does).
    public var seats: Int?
    /// Indices of withdrawn candidates, ascending.
    public var withdrawn: [Int]
    /// An order for breaking ties given by the file itself (a BLT `[tie …]` option), strongest
    /// first, if any.
    public var tieOrder: [Int]?
    /// Region names in order of first appearance; empty when the file has no region column.
    public let regions: [String]
    /// Each region's index by the matching form of its name.
    private let regionsByKey: [String: Int]
    /// What the irregular-ballot rule did, by kind.
    public var irregularities: IrregularityTally
    /// The number of ballot lines (BLT) or rows (CSV) read.
    public var ballotLines: Int

    @usableFromInline let entries: [Preference]
    @usableFromInline let starts: [Int]
    @usableFromInline let weights: [Int64]
    private let regionIndices: [Int32]
    /// `IrregularityTally.linesKept` slots per ballot: the first line numbers it was read from.
    let lines: [Int32]
    /// The irregularities of each region, when the file has regions.
    private let irregularitiesByRegion: [IrregularityTally]

    /// The largest total number of ballots a profile may hold: enough for any real election, and
    /// small enough that every rule's fixed-point arithmetic (down to 10⁻⁹) fits in 64 bits.
    public static let maximumTotalWeight: Int64 = 1_000_000_000

    public init(
        title: String?, candidates: [Candidate], seats: Int?, withdrawn: [Int], tieOrder: [Int]?,
        regions: [String], irregularities: IrregularityTally, ballotLines: Int,
        entries: [Preference], starts: [Int], weights: [Int64], regionIndices: [Int32], lines: [Int32] = [],
        irregularitiesByRegion: [IrregularityTally] = []
    ) {
        self.init(
            title: title, candidates: candidates, candidatesByKey: BallotProfile.index(candidates), seats: seats, withdrawn: withdrawn,
            tieOrder: tieOrder, regions: regions, irregularities: irregularities, ballotLines: ballotLines, entries: entries,
            starts: starts, weights: weights, regionIndices: regionIndices, lines: lines, irregularitiesByRegion: irregularitiesByRegion
        )
    }

    /// A profile of the same candidates as another, whose index by name is `candidatesByKey`.
    init(
        title: String?, candidates: [Candidate], candidatesByKey: [String: Int], seats: Int?, withdrawn: [Int], tieOrder: [Int]?,
        regions: [String], irregularities: IrregularityTally, ballotLines: Int,
        entries: [Preference], starts: [Int], weights: [Int64], regionIndices: [Int32], lines: [Int32] = [],
        irregularitiesByRegion: [IrregularityTally] = []
    ) {
        precondition(starts.count == weights.count + 1, "one start per ballot plus the end")
        precondition(regionIndices.isEmpty || regionIndices.count == weights.count, "one region per ballot")
        self.title = title
        self.candidates = candidates
        self.candidatesByKey = candidatesByKey
        self.seats = seats
        self.withdrawn = withdrawn
        self.tieOrder = tieOrder
        self.regions = regions
        var regionsByKey: [String: Int] = [:]
        for (number, region) in regions.enumerated() { regionsByKey[Candidate.matchingKey(for: region)] = regionsByKey[Candidate.matchingKey(for: region)] ?? number }
        self.regionsByKey = regionsByKey
        self.irregularities = irregularities
        self.ballotLines = ballotLines
        self.entries = entries
        self.starts = starts
        self.weights = weights
        self.regionIndices = regionIndices
        self.irregularitiesByRegion = irregularitiesByRegion
        self.lines = lines.count == weights.count * IrregularityTally.linesKept
            ? lines : Array(repeating: 0, count: weights.count * IrregularityTally.linesKept)
        validBallots = weights.reduce(0, +)
    }

    /// Builds a profile from explicit rankings (tests, simulation). Identical rankings are not
    /// merged here; `rankings` are candidate indices in order, one candidate per rank.
    public init(candidates: [Candidate], seats: Int? = nil, title: String? = nil, rankings: [([Int], Int64)]) {
        var entries: [Preference] = []
        var starts = [0]
        var lines: [Int32] = []
        for (number, (ranking, _)) in rankings.enumerated() {
            entries.append(contentsOf: ranking.map { Preference(candidate: $0) })
            starts.append(entries.count)
            lines.append(Int32(clamping: number + 1))
            lines.append(contentsOf: repeatElement(0, count: IrregularityTally.linesKept - 1))
        }
        self.init(
            title: title, candidates: candidates, seats: seats, withdrawn: [], tieOrder: nil, regions: [],
            irregularities: IrregularityTally(), ballotLines: rankings.count,
            entries: entries, starts: starts, weights: rankings.map(\.1), regionIndices: [], lines: lines
        )
    }

    /// The total weight of counted (valid) ballots.
    public let validBallots: Int64
    /// Ballots the irregular-ballot rule found invalid.
    public var invalidBallots: Int64 { irregularities.invalidBallots }
    /// All ballots read: valid and invalid.
    public var ballotsRead: Int64 { validBallots + invalidBallots }

    /// The distinct counted rankings with their weights.
    public var ballots: Ballots { Ballots(profile: self) }

    /// The distinct counted rankings of a profile, as a collection.
    public struct Ballots: RandomAccessCollection, Sendable {
        let profile: BallotProfile
        public var startIndex: Int { 0 }
        public var endIndex: Int { profile.weights.count }
        public subscript(position: Int) -> Ballot {
            Ballot(
                weight: profile.weights[position],
                ranking: Ranking(entries: profile.entries[profile.starts[position]..<profile.starts[position + 1]]),
                region: profile.regionIndices.isEmpty ? nil : Int(profile.regionIndices[position]),
                lineSlots: profile.lines[(position * IrregularityTally.linesKept)..<((position + 1) * IrregularityTally.linesKept)]
            )
        }
    }

    /// Calls `body` once with the whole profile as flat buffers, for counting loops that must not
    /// pay for a `Ballot` value per ranking: ranking `i` is `entries[starts[i]..<starts[i + 1]]`,
    /// carried by `weights[i]` ballots.
    @inlinable
    public func withRankings<Result>(
        _ body: (_ entries: UnsafeBufferPointer<Preference>, _ starts: UnsafeBufferPointer<Int>, _ weights: UnsafeBufferPointer<Int64>) throws -> Result
    ) rethrows -> Result {
        try entries.withUnsafeBufferPointer { entries in
            try starts.withUnsafeBufferPointer { starts in
                try weights.withUnsafeBufferPointer { weights in try body(entries, starts, weights) }
            }
        }
    }

    /// The same profile holding only the ballots of one region, with that region's irregular
    /// ballots. (`ballotLines` stays the file's.)
    public func restricted(toRegion region: Int) -> BallotProfile {
        var newEntries: [Preference] = []
        var newStarts = [0]
        var newWeights: [Int64] = []
        var newLines: [Int32] = []
        for ballot in ballots where ballot.region == region {
            newLines.append(contentsOf: ballot.firstLines.map { Int32($0) })
            newLines.append(contentsOf: repeatElement(0, count: IrregularityTally.linesKept - ballot.firstLines.count))
            newEntries.append(contentsOf: ballot.ranking.entries)
            newStarts.append(newEntries.count)
            newWeights.append(ballot.weight)
        }
        return BallotProfile(
            title: title, candidates: candidates, candidatesByKey: candidatesByKey, seats: seats, withdrawn: withdrawn, tieOrder: tieOrder,
            regions: [regions[region]],
            irregularities: region < irregularitiesByRegion.count ? irregularitiesByRegion[region] : IrregularityTally(),
            ballotLines: ballotLines,
            entries: newEntries, starts: newStarts, weights: newWeights,
            regionIndices: Array(repeating: 0, count: newWeights.count), lines: newLines
        )
    }

    /// Index of the candidate whose name matches `name` after folding whitespace and case.
    public func candidateIndex(named name: String) -> Int? {
        candidatesByKey[Candidate.matchingKey(for: name)]
    }

    /// Index of the candidate whose name's matching form (`Candidate.matchingKey`) is `key`.
    public func candidateIndex(matchingKey key: String) -> Int? { candidatesByKey[key] }

    /// Candidates by the matching form of their names.
    static func index(_ candidates: [Candidate]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (number, candidate) in candidates.enumerated() where index[candidate.matchingKey] == nil { index[candidate.matchingKey] = number }
        return index
    }

    /// Index of the region whose name matches `name` after folding whitespace and case.
    public func regionIndex(named name: String) -> Int? { regionsByKey[Candidate.matchingKey(for: name)] }
}
