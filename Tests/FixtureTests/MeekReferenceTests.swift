import Foundation
import Testing
import TallyArithmetic
import TallyBallotFiles
import TallyCounting
import TallyModel

/// Meek on the ERS97 ballots against the reference count in ers97-model/meek_reference.csv
/// (Hill–Wichmann–Woodall's program). Each reference column but the last must match some stage
/// of Tally's count within 0.01 for every candidate and the exhausted total; the reference numbers
/// its columns by its own iterations, so stage numbers differ. The last column iterates to
/// convergence before electing, which the PR Foundation rule does not, so only the winners are
/// compared there.
@Suite struct MeekReferenceTests {
    struct Column {
        var stage: String
        var votes: [String: Int64] // hundredths
        var exhausted: Int64
        var elected: Set<String>
    }

    /// Parses the reference: rows of candidate, then value/status pairs per column.
    static func reference() throws -> [Column] {
        let url = Fixture.root.appendingPathComponent("ers97-model/meek_reference.csv")
        let rows = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let stages = rows[0].dropFirst().enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        var columns = stages.map { Column(stage: $0, votes: [:], exhausted: 0, elected: []) }
        func hundredths(_ text: String) -> Int64 {
            let parts = text.split(separator: ".")
            let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
            return Int64(parts[0])! * 100 + Int64(fraction)!
        }
        for row in rows.dropFirst(2) where row.count > 2 {
            for index in columns.indices {
                let value = hundredths(row[1 + 2 * index])
                switch row[0] {
                case "Exhausted": columns[index].exhausted = value
                case "Quota": break
                default:
                    columns[index].votes[row[0]] = value
                    if row[2 + 2 * index] == "EL" { columns[index].elected.insert(row[0]) }
                }
            }
        }
        return columns
    }

    @Test func everyReferenceColumnButTheLastMatchesAStage() throws {
        let profile = try BallotFileLoader().load(path: Fixture.root.appendingPathComponent("ers97-model/ballots.blt").path).profile
        let record = try STV(rule: .meek, seats: 6).count(profile)
        let columns = try Self.reference()
        #expect(columns.count == 6)
        /// Within 0.01: compared in units of 10⁻⁹ against the reference's hundredths.
        func close(_ value: DecimalValue, _ hundredths: Int64) -> Bool { abs(value.units - hundredths * 10_000_000) <= 10_000_000 }
        for column in columns.dropLast() {
            let match = record.stages.first { stage in
                let exhaustedClose = close(stage.exhausted, column.exhausted)
                let votesClose = profile.candidates.indices.allSatisfy { candidate in
                    close(stage.votes[candidate], column.votes[profile.candidates[candidate].name]!)
                }
                return exhaustedClose && votesClose
            }
            #expect(match != nil, "reference stage \(column.stage) matches no stage of the count")
        }
        let winners = Set(record.elected.map { profile.candidates[$0].name })
        #expect(winners == columns.last!.elected)
        #expect(winners == ["Smith", "Carpenter", "Duke", "Prince", "Vicar", "Freeman"])
    }

    /// The PR Foundation rule's own figures for these ballots, at 9 decimals, as an independent
    /// implementation of the rule text computed them (Fixtures/ers97-model/meek_prf_oracle.py, which
    /// reproduces Droop's published meek-prf reports; docs/rules/meek.md): round 9 ends the count.
    @Test func finalRoundMatchesTheReferenceRule() throws {
        let profile = try BallotFileLoader().load(path: Fixture.root.appendingPathComponent("ers97-model/ballots.blt").path).profile
        let record = try STV(rule: .meek, seats: 6).count(profile)
        #expect(record.stages.count == 9)
        let last = try #require(record.stages.last)
        func votes(_ name: String) -> String { last.votes[profile.candidateIndex(named: name)!].description }
        #expect(last.quota.description == "74.482009505")
        #expect(votes("Carpenter") == "75.226994328")
        #expect(votes("Vicar") == "75.026808425")
        #expect(votes("Abbot") == "70.690133247")
        #expect(last.exhausted.description == "231.625933470")
    }
}
