import TallyCounting
import TallyModel

/// Renders block-vote margins: who would have needed how many more ballots, how few changed
/// ballots unseat each winner, and the margin of the whole result, each with the recount that
/// proves it.
public struct MarginsReport: ResultSheet {
    public let margins: BlockVoteMargins
    public let source: ReportSource
    /// The result's stability under resampling, when asked for (`--resample`).
    public var stability: StabilityReport?

    public init(margins: BlockVoteMargins, source: ReportSource) {
        self.margins = margins
        self.source = source
    }

    private var record: BlockVoteRecord { margins.record }

    /// What a recount changed against the count.
    func change(_ elected: [Int]) -> String { source.change(from: record.elected, to: elected) }

    /// Whether the recount with one ballot fewer leaves the candidate's result as it was, so that
    /// the figure is the fewest: "yes", or "NO" (which the search rules out; shown if it ever fails).
    private func fewest(_ margin: BlockVoteMargin) -> String {
        guard margin.ballots != nil, let before = margin.electedWithOneFewer else { return "" }
        let unchanged = margin.kind == .toElect ? !before.contains(margin.candidate) : before.contains(margin.candidate)
        return unchanged ? "yes" : "NO"
    }

    public func text() -> String {
        var output = TextWrap.lines("Margins, block vote: \(source.heading)", indent: "", hanging: 2)
        output += "Seats \(record.seats) · votes per ballot \(record.votesPerBallot) · over-votes \(record.overVotePolicy.rawValue)\n\n"
        output += TextWrap.lines("Elected: \(source.names(record.elected)).", indent: "", hanging: 2)
        if let overall = margins.overall, let ballots = overall.ballots {
            output += TextWrap.lines("Margin of the result: \(NumberFormatting.grouped(ballots)) ballot\(ballots == 1 ? "" : "s") changed (a mark moved from \(source.name(overall.candidate)) to \(overall.challenger.map(source.name) ?? "another")) would change who is elected.", indent: "", hanging: 2)
        }
        output += "\n" + TextWrap.lines("To elect each candidate not elected, the fewest ballots added, each marking only them:", indent: "", hanging: 2)
        var elect = TextTable(columns: [.init("Not elected"), .init("Votes", .right), .init("Added", .right), .init("Recount with them"), .init("Fewest")])
        for margin in margins.toElect {
            elect.append([source.name(margin.candidate), NumberFormatting.grouped(record.votes[margin.candidate]), margin.ballots.map(NumberFormatting.grouped) ?? "none found",
                          margin.ballots == nil ? "" : change(margin.electedWith), fewest(margin)])
        }
        output += elect.rendered() + "\n" + TextWrap.lines("To unseat each winner, the fewest ballots changed, each moving its mark for the winner to one challenger:", indent: "", hanging: 2)
        var unseat = TextTable(columns: [.init("Elected"), .init("Votes", .right), .init("Changed", .right), .init("Marks to"), .init("Recount with them"), .init("Fewest")])
        for margin in margins.toUnseat {
            unseat.append([source.name(margin.candidate), NumberFormatting.grouped(record.votes[margin.candidate]), margin.ballots.map(NumberFormatting.grouped) ?? "none found",
                           margin.challenger.map(source.name) ?? "", margin.ballots == nil ? "" : change(margin.electedWith), fewest(margin)])
        }
        output += unseat.rendered() + "\n"
        output += TextWrap.lines("Changed ballots are ballots whose marks are counted in full, that mark the winner and do not name the challenger. The recount with them shows who comes in (+) and goes out (−); \"fewest\" says the recount with one ballot fewer leaves the candidate's result as it was. Minimums and ties are applied in every recount as in the count (docs/margins.md).")
        if let stability { output += "\n" + stability.text() }
        return output
    }

    private func marginJSON(_ margin: BlockVoteMargin) -> JSONValue {
        .object([
            ("candidate", .string(source.name(margin.candidate))),
            ("votes", .integer(record.votes[margin.candidate])),
            ("kind", .string(margin.kind.rawValue)),
            ("ballots", margin.ballots.map { .integer($0) } ?? .null),
            ("challenger", margin.challenger.map { .string(source.name($0)) } ?? .null),
            ("elected_with", .array(margin.electedWith.map { .string(source.name($0)) })),
            ("elected_with_one_fewer", margin.electedWithOneFewer.map { .array($0.map { .string(source.name($0)) }) } ?? .null),
        ])
    }

    public func json() -> JSONValue {
        .object([
            ("method", .string("block")),
            ("file", .string(source.path)),
            ("seats", .integer(Int64(record.seats))),
            ("elected", .array(record.elected.map { .string(source.name($0)) })),
            ("margin_of_result", margins.overall.map(marginJSON) ?? .null),
            ("to_elect", .array(margins.toElect.map(marginJSON))),
            ("to_unseat", .array(margins.toUnseat.map(marginJSON))),
            ("stability", stability?.json() ?? .null),
        ])
    }

    /// One row per candidate.
    public func csv() -> String {
        var writer = CSVWriter(header: ["candidate", "votes", "kind", "ballots", "challenger"])
        for margin in margins.toUnseat + margins.toElect {
            writer.append([source.name(margin.candidate), String(record.votes[margin.candidate]), margin.kind.rawValue, margin.ballots.map(String.init) ?? "", margin.challenger.map(source.name) ?? ""])
        }
        return writer.text
    }

}
