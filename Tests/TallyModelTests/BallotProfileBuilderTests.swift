import Testing
@testable import TallyModel

@Suite struct BallotProfileBuilderTests {
    func add(_ builder: inout BallotProfileBuilder, _ codes: [UInt16], weight: Int64 = 1, region: Int? = nil, line: Int) throws {
        try codes.withUnsafeBufferPointer { try builder.add($0, weight: weight, region: region, line: line) }
    }

    @Test func mergesIdenticalCountedRankingsAndKeepsTheirFirstLines() throws {
        var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: 3, withdrawn: []))
        try add(&builder, [0, 1], line: 2)
        try add(&builder, [0, 1], weight: 4, line: 3)
        try add(&builder, [0, 1, RawPreferenceCode.skippedRank, 2], line: 4) // counts as 0, 1
        try add(&builder, [2], line: 5)
        try add(&builder, [], weight: 2, line: 6)
        let profile = builder.profile(title: nil, candidates: [], seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        #expect(profile.ballots.count == 2)
        #expect(profile.ballots[0].weight == 6)
        #expect(profile.ballots[0].firstLines == [2, 3, 4])
        #expect(profile.ballots[1].weight == 1)
        #expect(profile.validBallots == 7)
        #expect(profile.invalidBallots == 2)
        #expect(profile.ballotsRead == 9)
        #expect(profile.irregularities[.skippedRank]?.firstLines == [4])
        #expect(profile.irregularities[.emptyBallot]?.ballots == 2)
        #expect(profile.ballotLines == 5)
    }

    @Test func keepsRegionsApart() throws {
        var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: 2, withdrawn: []))
        try add(&builder, [0], region: 0, line: 2)
        try add(&builder, [0], region: 1, line: 3)
        try add(&builder, [0], region: 1, line: 4)
        try add(&builder, [], weight: 3, region: 1, line: 5)
        try add(&builder, [], weight: 2, region: 0, line: 6)
        let profile = builder.profile(title: nil, candidates: [Candidate(name: "A"), Candidate(name: "B")], seats: nil, withdrawn: [], tieOrder: nil, regions: ["North", "South"])
        #expect(profile.ballots.count == 2)
        let south = profile.restricted(toRegion: 1)
        #expect(south.validBallots == 2)
        #expect(south.invalidBallots == 3)
        #expect(south.irregularities[.emptyBallot]?.firstLines == [5])
        #expect(south.regions == ["South"])
        #expect(profile.invalidBallots == 5)
    }

    @Test func refusesMoreBallotsThanTheArithmeticCanHold() throws {
        var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: 2, withdrawn: []))
        try add(&builder, [0], weight: BallotProfile.maximumTotalWeight, line: 1)
        #expect(throws: BallotProfileBuilder.TooManyBallots.self) { try add(&builder, [1], weight: 1, line: 2) }
    }

    @Test func recordsZeroWeightLinesWithoutBallots() throws {
        var builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: 2, withdrawn: []))
        try add(&builder, [0], weight: 0, line: 7)
        let profile = builder.profile(title: nil, candidates: [], seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        #expect(profile.ballotsRead == 0)
        #expect(profile.irregularities[.zeroWeight]?.firstLines == [7])
    }

    @Test func matchesNamesIgnoringCaseAndSpacing() {
        #expect(Candidate(name: "  Kevin   LANG ").matchingKey == "kevin lang")
    }
}
