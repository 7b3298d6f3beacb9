/// Collects rankings as a reader finds them, applies the irregular-ballot rule, and merges
/// identical counted rankings with a weight.
///
/// The rule is applied once per distinct raw ranking (as written, before the rule), not once per
/// line: what each raw ranking counts as is remembered. A raw ranking short enough, in a file
/// without regions, is packed into a 64-bit key (`Packing`, `PackedKeyTable`: 16 positions of
/// up to 14 candidates, 12 of up to 30, …); any other is kept whole (`SequenceInterner`). Nothing is
/// allocated per line.
public struct BallotProfileBuilder {
    /// Raised when the ballots add up to more than `BallotProfile.maximumTotalWeight`.
    public struct TooManyBallots: Error, Sendable {}

    /// What a distinct raw ranking counts as: a counted ranking's number (or −1, invalid) and the
    /// irregularity the rule found.
    private struct Resolution {
        var number: Int32
        var irregularity: Irregularity?
    }

    private var rule: IrregularBallotRule
    private let packing: Packing
    /// The counted rankings in order of number, each prefixed by its region code (`noRegion` when
    /// the file has no regions). Every counted ranking is also held as the raw ranking it is, in
    /// `packedRaw` or `generalRaw` (a regular ranking counts as written): that is how an
    /// irregular ranking finds the counted ranking it comes to.
    private var counted: [UInt16] = []
    private var countedStarts: [Int] = [0]
    /// Raw rankings that pack into 64 bits → their index in `resolutions`.
    private var packedRaw: PackedKeyTable
    /// Other raw rankings, prefixed by their region code → their index in `resolutions` (by the
    /// interner's own numbering, through `generalResolution`).
    private var generalRaw: SequenceInterner
    private var generalResolution: [Int32] = []
    private var resolutions: [Resolution] = []
    private var weights: [Int64] = []
    /// For each counted ranking, its first `IrregularityTally.linesKept` line numbers (0 = none).
    private var lines: [Int32] = []
    private let scratch = CodeBuffer()
    private let rawKey = CodeBuffer()
    private var totalWeight: Int64 = 0
    private var irregularities = IrregularityTally()
    /// The same, region by region (index = region), when the file has regions.
    private var irregularitiesByRegion: [IrregularityTally] = []
    private var ballotLines = 0
    /// Told what became of each line, when an audit trail is asked for.
    public var observer: BallotLineObserver?

    /// `expectedRankings`: a guess at how many distinct rankings the file holds, so that the
    /// tables need not grow often as they fill (readers guess from the file's size).
    public init(rule: IrregularBallotRule, expectedRankings: Int = 1024) {
        self.rule = rule
        packing = Packing(candidateCount: rule.candidateCount)
        let capacity = min(max(expectedRankings, 64), 1 << 16)
        generalRaw = SequenceInterner(capacity: capacity)
        packedRaw = PackedKeyTable(capacity: capacity)
        // Room made once: growing by doubling, a large array is copied and its pages touched
        // afresh each time (in a simulation, thousands of times).
        counted.reserveCapacity(capacity * 8)
        countedStarts.reserveCapacity(capacity + 1)
        weights.reserveCapacity(capacity)
        lines.reserveCapacity(capacity * IrregularityTally.linesKept)
        resolutions.reserveCapacity(capacity)
    }

    /// Adds one ballot line: `codes` are `RawPreferenceCode`s as written, `region` the region's
    /// index if the file has regions, `line` the 1-based line number, `ballotID` the line's
    /// ballot id if it has one (asked only when an irregularity is recorded).
    /// Returns the number of the counted ranking when the line counted with no irregularity
    /// (`add(countedRanking:…)` adds another line that reads the same), nil otherwise.
    @discardableResult
    public mutating func add(_ codes: UnsafeBufferPointer<UInt16>, weight: Int64, region: Int?, line: Int, ballotID: () -> String? = { nil }) throws -> Int? {
        ballotLines += 1
        if weight == 0 {
            record(.zeroWeight, ballots: 0, invalid: false, region: region, line: line, ballotID: ballotID)
            try observer?.ballotLine(line, ranking: nil, weight: 0, irregularity: .zeroWeight, ballotID: observer == nil ? nil : ballotID())
            return nil
        }
        let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow, weight > 0, sum <= BallotProfile.maximumTotalWeight else { throw TooManyBallots() }
        totalWeight = sum

        let resolution = resolve(codes, region: region)
        let irregularity = resolution.irregularity
        if let irregularity { record(irregularity, ballots: weight, invalid: resolution.number < 0, region: region, line: line, ballotID: ballotID) }
        guard resolution.number >= 0 else {
            try observer?.ballotLine(line, ranking: nil, weight: weight, irregularity: irregularity, ballotID: observer == nil ? nil : ballotID())
            return nil
        }
        let number = Int(resolution.number)
        weights[number] += weight
        try observer?.ballotLine(line, ranking: number, weight: weight, irregularity: irregularity, ballotID: observer == nil ? nil : ballotID())
        keepLine(line, of: number)
        return irregularity == nil ? number : nil
    }

    /// Adds one ballot line known to count as counted ranking `number` with no irregularity (a
    /// line that reads exactly as an earlier one for which `add` returned `number`).
    public mutating func add(countedRanking number: Int, weight: Int64, line: Int) throws {
        ballotLines += 1
        let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
        guard !overflow, weight > 0, sum <= BallotProfile.maximumTotalWeight else { throw TooManyBallots() }
        totalWeight = sum
        weights[number] += weight
        try observer?.ballotLine(line, ranking: number, weight: weight, irregularity: nil, ballotID: nil)
        keepLine(line, of: number)
    }

    /// Adds one ballot of a drawn electorate: a ranking of distinct standing candidates, none
    /// withdrawn, so it counts as written and the rule is not applied. Its line number is its
    /// place in the order of adding.
    public mutating func addDrawn(_ ranking: UnsafeBufferPointer<UInt16>) throws {
        scratch.removeAll()
        scratch.append(BallotProfileBuilder.noRegion)
        for code in ranking { scratch.append(code) }
        let number = countedRankingInScratch(region: BallotProfileBuilder.noRegion, resolving: -1)
        try add(countedRanking: Int(number), weight: 1, line: ballotLines + 1)
    }

    @inline(__always) private mutating func keepLine(_ line: Int, of number: Int) {
        let base = number * IrregularityTally.linesKept
        for slot in base..<(base + IrregularityTally.linesKept) where lines[slot] == 0 {
            lines[slot] = Int32(clamping: line)
            break
        }
    }

    /// The region code of a file without regions.
    static let noRegion: UInt16 = 0xFFFF

    /// What the raw ranking `codes` counts as, by the rule the first time it is seen.
    private mutating func resolve(_ codes: UnsafeBufferPointer<UInt16>, region: Int?) -> Resolution {
        // Blank ranks at the end are no part of the ranking (the rule drops them first).
        var end = codes.count
        while end > 0, codes[end - 1] & RawPreferenceCode.valueMask == RawPreferenceCode.skippedRank { end -= 1 }
        let raw = UnsafeBufferPointer(rebasing: codes[0..<end])
        let regionCode = region.map { UInt16(truncatingIfNeeded: $0) } ?? BallotProfileBuilder.noRegion
        let (index, isNew) = holding(raw, region: regionCode)
        guard isNew else { return resolutions[index] }
        scratch.removeAll()
        scratch.append(regionCode)
        let irregularity = rule.resolve(raw, into: scratch)
        let number = scratch.count > 1 ? countedRankingInScratch(region: regionCode, resolving: index) : -1
        resolutions[index] = Resolution(number: number, irregularity: irregularity)
        return resolutions[index]
    }

    /// Where the raw ranking `raw` of region `region` is held: its index in `resolutions`, and
    /// whether it is new (held now, its resolution still to be set). A ranking that packs
    /// (`packed`, no region) is held in `packedRaw`; any other in `generalRaw`.
    private mutating func holding(_ raw: UnsafeBufferPointer<UInt16>, region: UInt16) -> (index: Int, isNew: Bool) {
        let index = resolutions.count
        if region == BallotProfileBuilder.noRegion, let key = packed(raw) {
            if let known = packedRaw.find(key) { return (Int(known), false) }
            packedRaw.insert(key, UInt32(index))
        } else {
            rawKey.removeAll()
            rawKey.append(region)
            for code in raw { rawKey.append(code) }
            let (entry, isNew) = generalRaw.intern(rawKey.codes)
            if !isNew { return (Int(generalResolution[entry]), false) }
            generalResolution.append(Int32(index))
        }
        resolutions.append(Resolution(number: -1, irregularity: nil))
        return (index, true)
    }

    /// The number of the counted ranking in `scratch` (region code first). Every counted ranking
    /// is held as the raw ranking it is, resolving to itself (a regular ranking counts as
    /// written), so it is found there; a new one is stored and held so, with what the rule finds
    /// in it read again (nothing, or its equal ranks). `resolving`: the index of the raw ranking
    /// being resolved, which may be this very ranking (then it is new, and held already).
    private mutating func countedRankingInScratch(region: UInt16, resolving: Int) -> Int32 {
        let ranking = UnsafeBufferPointer(rebasing: scratch.codes[1...])
        let (index, isNew) = holding(ranking, region: region)
        if !isNew, index != resolving { return resolutions[index].number }
        let number = newCountedRanking()
        if isNew { resolutions[index] = Resolution(number: number, irregularity: rule.irregularityOfCounted(ranking)) }
        return number
    }

    /// Stores the ranking in `scratch` as a new counted ranking, with no ballots yet.
    private mutating func newCountedRanking() -> Int32 {
        counted.append(contentsOf: scratch.codes)
        countedStarts.append(counted.count)
        weights.append(0)
        for _ in 0..<IrregularityTally.linesKept { lines.append(0) }
        return Int32(weights.count - 1)
    }

    /// The 64-bit key of a raw ranking of at most `packing.positions` plain candidate codes, each
    /// below `packing.limit` (`packing.bits` a position, the code + 1; 0 ends the ranking), or nil.
    @inline(__always) func packed(_ raw: UnsafeBufferPointer<UInt16>) -> UInt64? {
        guard !raw.isEmpty, raw.count <= packing.positions else { return nil }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for code in raw {
            guard code < packing.limit else { return nil }
            key |= UInt64(code + 1) << shift
            shift &+= packing.bits
        }
        return key
    }

    /// How rankings pack into 64 bits: as few bits a position as the candidates need (4 bits, 16
    /// positions, for up to 14 candidates; 5 bits, 12 positions, for up to 30; …), and 4 bits
    /// when the number of candidates is not known in advance (a rank-column file).
    struct Packing {
        var bits: UInt64
        var positions: Int
        /// Codes below this pack.
        var limit: UInt16

        init(candidateCount: Int) {
            var bits = 4
            while bits < 8, candidateCount + 1 >= 1 << bits { bits += 1 }
            if candidateCount >= Preference.maximumCandidates { bits = 4 }
            self.bits = UInt64(bits)
            positions = 64 / bits
            limit = UInt16((1 << bits) - 1)
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
        entries.reserveCapacity(counted.count - weights.count)
        starts.reserveCapacity(weights.count + 1)
        counted.withUnsafeBufferPointer { counted in
            for number in 0..<weights.count {
                let first = countedStarts[number]
                if !regions.isEmpty { regionIndices.append(Int32(counted[first])) }
                for index in (first + 1)..<countedStarts[number + 1] { entries.append(Preference(rawValue: counted[index])) }
                starts.append(entries.count)
            }
        }
        return BallotProfile(
            title: title, candidates: candidates, seats: seats, withdrawn: withdrawn, tieOrder: tieOrder,
            regions: regions, irregularities: irregularities, ballotLines: ballotLines,
            entries: entries, starts: starts, weights: weights, regionIndices: regionIndices, lines: lines,
            irregularitiesByRegion: regions.indices.map { $0 < irregularitiesByRegion.count ? irregularitiesByRegion[$0] : IrregularityTally() }
        )
    }
}
