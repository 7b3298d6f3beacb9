import TallyCounting
import TallyModel

/// Renders a block-vote record as a result sheet (text), a full JSON document, or CSV rows.
public struct BlockVoteReport: ResultSheet {
    public let record: BlockVoteRecord
    public let source: ReportSource
    /// The declaration and whether the seed was chosen.
    public var options = ReportOptions()

    public init(record: BlockVoteRecord, source: ReportSource) {
        self.record = record
        self.source = source
    }

    private var profile: BallotProfile { source.profile }

    func isElected(_ candidate: Int) -> Bool { record.elected.contains(candidate) }

    func isDisplaced(_ candidate: Int) -> Bool { record.displacements.contains { $0.replaced == candidate } }

    func status(_ candidate: Int, placing: Int?) -> String {
        if placing == nil { return "withdrawn" }
        if isElected(candidate) { return record.displacements.contains { $0.by == candidate } ? "elected to meet a minimum" : "elected" }
        return isDisplaced(candidate) ? "displaced" : "not elected"
    }

    var rows: [(candidate: Int, placing: Int?)] {
        let placed = record.placing.enumerated().map { (candidate: $0.element, placing: Optional($0.offset + 1)) }
        return placed + profile.withdrawn.map { (candidate: $0, placing: nil) }
    }

    public func text() -> String {
        var output = TextWrap.lines("Block vote: \(source.heading)", indent: "", hanging: 2)
        output += "Seats \(record.seats) · votes per ballot \(record.votesPerBallot) · over-votes \(record.overVotePolicy.rawValue)\n\n"
        var table = TextTable(columns: [
            .init("", .right), .init("Candidate"), .init("Votes", .right), .init("Share of ballots", .right), .init("Result"),
        ])
        for (candidate, placing) in rows {
            let result = switch status(candidate, placing: placing) {
            case "elected": "Elected"
            case "elected to meet a minimum": "Elected (minimum)"
            case "displaced": "Displaced"
            case "withdrawn": "withdrawn"
            default: ""
            }
            table.append([
                placing.map(String.init) ?? "–",
                profile.candidates[candidate].name + (profile.candidates[candidate].affiliation.map { " (\($0))" } ?? ""),
                NumberFormatting.grouped(record.votes[candidate]),
                NumberFormatting.percentage(record.votes[candidate], of: record.countedBallots) + "%",
                result,
            ])
        }
        output += table.rendered()
        output += "\n" + TextWrap.lines("Elected: \(source.names(record.elected))")
        if !record.minimums.isEmpty {
            let tallies = record.minimums.map { minimum in
                "\(minimum) — \(record.elected.filter { source.profile.candidates[$0].categories.contains(minimum.category) }.count) elected"
            }
            output += TextWrap.lines("Minimums: " + tallies.joined(separator: "; ") + ".")
            if record.displacements.contains(where: { !$0.byExchange }) {
                output += TextWrap.lines("No single exchange could meet the minimums together, so the seats were filled in placing order, each candidate taken only if every minimum could still be met (docs/rules/minimums.md).")
            }
            for displacement in record.displacements { output += TextWrap.lines(sentence(displacement)) }
            if record.displacements.isEmpty { output += TextWrap.lines("The candidates elected on votes already meet every minimum.") }
        }
        output += "\n"

        var ballots = TextTable(columns: [.init("Ballots"), .init("Number", .right), .init("Where")])
        ballots.append(["read", NumberFormatting.grouped(record.ballotsRead), ""])
        ballots.append(["invalid when read (see below)", NumberFormatting.grouped(record.invalidAtReading), ""])
        let overVoteWhere = NumberFormatting.lines(record.overVotes.firstLines, total: record.overVotes.firstLines.count)
        ballots.append(["void: over-vote (marks do not fit in \(record.votesPerBallot))", NumberFormatting.grouped(record.overVotes.ballots), overVoteWhere])
        if record.overVotePolicy == .countFirst {
            let partlyWhere = NumberFormatting.lines(record.partlyCounted.firstLines, total: record.partlyCounted.firstLines.count)
            ballots.append(["over-vote, the marks that fit in \(record.votesPerBallot) counted", NumberFormatting.grouped(record.partlyCounted.ballots), partlyWhere])
        }
        ballots.append(["valid (counted)", NumberFormatting.grouped(record.countedBallots), ""])
        ballots.append(["votes (marks) counted", NumberFormatting.grouped(record.marks), ""])
        output += ballots.rendered() + "\n"
        output += TextWrap.tail(
            irregularities: IrregularitySection.text(profile.irregularities),
            ties: record.ties.map { TieSection.sentence($0, source: source) }, seed: record.seed,
            warning: options.lotWarning(record.ties, seed: record.seed)
        )
        return output
    }

    /// A displacement in plain words.
    func sentence(_ displacement: Displacement) -> String {
        let why = displacement.byExchange
            ? ", the lowest-placed winner outside the category: \(displacement.minimum) (displacement, counting-rules §5)."
            : " (\(displacement.minimum))."
        return "\(source.name(displacement.by)) is elected in place of \(source.name(displacement.replaced))" + why
    }

    public func json() -> JSONValue {
        let header: [(String, JSONValue)] = [
            ("method", .string("block")),
            ("title", .optional(profile.title)),
            ("file", .string(source.path)),
            ("format", .string(source.format.rawValue)),
            ("region", .optional(source.region)),
            ("seats", .integer(Int64(record.seats))),
            ("votes_per_ballot", .integer(Int64(record.votesPerBallot))),
            ("over_votes", .string(record.overVotePolicy.rawValue)),
        ]
        let candidates: [JSONValue] = rows.map { candidateJSON($0.candidate, placing: $0.placing) }
        let body: [(String, JSONValue)] = [
            ("candidates", .array(candidates)),
            ("elected", .array(record.elected.map { .string(source.name($0)) })),
            ("ballots", ballotsJSON()),
            ("irregularities", IrregularitySection.json(profile.irregularities)),
            ("minimums", .array(record.minimums.map { .object([("category", .string($0.category)), ("at_least", .integer(Int64($0.count)))]) })),
            ("displacements", .array(record.displacements.map { displacement in
                .object([
                    ("replaced", .string(source.name(displacement.replaced))),
                    ("by", .string(source.name(displacement.by))),
                    ("category", .string(displacement.minimum.category)),
                    ("at_least", .integer(Int64(displacement.minimum.count))),
                    ("method", .string(displacement.byExchange ? "exchange" : "placing-order")),
                ])
            })),
            ("ties", .array(record.ties.map { TieSection.json($0, source: source) })),
            ("seed", .string(String(record.seed))),
        ]
        return .object(header + body)
    }

    private func candidateJSON(_ candidate: Int, placing: Int?) -> JSONValue {
        let status = status(candidate, placing: placing)
        let share = NumberFormatting.percentage(record.votes[candidate], of: record.countedBallots)
        return .object([
            ("number", .integer(Int64(candidate + 1))),
            ("name", .string(profile.candidates[candidate].name)),
            ("affiliation", .optional(profile.candidates[candidate].affiliation)),
            ("votes", .integer(record.votes[candidate])),
            ("share_of_ballots", .decimal(share)),
            ("placing", placing.map { .integer(Int64($0)) } ?? .null),
            ("status", .string(status)),
        ])
    }

    private func ballotsJSON() -> JSONValue {
        let overVoteLines: [JSONValue] = record.overVotes.firstLines.map { .integer(Int64($0)) }
        return .object([
            ("read", .integer(record.ballotsRead)),
            ("invalid_when_read", .integer(record.invalidAtReading)),
            ("void_over_vote", .integer(record.overVotes.ballots)),
            ("void_over_vote_first_lines", .array(overVoteLines)),
            ("over_vote_partly_counted", .integer(record.partlyCounted.ballots)),
            ("over_vote_partly_counted_first_lines", .array(record.partlyCounted.firstLines.map { .integer(Int64($0)) })),
            ("counted", .integer(record.countedBallots)),
            ("marks", .integer(record.marks)),
        ])
    }

    /// One row per candidate.
    public func csv() -> String {
        var writer = CSVWriter(header: ["placing", "number", "candidate", "affiliation", "votes", "share_of_ballots", "status"])
        for (candidate, placing) in rows {
            writer.append([
                placing.map(String.init) ?? "",
                String(candidate + 1),
                profile.candidates[candidate].name,
                profile.candidates[candidate].affiliation ?? "",
                String(record.votes[candidate]),
                NumberFormatting.percentage(record.votes[candidate], of: record.countedBallots),
                status(candidate, placing: placing),
            ])
        }
        return writer.text
    }
}
