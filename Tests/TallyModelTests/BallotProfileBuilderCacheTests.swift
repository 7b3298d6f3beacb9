import Testing
import TallyCounting
@testable import TallyModel

/// The builder applies the irregular-ballot rule once per distinct raw ranking and keeps raw
/// rankings in packed 64-bit keys or whole (issue 15). These tests hold it to the plain reading of
/// the rule: every line resolved on its own, the counted rankings merged in order of first
/// appearance, each irregularity recorded with its line.
@Suite struct BallotProfileBuilderCacheTests {
    /// What a builder must produce, worked line by line with no remembering.
    struct Reference {
        var rule: IrregularBallotRule
        var order: [[UInt16]] = [] // region code, then the counted codes
        var weights: [Int64] = []
        var firstLines: [[Int]] = []
        var irregular: [Irregularity: (ballots: Int64, lines: [Int])] = [:]

        mutating func add(_ raw: [UInt16], weight: Int64, region: Int?, line: Int) {
            if weight == 0 {
                note(.zeroWeight, 0, line)
                return
            }
            let (ranking, irregularity) = rule.resolve(raw)
            if let irregularity { note(irregularity, weight, line) }
            guard !ranking.isEmpty else { return }
            let key = [region.map { UInt16($0) } ?? 0xFFFF] + ranking.map(\.rawValue)
            if let index = order.firstIndex(of: key) {
                weights[index] += weight
                if firstLines[index].count < IrregularityTally.linesKept { firstLines[index].append(line) }
            } else {
                order.append(key)
                weights.append(weight)
                firstLines.append([line])
            }
        }

        mutating func note(_ kind: Irregularity, _ ballots: Int64, _ line: Int) {
            var entry = irregular[kind] ?? (0, [])
            entry.ballots += ballots
            if entry.lines.count < IrregularityTally.linesKept { entry.lines.append(line) }
            irregular[kind] = entry
        }
    }

    /// A raw ranking as a reader might write it: candidates (some repeated, some out of range),
    /// blanks, marked skips, unknown names, equal ranks, trailing blanks.
    static func rawRanking(_ draw: inout SeededDraw, candidates: Int) -> [UInt16] {
        let length = Int(draw.uniform(below: 19))
        var raw: [UInt16] = []
        for position in 0..<length {
            let roll = draw.uniform(below: 100)
            var code: UInt16
            switch roll {
            case 0..<82: code = UInt16(draw.uniform(below: UInt64(candidates)))
            case 82..<86: code = RawPreferenceCode.skippedRank
            case 86..<88: code = RawPreferenceCode.markedSkip
            case 88..<90: code = RawPreferenceCode.unknownCandidate
            case 90..<92: code = UInt16(candidates + Int(draw.uniform(below: 3))) // no such candidate
            default: code = UInt16(draw.uniform(below: UInt64(candidates))) | (position > 0 ? RawPreferenceCode.equalToPrevious : 0)
            }
            raw.append(code)
        }
        if draw.uniform(below: 4) == 0 { raw += Array(repeating: RawPreferenceCode.skippedRank, count: Int(draw.uniform(below: 4))) }
        return raw
    }

    @Test(arguments: [(3, false, false), (12, false, false), (14, false, true), (15, false, false), (25, true, false), (40, false, true), (300, false, false)])
    func cachedReadingEqualsTheRuleLineByLine(candidates: Int, regions: Bool, withdrawing: Bool) throws {
        var draw = SeededDraw(seed: UInt64(candidates * 7 + (regions ? 1 : 0)))
        let withdrawn = withdrawing ? [1, candidates - 1] : []
        let rule = IrregularBallotRule(candidateCount: candidates, withdrawn: withdrawn, equalRanksAreIrregular: candidates != 3)
        var builder = BallotProfileBuilder(rule: rule, expectedRankings: 16)
        var reference = Reference(rule: rule)
        // A pool of rankings that recur, so that most lines repeat an earlier one.
        let pool = (0..<40).map { _ in BallotProfileBuilderCacheTests.rawRanking(&draw, candidates: candidates) }
        var lastCounted: [UInt16] = []
        for line in 2..<3_000 {
            var raw = draw.uniform(below: 3) == 0 ? BallotProfileBuilderCacheTests.rawRanking(&draw, candidates: candidates) : pool[Int(draw.uniform(below: 40))]
            // Now and then, exactly what the line before counted as: a cut ranking read as written
            // (a fuzzer found equal ranks lost this way).
            if draw.uniform(below: 5) == 0, !lastCounted.isEmpty { raw = lastCounted }
            var probe = rule
            lastCounted = probe.resolve(raw).ranking.map(\.rawValue)
            let weight = Int64(draw.uniform(below: 4))
            let region = regions ? Int(draw.uniform(below: 3)) : nil
            try raw.withUnsafeBufferPointer { _ = try builder.add($0, weight: weight, region: region, line: line) }
            reference.add(raw, weight: weight, region: region, line: line)
        }
        let profile = builder.profile(
            title: nil, candidates: (0..<candidates).map { Candidate(name: "C\($0)") }, seats: nil, withdrawn: withdrawn, tieOrder: nil,
            regions: regions ? ["North", "Middle", "South"] : []
        )
        let read = profile.ballots.map { [UInt16($0.region ?? 0xFFFF)] + $0.ranking.map(\.rawValue) }
        #expect(read == reference.order)
        #expect(profile.ballots.map(\.weight) == reference.weights)
        #expect(profile.ballots.map(\.firstLines) == reference.firstLines)
        for kind in Irregularity.allCases {
            #expect(profile.irregularities[kind]?.ballots == reference.irregular[kind]?.ballots, "\(kind)")
            #expect(profile.irregularities[kind]?.firstLines == reference.irregular[kind]?.lines, "\(kind)")
        }
        #expect(profile.ballotLines == 2_998)
    }

    /// A regular ranking added without the rule lands where `add` puts it.
    @Test(arguments: [5, 14, 25, 60])
    func drawnRankingsEqualRankingsAdded(candidates: Int) throws {
        var draw = SeededDraw(seed: UInt64(candidates))
        let rule = IrregularBallotRule(candidateCount: candidates, withdrawn: [])
        var drawn = BallotProfileBuilder(rule: rule)
        var added = BallotProfileBuilder(rule: rule)
        for line in 1...2_000 {
            let length = 1 + Int(draw.uniform(below: UInt64(min(candidates, 18))))
            let ranking = draw.shuffle(Array(0..<candidates)).prefix(length).map { UInt16($0) }
            try ranking.withUnsafeBufferPointer { buffer in
                try drawn.addDrawn(buffer)
                _ = try added.add(buffer, weight: 1, region: nil, line: line)
            }
        }
        let one = drawn.profile(title: nil, candidates: [], seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        let other = added.profile(title: nil, candidates: [], seats: nil, withdrawn: [], tieOrder: nil, regions: [])
        #expect(one.ballots.map { $0.ranking.map(\.rawValue) } == other.ballots.map { $0.ranking.map(\.rawValue) })
        #expect(one.ballots.map(\.weight) == other.ballots.map(\.weight))
        #expect(one.ballots.map(\.firstLines) == other.ballots.map(\.firstLines))
        #expect(one.ballotLines == 2_000)
    }

    /// Packing: 4 bits a position up to 14 candidates, 5 up to 30, and 4 when the number of
    /// candidates is not known (a rank-column file).
    @Test func packsWithAsFewBitsAsTheCandidatesNeed() {
        let twelve = BallotProfileBuilder.Packing(candidateCount: 12)
        #expect(twelve.bits == 4 && twelve.positions == 16 && twelve.limit == 15)
        #expect(BallotProfileBuilder.Packing(candidateCount: 14).bits == 4)
        #expect(BallotProfileBuilder.Packing(candidateCount: 15).bits == 5)
        let thirty = BallotProfileBuilder.Packing(candidateCount: 30)
        #expect(thirty.bits == 5 && thirty.positions == 12 && thirty.limit == 31)
        #expect(BallotProfileBuilder.Packing(candidateCount: 31).bits == 6)
        #expect(BallotProfileBuilder.Packing(candidateCount: Preference.maximumCandidates).bits == 4)
        let builder = BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: 12, withdrawn: []))
        // Candidate 0 then 11 then 2: (0+1) | (11+1) << 4 | (2+1) << 8.
        #expect([UInt16(0), 11, 2].withUnsafeBufferPointer { builder.packed($0) } == 0x3C1)
        #expect([UInt16](repeating: 1, count: 17).withUnsafeBufferPointer { builder.packed($0) } == nil)
        #expect([UInt16(0), RawPreferenceCode.skippedRank].withUnsafeBufferPointer { builder.packed($0) } == nil)
    }
}

@Suite struct PackedKeyTableTests {
    @Test func findsWhatWasInsertedThroughGrowth() {
        var table = PackedKeyTable(capacity: 4)
        var draw = SeededDraw(seed: 9)
        var expected: [UInt64: UInt32] = [:]
        for number in 0..<20_000 {
            var key = draw.next() >> draw.uniform(below: 60)
            if key == 0 || expected[key] != nil { key = UInt64(number) &* 2 + 1 }
            guard expected[key] == nil else { continue }
            table.insert(key, UInt32(number))
            expected[key] = UInt32(number)
        }
        #expect(table.count == expected.count)
        for (key, number) in expected { #expect(table.find(key) == number) }
        #expect(table.find(0xDEAD_BEEF_0000_0000) == expected[0xDEAD_BEEF_0000_0000])
    }
}
