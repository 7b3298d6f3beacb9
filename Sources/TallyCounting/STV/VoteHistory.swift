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

    /// The stage, in the direction's order, at which `a` and `b` first had different votes, with
    /// whether `a` had more; nil when they were equal at every recorded stage. Votes change only
    /// where a list has an entry, so the two lists are walked together, entry by entry.
    private func firstDifference(_ a: Int, _ b: Int, _ direction: HistoryDirection) -> (stage: Int, aHadMore: Bool)? {
        guard stageCount > 0 else { return nil }
        let listA = changes[a]
        let listB = changes[b]
        switch direction {
        case .forwards:
            var i = 0
            var j = 0
            var stage = 0 // both lists start at stage 0
            while true {
                if listA[i].votes != listB[j].votes { return (stage, listA[i].votes > listB[j].votes) }
                let nextA = i + 1 < listA.count ? listA[i + 1].stage : Int.max
                let nextB = j + 1 < listB.count ? listB[j + 1].stage : Int.max
                stage = min(nextA, nextB)
                if stage == Int.max { return nil }
                if nextA == stage { i += 1 }
                if nextB == stage { j += 1 }
            }
        case .backwards:
            var i = listA.count - 1
            var j = listB.count - 1
            var stage = stageCount - 1
            while true {
                if listA[i].votes != listB[j].votes { return (stage, listA[i].votes > listB[j].votes) }
                let boundary = max(listA[i].stage, listB[j].stage) // the stage before it is the next to look at
                if boundary == 0 { return nil }
                stage = boundary - 1
                if listA[i].stage == boundary { i -= 1 }
                if listB[j].stage == boundary { j -= 1 }
            }
        }
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
