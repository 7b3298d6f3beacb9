import Testing
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

/// The PrefLib, scot-elex and VoteKit readers, and detection by content (docs/formats.md). The
/// fixtures' counts are checked against their READMEs' hand calculations by FixtureTests.
@Suite struct NewReaderTests {
    // MARK: PrefLib

    /// `.toc` writes "not ranked" as a last tied group of the rest: read as `.soi` reads the
    /// same orders written strictly.
    @Test func completeOrdersWithTheRestTiedReadAsTruncated() throws {
        let toc = try loadFixture("preflib-small/ballots.toc")
        let soi = try loadFixture("preflib-small/ballots.soi")
        #expect(toc.described == soi.described)
        #expect(soi.described == ["12: Ann, Cat", "8: Bob", "5: Cat, Ann", "3: Dan, Bob"])
        #expect(toc.candidates.map(\.name) == ["Ann", "Bob", "Cat", "Dan"])
        #expect(toc.title == "Small PrefLib example (complete orders with ties)")
        #expect(toc.seats == nil)
    }

    @Test func tiesBelowTheFirstRankAreEqualRanks() throws {
        let profile = try loadFixture("preflib-small/ballots.toi")
        #expect(profile.described.contains("5: Cat, Ann=Bob"))
        #expect(profile.described.contains("2: Ann=Dan"))
        #expect(profile.validBallots == 30)
    }

    @Test func theDeclaredVotersMustBeTheOrdersTotal() {
        let text = "# NUMBER ALTERNATIVES: 2\n# NUMBER VOTERS: 5\n3: 1,2\n1: 2\n"
        #expect(throws: BallotFileError(file: "x.soi", line: 2, column: 1, message: "'# NUMBER VOTERS: 5' but the orders hold 4 voters")) {
            try read(text, name: "x.soi")
        }
    }

    @Test(arguments: [
        ("# NUMBER ALTERNATIVES: 2\n3 1,2\n", 2, 1, "expected 'count: order'"),
        ("# NUMBER ALTERNATIVES: 2\n3: 1,x\n", 2, 6, "expected an alternative's number from 1 to 2; found 'x'"),
        ("# NUMBER ALTERNATIVES: 2\n3: {1,2\n", 2, 8, "expected '}' to close the tied group"),
        ("# NUMBER ALTERNATIVES: 2\n1.5: 1\n", 2, 1, "fractional weights"),
        ("# NUMBER ALTERNATIVES: 2\n3: 1,,2\n", 2, 6, "expected an alternative's number"),
    ])
    func malformedOrdersAreLocated(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try read(text, name: "x.soi")
            Issue.record("read without an error")
        } catch let error as BallotFileError {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anAlternativeOutOfRangeIsAnUnknownCandidate() throws {
        let profile = try read("# NUMBER ALTERNATIVES: 2\n3: 1,7,2\n", name: "x.soi")
        #expect(profile.described == ["3: 1"])
        #expect(profile.irregularities[.unknownCandidate]?.ballots == 3)
    }

    // MARK: scot-elex

    @Test func scotElexReadsWithNoFlagAndKeepsParties() throws {
        let profile = try loadFixture("scot-elex-small/ballots.csv")
        #expect(profile.title == "Ward 7 - Example")
        #expect(profile.seats == 2)
        #expect(profile.candidates.map(\.name) == ["Anna BROWN", "Iain CAMPBELL", "Morag DUNCAN", "Ewan FRASER"])
        #expect(profile.candidates.map(\.affiliation) == ["Red Party (R)", "Blue Party (B)", "Green Party (G)", "Independent"])
        #expect(profile.validBallots == 30)
        #expect(profile.described.first == "10: Anna BROWN, Iain CAMPBELL")
    }

    @Test func scotElexMalformedFilesAreLocated() {
        #expect(throws: BallotFileError.self) { try read("2,1,\n3,1,x,\n\"A\"\n\"B\"\n\"W\"\n", name: "w.csv") }
        #expect(throws: BallotFileError(file: "w.csv", line: nil, column: nil, message: "the first line declares 3 candidates but the file names 2")) {
            try read("3,1,\n3,1,2,\n\"Candidate 1\",\"A\",\"P\",\n\"Candidate 2\",\"B\",\"Q\",\n", name: "w.csv")
        }
    }

    // MARK: VoteKit

    @Test func voteKitProfileReads() throws {
        let profile = try loadFixture("votekit-small/profile.csv")
        #expect(profile.candidates.map(\.name) == ["Chris", "Colleen", "Pat"])
        #expect(profile.described == ["4: Chris, Colleen", "3: Colleen, Pat, Chris", "2: Pat", "1: Chris=Pat"])
        #expect(profile.irregularities[.skippedRank]?.ballots == 2)
    }

    @Test func voteKitWeightsMustBeWholeBallots() {
        let text = "VoteKit RankProfile\nCandidates\n(A:A),(B:B)\nMax Ranking Length\n1\nIncludes Voter Set\nFalse\n=,=,=,=,=,=,=,=,=,=\nRanking_1,&,Weight,&\n{'A'},&,1.5,&\n"
        #expect(throws: BallotFileError(file: "v.csv", line: 10, column: 9, message: "expected a whole number of ballots as the weight (3, 3.0 or 6/2); found '1.5'")) {
            try read(text, name: "v.csv")
        }
        #expect(VoteKitReader.wholeWeight("6/2") == 3 && VoteKitReader.wholeWeight("3.00") == 3 && VoteKitReader.wholeWeight("3/2") == nil)
    }

    // MARK: Loomio

    @Test func loomioExportReadsOneRowPerMember() throws {
        let profile = try loadFixture("loomio-small/export.csv")
        #expect(profile.title == "Board Election")
        #expect(profile.candidates.map(\.name) == ["Alice", "Bob", "Carol"])
        #expect(profile.described == ["1: Alice, Bob, Carol", "1: Bob, Carol", "1: Alice, Carol", "1: Bob, Alice", "1: Alice", "1: Carol"])
        // The member who did not vote: a line of no ballots, listed with its line.
        #expect(profile.irregularities[.zeroWeight]?.firstLines == [16])
        #expect(profile.validBallots == 6)
    }

    /// A `ranked_choice` poll scores the favourite highest; equal scores are equal ranks.
    @Test func rankedChoiceScoresRankTheHighestFirst() throws {
        let text = "poll\ntitle,poll_type\nT,ranked_choice\nvotes\nid,reason,reason_format,A,B,C\n1,,md,3,1,2\n2,,md,2,2,\n"
        let profile = try read(text, name: "x.csv")
        #expect(profile.described == ["1: A, C, B", "1: A=B"])
    }

    @Test func loomioWithoutVotesIsRefused() {
        #expect(throws: BallotFileError.self) { try read("poll\ntitle,poll_type\nT,stv\n", name: "x.csv") }
        #expect(throws: BallotFileError.self) { try read("poll\nvotes\nid,reason,reason_format,A\n1,,md,x\n", name: "x.csv") }
    }

    // MARK: Detection

    @Test func formatsAreDetectedByContent() throws {
        func detect(_ text: String, _ name: String) -> BallotFileFormat {
            Array(text.utf8).withUnsafeBufferPointer { BallotFileFormat.detect(path: name, bytes: $0) }
        }
        #expect(detect("4 3 \n1 1 0\n0\n", "ward.csv") == .blt)
        #expect(detect("4,3,\n1,1,\n", "ward.csv") == .scotElex)
        #expect(detect("VoteKit RankProfile\n", "p.csv") == .votekit)
        #expect(detect("# FILE NAME: x\n# DATA TYPE: soi\n", "x.txt") == .preflib)
        #expect(detect("3: 1,2\n", "x.toi") == .preflib)
        #expect(detect("rank1,rank2\nA,B\n", "x.csv") == .csv)
        #expect(detect("poll\nid,title\n", "export.csv") == .loomio)
    }

    /// A refused file names the format it looks like and the flag to read it so.
    @Test func aRefusalNamesTheFormatTheFileResembles() {
        do {
            _ = try read("3: 1,2\n2: 2\n", name: "orders.csv")
            Issue.record("read without an error")
        } catch let error as BallotFileError {
            #expect(error.message.contains("the file looks like PrefLib: give --input-format preflib"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
