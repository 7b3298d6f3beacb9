import Foundation
import TallyModel

/// A whole contest described in a JSON file (docs/contest-files.md): its sections or regions,
/// each with seats, a counting method and minimums; its candidates with categories and slates; and
/// where the ballots are. Paths are relative to the contest file.
public struct ContestDescription: Decodable, Sendable {
    public struct Section: Decodable, Sendable {
        /// The section's or region's name.
        public var name: String
        /// The value of the region column for this section (default: `name`), when the contest's
        /// ballot file holds every region.
        public var region: String?
        /// A ballot file for this section alone (instead of the contest's).
        public var ballots: String?
        public var seats: Int
        /// "stv" or "block", as written; checked where it becomes a counting method.
        public var method: String
        /// STV rule as written: "ers97" (default), "scottish" or "meek".
        public var rule: String?
        /// Block vote: marks per ballot (default: seats).
        public var votesPerBallot: Int?
        /// Minimums by category, e.g. {"woman": 3, "bame": 2}.
        public var minimums: [String: Int]?
        /// Names of the candidates standing in this section (default: the candidates whose
        /// `section` is this one, else every candidate).
        public var candidates: [String]?
    }

    public struct CandidateEntry: Decodable, Sendable {
        public var name: String
        public var categories: [String]?
        public var slate: String?
        /// The section the candidate stands in, for contests whose ballot file holds every region.
        public var section: String?
    }

    /// The returning officer's declaration fields, printed in the report's header.
    public struct DeclarationEntry: Decodable, Sendable {
        public var organisation: String?
        public var returningOfficer: String?
        public var date: String?
        public var statement: String?
    }

    public var title: String
    public var declaration: DeclarationEntry?
    /// Where the contest's figures come from, and what is assumed: shown with the result.
    public var sources: [String]?
    public var assumptions: [String]?
    /// One ballot file for the whole contest (with a region column when it has several sections).
    public var ballots: String?
    public var regionColumn: String?
    /// Candidates inline, or a candidate-attributes CSV (`candidatesFile`).
    public var candidates: [CandidateEntry]?
    public var candidatesFile: String?
    public var sections: [Section]
    /// Minimums over the whole contest, checked in the summary (e.g. 13 women of 26).
    public var overallMinimums: [String: Int]?

    /// Reads and checks a contest file.
    public static func load(path: String) throws -> ContestDescription {
        let contest = try JSONFile.decode(
            ContestDescription.self, path: path, kind: "contest file", keys: keys,
            wholeNumbers: ["seats", "votes_per_ballot", "minimums", "overall_minimums"]
        )
        try contest.check(path: path)
        return contest
    }

    /// The keys a contest file may hold.
    static let keys = JSONFile.Keys([
        "title": nil, "sources": nil, "assumptions": nil, "ballots": nil, "region_column": nil, "candidates_file": nil,
        "overall_minimums": nil, "declaration": JSONFile.Keys(["organisation", "returning_officer", "date", "statement"]),
        "candidates": JSONFile.Keys(["name", "categories", "slate", "section"]),
        "sections": JSONFile.Keys(["name", "region", "ballots", "seats", "method", "rule", "votes_per_ballot", "minimums", "candidates"]),
    ])

    private func check(path: String) throws {
        func fail(_ message: String) -> BallotFileError { BallotFileError(file: path, line: nil, column: nil, message: message) }
        guard !sections.isEmpty else { throw fail("expected at least one section in \"sections\"") }
        var names = Set<String>()
        for section in sections {
            guard names.insert(Candidate.matchingKey(for: section.name)).inserted else { throw fail("section \"\(Excerpt.of(section.name))\" is named twice") }
            guard section.seats >= 1 else { throw fail("section \"\(Excerpt.of(section.name))\": expected at least 1 seat") }
            guard section.ballots != nil || ballots != nil else { throw fail("section \"\(Excerpt.of(section.name))\" has no ballots: give \"ballots\" for the contest or the section") }
            for (category, count) in section.minimums ?? [:] where count < 1 {
                throw fail("section \"\(Excerpt.of(section.name))\": the minimum for \(category) must be at least 1")
            }
            let categories = (section.minimums ?? [:]).keys.map(Candidate.matchingKey)
            if Set(categories).count < categories.count { throw fail("section \"\(Excerpt.of(section.name))\": a category is given twice in \"minimums\"") }
        }
        var candidateNames = Set<String>()
        for candidate in candidates ?? [] {
            guard candidateNames.insert(Candidate.matchingKey(for: candidate.name)).inserted else {
                throw fail("candidate \"\(Excerpt.of(candidate.name))\" is listed twice")
            }
            if let section = candidate.section, !names.contains(Candidate.matchingKey(for: section)) {
                throw fail("candidate \"\(Excerpt.of(candidate.name))\" stands in section \"\(Excerpt.of(section))\", which is not among the sections")
            }
        }
        let overall = (overallMinimums ?? [:]).keys.map(Candidate.matchingKey)
        if Set(overall).count < overall.count { throw fail("a category is given twice in \"overall_minimums\"") }
        if candidates != nil && candidatesFile != nil { throw fail("give \"candidates\" or \"candidates_file\", not both") }
    }
}
