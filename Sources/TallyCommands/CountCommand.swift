import TallyArithmetic
import TallyBallotFiles
import TallyCounting
import TallyModel
import TallyReports

/// `tally count FILE`: count a ballot file and print the result.
enum CountCommand {
    static let spec = CommandSpec(
        name: "count",
        abstract: "Count a ballot file and print the result sheet: STV (ERS97, Scottish or Meek rules) or block vote.",
        arguments: [("file", "A ballot file: BLT or CSV (docs/formats.md).")],
        options: [
            OptionSpec("--contest", value: "file", help: "Count a whole contest described in a JSON file: its sections or regions, seats, methods, minimums and candidates (docs/contest-files.md), with a combined summary."),
            .choice("--method", value: "method", help: "Counting method.", CountingMethod.self, default: .stv),
            .choice("--rule", value: "rule", help: "STV rule (docs/rules/).", STVRule.self, default: .ers97),
            OptionSpec("--seats", value: "n", help: "Number of seats to fill. Taken from the BLT header when not given."),
            OptionSpec("--votes-per-ballot", value: "k", help: "Block vote: marks each ballot may make (default: the number of seats)."),
            .choice("--over-votes", value: "policy", help: "Block vote: what happens to a ballot with more marks than votes: void it, or count the ranks that fit in k (docs/rules/block-vote.md).", OverVotePolicy.self, default: .void),
            OptionSpec("--region", value: "name", help: "Count only the ballots of this region (files with a region column)."),
            OptionSpec("--candidates", value: "file", help: "CSV of candidates' categories and slates: name, one yes/no column per category (woman, bame, …), slate (docs/formats.md)."),
            OptionSpec("--min", value: "rules", help: "Minimum representation, e.g. woman=3 or woman=5,bame=2: at least that many of the seats for candidates in each category (needs --candidates). Block vote: displacement; STV: guard and doom (docs/rules/minimums.md)."),
            OptionSpec("--seed", value: "n", help: "Seed of the draw that breaks ties nothing else decides (docs/ties.md).", default: String(TieBreaker.defaultSeed)),
            OptionSpec("--tie-order", value: "names", help: "Break ties by this order instead of a draw: candidate names, most favoured first, separated by commas (to replay an official lot)."),
            .choice("--format", value: "format", help: "Output format.", OutputFormat.self, default: .text),
        ] + BallotFileOptions.specs,
        discussion: """
        Exits 0 after a count, 64 for a usage error, 65 when the file is malformed or cannot be counted as asked, \
        66 when it cannot be read.
        """,
        argumentsOptionalWith: "--contest"
    )

    static func run(_ arguments: ParsedArguments) -> CommandOutcome {
        CommandFailure.catching { try count(arguments) }
    }

    private static func count(_ arguments: ParsedArguments) throws -> CommandOutcome {
        if let contest = arguments.value("--contest") {
            guard arguments.positionals.isEmpty else {
                throw UsageError(command: spec, message: "with --contest the ballot files come from the contest file; leave out <file>")
            }
            for option in ["--seats", "--min", "--candidates", "--region", "--tie-order", "--method", "--rule", "--votes-per-ballot", "--over-votes"] where arguments.value(option) != nil {
                throw UsageError(command: spec, message: "\(option) comes from the contest file with --contest")
            }
            return try ContestRunner.run(contest, arguments: arguments, spec: spec)
        }
        let path = arguments.positionals[0]
        try BallotFileOptions.check(arguments, spec: spec)
        let loaded = try BallotFileOptions.load(path, arguments).get()
        try BallotFileOptions.checkFormat(loaded, arguments, spec: spec)
        let minimums = try MinimumList.parse(arguments.value("--min"), spec: spec)
        var (profile, region) = try selectRegion(loaded.profile, arguments.value("--region"), path: path)
        if let attributes = arguments.value("--candidates") {
            profile = try BallotFileOptions.applyAttributes(attributes, to: profile)
        } else if !minimums.isEmpty {
            throw UsageError(command: spec, message: "--min needs the candidates' categories: give --candidates FILE")
        }
        let known = Set(profile.candidates.flatMap(\.categories))
        for minimum in minimums where !known.contains(minimum.category) {
            let list = known.sorted().joined(separator: ", ")
            throw UsageError(command: spec, message: "no candidate has the category '\(minimum.category)' in --min; the categories in \(arguments.value("--candidates") ?? "the candidates file") are: \(list.isEmpty ? "none" : list)")
        }
        let source = ReportSource(path: loaded.path, format: loaded.format, profile: profile, region: region)

        guard let seats = try arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec) ?? profile.seats else {
            throw UsageError(command: spec, message: "\(path) does not state the number of seats; give --seats N")
        }
        let votesPerBallot = try arguments.integer("--votes-per-ballot", in: 1...Preference.maximumCandidates, spec: spec)
        let ties = try tieBreaker(arguments, profile: profile)
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text

        let method = arguments.choice("--method", as: CountingMethod.self) ?? .stv
        do {
            switch method {
            case .block:
                if arguments.value("--rule") != nil {
                    throw UsageError(command: spec, message: "--rule is for --method stv")
                }
                let policy = arguments.choice("--over-votes", as: OverVotePolicy.self) ?? .void
                let record = try BlockVote(seats: seats, votesPerBallot: votesPerBallot, overVotes: policy, minimums: minimums).count(profile, ties: ties)
                let report = BlockVoteReport(record: record, source: source)
                return CommandOutcome(standardOutput: format.render(report))
            case .stv:
                for option in ["--votes-per-ballot", "--over-votes"] where arguments.value(option) != nil {
                    throw UsageError(command: spec, message: "\(option) is for --method block")
                }
                let rule = arguments.choice("--rule", as: STVRule.self) ?? .ers97
                let record = try STV(rule: rule, seats: seats, minimums: minimums).count(profile, ties: ties)
                let report = STVReport(record: record, source: source)
                return CommandOutcome(standardOutput: format.render(report))
            }
        } catch let error as CountError {
            // Too many seats asked for on the command line is a usage error; the rest is the data's.
            let seatsAskedFor: Bool = switch error {
            case .noSeats, .moreSeatsThanCandidates: arguments.value("--seats") != nil
            default: false
            }
            throw CommandFailure("\(path): cannot count: \(error)", seatsAskedFor ? .usage : .dataError)
        } catch let tie as UnresolvedTie {
            let names = tie.candidates.map { profile.candidates[$0].name }.joined(separator: ", ")
            let source = arguments.value("--tie-order") != nil ? "--tie-order" : "the file's [tie] option"
            throw CommandFailure("\(path): a tie for \(tie.question) between \(names) is not decided by the order in \(source); name all of them in --tie-order, or leave out --tie-order to use the seeded draw", .dataError)
        } catch let overflow as ArithmeticOverflow {
            throw CommandFailure("\(path): cannot count: \(overflow)", .dataError)
        }
    }

    private static func selectRegion(_ profile: BallotProfile, _ name: String?, path: String) throws -> (BallotProfile, String?) {
        if profile.regions.isEmpty {
            guard name == nil else { throw UsageError(command: spec, message: "\(path) has no region column; leave out --region") }
            return (profile, nil)
        }
        let list = profile.regions.joined(separator: ", ")
        guard let name else {
            throw UsageError(command: spec, message: "\(path) holds ballots from \(profile.regions.count) region(s) (\(list)); count one with --region NAME")
        }
        guard let index = profile.regionIndex(named: name) else {
            throw UsageError(command: spec, message: "no region '\(name)' in \(path); its regions are: \(list)")
        }
        return (profile.restricted(toRegion: index), profile.regions[index])
    }

    private static func tieBreaker(_ arguments: ParsedArguments, profile: BallotProfile) throws -> TieBreaker {
        let seed = try BallotFileOptions.seed(arguments, spec: spec)
        var order = profile.tieOrder
        if let text = arguments.value("--tie-order") {
            let names = try TieOrderList.names(in: text, spec: spec)
            order = try names.map { name in
                guard let index = profile.candidateIndex(named: name) else {
                    let names = profile.candidates.map { TieOrderList.quotedIfNeeded($0.name) }.joined(separator: ", ")
                    throw UsageError(command: spec, message: "--tie-order names '\(name)', who is not a candidate; the candidates are: \(names)")
                }
                return index
            }
            guard Set(order!).count == order!.count else {
                throw UsageError(command: spec, message: "--tie-order names a candidate twice")
            }
        }
        return TieBreaker(explicitOrder: order, seed: seed)
    }
}
