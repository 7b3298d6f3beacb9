extension BallotProfile {
    /// The same ballots with the candidates' details (categories, slate) replaced.
    public func replacingCandidates(_ candidates: [Candidate]) -> BallotProfile {
        precondition(candidates.count == self.candidates.count, "one candidate for each")
        var copy = self
        copy.candidates = candidates
        if zip(candidates, self.candidates).contains(where: { $0.name != $1.name }) { copy.candidatesByKey = BallotProfile.index(candidates) }
        return copy
    }
}

extension BallotProfile {
    /// The same ballots counted as if only `standing` stood: every other candidate is treated as
    /// withdrawn — skipped in each ranking, as the irregular-ballot rule skips withdrawn
    /// candidates — and rankings left empty are dropped from the valid ballots and counted as
    /// `onlyWithdrawnCandidates`. Used to count one region of a contest whose ballot file holds
    /// every region's candidates.
    public func standing(only standing: Set<Int>) -> BallotProfile {
        var entries: [Preference] = []
        var starts = [0]
        var weights: [Int64] = []
        var regionIndices: [Int32] = []
        var irregular = irregularities
        var lines: [Int32] = []
        for ballot in ballots {
            var group: [Int] = []
            var counted: [Preference] = []
            func flush() {
                for (offset, candidate) in group.enumerated() { counted.append(Preference(candidate: candidate, equalToPrevious: offset > 0)) }
                group = []
            }
            for entry in ballot.ranking.entries {
                if !entry.isEqualToPrevious { flush() }
                if standing.contains(entry.candidate) { group.append(entry.candidate) }
            }
            flush()
            if counted.isEmpty {
                // Recorded even when the profile kept no line numbers: no ballot is dropped unseen.
                irregular.record(.onlyWithdrawnCandidates, ballots: ballot.weight, invalid: true, line: ballot.firstLines.first)
                continue
            }
            let first = ballot.firstLines.map { Int32($0) }
            lines.append(contentsOf: first + Array(repeating: 0, count: IrregularityTally.linesKept - first.count))
            entries.append(contentsOf: counted)
            starts.append(entries.count)
            weights.append(ballot.weight)
            if let region = ballot.region { regionIndices.append(Int32(region)) }
        }
        let withdrawn = candidates.indices.filter { !standing.contains($0) || self.withdrawn.contains($0) }
        return BallotProfile(
            title: title, candidates: candidates, candidatesByKey: candidatesByKey, seats: seats, withdrawn: withdrawn, tieOrder: tieOrder,
            regions: regions, irregularities: irregular, ballotLines: ballotLines,
            entries: entries, starts: starts, weights: weights,
            regionIndices: regionIndices.count == weights.count ? regionIndices : [], lines: lines
        )
    }
}
