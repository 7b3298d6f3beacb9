import Testing
import TallyArithmetic
import TallyBallotFiles
import TallyCounting
import TallyElection
import TallyModel
import TallyTestSupport

/// A request is checked whole before any file is read (issue 10: `--seats 0` on a million-line
/// file was refused only after reading it).
@Suite struct CountRequestTests {
    /// A path that does not exist: a request refused before reading never finds that out.
    static let missing = "/nonexistent/ballots.blt"

    @Test func seatsOutOfRangeAreRefusedBeforeReading() throws {
        let ballots = try BallotSelection(path: Self.missing)
        for seats in [0, -1, Preference.maximumCandidates + 1] {
            #expect(throws: ElectionFailure(.request, "expected a whole number from 1 to \(Preference.maximumCandidates) for --seats; found '\(seats)'")) {
                try CountRequest(ballots: ballots, method: .stv(.ers97), seats: seats, ties: TieSettings())
            }
        }
        #expect(throws: ElectionFailure.self) {
            try CountRequest(ballots: ballots, method: .block(votesPerBallot: 0, overVotes: .void), seats: 3, ties: TieSettings())
        }
    }

    @Test func minimumsWithoutCategoriesAreRefusedBeforeReading() {
        #expect(throws: ElectionFailure(.request, "--min needs the candidates' categories: give --candidates FILE")) {
            try BallotSelection(path: Self.missing, minimums: [Minimum(category: "woman", count: 2)])
        }
    }

    @Test func oneColumnCannotPlayTwoParts() {
        let reading = BallotFileLoader(csvOptions: CSVOptions(weightColumn: "N", idColumn: "n"))
        #expect(throws: ElectionFailure(.request, "--weight-column and --id-column both name the column 'n'")) {
            try BallotSelection(path: Self.missing, reading: reading)
        }
    }

    @Test func aTieOrderNamingACandidateTwiceIsRefusedBeforeReading() {
        #expect(throws: ElectionFailure(.request, "--tie-order names 'ann  black' twice")) {
            try TieSettings(order: ["Ann Black", "Bob", "ann  black"])
        }
    }

    /// A request that passes its checks reads the file, and only then finds it missing.
    @Test func aGoodRequestReadsTheFile() throws {
        let request = try CountRequest(ballots: BallotSelection(path: Self.missing), method: .stv(.ers97), seats: 2, ties: TieSettings())
        #expect(throws: ElectionFailure(.unreadableInput, "\(Self.missing): no such file")) { try Election.count(request) }
    }

    /// Seats from the file; a count of the model election through the whole route.
    @Test func countsThroughPreparation() throws {
        let request = try CountRequest(
            ballots: BallotSelection(path: Repository.fixture("ers97-model/ballots.blt")), method: .stv(.ers97), seats: nil, ties: TieSettings()
        )
        let (ballots, result) = try Election.count(request)
        #expect(ballots.format == .blt)
        guard case let .stv(record) = result else { Issue.record("not an STV record"); return }
        #expect(record.seats == 6)
        #expect(record.elected.map { ballots.profile.candidates[$0].name } == ["Smith", "Duke", "Carpenter", "Prince", "Vicar", "Freeman"])
    }

    /// Seats the file cannot fill: the request's fault when asked for, the data's when the file
    /// states them.
    @Test func seatsTheBallotsCannotFill() throws {
        let path = try Repository.temporaryDirectory("request") + "/two.blt"
        try "2 3\n1 1 0\n0\n\"A\"\n\"B\"\n".write(toFile: path, atomically: false, encoding: .utf8)
        let asked = try CountRequest(ballots: BallotSelection(path: path), method: .stv(.ers97), seats: 3, ties: TieSettings())
        #expect(throws: ElectionFailure(.request, "\(path): cannot count: 3 seats but only 2 standing candidates")) { try Election.count(asked) }
        let fromFile = try CountRequest(ballots: BallotSelection(path: path), method: .stv(.ers97), seats: nil, ties: TieSettings())
        #expect(throws: ElectionFailure(.badData, "\(path): cannot count: 3 seats but only 2 standing candidates")) { try Election.count(fromFile) }
    }
}

/// One mapping of failures to exit statuses.
@Suite struct ElectionFailureTests {
    @Test func eachKindHasItsExitStatus() {
        #expect(ElectionFailure(.request, "").exitCode == .usage)
        #expect(ElectionFailure(.unreadableInput, "").exitCode == .noInput)
        #expect(ElectionFailure(.badData, "").exitCode == .dataError)
        #expect(ElectionFailure(.cannotWrite, "").exitCode == .cannotCreate)
        #expect(ElectionFailure(.internalFault, "").exitCode == .software)
    }

    /// A count that does not add up is Tally's fault: exit 70, asking for a report (issue 10,
    /// defect 7: it was exit 65, as if the user's).
    @Test func anInternalInconsistencyIsAFaultOfTallys() {
        let failure = ElectionFailure.counting(InternalInconsistency("votes not conserved at stage 4 (752.99 ≠ 753.00)"), "b.blt")
        #expect(failure.exitCode == .software)
        #expect(failure.message == "internal error: b.blt: votes not conserved at stage 4 (752.99 ≠ 753.00). This is a fault in Tally, not in your files: please report it with the files and the command line that produced it.")
    }

    @Test func theDatasFailuresAreDataErrors() {
        #expect(ElectionFailure.counting(CountError.noValidBallots, "b.blt").exitCode == .dataError)
        #expect(ElectionFailure.counting(ArithmeticOverflow("1 + 2"), "b.blt").exitCode == .dataError)
        let tie = ElectionFailure.counting(UnresolvedTie(question: "the last seat", candidates: [0, 2]), "b.blt") { ["Ann", "Bob", "Cat"][$0] }
        #expect(tie.exitCode == .dataError)
        #expect(tie.message.contains("a tie for the last seat between Ann, Cat"))
    }
}
