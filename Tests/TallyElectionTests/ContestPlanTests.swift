import Foundation
import Testing
import TallyBallotFiles
import TallyCounting
import TallyElection
import TallyModel
import TallyTestSupport

/// Contest files become plans in the counting types, with no silent fallback; contest results
/// carry the category totals and the verdict that reports render.
@Suite struct ContestPlanTests {
    /// A contest file in a new folder beside a two-candidate ballot file.
    func contest(_ sections: String, extra: String = "") throws -> String {
        let directory = try Repository.temporaryDirectory("plan")
        try "3 1\n4 1 2 0\n3 2 0\n2 3 1 0\n0\n\"Ann\"\n\"Bob\"\n\"Cat\"\n".write(toFile: directory + "/b.blt", atomically: false, encoding: .utf8)
        let path = directory + "/contest.json"
        try "{\"title\": \"T\", \"ballots\": \"b.blt\"\(extra), \"sections\": [\(sections)]}".write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test(arguments: STVRule.allCases)
    func everyRuleIsAccepted(_ rule: STVRule) throws {
        let plan = try ContestPlan.load(path: contest("{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\", \"rule\": \"\(rule.rawValue)\"}"))
        #expect(plan.sections[0].method == .stv(rule))
    }

    @Test func noRuleMeansERS97AndBlockKeepsItsVotes() throws {
        let stv = try ContestPlan.load(path: contest("{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\"}"))
        #expect(stv.sections[0].method == .stv(.ers97))
        let block = try ContestPlan.load(path: contest("{\"name\": \"A\", \"seats\": 1, \"method\": \"block\", \"votes_per_ballot\": 2}"))
        #expect(block.sections[0].method == .block(votesPerBallot: 2, overVotes: .void))
    }

    /// A rule that is not one of Tally's is an error naming the ones there are, never ERS97.
    @Test func anUnknownRuleIsAnErrorNotERS97() throws {
        let path = try contest("{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\", \"rule\": \"wigm\"}")
        #expect(throws: ElectionFailure(.badData, "\(path): section \"A\": expected \"rule\" to be one of \"ers97\", \"scottish\", \"meek\"; found \"wigm\"")) {
            try ContestPlan.load(path: path)
        }
    }

    @Test(arguments: [
        ("{\"name\": \"A\", \"seats\": 1, \"method\": \"Block\"}", "expected \"method\" to be \"stv\" or \"block\"; found \"Block\""),
        ("{\"name\": \"A\", \"seats\": 1, \"method\": \"block\", \"rule\": \"meek\"}", "\"rule\" is for STV sections"),
        ("{\"name\": \"A\", \"seats\": 1, \"method\": \"stv\", \"votes_per_ballot\": 1}", "\"votes_per_ballot\" is for block-vote sections"),
        ("{\"name\": \"A\", \"seats\": 1, \"method\": \"block\", \"votes_per_ballot\": 0}", "expected \"votes_per_ballot\" to be at least 1"),
    ])
    func sectionsAreChecked(_ section: String, _ message: String) throws {
        let path = try contest(section)
        #expect(throws: ElectionFailure(.badData, "\(path): section \"A\": \(message)")) { try ContestPlan.load(path: path) }
    }

    /// The three-region fixture, worked by hand in its README: women 3 of an overall minimum of 3,
    /// BAME 1 of 1 (both met), seats Organisers 4, Your Momentum 1.
    @Test func theResultCarriesCategoryTotalsAndTheVerdict() throws {
        let plan = try ContestPlan.load(path: Repository.fixture("contest-three-regions/contest.json"))
        let result = try plan.count(plan.prepare(reading: BallotFileLoader()), seed: 1)
        #expect(result.categories == ["woman", "bame"])
        #expect(result.sections.map(\.electedByCategory) == [[1, 0], [1, 1], [1, 0]])
        #expect(result.categoryTotals == [
            ContestResult.CategoryTotal(category: "woman", elected: 3, overallMinimum: 3),
            ContestResult.CategoryTotal(category: "bame", elected: 1, overallMinimum: 1),
        ])
        #expect(result.categoryTotals.map(\.met) == [true, true])
        #expect(result.seatsBySlate == [ContestResult.SlateSeats(slate: "Organisers", seats: 4), ContestResult.SlateSeats(slate: "Your Momentum", seats: 1)])
        #expect(result.seats == 5)
    }

    /// An overall minimum the sections do not reach is recorded as not met. Ballots: Ann 4 + 2
    /// (Cat's second), Bob 3, Cat 2: block vote for 1 seat elects Ann; only Cat is a woman.
    @Test func anOverallMinimumNotReachedIsNotMet() throws {
        let path = try contest(
            "{\"name\": \"A\", \"seats\": 1, \"method\": \"block\"}",
            extra: ", \"overall_minimums\": {\"woman\": 1}, \"candidates\": [{\"name\": \"Ann\"}, {\"name\": \"Bob\"}, {\"name\": \"Cat\", \"categories\": [\"woman\"]}]"
        )
        let plan = try ContestPlan.load(path: path)
        let result = try plan.count(plan.prepare(reading: BallotFileLoader()), seed: 1)
        #expect(result.sections[0].result.elected == [0])
        #expect(result.categoryTotals.first?.met == false)
    }

    /// A section's ballots as prepared, against the fixture's file: North's three candidates
    /// stand (the other six are left out), its 100 ballots (50 + 30 + 20) are all there, and the
    /// inline categories and slates are applied.
    @Test func aSectionIsPreparedFromTheSharedFile() throws {
        let plan = try ContestPlan.load(path: Repository.fixture("contest-three-regions/contest.json"))
        let north = try #require(plan.prepare(reading: BallotFileLoader()).first { $0.plan.name == "North" })
        let profile = north.ballots.profile
        #expect(profile.candidates.map(\.name) == ["Nate", "Neil", "Nina"]) // in the file's order
        #expect(profile.withdrawn.isEmpty)
        #expect(profile.validBallots == 100)
        #expect(north.ballots.region == "North")
        let nina = try #require(profile.candidateIndex(named: "Nina"))
        #expect(profile.candidates[nina].categories == ["woman"])
        #expect(profile.candidates[nina].affiliation == "Your Momentum")
        #expect(north.plan.minimums == [Minimum(category: "woman", count: 1)])
    }
}
