import Testing
import TallyArithmetic
import TallyModel
@testable import TallyCounting
import TallyTestSupport

@Suite struct ERS97Tests {
    /// The quota checks of counting-rules.md §1 (ERS97 5.1.6).
    @Test(arguments: [
        (753, 6, "107.58"), (100, 1, "50.00"), (104, 1, "52.00"), (105, 1, "52.50"), (107, 2, "35.67"),
        (108, 2, "36.00"), (5_334, 6, "762.00"), (698, 7, "87.25"), (28_625, 5, "4770.84"), (731, 20, "34.81"),
    ])
    func quota(_ votes: Int64, _ seats: Int, _ expected: String) throws {
        #expect(try ERS97STV.quota(votes: FixedDecimal(votes), seats: seats).description == expected)
    }

    /// The NEC's published 2020 quota: 129,549 valid votes, 9 seats → 12,954.9 (exact, no +0.01).
    @Test func necQuota2020() throws {
        #expect(try ERS97STV.quota(votes: FixedDecimal(129_549), seats: 9).description == "12954.90")
    }

    /// The ERS97 model election's opening figures (counting-rules.md §1): 753 votes, quota 107.58,
    /// Smith 134 elected at stage 1, surplus 26.42 over 123 transferable papers, transfer value
    /// 0.21, 25.83 transferred, 0.59 lost.
    @Test func modelElectionOpening() throws {
        let profile = try loadFixture("ers97-model/ballots.blt")
        let record = try STV(rule: .ers97, seats: 6).count(profile)
        let smith = try #require(profile.candidateIndex(named: "Smith"))
        #expect(record.validVotes.description == "753.00")
        #expect(record.quota.description == "107.58")
        #expect(record.stages[0].elected == [smith])
        #expect(record.stages[0].votes[smith].description == "134.00")
        guard case let .surplus(transfer) = record.stages[1].event else {
            Issue.record("stage 2 is not a surplus transfer")
            return
        }
        #expect(transfer.candidate == smith)
        #expect(transfer.surplus.description == "26.42")
        #expect(transfer.papersExamined == 134)
        #expect(transfer.transferablePapers == 123)
        #expect(transfer.transferValues.map(\.description) == ["0.21"])
        let gained = record.stages[1].transfers.enumerated().filter { $0.offset != smith }.reduce(Int64(0)) { $0 + $1.element.units }
        #expect(gained == 2583)
        #expect(record.stages[1].lostToRounding.description == "0.59")
        #expect(record.stages[1].votes[smith].description == "107.58")
    }
}
