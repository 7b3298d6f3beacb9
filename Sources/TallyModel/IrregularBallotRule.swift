/// The documented rule that turns a ranking as written into the ranking that is counted.
///
/// ERS rule (also the Scottish one): preferences count up to the first irregularity (an unknown
/// candidate, a repeated candidate, a skipped rank); a ballot with no valid first preference is
/// invalid. Preferences for withdrawn candidates are skipped, as if the candidate were not on the
/// ballot. Equal ranks are kept for the counting method to decide. Trailing empty ranks (blank
/// cells after the last preference) are not irregular.
public struct IrregularBallotRule: Sendable {
    public let candidateCount: Int
    private let isWithdrawn: [Bool]
    /// Whether equal ranks in the source are irregular (rank numbers, BLT `=`) or the normal form
    /// of the ballot (unordered marks).
    public let equalRanksAreIrregular: Bool

    public init(candidateCount: Int, withdrawn: [Int], equalRanksAreIrregular: Bool = true) {
        self.candidateCount = candidateCount
        var flags = Array(repeating: false, count: candidateCount)
        for index in withdrawn where index >= 0 && index < candidateCount { flags[index] = true }
        isWithdrawn = flags
        self.equalRanksAreIrregular = equalRanksAreIrregular
    }

    /// The outcome for one raw ranking.
    public struct Outcome: Sendable {
        /// The counted ranking (empty when the ballot is invalid).
        public var ranking: [Preference]
        /// The irregularity recorded for the ballot, if any: the one with the largest effect.
        public var irregularity: Irregularity?
    }

    /// Resolves one ranking. `raw` holds `RawPreferenceCode`s.
    public func resolve(_ raw: ArraySlice<UInt16>) -> Outcome {
        var end = raw.endIndex
        while end > raw.startIndex, raw[end - 1] & RawPreferenceCode.valueMask == RawPreferenceCode.skippedRank {
            end -= 1
        }
        if end == raw.startIndex { return Outcome(ranking: [], irregularity: .emptyBallot) }

        var used = Set<Int>()
        var ranking: [Preference] = []
        var stop: Irregularity?
        var sawWithdrawn = false
        var sawEqual = false
        var index = raw.startIndex
        positions: while index < end {
            // One position: this code and every following code flagged "equal to previous".
            var group: [Int] = []
            var groupEnd = index
            repeat {
                let value = raw[groupEnd] & RawPreferenceCode.valueMask
                if value == RawPreferenceCode.skippedRank { stop = .skippedRank; break positions }
                if value == RawPreferenceCode.unknownCandidate || Int(value) >= candidateCount {
                    stop = .unknownCandidate; break positions
                }
                let candidate = Int(value)
                if used.contains(candidate) || group.contains(candidate) { stop = .repeatedCandidate; break positions }
                group.append(candidate)
                groupEnd += 1
            } while groupEnd < end && raw[groupEnd] & RawPreferenceCode.equalToPrevious != 0
            index = groupEnd

            used.formUnion(group)
            let standing = group.filter { !isWithdrawn[$0] }
            if standing.count < group.count { sawWithdrawn = true }
            if standing.count > 1 { sawEqual = true }
            for (offset, candidate) in standing.enumerated() {
                ranking.append(Preference(candidate: candidate, equalToPrevious: offset > 0))
            }
        }

        if ranking.isEmpty {
            let kind: Irregularity = stop ?? (sawWithdrawn ? .onlyWithdrawnCandidates : .emptyBallot)
            return Outcome(ranking: [], irregularity: kind)
        }
        if let stop { return Outcome(ranking: ranking, irregularity: stop) }
        if sawWithdrawn { return Outcome(ranking: ranking, irregularity: .withdrawnCandidate) }
        if sawEqual && equalRanksAreIrregular { return Outcome(ranking: ranking, irregularity: .equalRanking) }
        return Outcome(ranking: ranking, irregularity: nil)
    }
}
