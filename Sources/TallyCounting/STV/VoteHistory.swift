import TallyArithmetic

/// Each candidate's votes at every recorded stage, kept as the stages at which they changed, so
/// that candidates equal now can be split by earlier stages (ERS97 5.2.3 and 5.6.2, forwards;
/// SSI 2007/42 rules 49 and 50, backwards) in time proportional to how often their votes changed,
/// not to the number of stages.
struct VoteHistory<Places: DecimalPlaces> {
    typealias Value = FixedDecimal<Places>

    /// For each candidate, (stage index, votes from that stage on), by stage; every candidate has
    /// an entry at stage 0 once a stage is recorded.
    private var changes: [[(stage: Int, votes: Value)]]
    /// The number of stages recorded.
    private(set) var stageCount = 0

    init(candidateCount: Int) {
        changes = Array(repeating: [], count: candidateCount)
    }

    /// Adds the votes at the end of the stage just recorded.
    mutating func record(_ votes: [Value]) {
        for candidate in votes.indices where changes[candidate].last?.votes != votes[candidate] {
            changes[candidate].append((stageCount, votes[candidate]))
        }
        stageCount += 1
    }

    /// A candidate's votes at recorded stage `stage`.
    private func votes(_ candidate: Int, at stage: Int) -> Value {
        let list = changes[candidate]
        var low = 0
        var high = list.count - 1
        while low < high { // the last entry starting at or before `stage`
            let middle = (low + high + 1) / 2
            if list[middle].stage <= stage { low = middle } else { high = middle - 1 }
        }
        return list[low].votes
    }

    /// The stage, in the direction's order, at which `a` and `b` first had different votes, with
    /// whether `a` had more; nil when they were equal at every recorded stage.
    private func firstDifference(_ a: Int, _ b: Int, _ direction: HistoryDirection) -> (stage: Int, aHadMore: Bool)? {
        guard stageCount > 0 else { return nil }
        // Votes change only where a list has an entry: those stages (forwards), or the stages just
        // before them and the last (backwards), are the only places a difference can first appear.
        var stages: [Int] = []
        switch direction {
        case .forwards:
            stages = (changes[a].map(\.stage) + changes[b].map(\.stage))
            stages.sort()
        case .backwards:
            stages = [stageCount - 1] + (changes[a].map(\.stage) + changes[b].map(\.stage)).compactMap { $0 > 0 ? $0 - 1 : nil }
            stages.sort(by: >)
        }
        var previous = -1
        for stage in stages where stage != previous {
            previous = stage
            let votesA = votes(a, at: stage)
            let votesB = votes(b, at: stage)
            if votesA != votesB { return (stage, votesA > votesB) }
        }
        return nil
    }

    /// `tied` in groups by their votes at earlier stages, looked at in `direction`: most votes at
    /// the first stage where they differ first; candidates equal at every stage in one group, in
    /// ballot-file order. Also the stage that first split them, if any did.
    func groups(_ tied: [Int], _ direction: HistoryDirection) -> (groups: [[Int]], decidingStage: Int?) {
        var decidingStage: Int?
        var ordered = tied.sorted()
        ordered.sort { a, b in
            guard let difference = firstDifference(a, b, direction) else { return a < b }
            return difference.aHadMore
        }
        var groups: [[Int]] = []
        for (position, candidate) in ordered.enumerated() {
            guard position > 0, let difference = firstDifference(ordered[position - 1], candidate, direction) else {
                if groups.isEmpty { groups.append([candidate]) } else { groups[groups.count - 1].append(candidate) }
                continue
            }
            groups.append([candidate])
            // Sorted by history, the earliest split among all of them is one between neighbours.
            switch direction {
            case .forwards: decidingStage = min(decidingStage ?? difference.stage, difference.stage)
            case .backwards: decidingStage = max(decidingStage ?? difference.stage, difference.stage)
            }
        }
        return (groups, decidingStage)
    }
}
