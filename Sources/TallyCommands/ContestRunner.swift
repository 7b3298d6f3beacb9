import Foundation
import TallyBallotFiles
import TallyCounting
import TallyModel
import TallyReports

/// `tally count --contest FILE`: each section or region counted by its own method and minimums,
/// then a combined summary.
enum ContestRunner {
    static func run(_ path: String, arguments: ParsedArguments, spec: CommandSpec) throws -> CommandOutcome {
        let contest: ContestDescription
        do {
            contest = try ContestDescription.load(path: path)
        } catch let error as BallotFileError {
            throw CommandFailure(error)
        }
        // Paths in the contest file are relative to it; kept relative when it was given so.
        let directory = path.range(of: "/", options: .backwards).map { String(path[..<$0.upperBound]) } ?? ""
        func resolve(_ file: String) -> String { file.hasPrefix("/") ? file : directory + file }
        let seed = try BallotFileOptions.seed(arguments, spec: spec)

        let attributes: CandidateAttributes? = try {
            if let file = contest.candidatesFile { return try CandidateAttributes.load(path: resolve(file)) }
            guard let entries = contest.candidates else { return nil }
            return CandidateAttributes(file: path, entries: entries.map {
                CandidateAttributes.Entry(name: $0.name, categories: Set(($0.categories ?? []).map(Candidate.matchingKey)), slate: $0.slate, line: 0)
            })
        }()

        var shared: BallotFileLoader.Loaded?
        var sections: [ContestSummary.Section] = []
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
            let ties = TieBreaker(seed: seed)
            do {
                let result: ContestSummary.Result
                if section.method == "block" {
                    result = .block(try BlockVote(seats: section.seats, votesPerBallot: section.votesPerBallot, minimums: minimums).count(profile, ties: ties))
                } else {
                    let rule = STVRule(rawValue: section.rule ?? "ers97") ?? .ers97
                    result = .stv(try STV(rule: rule, seats: section.seats, minimums: minimums).count(profile, ties: ties))
                }
                sections.append(ContestSummary.Section(name: section.name, seats: section.seats, minimums: minimums, source: source, result: result))
            } catch let error as CountError {
                throw CommandFailure("\(path): section \"\(section.name)\": cannot count: \(error)", .dataError)
            } catch let tie as UnresolvedTie {
                throw CommandFailure("\(path): section \"\(section.name)\": a tie for \(tie.question) could not be decided", .dataError)
            }
        }
        var standsIn: [String: String] = [:]
        for section in sections {
            for candidate in section.source.profile.candidates.indices where !section.source.profile.withdrawn.contains(candidate) {
                let key = Candidate.matchingKey(for: section.source.profile.candidates[candidate].name)
                if let other = standsIn[key], other != section.name {
                    throw CommandFailure("\(path): '\(section.source.profile.candidates[candidate].name)' stands in both \"\(other)\" and \"\(section.name)\"; a candidate stands in one section", .dataError)
                }
                standsIn[key] = section.name
            }
        }
        let overall = (contest.overallMinimums ?? [:]).sorted { $0.key < $1.key }.map { Minimum(category: $0.key, count: $0.value) }
        let summary = ContestSummary(
            title: contest.title, file: path, sources: contest.sources ?? [], assumptions: contest.assumptions ?? [],
            sections: sections, overallMinimums: overall, seed: seed
        )
        let format = arguments.choice("--format", as: OutputFormat.self) ?? .text
        return CommandOutcome(standardOutput: format.render(summary))
    }
}
