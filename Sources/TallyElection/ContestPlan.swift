import TallyBallotFiles
import TallyCounting
import TallyModel

/// A whole contest as its file describes it (docs/contest-files.md), with every method and rule
/// turned into the types counting uses and every path resolved: the plan of the counts to make.
public struct ContestPlan: Sendable {
    /// One section or region of the contest, counted on its own.
    public struct Section: Sendable {
        public let name: String
        /// The value of the region column for this section, when the contest's ballot file holds
        /// every region.
        public let region: String
        /// The section's own ballot file; nil: the contest's.
        public let ballots: String?
        public let seats: Int
        public let method: CountMethod
        /// In alphabetical order of category.
        public let minimums: [Minimum]
        /// The candidates standing here; nil: every candidate named on the section's ballots.
        public let candidates: [String]?
    }

    /// The contest file, as the user named it.
    public let file: String
    public let title: String
    /// The declaration fields the contest file gives.
    public let declaration: Declaration
    /// Where the contest's figures come from, and what is assumed: shown with the result.
    public let sources: [String]
    public let assumptions: [String]
    /// The contest's one ballot file, when sections share it.
    public let ballots: String?
    public let regionColumn: String?
    /// The candidates' categories and slates: inline, or from a candidates file.
    public let attributes: CandidateAttributes?
    public let sections: [Section]
    /// Minimums over the whole contest, in alphabetical order of category.
    public let overallMinimums: [Minimum]

    /// Reads a contest file and checks every section's method, rule and options.
    public static func load(path: String) throws(ElectionFailure) -> ContestPlan {
        let contest: ContestDescription
        do {
            contest = try ContestDescription.load(path: path)
        } catch let error as BallotFileError {
            throw ElectionFailure(error)
        } catch {
            throw ElectionFailure(.badData, "\(path): \(error)")
        }
        return try ContestPlan(contest, file: path)
    }

    init(_ contest: ContestDescription, file: String) throws(ElectionFailure) {
        func fail(_ message: String) -> ElectionFailure { ElectionFailure(.badData, "\(file): \(message)") }
        // Paths in the contest file are relative to it; kept relative when it was given so.
        let directory = file.range(of: "/", options: .backwards).map { String(file[..<$0.upperBound]) } ?? ""
        func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : directory + path }

        self.file = file
        title = contest.title
        declaration = Declaration(
            organisation: contest.declaration?.organisation, returningOfficer: contest.declaration?.returningOfficer,
            date: contest.declaration?.date, statement: contest.declaration?.statement
        )
        sources = contest.sources ?? []
        assumptions = contest.assumptions ?? []
        ballots = contest.ballots.map(resolve)
        regionColumn = contest.regionColumn
        if let candidatesFile = contest.candidatesFile {
            attributes = try BallotPreparation.attributes(resolve(candidatesFile))
        } else if let entries = contest.candidates {
            attributes = CandidateAttributes(file: file, entries: entries.map {
                CandidateAttributes.Entry(name: $0.name, categories: Set(($0.categories ?? []).map(Candidate.matchingKey)), slate: $0.slate, line: 0)
            })
        } else {
            attributes = nil
        }
        overallMinimums = ContestPlan.minimums(contest.overallMinimums)
        // Each section's inline candidates, by the section they name.
        var namedIn: [String: [String]] = [:]
        for candidate in contest.candidates ?? [] {
            if let section = candidate.section { namedIn[Candidate.matchingKey(for: section), default: []].append(candidate.name) }
        }
        sections = try contest.sections.map { section throws(ElectionFailure) in
            let place = "section \"\(Excerpt.of(section.name))\""
            let method: CountMethod
            switch section.method {
            case "stv":
                if section.votesPerBallot != nil { throw fail("\(place): \"votes_per_ballot\" is for block-vote sections") }
                let rule = section.rule ?? STVRule.ers97.rawValue
                guard let stvRule = STVRule(rawValue: rule) else {
                    throw fail("\(place): expected \"rule\" to be one of \(STVRule.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")); found \"\(Excerpt.of(rule))\"")
                }
                method = .stv(stvRule)
            case "block":
                if section.rule != nil { throw fail("\(place): \"rule\" is for STV sections") }
                if let votes = section.votesPerBallot, votes < 1 { throw fail("\(place): expected \"votes_per_ballot\" to be at least 1") }
                method = .block(votesPerBallot: section.votesPerBallot, overVotes: .void)
            default:
                throw fail("\(place): expected \"method\" to be \"stv\" or \"block\"; found \"\(Excerpt.of(section.method))\"")
            }
            let named = section.candidates ?? (contest.candidates == nil ? nil : namedIn[Candidate.matchingKey(for: section.name)] ?? [])
            return Section(
                name: section.name, region: section.region ?? section.name, ballots: section.ballots.map(resolve),
                seats: section.seats, method: method, minimums: ContestPlan.minimums(section.minimums),
                candidates: named?.isEmpty == false ? named : nil
            )
        }
    }

    /// `{"woman": 3, "bame": 2}` as minimums, in alphabetical order of category.
    static func minimums(_ counts: [String: Int]?) -> [Minimum] {
        (counts ?? [:]).sorted { $0.key < $1.key }.map { Minimum(category: $0.key, count: $0.value) }
    }

    /// Every category with a minimum anywhere in the contest, in the order first mentioned.
    public var categories: [String] {
        var seen: [String] = []
        for minimum in sections.flatMap(\.minimums) + overallMinimums where !seen.contains(minimum.category) { seen.append(minimum.category) }
        return seen
    }

    // MARK: Preparing the sections' ballots

    /// Reads every section's ballots and prepares them (`BallotPreparation`): the region's
    /// ballots, the candidates' attributes, only the section's candidates standing. Checks that a
    /// candidate stands in one section only and that every minimum's category is there.
    public func prepare(reading: BallotFileLoader) throws(ElectionFailure) -> [PreparedSection] {
        var shared: PreparedBallots?
        var prepared: [PreparedSection] = []
        for section in sections {
            let place = "\(file): section \"\(Excerpt.of(section.name))\""
            var ballots: PreparedBallots
            if let own = section.ballots {
                ballots = try BallotPreparation.read(own, with: reading)
            } else {
                if shared == nil {
                    var loader = reading
                    loader.csvOptions.regionColumn = regionColumn ?? loader.csvOptions.regionColumn
                    shared = try BallotPreparation.read(self.ballots!, with: loader)
                }
                ballots = shared!
                if ballots.profile.regions.isEmpty, sections.filter({ $0.ballots == nil }).count > 1 {
                    throw ElectionFailure(.badData, "\(file): several sections share \(ballots.path), which has no region column; give \"region_column\" or a ballot file per section")
                }
            }
            ballots = try BallotPreparation.prepare(
                ballots, region: section.ballots == nil ? section.region : nil, attributes: attributes, onlyListedHere: section.ballots != nil,
                standing: section.candidates, minimums: section.minimums, in: .section(place: place)
            )
            prepared.append(PreparedSection(plan: section, ballots: ballots))
        }
        var standsIn: [String: String] = [:]
        for section in prepared {
            let profile = section.ballots.profile
            let withdrawn = Set(profile.withdrawn)
            for candidate in profile.candidates.indices where !withdrawn.contains(candidate) {
                let key = Candidate.matchingKey(for: profile.candidates[candidate].name)
                if let other = standsIn[key], other != section.plan.name {
                    throw ElectionFailure(.badData, "\(file): '\(Excerpt.of(profile.candidates[candidate].name))' stands in both \"\(other)\" and \"\(section.plan.name)\"; a candidate stands in one section")
                }
                standsIn[key] = section.plan.name
            }
        }
        return prepared
    }

    // MARK: Counting

    /// Counts every prepared section by its own method, seats and minimums; ties by the section's
    /// file's `[tie]` order, else the seeded draw from `seed`.
    public func count(_ sections: [PreparedSection], seed: UInt64) throws(ElectionFailure) -> ContestResult {
        var results: [ContestResult.Section] = []
        for section in sections {
            let profile = section.ballots.profile
            let result = try Election.count(
                section.ballots, seats: section.plan.seats, method: section.plan.method, minimums: section.plan.minimums,
                ties: TieBreaker(explicitOrder: profile.tieOrder, seed: seed), context: "\(file): section \"\(Excerpt.of(section.plan.name))\""
            )
            results.append(ContestResult.Section(plan: section.plan, ballots: section.ballots, result: result, categories: categories))
        }
        return ContestResult(plan: self, sections: results, seed: seed)
    }
}
