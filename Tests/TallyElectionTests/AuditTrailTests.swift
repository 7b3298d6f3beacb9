import Testing
import TallyArithmetic
import TallyCounting
import TallyElection
import TallyModel
import TallyTestSupport

/// The audit trail (docs/audit-trail.md) summed stage by stage is the stage table, exactly: what
/// each candidate gained, what became exhausted and what was lost to rounding; and every ballot
/// line is accounted for.
@Suite struct AuditTrailTests {
    struct Trail {
        var rows: [AuditTrail.Row] = []
        let result: CountResult
        let profile: BallotProfile
    }

    func trail(_ fixture: String, _ method: CountMethod, seats: Int? = nil) throws -> Trail {
        let request = try CountRequest(ballots: BallotSelection(path: Repository.fixture(fixture)), method: method, seats: seats, ties: TieSettings())
        let recorder = try AuditTrail()
        let (ballots, result) = try Election.count(request, auditTrail: recorder)
        var trail = Trail(result: result, profile: ballots.profile)
        try recorder.replay(rankings: ballots.profile.ballots.count) { trail.rows.append($0) }
        return trail
    }

    /// Σ papers × value, in units of `places` decimals.
    func units(_ rows: [AuditTrail.Row], places: Int) -> Int64 {
        rows.reduce(0) { sum, row in
            guard let value = row.value else { return sum }
            var scale: Int64 = 1
            for _ in 0..<(places - value.places) { scale *= 10 }
            return sum + (row.papers ?? 1) * value.units * scale
        }
    }

    @Test(arguments: [
        ("ers97-model/ballots.blt", STVRule.ers97), ("ers97-batches/ballots.blt", .ers97), ("ers97-last-place/ballots.blt", .ers97),
        ("ers97-bulk-exclusion/ballots.blt", .ers97), ("linn07/ballots.blt", .scottish), ("dundee22-coldside/ballots.blt", .scottish),
    ])
    func stvTrailSumsToTheStageTable(path: String, rule: STVRule) throws {
        let trail = try trail(path, .stv(rule))
        guard case let .stv(record) = trail.result else { Issue.record("not an STV record"); return }
        let places = rule.places
        var previous: STVStage?
        for stage in record.stages {
            let rows = trail.rows.filter { $0.stage == stage.label }
            for candidate in trail.profile.candidates.indices {
                let credited = units(rows.filter { $0.to == .candidate(candidate) }, places: places)
                let change = stage.transfers.units[candidate]
                #expect(credited == max(change, 0), "stage \(stage.label), \(trail.profile.candidates[candidate].name)")
            }
            let exhausted = units(rows.filter { $0.to == .nonTransferable || $0.to == .exhaustedRemainder }, places: places)
            let lost = units(rows.filter { $0.to == .lostToRounding }, places: places)
            #expect(exhausted == stage.exhausted.units - (previous?.exhausted.units ?? 0), "stage \(stage.label): exhausted")
            #expect(lost == stage.lostToRounding.units - (previous?.lostToRounding.units ?? 0), "stage \(stage.label): lost to rounding")
            previous = stage
        }
        // Every valid ballot is credited at the first stage, once.
        let first = trail.rows.filter { $0.stage == record.stages[0].label }
        #expect(first.reduce(0) { $0 + ($1.papers ?? 0) } == record.validBallots)
        #expect(Set(first.compactMap(\.line)).count == first.count)
    }

    /// Block vote: every counted line's marks, and every void line with its reason.
    @Test func blockTrailSumsToTheVotes() throws {
        let trail = try trail("block-hand-small/ballots.csv", .block(votesPerBallot: nil, overVotes: .void), seats: 3)
        guard case let .block(record) = trail.result else { Issue.record("not a block record"); return }
        for candidate in trail.profile.candidates.indices {
            #expect(units(trail.rows.filter { $0.to == .candidate(candidate) }, places: 0) == record.votes[candidate])
        }
        let void = trail.rows.filter { $0.to == .void }
        #expect(void.reduce(0) { $0 + ($1.papers ?? 0) } == record.overVotes.ballots)
        #expect(void.allSatisfy { $0.note?.contains("over-vote") == true })
    }

    /// Lines invalid when read come first, with the irregularity that made them so.
    @Test func invalidLinesAreListed() throws {
        let trail = try trail("irregular-ranks/ballots.csv", .stv(.ers97), seats: 2)
        let invalid = trail.rows.filter { $0.to == .invalid }
        #expect(invalid.reduce(0) { $0 + ($1.papers ?? 0) } == trail.profile.invalidBallots)
        #expect(invalid.allSatisfy { $0.stage == nil && $0.note != nil })
    }

    /// Meek: at every stage every ballot's vote, part by part, adds up to each candidate's votes
    /// and the excess, exactly (9 decimals).
    @Test(arguments: ["ers97-model/ballots.blt", "stv-minimum-women/ballots.blt", "dundee22-maryfield/ballots.blt"])
    func meekHoldingsSumToTheVotes(path: String) throws {
        let trail = try trail(path, .stv(.meek))
        guard case let .stv(record) = trail.result else { Issue.record("not an STV record"); return }
        #expect(record.stages.count > 1)
        for stage in record.stages {
            let rows = trail.rows.filter { $0.stage == stage.label }
            for candidate in trail.profile.candidates.indices {
                #expect(units(rows.filter { $0.to == .candidate(candidate) }, places: 9) == stage.votes.units[candidate], "stage \(stage.label), \(trail.profile.candidates[candidate].name)")
            }
            #expect(units(rows.filter { $0.to == .nonTransferable }, places: 9) == stage.exhausted.units, "stage \(stage.label): excess")
            #expect(rows.allSatisfy { $0.from == nil })
        }
    }

    @Test func regionsAreRefusedBeforeReading() throws {
        let request = try CountRequest(ballots: BallotSelection(path: "/nonexistent.csv", region: "North"), method: .stv(.ers97), seats: 2, ties: TieSettings())
        #expect(throws: ElectionFailure(.request, "--audit-trail is for a file counted whole: count the region's own file, or leave out --region")) {
            try Election.count(request, auditTrail: try AuditTrail())
        }
    }
}
