import Testing
@testable import TallyCounting
import TallyModel

/// A stage of the record costs what changed at it (issue 15): blocks of candidates whose figures
/// did not change are shared with the stage before, not stored again.
@Suite struct PerCandidateTests {
    /// By hand: 150 candidates are ten blocks of 16 (the last of 6). Changing candidate 70 (in
    /// the fifth block, 64–79) leaves the other nine shared; every value reads back as given.
    @Test func sharesTheBlocksThatDidNotChange() {
        let before = PerCandidate(Array(0..<150).map { Int64($0) })
        var values = Array(0..<150).map { Int64($0) }
        values[70] = -1
        let after = PerCandidate(values, sharingWith: before)
        #expect(Array(after) == values)
        #expect(after.sharedBlocks(with: before) == 9)
        #expect(after != before)
        #expect(PerCandidate(Array(0..<150).map { Int64($0) }, sharingWith: before) == before)
        let literal: PerCandidate<Int64> = [4, 5]
        #expect(literal.count == 2 && literal[1] == 5)
    }

    /// A count of 400 candidates, about one exclusion a stage: at every stage, the blocks not
    /// shared with the stage before are no more than the candidates whose figure changed (each
    /// change can unshare only its own block), for votes, transfers and status alike.
    @Test(arguments: [STVRule.ers97, .meek])
    func eachStageStoresOnlyWhatChanged(rule: STVRule) throws {
        var draw = SeededDraw(seed: 15)
        let count = 400
        var rankings: [([Int], Int64)] = []
        for _ in 0..<3_000 {
            let first = Int(draw.uniform(below: UInt64(count)))
            let second = Int(draw.uniform(below: UInt64(count)))
            rankings.append((first == second ? [first] : [first, second], 1))
        }
        let profile = BallotProfile(candidates: (1...count).map { Candidate(name: "C\($0)") }, rankings: rankings)
        let record = try STV(rule: rule, seats: 5).count(profile)
        #expect(record.stages.count > 20)
        func changed<Element>(_ one: PerCandidate<Element>, _ other: PerCandidate<Element>) -> Int {
            zip(one, other).filter { $0 != $1 }.count
        }
        let blocks = (count + PerCandidate<Int64>.blockSize - 1) / PerCandidate<Int64>.blockSize
        var unsharedInAll = 0
        for index in record.stages.indices.dropFirst() {
            let stage = record.stages[index], before = record.stages[index - 1]
            let votes = blocks - stage.votes.units.sharedBlocks(with: before.votes.units)
            let transfers = blocks - stage.transfers.units.sharedBlocks(with: before.transfers.units)
            let status = blocks - stage.status.sharedBlocks(with: before.status)
            #expect(votes <= changed(stage.votes.units, before.votes.units), "stage \(stage.label)")
            #expect(transfers <= changed(stage.transfers.units, before.transfers.units), "stage \(stage.label)")
            #expect(status <= changed(stage.status, before.status), "stage \(stage.label)")
            unsharedInAll += votes
        }
        // Most stages move a few papers: far fewer blocks stored than a full copy at every stage.
        #expect(unsharedInAll * 2 < (record.stages.count - 1) * blocks)
    }
}
