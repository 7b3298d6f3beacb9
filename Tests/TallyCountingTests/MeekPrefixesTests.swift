import Testing
import TallyArithmetic
import TallyModel
@testable import TallyCounting

/// Meek's distribution by groups of ballots that read alike (`MeekCount.Prefixes`) gives every
/// candidate the votes, and the excess, that distributing each ballot on its own gives: on random
/// profiles with random keep factors (hopeful 1, excluded 0, elected between).
@Suite struct MeekPrefixesTests {
    typealias Value = FixedDecimal<NinePlaces>

    @Test(arguments: 0..<20)
    func groupsDistributeAsBallotsDo(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let count = 6
        var rankings: [([Int], Int64)] = []
        for _ in 0..<200 {
            var order = Array(0..<count)
            for index in order.indices.reversed() { order.swapAt(index, Int(random.next() % UInt64(index + 1))) }
            rankings.append((Array(order.prefix(Int(random.next() % UInt64(count)) + 1)), Int64(random.next() % 5) + 1))
        }
        let ballots = STVBallots(BallotProfile(candidates: (0..<count).map { Candidate(name: "C\($0)") }, rankings: rankings))
        var hopeful = Array(repeating: false, count: count)
        var keep = Array(repeating: Value.zero, count: count)
        for candidate in 0..<count {
            switch random.next() % 3 {
            case 0: hopeful[candidate] = true; keep[candidate] = Value(units: Value.scale)
            case 1: keep[candidate] = Value(units: Int64(random.next() % UInt64(Value.scale - 1)) + 1) // elected
            default: break // excluded
            }
        }
        var direct = Array(repeating: Value.zero, count: count), directExcess = Value.zero
        for ranking in 0..<ballots.count {
            let papers = ballots.weight[ranking]
            let left = try MeekCount.share(ranking, of: ballots, keep: keep) { candidate, kept in direct[candidate] = try direct[candidate] + kept.times(papers) }
            directExcess = try directExcess + left.times(papers)
        }
        let groups = MeekCount.Prefixes(ballots: ballots, keep: keep, hopeful: hopeful)
        var grouped = Array(repeating: Value.zero, count: count), groupedExcess = Value.zero
        for group in 0..<groups.papers.count {
            let papers = groups.papers[group]
            let left = try MeekCount.share(groups.candidates[Int(groups.starts[group])..<Int(groups.starts[group + 1])], keep: keep) { candidate, kept in
                grouped[candidate] = try grouped[candidate] + kept.times(papers)
            }
            groupedExcess = try groupedExcess + left.times(papers)
        }
        #expect(grouped == direct)
        #expect(groupedExcess == directExcess)
        #expect(groups.papers.count < ballots.count)
    }
}
