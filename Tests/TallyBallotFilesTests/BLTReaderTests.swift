import Testing
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

@Suite struct BLTReaderTests {
    @Test func readsThePlainFormat() throws {
        let profile = try read("""
        4 2
        3 1 3 4 0
        1 2 0
        0
        "Adam"
        "Basil"
        "Charlotte"
        "Donald"
        "Title of the election"
        """)
        #expect(profile.candidates.map(\.name) == ["Adam", "Basil", "Charlotte", "Donald"])
        #expect(profile.seats == 2)
        #expect(profile.title == "Title of the election")
        #expect(profile.described == ["3: Adam, Charlotte, Donald", "1: Basil"])
        #expect(profile.irregularities.isEmpty)
    }

    /// Irregular ballots are located by line and, where the file gives one, by ballot id.
    @Test func irregularBallotsKeepTheirIDs() throws {
        let profile = try read("3 1\n(a1) 1 2 0\n(b7) 1 1 0\n(c9) 0\n2 3 1 0\n(d2) 2 - 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.irregularities[.repeatedCandidate]?.firstLines == [3])
        #expect(profile.irregularities[.repeatedCandidate]?.firstIDs == ["b7"])
        #expect(profile.irregularities[.emptyBallot]?.firstIDs == ["c9"])
        #expect(profile.irregularities[.skippedRank]?.firstLines == [6])
        #expect(profile.irregularities[.skippedRank]?.firstIDs == ["d2"])
    }

    @Test func endOfLineEndsABallotWithOrWithoutItsClosingZero() throws {
        let profile = try read("3 1\n2 1 2\n1 3 0\n4 2\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.described == ["2: A, B", "1: C", "4: B"])
    }

    @Test func skipsCommentsAndBlankLines() throws {
        let profile = try read("""
        # a comment
        /* a block
           comment */
        2 1   # header

        1 1 2 0 /* inline */ # trailing
        0
        # between
        "A"
        /* before B */
        "B"
        "T"
        """)
        #expect(profile.described == ["1: A, B"])
        #expect(profile.candidates.map(\.name) == ["A", "B"])
    }

    @Test func readsBallotIdsWithWeightOne() throws {
        let profile = try read("2 1\n(a1) 1 2 0\n(a2) 1 2\n(x) 2\n0\n\"A\"\n\"B\"\n\"T\"\n")
        #expect(profile.described == ["2: A, B", "1: B"])
    }

    @Test func readsEqualRanksAndSkippedRanks() throws {
        let profile = try read("4 1\n1 1 2=3 4 0\n1 1 2 = 3 0\n1 1 - 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"D\"\n\"T\"\n")
        #expect(profile.described == ["1: A, B=C, D", "1: A, B=C", "1: A"])
        #expect(profile.irregularities[.equalRanking]?.firstLines == [2, 3])
        #expect(profile.irregularities[.skippedRank]?.firstLines == [4])
    }

    @Test func aMarkedSkipIsIrregularEvenAtTheEnd() throws {
        let profile = try read("2 1\n1 1 - 0\n1 - 0\n1 1 - 2 0\n0\n\"A\"\n\"B\"\n\"T\"\n")
        #expect(profile.described == ["2: A"])
        #expect(profile.irregularities[.skippedRank]?.ballots == 3)
        #expect(profile.irregularities[.skippedRank]?.invalidBallots == 1)
        #expect(profile.irregularities[.skippedRank]?.firstLines == [2, 3, 4])
    }

    @Test func equalSignsMayStandApartOrJoined() throws {
        let profile = try read("3 1\n1 1= 2 0\n1 1 =2 0\n1 1 = 2 0\n1 1=2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.described == ["3: A=B", "1: A=B, C"])
    }

    @Test func commentsAreSkippedInOptionsAndNameLines() throws {
        let profile = try read("""
        3 1
        [tie 1 /* x */ 2 3]
        1 1 2 0
        0
        "A" /* c */ "P"
        B # a comment
        /* a comment
        over lines */ "C"
        "Title"
        """)
        #expect(profile.tieOrder == [0, 1, 2])
        #expect(profile.candidates == [Candidate(name: "A", affiliation: "P"), Candidate(name: "B"), Candidate(name: "C")])
        #expect(profile.title == "Title")
    }

    @Test func readsAWithdrawnLineAndSkipsWithdrawnPreferences() throws {
        let profile = try read("3 1\n-2\n1 2 1 0\n1 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.withdrawn == [1])
        #expect(profile.described == ["1: A", "1: C"])
        #expect(profile.irregularities[.withdrawnCandidate]?.ballots == 1)
        #expect(profile.irregularities[.onlyWithdrawnCandidates]?.invalidBallots == 1)
    }

    @Test func readsBracketedOptions() throws {
        let profile = try read("3 1\n[nick a b c]\n[withdrawn c]\n[tie 2 1 3]\n1 a b 0\n2 b 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.withdrawn == [2])
        #expect(profile.tieOrder == [1, 0, 2])
        #expect(profile.described == ["1: A, B", "2: B"])
    }

    @Test func readsPartiesAndIgnoresTextAfterTheTitle() throws {
        let profile = try read("2 1\n1 1 0\n0\n\"Ann Black\" \"Labour\"\n\"Bob Brown\"   \"SNP\"\n\"Title\" extra words\n\"another quoted line\"\nfree text\n")
        #expect(profile.candidates == [Candidate(name: "Ann Black", affiliation: "Labour"), Candidate(name: "Bob Brown", affiliation: "SNP")])
        #expect(profile.title == "Title")
    }

    @Test func acceptsAByteOrderMarkCRLFPaddingAndUTF8Names() throws {
        let padding = String(repeating: " ", count: 300)
        let text = "2 1\(padding)\r\n1 1 2 0\(padding)\r\n0\r\n\"Zoë  ÓNEILL\"\(padding)\r\n\"Łukasz\"\r\n\"Tïtle\"\r\n"
        let profile = try read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "x.blt")
        #expect(profile.candidates.map(\.name) == ["Zoë  ÓNEILL", "Łukasz"]) // raw name kept
        #expect(profile.candidateIndex(named: "zoë  óneill") == 0) // matching folds case…
        #expect(profile.candidateIndex(named: " Zoë ÓNEILL") == 0) // …and runs of spaces
        #expect(profile.described == ["1: Zoë  ÓNEILL, Łukasz"])
    }

    @Test func countsUnknownCandidatesAndRepeatsByTheRule() throws {
        let profile = try read("3 1\n1 1 7 2 0\n1 9 1 0\n1 2 2 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n")
        #expect(profile.described == ["1: A", "1: B"])
        #expect(profile.irregularities[.unknownCandidate]?.ballots == 2)
        #expect(profile.irregularities[.unknownCandidate]?.invalidBallots == 1)
        #expect(profile.irregularities[.unknownCandidate]?.firstLines == [2, 3])
        #expect(profile.irregularities[.repeatedCandidate]?.firstLines == [4])
    }

    @Test func readsTheRealLinnFileWithCRLF() throws {
        let profile = try BallotFileLoader().load(path: Repository.fixture("linn07/ballots.blt")).profile
        #expect(profile.candidates.count == 11)
        #expect(profile.validBallots == 9567)
        #expect(profile.ballotLines == 2522)
    }

    /// A BLT file saved with a .csv (or .txt) name is read as BLT (issue 10, defect 9); a
    /// tab-separated header of two rank numbers stays CSV.
    @Test func bltUnderAnotherNameIsDetected() throws {
        let blt = "3 1\n1 1 2 0\n1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n"
        for name in ["b.csv", "b.txt", "b.CSV", "b"] {
            let loaded = try Array(blt.utf8).withUnsafeBufferPointer { try BallotFileLoader().read($0, path: name) }
            #expect(loaded.format == .blt, "\(name)")
            #expect(loaded.profile.candidates.map(\.name) == ["A", "B", "C"])
        }
        let tsv = try Array("1\t2\nA\tB\n".utf8).withUnsafeBufferPointer { try BallotFileLoader().read($0, path: "r.tsv") }
        #expect(tsv.format == .csv)
        #expect(tsv.profile.candidates.map(\.name) == ["A", "B"])
        // A BLT whose header and ballot lines are tab-separated, with its BLT ending: BLT.
        let tabbed = try Array("2\t1\n1\t1\t0\n0\n\"A\"\n\"B\"\n".utf8).withUnsafeBufferPointer { try BallotFileLoader().read($0, path: "w.csv") }
        #expect(tabbed.format == .blt)
    }
}
