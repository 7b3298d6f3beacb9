import Testing
import TallyCounting
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

/// A line exactly like an earlier one but for its id reads as the earlier one did, without being
/// split again (issue 15). What a file reads as must never depend on it: these tests read each file
/// with the cache (no observer) and without it (an observer switches it off), and check both
/// against what was worked out by hand.
@Suite struct BallotLineCacheTests {
    /// Told each line; its presence switches the line cache off.
    final class Lines: BallotLineObserver {
        var seen: [Int] = []
        func ballotLine(_ line: Int, ranking: Int?, weight: Int64, irregularity: Irregularity?, ballotID: String?) throws { seen.append(line) }
    }

    func readBothWays(_ text: String, name: String = "ballots.csv") throws -> (cached: BallotProfile, uncached: BallotProfile) {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            let cached = try BallotFileLoader().read(buffer, path: name).profile
            let uncached = try BallotFileLoader().read(buffer, path: name, observer: Lines()).profile
            return (cached, uncached)
        }
    }

    func expectSame(_ one: BallotProfile, _ other: BallotProfile) {
        #expect(one.described == other.described)
        #expect(one.ballots.map(\.firstLines) == other.ballots.map(\.firstLines))
        #expect(one.irregularities == other.irregularities)
        #expect(one.ballotLines == other.ballotLines)
        #expect(one.candidates.map(\.name) == other.candidates.map(\.name))
    }

    /// By hand: lines 2, 3 and 6 rank Ann then Bob; line 4 Bob then Ann; lines 5 and 7 rank Ann
    /// and Bob equal (an irregularity recorded at each line, though the two lines read alike but
    /// for their ids); line 8 all three.
    @Test func idFirstLinesReadAsTheirTwins() throws {
        let text = "voter id,Ann,Bob,Cat\nv1,1,2,\nv2,1,2,\nv3,2,1,\nv4,1,1,\nv5,1,2,\nv6,1,1,\nv7,1,2,3\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["3: Ann, Bob", "1: Bob, Ann", "2: Ann=Bob", "1: Ann, Bob, Cat"])
        #expect(cached.ballots.map(\.firstLines) == [[2, 3, 6], [4], [5, 7], [8]])
        #expect(cached.irregularities[.equalRanking]?.ballots == 2)
        #expect(cached.irregularities[.equalRanking]?.firstLines == [5, 7])
        #expect(cached.irregularities[.equalRanking]?.firstIDs == ["v4", "v6"])
        expectSame(cached, uncached)
    }

    /// By hand: an id in the last column, CRLF line ends; the third line's quoted id holds a
    /// comma (never keyed); the fifth has a weight column of 3.
    @Test func idLastWithLineEndsAndQuotes() throws {
        let text = "Ann,Bob,Cat,weight,id\r\n1,2,,1,a1\r\n1,2,,1,a2\r\n2,1,,1,\"a,3\"\r\n1,2,,3,a4\r\n1,2,,1,a5\r\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["6: Ann, Bob", "1: Bob, Ann"])
        #expect(cached.ballots.map(\.firstLines) == [[2, 3, 5, 6], [4]])
        expectSame(cached, uncached)
    }

    /// A short row's last cell is not its id. By hand: "1,2" ranks Ann then Bob (no id); "1,5"
    /// ranks Ann, then leaves a gap before Bob's 5 (counted up to it: Ann alone); "1,2,v3" ranks
    /// Ann then Bob. Keyed without its last cell, "1,5" would have read as "1,2" did.
    @Test func aShortRowIsNotItsTwinWithAnID() throws {
        let text = "Ann,Bob,id\n1,2\n1,5\n1,2,v3\n1,5,v4\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["2: Ann, Bob", "2: Ann"])
        #expect(cached.irregularities[.skippedRank]?.firstLines == [3, 5])
        expectSame(cached, uncached)
        let first = "id,Ann,Bob\n1,2\nv2,1,2\nv3,1\n1,5\n"
        let (cachedFirst, uncachedFirst) = try readBothWays(first)
        expectSame(cachedFirst, uncachedFirst)
    }

    /// A ranking cut at a gap keeps its equal ranks, and a later line that is exactly that cut
    /// ranking is still irregular for them (found by a differential fuzzer). By hand: line 2 ranks
    /// A and B equal, then skips to 3 (counted up to the gap: A=B, a skipped rank); line 3 ranks
    /// A and B equal (kept as read: equal ranking); lines 4 and 5 repeat them.
    @Test func aCutRankingsEqualRanksStayIrregular() throws {
        let text = "A,B,C\n1,1,3\n1,1,\n1,1,3\n1,1,\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["4: A=B"])
        #expect(cached.irregularities[.skippedRank]?.firstLines == [2, 4])
        #expect(cached.irregularities[.equalRanking]?.firstLines == [3, 5])
        expectSame(cached, uncached)
    }

    /// Lone carriage returns end every row: the search for a line's end stops at each, so the
    /// file reads in time linear in its size (it once searched to the end of the file per row).
    @Test func lineEndsStopAtALoneCarriageReturn() {
        let text = Array("ab\rcd\r\nef\ngh".utf8)
        text.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            #expect(BallotLineCache.lineEnd(base, from: 0, count: buffer.count) == nil) // "ab\r"
            #expect(BallotLineCache.lineEnd(base, from: 3, count: buffer.count) == 6) // "cd\r\n"
            #expect(BallotLineCache.lineEnd(base, from: 7, count: buffer.count) == 9) // "ef\n"
            #expect(BallotLineCache.lineEnd(base, from: 10, count: buffer.count) == nil) // "gh", no end
        }
        let long = Array((String(repeating: "x", count: 20) + "\r" + String(repeating: "y", count: 30) + "\n").utf8)
        long.withUnsafeBufferPointer { #expect(BallotLineCache.lineEnd($0.baseAddress!, from: 0, count: $0.count) == nil) }
        long.withUnsafeBufferPointer { #expect(BallotLineCache.lineEnd($0.baseAddress!, from: 21, count: $0.count) == 51) }
    }

    /// A lone carriage return ends a row: "v1,1,2\rv2,2,1" is two ballots, never one line's twin.
    @Test func aLoneCarriageReturnIsTwoRows() throws {
        let text = "voter id,Ann,Bob\nv1,1,2\rv2,2,1\nv3,1,2\nv4,1,2\rv5,2,1\nv6,1,2\rv7,2,1\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["4: Ann, Bob", "3: Bob, Ann"])
        expectSame(cached, uncached)
    }

    /// Rank-column files with no id: the whole line is the key; a blank cell inside a ranking is
    /// irregular, recorded at every line, and the ranking counts up to it (Ann alone); a name
    /// differently spelt is the same candidate.
    @Test func rankColumnsWithoutIDs() throws {
        let text = "rank1,rank2,rank3\nAnn,Bob,\nAnn,Bob,\nann,Bob,\nAnn,,Bob\nAnn,,Bob\nAnn,Bob,\n"
        let (cached, uncached) = try readBothWays(text)
        #expect(cached.described == ["4: Ann, Bob", "2: Ann"])
        #expect(cached.ballots.map(\.firstLines) == [[2, 3, 4, 7], [5, 6]])
        #expect(cached.irregularities[.skippedRank]?.firstLines == [5, 6])
        expectSame(cached, uncached)
    }

    /// Thousands of lines, mostly repeating a few rankings with irregular ones among them; and a
    /// file of distinct lines long enough for the cache to give up. Read alike both ways.
    @Test(arguments: [true, false])
    func longFilesReadAlikeWithAndWithoutTheCache(repeating: Bool) throws {
        var draw = SeededDraw(seed: repeating ? 4 : 5)
        let names = ["Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal"]
        var text = "voter id," + names.joined(separator: ",") + "\n"
        for voter in 0..<9_000 {
            var cells = Array(repeating: "", count: names.count)
            if repeating, draw.uniform(below: 10) < 9 {
                let pattern = Int(draw.uniform(below: 6))
                for rank in 0...pattern { cells[(rank * 3 + pattern) % names.count] = String(rank + 1) }
                if pattern == 5 { cells[7] = "1" } // an equal first rank: irregular
            } else {
                let order = draw.shuffle(Array(0..<names.count))
                let length = 1 + Int(draw.uniform(below: UInt64(names.count)))
                for (rank, candidate) in order.prefix(length).enumerated() { cells[candidate] = String(rank + 1) }
                if draw.uniform(below: 20) == 0 { cells[order[0]] = "" } // a gap: irregular
            }
            text += "v\(voter)," + cells.joined(separator: ",") + "\n"
        }
        let (cached, uncached) = try readBothWays(text)
        expectSame(cached, uncached)
        #expect(cached.ballotLines == 9_000)
        #expect(cached.validBallots + cached.invalidBallots == 9_000)
    }

    /// The key leaves out the id cell, and refuses one that holds a quote or carriage return.
    @Test func keysLeaveOutTheID() {
        let line = Array("v12,1,,2".utf8)
        line.withUnsafeBufferPointer { buffer in
            let first = BallotLineCache(shape: .afterFirstCell, delimiter: 0x2C)
            #expect(first.key(buffer.baseAddress!, 0, buffer.count) == 4..<8)
            let last = BallotLineCache(shape: .beforeLastCell, delimiter: 0x2C)
            #expect(last.key(buffer.baseAddress!, 0, buffer.count) == 0..<6)
        }
        let quoted = Array("\"v,1\",1,2".utf8)
        quoted.withUnsafeBufferPointer { buffer in
            #expect(BallotLineCache(shape: .afterFirstCell, delimiter: 0x2C).key(buffer.baseAddress!, 0, buffer.count) == nil)
        }
    }
}

@Suite struct SpellingCacheTests {
    /// Names that share their first bytes and their length, of every length from 1 to 40 bytes,
    /// each found as itself and no other.
    @Test func findsEachSpellingAsItself() {
        var names: [String] = []
        for length in 1...40 {
            for variant in 0..<5 {
                var name = String(repeating: "Candidate ", count: 5).prefix(length)
                name.removeLast()
                names.append(String(name) + String(UnicodeScalar(UInt8(65 + variant))))
            }
        }
        names = Array(Set(names)).sorted()
        let cache = SpellingCache()
        let text = Array(names.joined().utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        for name in names { ranges.append(start..<(start + name.utf8.count)); start += name.utf8.count }
        text.withUnsafeBufferPointer { buffer in
            for (number, range) in ranges.enumerated() { cache.insert(buffer, range, number: number) }
            for (number, range) in ranges.enumerated() { #expect(cache.find(buffer, range) == number, "\(names[number])") }
        }
        let other = Array("Candidate Candidate Z".utf8)
        other.withUnsafeBufferPointer { #expect(cache.find($0, 0..<$0.count) == nil) }
    }
}
