import TallyModel

/// The profile's rankings as STV reads them: each ranking counts up to its first rank of equal
/// candidates (ERS and Scottish practice: a paper is valid up to the break); a ranking whose
/// first rank holds several candidates is invalid for STV.
struct STVBallots {
    /// Candidate indices, ranking after ranking.
    let candidates: [UInt16]
    let start: [Int32]
    /// How many of each ranking's preferences STV counts.
    let length: [Int32]
    let weight: [Int64]
    /// Each ranking's index in the profile (rankings invalid for STV are left out here).
    let profileIndex: [Int32]
    let equalFirstPreferences: LocatedCount
    let cutAtEqualRanking: LocatedCount
    /// The total weight of rankings STV counts.
    let validPapers: Int64

    init(_ profile: BallotProfile) {
        var candidates: [UInt16] = []
        var start: [Int32] = []
        var length: [Int32] = []
        var weight: [Int64] = []
        var profileIndex: [Int32] = []
        var equalFirst = LocatedCount()
        var cut = LocatedCount()
        var valid: Int64 = 0
        candidates.reserveCapacity(profile.ballots.count * 4)
        profile.withRankings { entries, starts, weights in
            for ranking in 0..<weights.count {
                let first = starts[ranking]
                let end = starts[ranking + 1]
                var counted = end - first
                for index in first..<end where entries[index].isEqualToPrevious {
                    counted = index - first - 1 // the rank before the flag is part of the tie too
                    break
                }
                if counted <= 0 {
                    equalFirst.add(profile.ballots[ranking])
                    continue
                }
                if counted < end - first { cut.add(profile.ballots[ranking]) }
                start.append(Int32(candidates.count))
                length.append(Int32(counted))
                weight.append(weights[ranking])
                profileIndex.append(Int32(ranking))
                for index in first..<(first + counted) { candidates.append(UInt16(entries[index].candidate)) }
                valid += weights[ranking]
            }
        }
        self.candidates = candidates
        self.start = start
        self.length = length
        self.weight = weight
        self.profileIndex = profileIndex
        equalFirstPreferences = equalFirst
        cutAtEqualRanking = cut
        validPapers = valid
    }

    var count: Int { weight.count }

    /// The candidate at `position` of `ranking`.
    @inline(__always) func candidate(_ ranking: Int32, _ position: Int32) -> Int {
        Int(candidates[Int(start[Int(ranking)] + position)])
    }

    /// The first position after `position` in `ranking` whose candidate is continuing, if any.
    @inline(__always) func next(_ ranking: Int32, after position: Int32, continuing: [Bool]) -> Int32? {
        let base = Int(start[Int(ranking)])
        var next = position + 1
        let end = length[Int(ranking)]
        while next < end {
            if continuing[Int(candidates[base + Int(next)])] { return next }
            next += 1
        }
        return nil
    }
}
