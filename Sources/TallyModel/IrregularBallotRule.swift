/// The documented rule that turns a ranking as written into the ranking that is counted.
///
/// ERS rule (also the Scottish one): preferences count up to the first irregularity (an unknown
/// candidate, a repeated candidate, a skipped rank); a ballot with no valid first preference is
/// invalid. Preferences for withdrawn candidates are skipped, as if the candidate were not on the
/// ballot. Equal ranks are kept for the counting method to decide. Trailing empty ranks (blank
/// cells after the last preference) are not irregular; a rank marked as skipped (`-`) is, even
/// at the end.
public struct IrregularBallotRule: Sendable {
    public let candidateCount: Int
    private let isWithdrawn: [Bool]
    /// Whether equal ranks in the source are irregular (rank numbers, BLT `=`) or the normal form
    /// of the ballot (unordered marks).
    public let equalRanksAreIrregular: Bool
    /// Per candidate, the number of the ballot that last ranked it: lets `resolve` find repeats
    /// without clearing anything between ballots.
    private var stamps: [UInt32]
    private var ballotNumber: UInt32 = 0

    public init(candidateCount: Int, withdrawn: [Int], equalRanksAreIrregular: Bool = true) {
        self.candidateCount = candidateCount
        var flags = Array(repeating: false, count: candidateCount)
        for index in withdrawn where index >= 0 && index < candidateCount { flags[index] = true }
        isWithdrawn = flags
        self.equalRanksAreIrregular = equalRanksAreIrregular
        stamps = Array(repeating: 0, count: candidateCount)
    }

    /// Resolves one ranking of `RawPreferenceCode`s, appending the counted ranking (as
    /// `Preference` raw values) to `counted`. Returns the irregularity recorded for the ballot, if
    /// any: the one with the largest effect. Nothing appended means the ballot is invalid.
    public mutating func resolve(_ raw: UnsafeBufferPointer<UInt16>, into counted: CodeBuffer) -> Irregularity? {
        var end = raw.count
        while end > 0, raw[end - 1] & RawPreferenceCode.valueMask == RawPreferenceCode.skippedRank { end -= 1 }
        if end == 0 { return .emptyBallot }

        ballotNumber &+= 1
        if ballotNumber == 0 { // wrapped after 4 billion ballots: start the stamps afresh
            for index in stamps.indices { stamps[index] = 0 }
            ballotNumber = 1
        }
        let start = counted.count
        var stop: Irregularity?
        var sawWithdrawn = false
        var sawEqual = false
        var index = 0
        positions: while index < end {
            // One position: this code and every following code flagged "equal to previous".
            let groupStart = counted.count
            repeat {
                let value = raw[index] & RawPreferenceCode.valueMask
                if value == RawPreferenceCode.skippedRank || value == RawPreferenceCode.markedSkip { stop = .skippedRank }
                else if value == RawPreferenceCode.unknownCandidate || Int(value) >= candidateCount { stop = .unknownCandidate }
                else if stamps[Int(value)] == ballotNumber { stop = .repeatedCandidate }
                if stop != nil {
                    counted.truncate(to: groupStart) // a position counts whole or not at all
                    break positions
                }
                stamps[Int(value)] = ballotNumber
                if isWithdrawn[Int(value)] {
                    sawWithdrawn = true
                } else {
                    let equal = counted.count > groupStart
                    sawEqual = sawEqual || equal
                    counted.append(value | (equal ? RawPreferenceCode.equalToPrevious : 0))
                }
                index += 1
            } while index < end && raw[index] & RawPreferenceCode.equalToPrevious != 0
        }

        if counted.count == start { return stop ?? (sawWithdrawn ? .onlyWithdrawnCandidates : .emptyBallot) }
        if let stop { return stop }
        if sawWithdrawn { return .withdrawnCandidate }
        if sawEqual && equalRanksAreIrregular { return .equalRanking }
        return nil
    }

    /// What the rule finds in a ranking it has already resolved, read again as written: nothing,
    /// or its equal ranks when those are irregular (a resolved ranking has no unknown, repeated,
    /// withdrawn or skipped preference left, and keeps its equal ranks).
    public func irregularityOfCounted(_ counted: UnsafeBufferPointer<UInt16>) -> Irregularity? {
        equalRanksAreIrregular && counted.contains { $0 & RawPreferenceCode.equalToPrevious != 0 } ? .equalRanking : nil
    }

    /// Resolves one ranking: the counted ranking and the irregularity (convenience for tests and
    /// one-off use).
    public mutating func resolve(_ raw: [UInt16]) -> (ranking: [Preference], irregularity: Irregularity?) {
        let counted = CodeBuffer()
        let irregularity = raw.withUnsafeBufferPointer { resolve($0, into: counted) }
        return (counted.codes.map(Preference.init(rawValue:)), irregularity)
    }
}
