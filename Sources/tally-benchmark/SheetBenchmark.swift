// `tally-benchmark --sheet-only`: the text sheet of a 300-candidate, 30-seat count against the
// count itself (issue 15: the sheet must cost less than the count), in-process, interleaved.
import Foundation
import TallyCounting
import TallyElection
import TallyReports

/// Reads `path` once, then counts it (ERS97, `seats`) and renders its text sheet `runs` times
/// each, in turn, and prints both medians and the sheet's cost as a share of the count's.
func compareSheetWithCount(path: String, seats: Int, runs: Int) throws {
    let ballots = try BallotPreparation.prepare(BallotSelection(path: path))
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
    var counting: [Double] = [], rendering: [Double] = []
    var size = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        let result = try Election.count(ballots, seats: seats, method: .stv(.ers97), minimums: [], ties: TieBreaker(), context: path)
        let counted = ContinuousClock.now
        guard case let .stv(record) = result else { fatalError("an STV count gives an STV record") }
        size = STVReport(record: record, source: ReportSource(ballots)).text().utf8.count
        let rendered = ContinuousClock.now
        counting.append(milliseconds(counted - start))
        rendering.append(milliseconds(rendered - counted))
    }
    // The record's size: blocks of votes stored, against a copy of every candidate's at every stage.
    let result = try Election.count(ballots, seats: seats, method: .stv(.ers97), minimums: [], ties: TieBreaker(), context: path)
    guard case let .stv(record) = result else { fatalError("an STV count gives an STV record") }
    let blocks = (record.stages[0].votes.units.count + PerCandidate<Int64>.blockSize - 1) / PerCandidate<Int64>.blockSize
    var stored = blocks
    for index in record.stages.indices.dropFirst() {
        stored += blocks - record.stages[index].votes.units.sharedBlocks(with: record.stages[index - 1].votes.units)
    }
    print("record: \(record.stages.count) stages; blocks of votes stored: \(stored) of \(blocks * record.stages.count) (\(stored * 100 / (blocks * record.stages.count))%)")
    let count = counting.sorted()[runs / 2], sheet = rendering.sorted()[runs / 2]
    print(String(format: "count %.1f ms, text sheet %.1f ms (%d bytes): the sheet costs %.2f× the count (medians of %d interleaved runs)", count, sheet, size, sheet / count, runs))
}
