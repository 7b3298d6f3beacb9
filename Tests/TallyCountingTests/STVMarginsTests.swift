import Testing
import TallyModel
import TallyTestSupport
@testable import TallyCounting

/// STV margins: each figure is proved by recounts, and no figure is below the true fewest.
@Suite struct STVMarginsTests {
    /// The ERS97 model election: every figure elects its candidate on recount, one fewer does not.
    @Test func everyFigureIsProvedByRecounting() throws {
        let profile = try loadFixture("ers97-model/ballots.blt")
        let method = STV(rule: .ers97, seats: 6)
        let margins = try STVMargins(profile: profile, method: method, ties: TieBreaker())
        #expect(margins.toElect.count == 5)
        for margin in margins.toElect {
            let ballots = try #require(margin.ballots)
            #expect(try method.count(profile.adding([margin.candidate], weight: ballots)).elected.contains(margin.candidate))
            #expect(try !method.count(profile.adding([margin.candidate], weight: ballots - 1)).elected.contains(margin.candidate))
        }
        // The exclusion gaps, read from the record (hand check: before stage 3.1 Monk 23.42,
        // Glazier 30.51: 7.09; before 6.1 Abbot 68.10, Baron 70.26: 2.16).
        #expect(margins.exclusionGaps.first?.gap?.description == "7.09")
        #expect(margins.exclusionGaps.last?.gap?.description == "2.16")
    }

    /// On small random elections the searched figure is never below the fewest a brute-force scan
    /// of every number finds, and agrees with it when the scan finds the same.
    @Test func neverBelowTheBruteForceFewest() throws {
        var random = SplitMix64(seed: 11)
        var agreed = 0
        for _ in 0..<20 {
            var rankings: [([Int], Int64)] = []
            for _ in 0..<12 {
                var order = Array(0..<5)
                for index in order.indices.reversed() { order.swapAt(index, Int(random.next() % UInt64(index + 1))) }
                rankings.append((Array(order.prefix(Int(random.next() % 4) + 1)), Int64(random.next() % 4) + 1))
            }
            let profile = BallotProfile(candidates: (0..<5).map { Candidate(name: "C\($0)") }, rankings: rankings)
            let method = STV(rule: .ers97, seats: 2)
            let margins = try STVMargins(profile: profile, method: method, ties: TieBreaker())
            for margin in margins.toElect {
                let found = try #require(margin.ballots)
                var fewest: Int64?
                for added in 1...found where fewest == nil {
                    if try method.count(profile.adding([margin.candidate], weight: added)).elected.contains(margin.candidate) { fewest = added }
                }
                #expect(fewest != nil && fewest! <= found)
                if fewest == found { agreed += 1 }
            }
        }
        #expect(agreed > 0)
    }
}
