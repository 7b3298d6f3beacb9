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
    /// The same ballots with only the candidates in `standing`: the others are left out of the
    /// profile — skipped in each ranking, as the irregular-ballot rule skips withdrawn candidates,
    /// and absent from its candidates, so that a record or report of the count names only these
    /// — and rankings left empty are dropped from the valid ballots and counted as
    /// `onlyWithdrawnCandidates`. The candidates kept are renumbered in ballot-file order; the
    /// file's own withdrawals and tie order among them are kept. Used to count one section of a
    /// contest whose ballot file holds every section's candidates.
    public func standing(only standing: Set<Int>) -> BallotProfile {
        keeping(standing, renumber: true)
    }

    /// The same ballots with the candidates in `leaving` withdrawn: skipped in each ranking, as
    /// the irregular-ballot rule skips a file's withdrawn candidates, and added to `withdrawn`;
    /// every candidate keeps their index. Rankings left empty are dropped from the valid ballots
    /// and counted as `onlyWithdrawnCandidates`. Used to count a casual vacancy without the
    /// members who leave.
    public func withdrawing(_ leaving: Set<Int>) -> BallotProfile {
        keeping(Set(candidates.indices).subtracting(leaving), renumber: false)
    }

    /// The ballots with only `standing` candidates in the rankings; `renumber`: the others are
    /// left out of the profile and the rest renumbered, else they stay, withdrawn.
    private func keeping(_ standing: Set<Int>, renumber: Bool) -> BallotProfile {
        var newIndex = Array(repeating: -1, count: candidates.count)
        var kept: [Candidate] = []
        for candidate in candidates.indices where standing.contains(candidate) {
            newIndex[candidate] = renumber ? kept.count : candidate
            kept.append(candidates[candidate])
        }
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
                if newIndex[entry.candidate] >= 0 { group.append(newIndex[entry.candidate]) }
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
        let keptWithdrawn = renumber
            ? withdrawn.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
            : Set(withdrawn).union(candidates.indices.filter { !standing.contains($0) }).sorted()
        let keptTieOrder = renumber ? tieOrder.map { $0.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil } } : tieOrder
        return BallotProfile(
            title: title, candidates: renumber ? kept : candidates, seats: seats, withdrawn: keptWithdrawn,
            tieOrder: keptTieOrder?.isEmpty == true ? nil : keptTieOrder,
            regions: regions, irregularities: irregular, ballotLines: ballotLines,
            entries: entries, starts: starts, weights: weights,
            regionIndices: regionIndices.count == weights.count ? regionIndices : [], lines: lines
        )
    }
}
