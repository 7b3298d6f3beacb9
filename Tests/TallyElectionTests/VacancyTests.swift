import Testing
import TallyCounting
import TallyElection
import TallyModel
import TallyTestSupport

/// Casual vacancies (docs/vacancies.md): every expected figure is the hand calculation in the
/// fixture's README.
@Suite struct VacancyTests {
    func request(_ fixture: String, _ method: CountMethod, seats: Int? = nil, categories: Bool = false, minimums: [Minimum] = []) throws -> CountRequest {
        let ballots = try BallotSelection(
            path: Repository.fixture(fixture),
            attributes: categories ? Repository.fixture(fixture.split(separator: "/").dropLast().joined(separator: "/") + "/candidates.csv") : nil,
            minimums: minimums
        )
        return try CountRequest(ballots: ballots, method: method, seats: seats, ties: TieSettings())
    }

    func names(_ outcome: VacancyOutcome, _ candidates: [Int]) -> [String] {
        candidates.map { outcome.ballots.profile.candidates[$0].name }
    }

    func recount(_ outcome: VacancyOutcome) throws -> STVRecord {
        guard case let .stv(record) = outcome.recount else { throw VacancyTestFailure.notSTV }
        return record
    }

    enum VacancyTestFailure: Error { case notSTV }

    // MARK: STV (Fixtures/vacancy-stv)

    /// `--vacate B`: B's papers go to D, who reaches the quota at stage 1 under every rule.
    @Test(arguments: [(STVRule.ers97, "27.50"), (.scottish, "28.00000"), (.meek, "27.500000001")])
    func stvVacancyGoesToTheNextPreferences(rule: STVRule, quota: String) throws {
        let outcome = try Election.vacancy(request("vacancy-stv/ballots.blt", .stv(rule)), vacating: ["B"])
        #expect(names(outcome, outcome.count.elected).sorted() == ["A", "B", "C"])
        #expect(names(outcome, outcome.sitting) == ["A", "C"])
        #expect(names(outcome, outcome.filledBy) == ["D"])
        let record = try recount(outcome)
        #expect(record.quota.description == quota)
        let first = try #require(record.stages.first)
        #expect(names(outcome, first.elected).sorted() == ["A", "D"])
        #expect(first.votes[3].description.hasPrefix("40.0"))
        #expect(first.status[1] == .withdrawn)
        #expect(names(outcome, record.elected).sorted() == ["A", "C", "D"])
    }

    /// `--vacate C`: C's 20 papers name no one else and are invalid in the recount: valid 90.
    @Test(arguments: [(STVRule.ers97, "22.50"), (.scottish, "23.00000")])
    func stvVacancyWithPapersForTheVacatingMemberAlone(rule: STVRule, quota: String) throws {
        let outcome = try Election.vacancy(request("vacancy-stv/ballots.blt", .stv(rule)), vacating: ["C"])
        let record = try recount(outcome)
        #expect(record.validBallots == 90)
        #expect(record.quota.description == quota)
        #expect(names(outcome, outcome.filledBy) == ["D"])
    }

    /// Two vacancies at once: C stays; D and E fill them.
    @Test(arguments: [STVRule.ers97, .scottish, .meek])
    func stvSeveralVacanciesAtOnce(rule: STVRule) throws {
        let outcome = try Election.vacancy(request("vacancy-stv/ballots.blt", .stv(rule)), vacating: ["A", "B"])
        #expect(names(outcome, outcome.sitting) == ["C"])
        #expect(Set(names(outcome, outcome.filledBy)) == ["D", "E"])
        let first = try #require(try recount(outcome).stages.first)
        #expect(first.votes[2].description.hasPrefix("65.0"))
        #expect(first.votes[3].description.hasPrefix("40.0"))
    }

    /// Ann, elected because Eli was doomed for the women's minimum, leaves: Dee (8) fills the
    /// place ahead of Eli (30); quota 113 ÷ 4 = 28.25.
    @Test func stvVacancyOfAMemberElectedForAMinimum() throws {
        let outcome = try Election.vacancy(
            request("vacancy-stv-minimum/ballots.blt", .stv(.ers97), categories: true, minimums: [Minimum(category: "woman", count: 1)]),
            vacating: ["Ann"]
        )
        #expect(names(outcome, outcome.count.elected) == ["Bob", "Cal", "Ann"])
        #expect(outcome.vacating.first?.electedForMinimum?.contains("Eli excluded at stage 2, doomed") == true)
        #expect(names(outcome, outcome.filledBy) == ["Dee"])
        #expect(try recount(outcome).quota.description == "28.25")
        #expect(outcome.needs.map(\.needed) == [1])

        let bob = try Election.vacancy(
            request("vacancy-stv-minimum/ballots.blt", .stv(.ers97), categories: true, minimums: [Minimum(category: "woman", count: 1)]),
            vacating: ["Bob"]
        )
        #expect(names(bob, bob.filledBy) == ["Eli"])
        #expect(try recount(bob).quota.description == "21.25")
        #expect(bob.needs.isEmpty)
    }

    /// A minimum the candidates left cannot meet is met as far as it can be and said to be short.
    @Test func minimumThatCannotBeMetInFull() throws {
        let outcome = try Election.vacancy(
            request("vacancy-stv-minimum/ballots.blt", .stv(.ers97), categories: true, minimums: [Minimum(category: "woman", count: 2)]),
            vacating: ["Ann"]
        )
        #expect(names(outcome, outcome.count.elected).sorted() == ["Ann", "Bob", "Dee"])
        #expect(names(outcome, outcome.filledBy) == ["Cal"])
        #expect(outcome.needs.map(\.unmet) == [1])
    }

    // MARK: Block vote (Fixtures/vacancy-block)

    @Test func blockVacancyGoesDownThePlacing() throws {
        let outcome = try Election.vacancy(request("vacancy-block/ballots.csv", .block(votesPerBallot: nil, overVotes: .void), seats: 3), vacating: ["B"])
        #expect(names(outcome, outcome.count.elected) == ["A", "B", "C"])
        #expect(names(outcome, outcome.filledBy) == ["D"])
        let outside = try Election.vacancy(request("vacancy-block/ballots.csv", .block(votesPerBallot: nil, overVotes: .void), seats: 3), vacating: ["Zed"])
        #expect(outside.vacating.first?.candidate == nil)
        #expect(names(outside, outside.sitting) == ["A", "B", "C"])
        #expect(names(outside, outside.filledBy) == ["D"])
    }

    @Test func blockVacancyUnderAMinimum() throws {
        let minimums = [Minimum(category: "woman", count: 2)]
        func vacancy(_ vacating: [String]) throws -> VacancyOutcome {
            try Election.vacancy(request("vacancy-block/ballots.csv", .block(votesPerBallot: nil, overVotes: .void), seats: 3, categories: true, minimums: minimums), vacating: vacating)
        }
        // D was elected by displacing C; when D leaves, a woman must follow: F, past C and E.
        let d = try vacancy(["D"])
        #expect(names(d, d.count.elected) == ["A", "B", "D"])
        #expect(d.vacating.first?.electedForMinimum != nil)
        #expect(names(d, d.filledBy) == ["F"])
        #expect(d.needs.count == 1 && names(d, d.needs[0].passedOver) == ["C", "E"])
        // B leaves: A and D meet the minimum; C, placed highest, fills it.
        let b = try vacancy(["B"])
        #expect(names(b, b.filledBy) == ["C"])
        #expect(b.needs.isEmpty)
        // A and B leave: C by placing, then F for the minimum, E passed over.
        let ab = try vacancy(["A", "B"])
        #expect(Set(names(ab, ab.filledBy)) == ["C", "F"])
        #expect(names(ab, ab.needs[0].passedOver) == ["E"])
    }

    /// March 2018: Christine Shawcroft (elected in 2016) resigned; Eddie Izzard, best placed of
    /// the unsuccessful candidates of January 2018, took the seat.
    @Test func nec2018ShawcroftVacancyGoesToIzzard() throws {
        let plan = try ContestPlan.load(path: Repository.fixture("contests/nec-2018-january/contest.json"))
        let section = try #require(try plan.prepare(reading: .init()).first)
        let outcome = try Election.vacancy(
            section.ballots, seats: section.plan.seats, method: section.plan.method, minimums: section.plan.minimums,
            ties: TieBreaker(), vacating: ["Christine Shawcroft"], context: "nec-2018-january"
        )
        #expect(names(outcome, outcome.count.elected) == ["Yasmine Dar", "Jon Lansman", "Rachel Garnham"])
        #expect(outcome.vacating.map(\.name) == ["Christine Shawcroft"] && outcome.vacating[0].candidate == nil)
        #expect(names(outcome, outcome.filledBy) == ["Eddie Izzard"])
    }

    // MARK: Refusals

    @Test func aCandidateNotElectedLeavesNoVacancy() throws {
        #expect(throws: ElectionFailure.self) {
            try Election.vacancy(request("vacancy-stv/ballots.blt", .stv(.ers97)), vacating: ["E"])
        }
        #expect(throws: ElectionFailure(.request, "--vacate names 'b' twice")) {
            try Election.vacancy(request("vacancy-stv/ballots.blt", .stv(.ers97)), vacating: ["B", "b"])
        }
    }
}
