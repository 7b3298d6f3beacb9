import TallyCounting
import TallyElection
import TallyModel

/// The options that describe one count of a ballot file — method, rule, seats, block-vote marks,
/// region, categories, minimums, ties — shared by `count`, `margins` and `vacancy`, and the
/// request they make.
enum CountOptions {
    static func specs(defaultMethod: CountingMethod, methodHelp: String = "Counting method.") -> [OptionSpec] {
        [
            .choice("--method", value: "method", help: methodHelp, CountingMethod.self, default: defaultMethod),
            .choice("--rule", value: "rule", help: "STV rule (docs/rules/).", STVRule.self, default: .ers97),
            OptionSpec("--seats", value: "n", help: "Number of seats to fill. Taken from the BLT header when not given."),
            OptionSpec("--votes-per-ballot", value: "k", help: "Block vote: marks each ballot may make (default: the number of seats)."),
            .choice("--over-votes", value: "policy", help: "Block vote: what happens to a ballot with more marks than votes: void it, or count the ranks that fit in k (docs/rules/block-vote.md).", OverVotePolicy.self, default: .void),
            OptionSpec("--region", value: "name", help: "Count only the ballots of this region (files with a region column)."),
            OptionSpec("--candidates", value: "file", help: "CSV of candidates' categories and slates: name, one yes/no column per category (woman, bame, …), slate (docs/formats.md)."),
            OptionSpec("--min", value: "rules", help: "Minimum representation, e.g. woman=3 or woman=5,bame=2: at least that many of the seats for candidates in each category (needs --candidates). Block vote: displacement; STV: guard and doom (docs/rules/minimums.md)."),
            OptionSpec("--seed", value: "n", help: "Seed of the draw that breaks ties nothing else decides (docs/ties.md).", default: String(TieBreaker.defaultSeed)),
            OptionSpec("--tie-order", value: "names", help: "Break ties by this order instead of a draw: candidate names, most favoured first, separated by commas (to replay an official lot)."),
        ]
    }

    /// Options a contest file gives instead, refused with `--contest`.
    static let contestGives = ["--seats", "--min", "--candidates", "--region", "--tie-order", "--method", "--rule", "--votes-per-ballot", "--over-votes"]

    /// The count the options ask for, checked before any file is read.
    static func request(_ arguments: ParsedArguments, spec: CommandSpec, defaultMethod: CountingMethod) throws -> CountRequest {
        let method: CountMethod
        switch arguments.choice("--method", as: CountingMethod.self) ?? defaultMethod {
        case .block:
            if arguments.value("--rule") != nil { throw UsageError(command: spec, message: "--rule is for --method stv") }
            method = .block(
                votesPerBallot: try arguments.integer("--votes-per-ballot", in: 1...Preference.maximumCandidates, spec: spec),
                overVotes: arguments.choice("--over-votes", as: OverVotePolicy.self) ?? .void
            )
        case .stv:
            for option in ["--votes-per-ballot", "--over-votes"] where arguments.value(option) != nil {
                throw UsageError(command: spec, message: "\(option) is for --method block")
            }
            method = .stv(arguments.choice("--rule", as: STVRule.self) ?? .ers97)
        }
        let ballots = try BallotSelection(
            path: arguments.positionals[0], reading: BallotFileOptions.loader(arguments), region: arguments.value("--region"),
            attributes: arguments.value("--candidates"), minimums: BallotFileOptions.minimums(arguments)
        )
        return try CountRequest(
            ballots: ballots, method: method, seats: arguments.integer("--seats", in: 1...Preference.maximumCandidates, spec: spec),
            ties: BallotFileOptions.ties(arguments)
        )
    }
}
