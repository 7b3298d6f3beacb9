import Foundation
import TallyBallotFiles
import TallyCounting
import TallyModel
import TallyReports

/// `tally count --contest FILE`: each section or region counted by its own method and minimums,
/// then a combined summary.
enum ContestRunner {
    static func run(_ path: String, arguments: ParsedArguments, spec: CommandSpec) throws -> CommandOutcome {
        let (contest, prepared) = try prepare(path, arguments: arguments)
        let seed = try BallotFileOptions.seed(arguments, spec: spec)
        var sections: [ContestSummary.Section] = []
        for section in prepared {
            let ties = TieBreaker(explicitOrder: section.source.profile.tieOrder, seed: seed)
            let seats = section.description.seats
            do {
                let result: ContestSummary.Result
                if section.description.method == "block" {
                    result = .block(try BlockVote(seats: seats, votesPerBallot: section.description.votesPerBallot, minimums: section.minimums).count(section.source.profile, ties: ties))
                } else {
                    result = .stv(try STV(rule: section.rule, seats: seats, minimums: section.minimums).count(section.source.profile, ties: ties))
                }
                sections.append(ContestSummary.Section(name: section.description.name, seats: seats, minimums: section.minimums, source: section.source, result: result))
            } catch {
                throw CommandFailure.counting(error, "\(path): section \"\(section.description.name)\"")
            }
        }
        let summary = ContestSummary(
            title: contest.title, file: path, sources: contest.sources ?? [], assumptions: contest.assumptions ?? [],
            sections: sections, overallMinimums: overallMinimums(contest), seed: seed
        )
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        return CommandOutcome(standardOutput: format.render(summary))
    }

    /// The contest's overall minimums, in alphabetical order of category.
    static func overallMinimums(_ contest: ContestDescription) -> [Minimum] {
        (contest.overallMinimums ?? [:]).sorted { $0.key < $1.key }.map { Minimum(category: $0.key, count: $0.value) }
    }

    /// One section of a contest, ready to count: its ballots (only its own candidates standing),
    /// minimums and STV rule.
    struct PreparedSection {
        let description: ContestDescription.Section
        let source: ReportSource
        let minimums: [Minimum]
        let rule: STVRule
    }

    /// Reads a contest file and every section's ballots (docs/contest-files.md), and checks that
    /// each candidate stands in one section only.
    static func prepare(_ path: String, arguments: ParsedArguments) throws -> (ContestDescription, [PreparedSection]) {
        let contest: ContestDescription
        do {
            contest = try ContestDescription.load(path: path)
        } catch let error as BallotFileError {
            throw CommandFailure(error)
        }
        // Paths in the contest file are relative to it; kept relative when it was given so.
        let directory = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        func resolve(_ file: String) -> String { file.hasPrefix("/") ? file : directory + file }

        let attributes: CandidateAttributes? = try {
            if let file = contest.candidatesFile { return try CandidateAttributes.load(path: resolve(file)) }
            guard let entries = contest.candidates else { return nil }
            return CandidateAttributes(file: path, entries: entries.map {
                CandidateAttributes.Entry(name: $0.name, categories: Set(($0.categories ?? []).map(Candidate.matchingKey)), slate: $0.slate, line: 0)
            })
        }()

        var shared: BallotFileLoader.Loaded?
        var sections: [PreparedSection] = []
        for section in contest.sections {
            let loaded: BallotFileLoader.Loaded
            var profile: BallotProfile
            var region: String?
            if let file = section.ballots {
                loaded = try BallotFileOptions.load(resolve(file), arguments).get()
                profile = loaded.profile
            } else {
                if shared == nil {
                    var options = BallotFileOptions.loader(arguments)
                    options.csvOptions.regionColumn = contest.regionColumn ?? options.csvOptions.regionColumn
                    do { shared = try options.load(path: resolve(contest.ballots!)) } catch let error as BallotFileError {
                        throw CommandFailure(error)
                    }
                }
                loaded = shared!
                profile = loaded.profile
                if profile.regions.isEmpty, contest.sections.filter({ $0.ballots == nil }).count > 1 {
                    throw CommandFailure("\(path): several sections share \(loaded.path), which has no region column; give \"region_column\" or a ballot file per section", .dataError)
                }
                if !profile.regions.isEmpty {
                    guard let index = profile.regionIndex(named: section.region ?? section.name) else {
                        throw CommandFailure("\(path): section \"\(section.name)\": no ballots for region \"\(section.region ?? section.name)\" in \(loaded.path); its regions are \(profile.regions.joined(separator: ", "))", .dataError)
                    }
                    profile = profile.restricted(toRegion: index)
                    region = profile.regions.first
                }
            }
            if let attributes {
                do { profile = try attributes.apply(to: profile, onlyListedHere: section.ballots == nil ? false : true) } catch let error as BallotFileError {
                    throw CommandFailure(error)
                }
            }
            var standingNames = section.candidates ?? contest.candidates?.filter { $0.section.map(Candidate.matchingKey) == Candidate.matchingKey(for: section.name) }.map(\.name)
            if standingNames?.isEmpty ?? true, region != nil {
                // One file for every region: by default the candidates named on this region's ballots stand.
                var named = Set<Int>()
                for ballot in profile.ballots { for entry in ballot.ranking.entries { named.insert(entry.candidate) } }
                standingNames = named.sorted().map { profile.candidates[$0].name }
            }
            if let standingNames, !standingNames.isEmpty {
                var standing = Set<Int>()
                for name in standingNames {
                    guard let index = profile.candidateIndex(named: name) else {
                        throw CommandFailure("\(path): section \"\(section.name)\": '\(name)' is not a candidate in \(loaded.path)", .dataError)
                    }
                    standing.insert(index)
                }
                profile = profile.standing(only: standing)
            }
            let minimums = (section.minimums ?? [:]).sorted { $0.key < $1.key }.map { Minimum(category: $0.key, count: $0.value) }
            let known = Set(profile.candidates.indices.filter { !profile.withdrawn.contains($0) }.flatMap { profile.candidates[$0].categories })
            for minimum in minimums where !known.contains(minimum.category) {
                throw CommandFailure("\(path): section \"\(section.name)\": no standing candidate has the category '\(minimum.category)'; the categories there are: \(known.sorted().joined(separator: ", "))", .dataError)
            }
            let source = ReportSource(path: loaded.path, format: loaded.format, profile: profile, region: region)
            sections.append(PreparedSection(description: section, source: source, minimums: minimums, rule: STVRule(rawValue: section.rule ?? "ers97") ?? .ers97))
        }
        var standsIn: [String: String] = [:]
        for section in sections {
            let profile = section.source.profile
            for candidate in profile.candidates.indices where !profile.withdrawn.contains(candidate) {
                let key = Candidate.matchingKey(for: profile.candidates[candidate].name)
                if let other = standsIn[key], other != section.description.name {
                    throw CommandFailure("\(path): '\(profile.candidates[candidate].name)' stands in both \"\(other)\" and \"\(section.description.name)\"; a candidate stands in one section", .dataError)
                }
                standsIn[key] = section.description.name
            }
        }
        return (contest, sections)
    }
}
