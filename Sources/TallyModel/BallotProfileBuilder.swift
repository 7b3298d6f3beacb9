/// Collects rankings as a reader finds them, applies the irregular-ballot rule, and merges
/// identical counted rankings with a weight.
///
/// Per line the cost is the rule's pass over the ranking and one hash lookup; nothing is
/// allocated per line.
public struct BallotProfileBuilder {
    /// Raised when the ballots add up to more than `BallotProfile.maximumTotalWeight`.
    public struct TooManyBallots: Error, Sendable {}

    private var rule: IrregularBallotRule
    /// Counted rankings, each prefixed by its region code (0xFFFF when the file has no regions).
    private var rankings: SequenceInterner
    private var weights: [Int64] = []
    /// For each counted ranking, its first `IrregularityTally.linesKept` line numbers (0 = none).
    private var lines: [Int32] = []
    private let scratch = CodeBuffer()
    private var totalWeight: Int64 = 0
    private var irregularities = IrregularityTally()
    /// The same, region by region (index = region), when the file has regions.
    private var irregularitiesByRegion: [IrregularityTally] = []
    private var ballotLines = 0
    /// Told what became of each line, when an audit trail is asked for.
    public var observer: BallotLineObserver?

    /// `expectedRankings`: a guess at how many distinct rankings the file holds, so that the
    /// table of rankings need not grow as it fills (readers guess from the file's size).
    public init(rule: IrregularBallotRule, expectedRankings: Int = 1024) {
        self.rule = rule
        rankings = SequenceInterner(capacity: min(max(expectedRankings, 64), 1 << 22))
    }

    /// Adds one ballot line: `codes` are `RawPreferenceCode`s as written, `region` the region's
    /// index if the file has regions, `line` the 1-based line number, `ballotID` the line's
    /// ballot id if it has one (asked only when an irregularity is recorded).
    public mutating func add(_ codes: UnsafeBufferPointer<UInt16>, weight: Int64, region: Int?, line: Int, ballotID: () -> String? = { nil }) throws {
        ballotLines += 1
        if weight == 0 {
            record(.zeroWeight, ballots: 0, invalid: false, region: region, line: line, ballotID: ballotID)
            try observer?.ballotLine(line, ranking: nil, weight: 0, irregularity: .zeroWeight, ballotID: observer == nil ? nil : ballotID())
            return
        }
        let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow, weight > 0, sum <= BallotProfile.maximumTotalWeight else { throw TooManyBallots() }
        totalWeight = sum

        scratch.removeAll()
        scratch.append(region.map { UInt16(truncatingIfNeeded: $0) } ?? 0xFFFF)
        let irregularity = rule.resolve(codes, into: scratch)
        let valid = scratch.count > 1
        if let irregularity { record(irregularity, ballots: weight, invalid: !valid, region: region, line: line, ballotID: ballotID) }
        guard valid else {
            try observer?.ballotLine(line, ranking: nil, weight: weight, irregularity: irregularity, ballotID: observer == nil ? nil : ballotID())
            return
        }

        let (number, isNew) = rankings.intern(scratch.codes)
        if isNew {
            weights.append(0)
            lines.append(contentsOf: repeatElement(0, count: IrregularityTally.linesKept))
        }
        weights[number] += weight
        try observer?.ballotLine(line, ranking: number, weight: weight, irregularity: irregularity, ballotID: observer == nil ? nil : ballotID())
        let base = number * IrregularityTally.linesKept
        for slot in base..<(base + IrregularityTally.linesKept) where lines[slot] == 0 {
            lines[slot] = Int32(clamping: line)
            break
        }
    }

    private mutating func record(_ kind: Irregularity, ballots: Int64, invalid: Bool, region: Int?, line: Int, ballotID: () -> String?) {
        irregularities.record(kind, ballots: ballots, invalid: invalid, line: line, ballotID: ballotID)
        guard let region else { return }
        while irregularitiesByRegion.count <= region { irregularitiesByRegion.append(IrregularityTally()) }
        irregularitiesByRegion[region].record(kind, ballots: ballots, invalid: invalid, line: line, ballotID: ballotID)
    }

    /// The profile read so far.
    public func profile(
        title: String?, candidates: [Candidate], seats: Int?, withdrawn: [Int], tieOrder: [Int]?, regions: [String]
    ) -> BallotProfile {
        var entries: [Preference] = []
        var starts = [0]
        var regionIndices: [Int32] = []
        entries.reserveCapacity(rankings.count * 4)
        starts.reserveCapacity(rankings.count + 1)
        for number in 0..<rankings.count {
            let key = rankings[number]
            if !regions.isEmpty { regionIndices.append(Int32(key[key.startIndex])) }
            for code in key.dropFirst() { entries.append(Preference(rawValue: code)) }
            starts.append(entries.count)
        }
        return BallotProfile(
            title: title, candidates: candidates, seats: seats, withdrawn: withdrawn, tieOrder: tieOrder,
            regions: regions, irregularities: irregularities, ballotLines: ballotLines,
            entries: entries, starts: starts, weights: weights, regionIndices: regionIndices, lines: lines,
            irregularitiesByRegion: regions.indices.map { $0 < irregularitiesByRegion.count ? irregularitiesByRegion[$0] : IrregularityTally() }
        )
    }
}
