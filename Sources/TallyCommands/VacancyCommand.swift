import TallyCounting
import TallyElection
import TallyModel
import TallyReports

/// `tally vacancy FILE --vacate NAME`: fill a casual vacancy from a count's ballots.
enum VacancyCommand {
    static let spec = CommandSpec(
        name: "vacancy",
        abstract: "Fill a casual vacancy from the ballots of the election: block vote by the count's placing, STV by ERS97 7.1's recount (docs/vacancies.md).",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            .repeatable("--vacate", value: "name", help: "A member who leaves: a candidate elected in this count, or a member elected elsewhere who did not stand in it (their seat is filled from this count's candidates not elected). Give it once for each vacancy."),
            OptionSpec("--contest", value: "file", help: "Take the ballots, seats, method and minimums from a contest file (docs/contest-files.md)."),
            OptionSpec("--section", value: "name", help: "With --contest: the section the vacancy is in (needed only when the contest has several and the member's section cannot be told from the candidates)."),
        ] + CountOptions.specs(defaultMethod: .stv) + ReportOutput.specs(declaration: true) + BallotFileOptions.specs,
        discussion: """
        Exits 0 after the vacancies are filled, 64 for a usage error (a member named who was not elected in the count), \
        65 when the file is malformed or cannot be counted as asked, 66 when it cannot be read, 70 on an internal error.
        """,
        argumentsOptionalWith: "--contest"
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandRun.catching(spec) {
            let vacating = arguments.values("--vacate")
            guard !vacating.isEmpty else { throw UsageError(command: spec, message: "name the member who leaves with --vacate NAME (once for each vacancy)") }
            let outcome: VacancyOutcome
            var declaration = Declaration()
            if let contest = arguments.value("--contest") {
                guard arguments.positionals.isEmpty else {
                    throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out <file>")
                }
                for option in CountOptions.contestGives where arguments.value(option) != nil {
                    throw UsageError(command: spec, message: "\(option) comes from the contest file with --contest")
                }
                let plan = try ContestPlan.load(path: contest)
                declaration = plan.declaration
                let sections = try plan.prepare(reading: BallotFileOptions.loader(arguments))
                let section = try self.section(of: sections, named: arguments.value("--section"), vacating: vacating, file: contest)
                // The report is headed by the contest's title (and the section's name, if several).
                var profile = section.ballots.profile
                profile.title = profile.title ?? (sections.count == 1 ? plan.title : "\(plan.title): \(section.plan.name)")
                let ballots = PreparedBallots(path: section.ballots.path, format: section.ballots.format, region: section.ballots.region, profile: profile)
                outcome = try Election.vacancy(
                    ballots, seats: section.plan.seats, method: section.plan.method, minimums: section.plan.minimums,
                    ties: TieBreaker(explicitOrder: profile.tieOrder, seed: try BallotFileOptions.seed(arguments)),
                    vacating: vacating, context: "\(contest): section \"\(Excerpt.of(section.plan.name))\""
                )
            } else {
                if arguments.value("--section") != nil { throw UsageError(command: spec, message: "--section is for --contest") }
                outcome = try Election.vacancy(CountOptions.request(arguments, spec: spec, defaultMethod: .stv), vacating: vacating)
            }
            var report = VacancyReport(outcome: outcome)
            report.options = ReportOutput.options(arguments, declaration: declaration)
            let ties: [TieDecision] = switch outcome.recount {
            case let .stv(record): record.ties
            case .block: []
            }
            return try ReportOutput.deliver(report, arguments, ties: ties, seed: try BallotFileOptions.seed(arguments))
        }
    }

    /// The section the vacancy is in: the one named, the only one, or the one where a vacating
    /// member stood.
    static func section(of sections: [PreparedSection], named name: String?, vacating: [String], file: String) throws -> PreparedSection {
        if let name {
            guard let section = sections.first(where: { Candidate.matchingKey(for: $0.plan.name) == Candidate.matchingKey(for: name) }) else {
                throw UsageError(command: spec, message: "\(file) has no section '\(Excerpt.of(name))'; its sections are: \(Excerpt.list(sections.map(\.plan.name)))")
            }
            return section
        }
        if sections.count == 1 { return sections[0] }
        let standing = sections.filter { section in vacating.contains { section.ballots.profile.candidateIndex(named: $0) != nil } }
        guard standing.count == 1 else {
            throw UsageError(command: spec, message: "\(file) has several sections; say which the vacancy is in with --section (one of: \(Excerpt.list(sections.map(\.plan.name))))")
        }
        return standing[0]
    }
}
