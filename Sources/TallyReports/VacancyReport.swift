import TallyCounting
import TallyElection
import TallyModel

/// Renders a casual vacancy (docs/vacancies.md): who leaves and who stays, the rule and its
/// source, who fills the places and why, and the count that filled them.
public struct VacancyReport: ResultSheet {
    public let outcome: VacancyOutcome
    public let source: ReportSource
    /// The declaration and whether the seed was chosen.
    public var options = ReportOptions()

    public init(outcome: VacancyOutcome) {
        self.outcome = outcome
        source = ReportSource(outcome.ballots)
    }

    /// The recount's own source: the vacating members withdrawn, those who stay marked.
    var recountSource: ReportSource { ReportSource(outcome.recountBallots) }

    var places: String { outcome.places == 1 ? "1 vacancy" : "\(outcome.places) vacancies" }

    /// The count as it was, in a phrase: "block vote, 3 seats" or "STV (ERS97), 9 seats".
    var countPhrase: String {
        switch outcome.count {
        case let .block(record): "block vote, \(record.seats) seats"
        case let .stv(record): "STV (\(record.rule.name)), \(record.seats) seats"
        }
    }

    /// Each vacating member, in a sentence.
    func vacatingSentence(_ member: VacancyOutcome.Vacating) -> String {
        guard let candidate = member.candidate else {
            return "\(ReportSource.printable(member.name)) did not stand in this count: a member elected elsewhere, whose seat is filled from this count's candidates not elected (this count's minimums bind only its own seats)."
        }
        let place: String
        switch outcome.count {
        case let .block(record): place = record.placing.firstIndex(of: candidate).map { " (placed \(ordinal($0 + 1)))" } ?? ""
        case let .stv(record): place = record.elected.firstIndex(of: candidate).map { " (\(ordinal($0 + 1)) elected)" } ?? ""
        }
        return "\(source.name(candidate)) was elected in this count\(place)" + (member.electedForMinimum.map { ": \($0)." } ?? ".")
    }

    var isBlock: Bool { if case .block = outcome.count { true } else { false } }

    /// Each new member, with the figure that placed or elected them.
    func filledSentence(_ candidate: Int) -> String {
        switch (outcome.count, outcome.recount) {
        case let (.block(record), _):
            let place = (record.placing.firstIndex(of: candidate) ?? 0) + 1
            return "\(source.name(candidate)): placed \(ordinal(place)) in the count, \(NumberFormatting.grouped(record.votes[candidate])) votes."
        case let (_, .stv(recount)):
            let stage = recount.stages.first { $0.elected.contains(candidate) }
            return "\(source.name(candidate)): elected at stage \(stage?.label ?? "?") of the recount" + (stage.map { ", \(NumberFormatting.grouped($0.votes[candidate])) votes (quota \(NumberFormatting.grouped($0.quota)))." } ?? ".")
        default:
            return source.name(candidate) + "."
        }
    }

    /// What each minimum needed of the new members, in sentences.
    var needSentences: [String] {
        outcome.needs.map { need in
            var sentence = "\(need.minimum): \(need.sitting) among the members who stay"
            sentence += need.needed > 0 ? "; the new members must include \(need.needed)." : "."
            if need.unmet > 0 {
                sentence += " The minimum stays \(need.unmet) short: too few candidates of the category are left to fill \(need.unmet == 1 ? "it" : "them")."
            }
            if !need.passedOver.isEmpty {
                sentence += " Passed over for it, though placed higher: \(source.names(need.passedOver))."
            }
            return sentence
        }
    }

    func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][number % 10]
        return "\(number)\(suffix)"
    }

    /// Each candidate of the count, with their part in the vacancy, in the count's order.
    var statusRows: [(candidate: Int, before: String, after: String)] {
        let order: [Int]
        switch outcome.count {
        case let .block(record): order = record.placing
        case let .stv(record):
            // The elected in order of election, then the others by first preferences.
            let first = record.stages.first?.votes.units ?? []
            let others = source.profile.candidates.indices.filter { !record.elected.contains($0) && !source.profile.withdrawn.contains($0) }
            order = record.elected + others.sorted { (first.isEmpty ? 0 : -first[$0], $0) < (first.isEmpty ? 0 : -first[$1], $1) }
        }
        let leaving = Set(outcome.vacating.compactMap(\.candidate))
        return order.map { candidate in
            let before = outcome.count.elected.contains(candidate) ? "elected" : "not elected"
            let after = leaving.contains(candidate) ? "leaves" : outcome.sitting.contains(candidate) ? "stays" : outcome.filledBy.contains(candidate) ? "fills a vacancy" : ""
            return (candidate, before, after)
        }
    }

    // MARK: Text

    public func text() -> String {
        var output = TextWrap.lines("Casual vacancy: \(source.heading)", indent: "", hanging: 2)
        output += TextWrap.lines("The count: \(countPhrase); elected: \(source.names(outcome.count.elected)).", indent: "", hanging: 2)
        output += TextWrap.lines("Rule (\(outcome.rule.clause)): \(outcome.rule.text)", indent: "", hanging: 2) + "\n"
        output += "Leaving (\(places)):\n"
        for member in outcome.vacating { output += TextWrap.lines("- " + vacatingSentence(member), indent: "  ", hanging: 2) }
        output += TextWrap.lines("Staying: " + (outcome.sitting.isEmpty ? "none" : source.names(outcome.sitting)) + ".", indent: "", hanging: 2)
        for sentence in needSentences { output += TextWrap.lines("Minimum " + sentence, indent: "", hanging: 2) }
        output += "\nFilled by:\n"
        for candidate in outcome.filledBy { output += TextWrap.lines("- " + filledSentence(candidate), indent: "  ", hanging: 2) }
        output += "\n"
        var table = TextTable(columns: [.init("Candidate"), .init(isBlock ? "Votes" : "First prefs", .right), .init("In the count"), .init("Now")])
        for row in statusRows {
            table.append([source.name(row.candidate), votes(row.candidate), row.before, row.after])
        }
        output += table.rendered()
        if case let .stv(recount) = outcome.recount {
            var report = STVReport(record: recount, source: recountSource)
            report.options = options
            output += "\n" + TextWrap.lines("The recount (\(outcome.rule.clause)): the vacating members withdrawn; the members who stay form the category 'sitting', and its minimum keeps them from exclusion (guard and doom) until the new members are elected.", indent: "", hanging: 0)
            output += "\n" + report.text()
        }
        return output
    }

    /// A candidate's votes in the count (block vote) or first preferences (STV).
    func votes(_ candidate: Int) -> String {
        switch outcome.count {
        case let .block(record): NumberFormatting.grouped(record.votes[candidate])
        case let .stv(record): record.stages.first.map { NumberFormatting.grouped($0.votes[candidate]) } ?? ""
        }
    }

    // MARK: JSON and CSV

    public func json() -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(source.path)),
            ("method", .string(isBlock ? "block" : "stv")),
            ("rule", .object([("clause", .string(outcome.rule.clause)), ("text", .string(outcome.rule.text))])),
            ("elected_in_count", .array(outcome.count.elected.map { .string(source.name($0)) })),
            ("vacating", .array(outcome.vacating.map { member in
                .object([
                    ("name", .string(member.candidate.map(source.name) ?? member.name)),
                    ("in_count", .bool(member.candidate != nil)),
                    ("elected_for_minimum", .optional(member.electedForMinimum)),
                ])
            })),
            ("sitting", .array(outcome.sitting.map { .string(source.name($0)) })),
            ("filled_by", .array(outcome.filledBy.map { .string(source.name($0)) })),
            ("minimum_needs", .array(outcome.needs.map { need in
                .object([
                    ("category", .string(need.minimum.category)), ("at_least", .integer(Int64(need.minimum.count))),
                    ("sitting", .integer(Int64(need.sitting))), ("needed", .integer(Int64(need.needed))), ("unmet", .integer(Int64(need.unmet))),
                    ("passed_over", .array(need.passedOver.map { .string(source.name($0)) })),
                ])
            })),
            ("candidates", .array(statusRows.map { row in
                .object([("name", .string(source.name(row.candidate))), ("in_count", .string(row.before)), ("now", .string(row.after))])
            })),
        ]
        switch (outcome.count, outcome.recount) {
        case let (.block(record), _):
            fields.append(("count", BlockVoteReport(record: record, source: source).json()))
        case let (.stv(record), .stv(recount)):
            fields.append(("count", STVReport(record: record, source: source).json()))
            fields.append(("recount", STVReport(record: recount, source: recountSource).json()))
        default:
            break
        }
        return .object(fields)
    }

    public func csv() -> String {
        var writer = CSVWriter(header: ["candidate", "in_count", "now"])
        for row in statusRows { writer.append([source.name(row.candidate), row.before, row.after]) }
        return writer.text
    }
}
