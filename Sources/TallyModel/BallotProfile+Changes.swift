/// Profiles made from another by adding or changing ballots: the "what would it have taken"
/// counts of the margins. The original is untouched; candidates, withdrawals, the tie order and
/// the irregularities read stay as they were.
extension BallotProfile {
    /// This profile with `weight` more ballots ranking `candidates` in order, one to a rank.
    public func adding(_ candidates: [Int], weight: Int64) -> BallotProfile {
        var entries = self.entries, starts = self.starts, weights = self.weights, lines = self.lines
        entries.append(contentsOf: candidates.map { Preference(candidate: $0) })
        starts.append(entries.count)
        weights.append(weight)
        lines.append(contentsOf: repeatElement(0, count: IrregularityTally.linesKept))
        return changed(entries: entries, starts: starts, weights: weights, lines: lines)
    }

    /// This profile with `count` ballots that `qualifies` changed by `change` (the earliest
    /// rankings first, a ranking split when only some of its ballots are needed); nil when fewer
    /// than `count` ballots qualify.
    public func changing(_ count: Int64, where qualifies: (Ranking) -> Bool, by change: (Ranking) -> [Preference]) -> BallotProfile? {
        var entries: [Preference] = [], starts = [0], weights: [Int64] = [], lines: [Int32] = []
        var left = count
        for (index, ballot) in ballots.enumerated() {
            let slots = self.lines[(index * IrregularityTally.linesKept)..<((index + 1) * IrregularityTally.linesKept)]
            func append(_ ranking: some Collection<Preference>, _ weight: Int64) {
                guard weight > 0 else { return }
                entries.append(contentsOf: ranking)
                starts.append(entries.count)
                weights.append(weight)
                lines.append(contentsOf: slots)
            }
            if left > 0, qualifies(ballot.ranking) {
                let moved = min(left, ballot.weight)
                left -= moved
                append(change(ballot.ranking), moved)
                append(ballot.ranking.entries, ballot.weight - moved)
            } else {
                append(ballot.ranking.entries, ballot.weight)
            }
        }
        guard left == 0 else { return nil }
        return changed(entries: entries, starts: starts, weights: weights, lines: lines)
    }

    /// A profile of the same candidates whose ballots each mark one candidate, `votes[i]` of
    /// them for candidate i: the same totals, for searching a block vote by its totals alone.
    public func withTotals(_ votes: [Int64]) -> BallotProfile {
        var entries: [Preference] = [], starts = [0], weights: [Int64] = []
        for (candidate, total) in votes.enumerated() where total > 0 {
            entries.append(Preference(candidate: candidate))
            starts.append(entries.count)
            weights.append(total)
        }
        return changed(entries: entries, starts: starts, weights: weights, lines: Array(repeating: 0, count: weights.count * IrregularityTally.linesKept))
    }

    /// This profile with each distinct ranking carried by `weights[i]` ballots instead (a
    /// resample); rankings given no ballots are left out.
    public func reweighted(_ weights: [Int64]) -> BallotProfile {
        precondition(weights.count == self.weights.count, "one weight per distinct ranking")
        var entries: [Preference] = [], starts = [0], kept: [Int64] = [], lines: [Int32] = []
        for index in weights.indices where weights[index] > 0 {
            entries.append(contentsOf: self.entries[self.starts[index]..<self.starts[index + 1]])
            starts.append(entries.count)
            kept.append(weights[index])
            lines.append(contentsOf: self.lines[(index * IrregularityTally.linesKept)..<((index + 1) * IrregularityTally.linesKept)])
        }
        return changed(entries: entries, starts: starts, weights: kept, lines: lines)
    }

    private func changed(entries: [Preference], starts: [Int], weights: [Int64], lines: [Int32]) -> BallotProfile {
        BallotProfile(
            title: title, candidates: candidates, candidatesByKey: candidatesByKey, seats: seats, withdrawn: withdrawn, tieOrder: tieOrder,
            regions: [], irregularities: irregularities, ballotLines: ballotLines, entries: entries, starts: starts, weights: weights,
            regionIndices: [], lines: lines
        )
    }
}
