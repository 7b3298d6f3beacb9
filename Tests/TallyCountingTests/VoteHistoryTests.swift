import Testing
import TallyArithmetic
@testable import TallyCounting

/// Splitting candidates equal now by earlier stages, from each candidate's changes, gives what
/// walking every stage gives (the way the rules say it: ERS97 5.2.3 forwards, SSI 2007/42 rules
/// 49–50 backwards), on random histories full of ties.
@Suite struct VoteHistoryTests {
    typealias Value = FixedDecimal<TwoPlaces>

    /// The rules' own procedure: look at the stages one by one in the direction's order, and split
    /// each group still together by its votes there, most first.
    func walk(_ tied: [Int], _ history: [[Value]], _ direction: HistoryDirection) -> ([[Int]], Int?) {
        let order: [Int] = direction == .forwards ? Array(history.indices) : history.indices.reversed()
        var groups = [tied.sorted()]
        var deciding: Int?
        for stage in order where groups.contains(where: { $0.count > 1 }) {
            var split: [[Int]] = []
            for group in groups {
                let byValue = Dictionary(grouping: group) { history[stage][$0] }
                if byValue.count > 1, deciding == nil { deciding = stage }
                split += byValue.keys.sorted(by: >).map { byValue[$0]!.sorted() }
            }
            groups = split
        }
        return (groups, deciding)
    }

    @Test(arguments: [HistoryDirection.forwards, .backwards])
    func agreesWithWalkingEveryStage(_ direction: HistoryDirection) {
        var draw = SeededDraw(seed: 42)
        var compared = 0
        for _ in 0..<500 {
            let candidates = Int(draw.uniform(below: 8)) + 2
            let stages = Int(draw.uniform(below: 12))
            var history = VoteHistory<TwoPlaces>(candidateCount: candidates)
            var recorded: [[Value]] = []
            var votes = (0..<candidates).map { _ in Value(units: Int64(draw.uniform(below: 3))) }
            for _ in 0..<stages {
                for candidate in votes.indices where draw.uniform(below: 3) == 0 { votes[candidate] = Value(units: Int64(draw.uniform(below: 3))) }
                history.record(votes)
                recorded.append(votes)
            }
            let tied = (0..<candidates).filter { _ in draw.uniform(below: 2) == 0 }
            guard tied.count >= 2 else { continue }
            let (groups, deciding) = history.groups(tied, direction)
            let (expectedGroups, expectedDeciding) = walk(tied, recorded, direction)
            #expect(groups == expectedGroups)
            #expect(deciding == expectedDeciding)
            compared += 1
        }
        #expect(compared > 300)
    }
}
