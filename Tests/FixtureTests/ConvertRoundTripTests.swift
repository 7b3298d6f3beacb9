import Foundation
import Testing
import TallyBallotFiles
import TallyElection
import TallyModel
import TallyReports
import TallyTestSupport

/// `tally convert` round trips on every fixture: BLT → CSV → BLT and CSV → BLT → CSV give the
/// same ballots — each ranking by candidate names, with its weight and region — and the same
/// ballot ids, line by line; what a format cannot hold (a CSV has no title, seats or withdrawn
/// candidates; a BLT file one region) is all that is lost.
@Suite struct ConvertRoundTripTests {
    /// Each ranking as names ("A, B=C"; candidates ranked equal in name order, since the order
    /// within a rank means nothing), with its region, and the ballots holding it.
    static func ballots(_ profile: BallotProfile) -> [String: Int64] {
        var result: [String: Int64] = [:]
        for ballot in profile.ballots {
            let names = ballot.ranking.positions.map { $0.map { profile.candidates[$0].name }.sorted().joined(separator: "=") }.joined(separator: ", ")
            let key = (ballot.region.map { profile.regions[$0] + ": " } ?? "") + names
            result[key, default: 0] += ballot.weight
        }
        return result
    }

    func read(_ text: String, name: String) throws -> (PreparedBallots, BallotLines) {
        let lines = BallotLines()
        let loaded = try Array(text.utf8).withUnsafeBufferPointer { try BallotFileLoader().read($0, path: name, observer: lines) }
        return (PreparedBallots(loaded), lines)
    }

    func readFile(_ path: String) throws -> (PreparedBallots, BallotLines) {
        try Election.readLines(try BallotSelection(path: path))
    }

    func ids(_ lines: BallotLines) -> [String?] { lines.lines.filter { $0.ranking != nil }.map(\.ballotID) }

    @Test(arguments: Fixture.all.filter { $0.json["ballots"] != nil })
    func roundTrips(_ fixture: Fixture) throws {
        let (original, originalLines) = try readFile(fixture.ballotsPath)
        let seats = original.profile.seats ?? fixture.seatsInRuns ?? 1
        let expected = Self.ballots(original.profile)
        if original.format == .blt {
            let csv = BallotFileWriter(ballots: original, lines: originalLines).csv()
            let (viaCSV, csvLines) = try read(csv, name: "x.csv")
            #expect(Self.ballots(viaCSV.profile) == expected, "\(fixture): BLT → CSV")
            let blt = try BallotFileWriter(ballots: viaCSV, lines: csvLines, seats: seats).blt()
            let (back, backLines) = try read(blt, name: "x.blt")
            #expect(Self.ballots(back.profile) == expected, "\(fixture): BLT → CSV → BLT")
            #expect(ids(backLines) == ids(originalLines))
        } else {
            guard original.profile.regions.count <= 1 else {
                #expect(throws: Unwritable.self) { try BallotFileWriter(ballots: original, lines: originalLines, seats: seats).blt() }
                return
            }
            let blt = try BallotFileWriter(ballots: original, lines: originalLines, seats: seats).blt()
            let (viaBLT, bltLines) = try read(blt, name: "x.blt")
            #expect(Self.ballots(viaBLT.profile) == expected, "\(fixture): → BLT")
            #expect(viaBLT.profile.title == original.profile.title)
            let csv = BallotFileWriter(ballots: viaBLT, lines: bltLines).csv()
            let (back, backLines) = try read(csv, name: "x.csv")
            #expect(Self.ballots(back.profile) == expected, "\(fixture): → BLT → CSV")
            // A line of several ballots cannot carry an id in BLT; these fixtures have none such.
            #expect(ids(backLines) == ids(originalLines))
        }
    }
}
