import Testing
import TallyModel
@testable import TallyBallotFiles

@Suite struct CandidateAttributesTests {
    func attributes(_ text: String) throws -> CandidateAttributes {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try CandidateAttributes.parse($0, file: "a.csv") }
    }

    let profile = BallotProfile(candidates: ["Ann Black", "Bob Brown", "Cat Khan"].map { Candidate(name: $0) }, rankings: [([0], 1)])

    @Test func setsCategoriesAndSlates() throws {
        let applied = try attributes("Name,Woman,BAME,Slate\nann  black,yes,,Grassroots\nBob Brown,no,0,\nCat Khan,Y,x,Labour to Win\n").apply(to: profile)
        #expect(applied.candidates[0] == Candidate(name: "Ann Black", affiliation: "Grassroots", categories: ["woman"]))
        #expect(applied.candidates[1].categories.isEmpty)
        #expect(applied.candidates[2].categories == ["woman", "bame"])
        #expect(applied.candidates[2].affiliation == "Labour to Win")
    }

    @Test func acceptsACategoriesList() throws {
        let applied = try attributes("name,categories\nAnn Black,woman\nBob Brown,\nCat Khan,Woman; BAME\n").apply(to: profile)
        #expect(applied.candidates[2].categories == ["woman", "bame"])
        let commas = try attributes("name,categories\nAnn Black,woman\nBob Brown,\nCat Khan,\"woman, bame\"\n").apply(to: profile)
        #expect(commas.candidates[2].categories == ["woman", "bame"])
    }

    @Test func closeMatchesAreClose() {
        #expect(CandidateAttributes.closeMatches("Zed", among: ["Ben", "Zoe", "Ned"]) == ["Ned"]) // one edit; Zoe and Ben are two
        #expect(CandidateAttributes.closeMatches("Zed", among: ["Ben", "Amy"]).isEmpty)
    }

    @Test func anUnknownNameListsTheCloseMatches() throws {
        let file = try attributes("name,woman\nAnn Blak,yes\nBob Brown,no\nCat Khan,yes\n")
        #expect(throws: BallotFileError(file: "a.csv", line: 2, column: 1, message: "'Ann Blak' is not a candidate in the ballot file; did you mean 'Ann Black'?")) {
            try file.apply(to: profile)
        }
    }

    @Test func everyCandidateNeedsALine() throws {
        let file = try attributes("name,woman\nAnn Black,yes\n")
        #expect(throws: BallotFileError.self) { try file.apply(to: profile) }
    }

    @Test(arguments: [
        "name,woman\nAnn Black,maybe\n", "woman\nyes\n", "name,woman\nAnn Black,yes\nann black,no\n", "",
        "name,woman\nAnn Black,yes,extra\n", "name,woman,Woman\nAnn Black,yes,no\n", "name,slate,party\nAnn Black,A,B\n",
        "name,,woman\nAnn Black,yes,no\n",
    ])
    func malformedFilesAreLocatedErrors(_ text: String) {
        #expect(throws: BallotFileError.self) { try attributes(text) }
    }
}
