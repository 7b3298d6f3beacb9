/// Collects rankings as a reader finds them, applies the irregular-ballot rule once per distinct
/// ranking, and merges identical counted rankings with a weight.
///
/// Per line the cost is one hash lookup of the raw ranking; nothing is allocated per line.
public struct BallotProfileBuilder: Sendable {
    /// Raised when the ballots add up to more than `BallotProfile.maximumTotalWeight`.
    public struct TooManyBallots: Error, Sendable {}

    public let rule: IrregularBallotRule
    private var raw = SequenceInterner(capacity: 1024)
    /// For each distinct raw key: the counted ranking's number, or -1 when invalid.
    private var counted: [Int32] = []
    /// For each distinct raw key: the irregularity's ordinal + 1, or 0.
    private var irregularityOfRaw: [UInt8] = []
    private var rankings = SequenceInterner(capacity: 1024)
    private var weights: [Int64] = []
    /// For each counted ranking, its first `IrregularityTally.linesKept` line numbers (0 = none).
    private var lines: [Int32] = []
    private var scratch: [UInt16] = []
    private var totalWeight: Int64 = 0
    public private(set) var irregularities = IrregularityTally()
    public private(set) var ballotLines = 0

    public init(rule: IrregularBallotRule) { self.rule = rule }

    /// Adds one ballot line: `codes` are `RawPreferenceCode`s as written, `region` the region's
    /// index if the file has regions, `line` the 1-based line number.
    public mutating func add(_ codes: UnsafeBufferPointer<UInt16>, weight: Int64, region: Int?, line: Int) throws {
        ballotLines += 1
        if weight == 0 {
            irregularities.record(.zeroWeight, ballots: 0, invalid: false, line: line)
            return
        }
        let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow, weight > 0, sum <= BallotProfile.maximumTotalWeight else { throw TooManyBallots() }
        totalWeight = sum

        scratch.removeAll(keepingCapacity: true)
        scratch.append(region.map { UInt16(truncatingIfNeeded: $0) } ?? 0xFFFF)
        scratch.append(contentsOf: codes)
        let (number, isNew) = scratch.withUnsafeBufferPointer { raw.intern($0) }
        if isNew { resolve(number, region: region) }

        let target = Int(counted[number])
        if target >= 0 {
            weights[target] += weight
            let base = target * IrregularityTally.linesKept
            for slot in base..<(base + IrregularityTally.linesKept) where lines[slot] == 0 {
                lines[slot] = Int32(clamping: line)
                break
            }
        }
        let ordinal = Int(irregularityOfRaw[number])
        if ordinal > 0 {
            irregularities.record(Irregularity.allCases[ordinal - 1], ballots: weight, invalid: target < 0, line: line)
        }
    }

    private mutating func resolve(_ number: Int, region: Int?) {
        let key = raw[number]
        let outcome = rule.resolve(key.dropFirst())
        irregularityOfRaw.append(outcome.irregularity.map { UInt8(Irregularity.allCases.firstIndex(of: $0)! + 1) } ?? 0)
        if outcome.ranking.isEmpty {
            counted.append(-1)
            return
        }
        var countedKey: [UInt16] = [key[key.startIndex]]
        countedKey.append(contentsOf: outcome.ranking.map(\.rawValue))
        let (target, isNewRanking) = rankings.intern(countedKey)
        if isNewRanking {
            weights.append(0)
            lines.append(contentsOf: repeatElement(0, count: IrregularityTally.linesKept))
        }
        counted.append(Int32(target))
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
            entries: entries, starts: starts, weights: weights, regionIndices: regionIndices, lines: lines
        )
    }
}
