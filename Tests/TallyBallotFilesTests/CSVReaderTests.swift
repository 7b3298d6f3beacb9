import Testing
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

@Suite struct CSVReaderTests {
    @Test func readsRankColumnsWithAWeightColumn() throws {
        let profile = try read("rank1,rank2,rank3,weight\nAnn,Bob,,3\nBob,ann,Cat,1\n Ann , Bob ,,2\n", name: "b.csv")
        #expect(profile.candidates.map(\.name) == ["Ann", "Bob", "Cat"]) // first appearance; names fold case and blanks
        #expect(profile.described == ["5: Ann, Bob", "1: Bob, Ann, Cat"])
    }

    @Test(arguments: [
        "1,2,3", "Rank 1,Rank 2,Rank 3", "Preference 1,Preference 2,Preference 3", "1st choice,2nd choice,3rd choice",
        "pref_1,pref_2,pref_3", "Choice #1,Choice #2,Choice #3",
    ])
    func recognisesRankColumnHeaders(_ header: String) throws {
        let profile = try read("\(header)\nAnn,Bob,Cat\n", name: "b.csv")
        #expect(profile.described == ["1: Ann, Bob, Cat"])
    }

    /// One matching rule everywhere: Unicode case, any whitespace (also no-break space and line
    /// ends in quoted cells), canonically equivalent spellings (é and e + combining acute).
    @Test func namesMatchByUnicodeCaseWhitespaceAndCanonicalEquivalence() throws {
        let text = "rank1,rank2\nÉLISE,Ann\u{00A0}Black\n\"élise\",\"Ann\nBlack\"\nE\u{0301}lise,\u{00C9}lise\n"
        let profile = try read(text, name: "b.csv")
        #expect(profile.candidates.map(\.name) == ["ÉLISE", "Ann\u{00A0}Black"])
        #expect(profile.described == ["2: ÉLISE, Ann\u{00A0}Black", "1: ÉLISE"])
        #expect(profile.irregularities[.repeatedCandidate]?.firstLines == [5])
    }

    @Test func aGapInRankColumnsEndsTheRanking() throws {
        let profile = try read("1,2,3\nAnn,,Cat\nBob,Bob,\n", name: "b.csv")
        #expect(profile.described == ["1: Ann", "1: Bob"])
        #expect(profile.irregularities[.skippedRank]?.firstLines == [2])
        #expect(profile.irregularities[.repeatedCandidate]?.firstLines == [3])
    }

    @Test func readsCandidateColumnsHoldingRankNumbers() throws {
        let profile = try read("Voter ID,Ann,Bob,Cat\nv1,2,1,3\nv2,1,,\n", name: "b.csv")
        #expect(profile.candidates.map(\.name) == ["Ann", "Bob", "Cat"])
        #expect(profile.described == ["1: Bob, Ann, Cat", "1: Ann"])
    }

    @Test func readsCandidateColumnsHoldingMarks() throws {
        let profile = try read("Ann,Bob,Cat\nX,,✓\n,yes,\n1,1,\n", name: "b.csv")
        #expect(profile.described == ["1: Ann=Cat", "1: Bob", "1: Ann=Bob"])
        #expect(profile.irregularities.isEmpty) // marks have no order: equal is normal, not irregular
    }

    @Test func cellsCanBeForcedToRanks() throws {
        let profile = try read("Ann,Bob,Cat\n1,1,\n", name: "b.csv", options: CSVOptions(cells: .ranks))
        #expect(profile.described == ["1: Ann=Bob"])
        #expect(profile.irregularities[.equalRanking]?.ballots == 1)
    }

    @Test func readsQuotesEmbeddedDelimitersCRLFAndAByteOrderMark() throws {
        let text = "\"rank 1\",\"rank 2\"\r\n\"Black, Ann\",\"O\"\"Neill, Bob\"\r\n\"Black, Ann\",\r\n"
        let profile = try read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "b.csv")
        #expect(profile.candidates.map(\.name) == ["Black, Ann", "O\"Neill, Bob"])
        #expect(profile.described == ["1: Black, Ann, O\"Neill, Bob", "1: Black, Ann"])
    }

    @Test func readsAQuotedFieldSpanningLines() throws {
        let profile = try read("id,Ann,Bob\n\"a\nb\",1,2\nc,2,1\n", name: "b.csv")
        #expect(profile.described == ["1: Ann, Bob", "1: Bob, Ann"])
        #expect(profile.ballots[1].firstLines == [4])
    }

    @Test func ignoresTrailingEmptyColumnsAndBlankLines() throws {
        let profile = try read("Ann,Bob,,\n1,2,,\n\n2,1\n", name: "b.csv")
        #expect(profile.described == ["1: Ann, Bob", "1: Bob, Ann"])
    }

    @Test func anAllBlankRowIsAnEmptyBallot() throws {
        let profile = try read("Ann,Bob\n1,2\n,\n", name: "b.csv")
        #expect(profile.invalidBallots == 1)
        #expect(profile.irregularities[.emptyBallot]?.firstLines == [3])
    }

    @Test func readsSemicolonAndTabDelimiters() throws {
        #expect(try read("Ann;Bob\n1;2\n", name: "b.csv").described == ["1: Ann, Bob"])
        #expect(try read("Ann\tBob\n2\t1\n", name: "b.tsv").described == ["1: Bob, Ann"])
    }

    @Test func readsARegionColumn() throws {
        let profile = try read("Region,rank1,rank2\nNorth,Ann,Bob\nSouth,Bob,\nnorth,Ann,Bob\n", name: "b.csv")
        #expect(profile.regions == ["North", "South"])
        #expect(profile.restricted(toRegion: 0).validBallots == 2)
    }

    @Test func namedColumnsOverrideDetection() throws {
        let options = CSVOptions(weightColumn: "Copies", idColumn: "Paper")
        let profile = try read("Paper,Copies,Ann,Bob\np1,5,1,\n", name: "b.csv", options: options)
        #expect(profile.described == ["5: Ann"])
    }

    @Test func theLayoutCanBeForced() throws {
        let profile = try read("1,2\n1,\n", name: "b.csv", options: CSVOptions(layout: .candidateColumns))
        #expect(profile.candidates.map(\.name) == ["1", "2"])
        #expect(profile.described == ["1: 1"])
    }
}
