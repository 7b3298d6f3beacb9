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

    /// On every STV fixture, under its rule: each figure elects its candidate on recount, one
    /// fewer does not, and every number between the votes' bound and an exact figure fails.
    @Test(arguments: [
        ("ers97-model/ballots.blt", STVRule.ers97), ("ers97-batches/ballots.blt", .ers97), ("ers97-bulk-exclusion/ballots.blt", .ers97),
        ("ers97-deferral/ballots.blt", .ers97), ("ers97-last-place/ballots.blt", .ers97), ("stv-minimum-women/ballots.blt", .ers97),
        ("stv-tie-directions/ballots.blt", .scottish), ("stv-tie-draw/ballots.blt", .ers97), ("contests/nec-2020/ballots.blt", .ers97),
        ("dundee22-maryfield/ballots.blt", .scottish), ("ers97-model/ballots.blt", .meek),
    ])
    func everyFixtureFigureElectsOnRecount(path: String, rule: STVRule) throws {
        let profile = try loadFixture(path)
        let method = STV(rule: rule, seats: try #require(profile.seats))
        let margins = try STVMargins(profile: profile, method: method, ties: TieBreaker())
        #expect(!margins.toElect.isEmpty)
        for margin in margins.toElect {
            let ballots = try #require(margin.ballots)
            #expect(try method.count(profile.adding([margin.candidate], weight: ballots)).elected.contains(margin.candidate))
            if ballots > 1 {
                #expect(try !method.count(profile.adding([margin.candidate], weight: ballots - 1)).elected.contains(margin.candidate))
            }
            #expect(margin.boundByVotes <= ballots)
            // An exact figure made by the scan: every number from the votes' bound up fails.
            if margin.isExact && margin.boundByVotes < ballots - 1 {
                for number in margin.boundByVotes..<(ballots - 1) {
                    #expect(try !method.count(profile.adding([margin.candidate], weight: number)).elected.contains(margin.candidate))
                }
            }
        }
    }

    /// On small random elections, under each rule: no number below the lower bound elects the
    /// candidate (every one is recounted), the searched figure is never below the fewest a
    /// brute-force scan finds, and an exact figure is that fewest.
    @Test(arguments: [STVRule.ers97, .scottish, .meek])
    func boundsHoldAgainstBruteForce(rule: STVRule) throws {
        var random = SplitMix64(seed: 11)
        var agreed = 0, exact = 0, boundsAboveOne = 0
        for _ in 0..<16 {
            var rankings: [([Int], Int64)] = []
            for _ in 0..<12 {
                var order = Array(0..<5)
                for index in order.indices.reversed() { order.swapAt(index, Int(random.next() % UInt64(index + 1))) }
                // Mostly short ballots, so that the votes show a lower bound above one.
                let length = random.next() % 3 == 0 ? Int(random.next() % 4) + 1 : 1
                rankings.append((Array(order.prefix(length)), Int64(random.next() % 6) + 1))
            }
            let profile = BallotProfile(candidates: (0..<5).map { Candidate(name: "C\($0)") }, rankings: rankings)
            let method = STV(rule: rule, seats: 2)
            let margins = try STVMargins(profile: profile, method: method, ties: TieBreaker())
            for margin in margins.toElect {
                let found = try #require(margin.ballots)
                #expect(margin.lowerBound >= margin.boundByVotes || margin.lowerBound == found)
                var fewest: Int64?
                for added in 1...found where fewest == nil {
                    if try method.count(profile.adding([margin.candidate], weight: added)).elected.contains(margin.candidate) { fewest = added }
                }
                let scanned = try #require(fewest)
                #expect(scanned <= found)
                #expect(scanned >= margin.lowerBound, "a number below the lower bound elected the candidate")
                #expect(scanned >= margin.boundByVotes, "a number below the votes' bound elected the candidate")
                if margin.isExact { #expect(scanned == found); exact += 1 }
                if scanned == found { agreed += 1 }
                if margin.boundByVotes > 1 { boundsAboveOne += 1 }
            }
        }
        #expect(agreed > 0 && exact > 0 && boundsAboveOne > 0)
    }

    /// One preference per ballot: A 12, B 9, C 6, D 3; two seats; ties by the order A, B, C, D
    /// (most favoured first). Worked by hand:
    /// - D mentions 3 ballots; the second-highest of the others is B's 9, so the bound is
    ///   9 − 3 = 6. With 6, D and B tie at 9 at every stage (C excluded, exhausting): D, less
    ///   favoured, is excluded. With 7, D 10 passes B 9: D is elected. Fewest 7, exact.
    /// - C: bound 9 − 6 = 3. With 3, C and B tie at 9 (D excluded, exhausting); C is excluded.
    ///   With 4, C 10 is elected. Fewest 4, exact.
    /// With the order A, D, C, B, D wins the tie with 6 and C with 3: the bounds are met.
    @Test func oneMarkPerBallotByHand() throws {
        let profile = BallotProfile(candidates: ["A", "B", "C", "D"].map { Candidate(name: $0) }, rankings: [([0], 12), ([1], 9), ([2], 6), ([3], 3)])
        let method = STV(rule: .ers97, seats: 2)
        let byOrder = try STVMargins(profile: profile, method: method, ties: TieBreaker(explicitOrder: [0, 1, 2, 3]))
        #expect(byOrder.record.elected.sorted() == [0, 1])
        #expect(byOrder.toElect.map(\.candidate) == [2, 3])
        #expect(byOrder.toElect.map(\.boundByVotes) == [3, 6])
        #expect(byOrder.toElect.map(\.ballots) == [4, 7])
        #expect(byOrder.toElect.allSatisfy { $0.isExact })
        let favoured = try STVMargins(profile: profile, method: method, ties: TieBreaker(explicitOrder: [0, 3, 2, 1]))
        #expect(favoured.toElect.map(\.ballots) == [3, 6])
        #expect(favoured.toElect.allSatisfy { $0.isExact })
    }

    /// With a minimum the votes show no bound (a minimum can elect a candidate below others).
    @Test func noBoundByVotesWithMinimums() throws {
        let candidates = ["A", "B", "C"].map { Candidate(name: $0) } + [Candidate(name: "D", categories: ["woman"])]
        let profile = BallotProfile(candidates: candidates, rankings: [([0], 12), ([1], 9), ([2], 6), ([3], 3)])
        let method = STV(rule: .ers97, seats: 2, minimums: [Minimum(category: "woman", count: 1)])
        let margins = try STVMargins(profile: profile, method: method, ties: TieBreaker(explicitOrder: [0, 1, 2, 3]))
        #expect(margins.toElect.allSatisfy { $0.boundByVotes == 1 })
    }
}
