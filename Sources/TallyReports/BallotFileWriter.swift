import TallyBallotFiles
import TallyElection
import TallyModel

/// Writes ballots read from any format as BLT or CSV (`tally convert`, docs/formats.md), line by
/// line as they were read: each line's weight, ranking and ballot id; invalid lines are left
/// out (and counted in `notes`). What the target cannot hold is refused or, where nothing is
/// lost from the count, said in `notes`.
public struct BallotFileWriter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case blt, csv
    }

    public let ballots: PreparedBallots
    public let lines: BallotLines
    /// The seats to write in a BLT header, when the file read gives none.
    public var seats: Int?

    public init(ballots: PreparedBallots, lines: BallotLines, seats: Int? = nil) {
        self.ballots = ballots
        self.lines = lines
        self.seats = seats
    }

    private var profile: BallotProfile { ballots.profile }

    /// What the conversion left out or changed, in sentences for the user.
    public func notes(_ format: Format) -> [String] {
        var notes: [String] = []
        let invalid = lines.invalid.filter { $0.weight > 0 }
        if !invalid.isEmpty {
            let ballots = invalid.reduce(Int64(0)) { $0 + $1.weight }
            notes.append("\(ballots) invalid ballot\(ballots == 1 ? "" : "s") (line\(invalid.count == 1 ? "" : "s") \(invalid.prefix(5).map { String($0.line) }.joined(separator: ", "))\(invalid.count > 5 ? ", …" : "")) not written: they give no valid first preference")
        }
        if format == .csv {
            if profile.title != nil { notes.append("the title is not written: CSV has no place for it") }
            if profile.seats != nil { notes.append("the number of seats is not written: CSV has no place for it (give --seats when counting)") }
            if !profile.withdrawn.isEmpty { notes.append("withdrawn candidates are not written: their preferences were skipped when the file was read") }
            if usesCandidateColumns { notes.append("written with one column per candidate (rank numbers), since rank columns cannot hold \(hasEqualRanks ? "equal ranks" : "a candidate nobody ranked")") }
        }
        return notes
    }

    // MARK: BLT

    /// The ballots as BLT: one ballot line per line read, `(id)` before a line of one ballot
    /// with an id; withdrawn candidates on their line; the file's tie order as `[tie …]`.
    public func blt() throws(Unwritable) -> String {
        guard profile.regions.count <= 1 else {
            throw Unwritable(message: "\(ballots.path) holds \(profile.regions.count) regions, and a BLT file holds one: convert each region's file, or write CSV")
        }
        guard let seats = seats ?? profile.seats else {
            throw Unwritable(message: "a BLT file states the number of seats, and \(ballots.path) does not: give --seats N")
        }
        let texts = profile.candidates.flatMap { [$0.name] + ($0.affiliation.map { [$0] } ?? []) } + (profile.title.map { [$0] } ?? [])
        for text in texts where text.contains("\"") || text.contains(where: \.isNewline) {
            throw Unwritable(message: "BLT cannot hold '\(Excerpt.of(text))': it has a double quote or a line break; write CSV instead")
        }
        var text = "\(profile.candidates.count) \(seats)\n"
        if !profile.withdrawn.isEmpty { text += profile.withdrawn.map { "-\($0 + 1)" }.joined(separator: " ") + "\n" }
        if let order = profile.tieOrder { text += "[tie " + order.map { String($0 + 1) }.joined(separator: " ") + "]\n" }
        let rankings = profile.ballots
        for line in lines.lines {
            guard let ranking = line.ranking, line.weight > 0 else { continue }
            var preferences = ""
            for (offset, entry) in rankings[ranking].ranking.entries.enumerated() {
                preferences += (offset == 0 ? "" : entry.isEqualToPrevious ? "=" : " ") + String(entry.candidate + 1)
            }
            if let id = line.ballotID {
                guard line.weight == 1 else {
                    throw Unwritable(message: "line \(line.line) holds \(line.weight) ballots and the id '\(Excerpt.of(id))': a BLT ballot id marks a line of one ballot; write CSV, which keeps both")
                }
                guard !id.contains(")"), !id.contains(where: \.isNewline), !id.contains(where: \.isWhitespace) else {
                    throw Unwritable(message: "BLT cannot hold the ballot id '\(Excerpt.of(id))' (line \(line.line)): a BLT id has no spaces or ')'; write CSV instead")
                }
                text += "(\(id)) \(preferences) 0\n"
            } else {
                text += "\(line.weight) \(preferences) 0\n"
            }
        }
        text += "0\n"
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        for candidate in profile.candidates {
            text += quoted(candidate.name) + (candidate.affiliation.map { " " + quoted($0) } ?? "") + "\n"
        }
        if let title = profile.title { text += quoted(title) + "\n" }
        return text
    }

    // MARK: CSV

    private var hasEqualRanks: Bool { profile.ballots.contains { $0.ranking.entries.contains { $0.isEqualToPrevious } } }

    /// Standing candidates no ballot ranks: rank columns cannot name them.
    private var unranked: Bool {
        var ranked = Array(repeating: false, count: profile.candidates.count)
        for ballot in profile.ballots { for entry in ballot.ranking.entries { ranked[entry.candidate] = true } }
        let withdrawn = Set(profile.withdrawn)
        return profile.candidates.indices.contains { !ranked[$0] && !withdrawn.contains($0) }
    }

    private var usesCandidateColumns: Bool { hasEqualRanks || unranked }

    /// The ballots as CSV: `id` (when any line has one), `weight`, `region` (when the file has
    /// regions), then `rank1`…`rankK` naming candidates — or, when rank columns cannot hold the
    /// ballots (equal ranks, a candidate nobody ranked), one column per standing candidate
    /// holding rank numbers.
    public func csv() -> String {
        let withdrawn = Set(profile.withdrawn)
        let standing = profile.candidates.indices.filter { !withdrawn.contains($0) }
        let withIDs = lines.lines.contains { $0.ballotID != nil }
        let withRegions = !profile.regions.isEmpty
        let rankings = profile.ballots
        let longest = lines.lines.compactMap { $0.ranking.map { rankings[$0].ranking.entries.count } }.max() ?? 1
        let candidateColumns = usesCandidateColumns
        var header = (withIDs ? ["id"] : []) + ["weight"] + (withRegions ? ["region"] : [])
        header += candidateColumns ? standing.map { profile.candidates[$0].name } : (1...max(longest, 1)).map { "rank\($0)" }
        var writer = CSVWriter(header: header)
        for line in lines.lines {
            guard let ranking = line.ranking, line.weight > 0 else { continue }
            let ballot = rankings[ranking]
            var fields = (withIDs ? [line.ballotID ?? ""] : []) + [String(line.weight)]
            if withRegions { fields.append(ballot.region.map { profile.regions[$0] } ?? "") }
            if candidateColumns {
                var rank = Array(repeating: "", count: profile.candidates.count)
                var number = 0
                for entry in ballot.ranking.entries {
                    if !entry.isEqualToPrevious { number += 1 }
                    rank[entry.candidate] = String(number)
                }
                fields += standing.map { rank[$0] }
            } else {
                let names = ballot.ranking.entries.map { profile.candidates[$0.candidate].name }
                fields += names + Array(repeating: "", count: max(longest, 1) - names.count)
            }
            writer.append(fields)
        }
        return writer.text
    }
}
