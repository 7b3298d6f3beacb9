import Testing
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

/// `--aliases`: other spellings and codes of candidates' names, applied by every reader.
@Suite struct CandidateAliasesTests {
    func aliases(_ text: String) throws -> CandidateAliases {
        try Array(text.utf8).withUnsafeBufferPointer { try CandidateAliases.parse($0, file: "a.csv") }
    }

    func read(_ text: String, name: String, aliases: String) throws -> BallotProfile {
        let directory = try Repository.temporaryDirectory("aliases")
        try aliases.write(toFile: directory + "/a.csv", atomically: true, encoding: .utf8)
        return try Array(text.utf8).withUnsafeBufferPointer { try BallotFileLoader(aliasesPath: directory + "/a.csv").read($0, path: name).profile }
    }

    @Test func aliasesMapToTheirCandidates() throws {
        let list = try aliases("alias,canonical\nJOH,Mary Johnson\nJohnston,Mary Johnson\nSMI,Sam Smith\n")
        #expect(list.candidates == ["Mary Johnson", "Sam Smith"])
        #expect(list.canonicalName(for: "joh") == "Mary Johnson")
        #expect(list.canonicalName(for: "Mary  JOHNSON") == "Mary Johnson")
        #expect(list.canonicalName(for: "XYZ") == nil)
    }

    @Test func badAliasFilesAreLocated() {
        #expect(throws: BallotFileError(file: "a.csv", line: 3, column: 1, message: "'JOH' is given two candidates (the first on line 2)")) {
            try aliases("alias,canonical\nJOH,Mary Johnson\nJOH,Sam Smith\n")
        }
        #expect(throws: BallotFileError(file: "a.csv", line: 3, column: 4, message: "'JOH' is itself an alias of 'Mary Johnson': give the candidate's name")) {
            try aliases("alias,canonical\nJOH,Mary Johnson\nMJ,JOH\n")
        }
        #expect(throws: BallotFileError.self) { try aliases("spelling\nJOH\n") }
    }

    /// Rank columns: the aliases list the candidates, ranked or not, in their order.
    @Test func rankColumnsTakeTheCandidatesFromTheAliases() throws {
        let profile = try read("rank1,rank2\nJOH,SMI\nXYZ,SMI\n", name: "b.csv", aliases: "alias,canonical\nJOH,Mary Johnson\nSMI,Sam Smith\nLEE,Pat Lee\n")
        #expect(profile.candidates.map(\.name) == ["Mary Johnson", "Sam Smith", "Pat Lee"])
        #expect(profile.described == ["1: Mary Johnson, Sam Smith"])
        #expect(profile.irregularities[.unknownCandidate]?.firstLines == [3])
    }

    /// Candidate columns are renamed; a column the aliases do not name is refused, as are two
    /// columns for one candidate.
    @Test func candidateColumnsAreRenamed() throws {
        let profile = try read("JOH,SMI\n1,2\n", name: "b.csv", aliases: "alias,canonical\nJOH,Mary Johnson\nSMI,Sam Smith\n")
        #expect(profile.candidates.map(\.name) == ["Mary Johnson", "Sam Smith"])
        #expect(throws: BallotFileError.self) { try read("JOH,Johnston\n1,2\n", name: "b.csv", aliases: "alias,canonical\nJOH,Mary Johnson\nJohnston,Mary Johnson\n") }
        #expect(throws: BallotFileError.self) { try read("JOH,ABC\n1,2\n", name: "b.csv", aliases: "alias,canonical\nJOH,Mary Johnson\n") }
    }

    /// A file that declares its candidates (BLT) has them renamed; names not listed are kept.
    @Test func declaredCandidatesAreRenamed() throws {
        let blt = "3 1\n2 1 2 0\n1 3 0\n0\n\"JOH\"\n\"SMI\"\n\"Pat Lee\"\n"
        let profile = try read(blt, name: "b.blt", aliases: "alias,canonical\nJOH,Mary Johnson\nSMI,Sam Smith\n")
        #expect(profile.candidates.map(\.name) == ["Mary Johnson", "Sam Smith", "Pat Lee"])
        let twice = "2 1\n1 1 0\n0\n\"JOH\"\n\"Johnston\"\n"
        #expect(throws: BallotFileError.self) { try read(twice, name: "b.blt", aliases: "alias,canonical\nJOH,Mary Johnson\nJohnston,Mary Johnson\n") }
    }
}
