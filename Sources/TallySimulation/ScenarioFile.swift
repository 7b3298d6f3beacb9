import TallyBallotFiles
import TallyCounting
import TallyModel

/// A scenario file as written (docs/scenarios.md), before its names are resolved and its
/// figures checked.
struct ScenarioFile: Decodable {
    /// `ballot_length`: a number, or `{"min": a, "max": b}`.
    enum Length: Decodable {
        case exactly(Int)
        case range(min: Int, max: Int)

        private enum Keys: String, CodingKey { case min, max }

        init(from decoder: Decoder) throws {
            if let number = try? decoder.singleValueContainer().decode(Int.self) {
                self = .exactly(number)
                return
            }
            let object = try decoder.container(keyedBy: Keys.self)
            self = .range(min: try object.decode(Int.self, forKey: .min), max: try object.decode(Int.self, forKey: .max))
        }
    }

    struct CandidateEntry: Decodable {
        var name: String
        var popularity: Double?
        var categories: [String]?
        var region: String?
    }

    struct SlateEntry: Decodable {
        var name: String
        var candidates: [String]
    }

    struct BlocEntry: Decodable {
        var name: String
        var slate: String?
        var share: Double
        var cohesion: Double?
        var loyalty: Double?
        var discipline: Double?
        var next: [String]?
        var ballotLength: Length?
    }

    struct RegionEntry: Decodable {
        var name: String
        var seats: Int
        var voters: Int?
        var minimums: [String: Int]?
        var shares: [String: Double]?
    }

    var title: String
    var sources: [String]?
    var assumptions: [String]?
    var rule: String?
    var seats: Int?
    var voters: Int?
    var minimums: [String: Int]?
    var ballotLength: Length?
    var candidates: [CandidateEntry]
    var slates: [SlateEntry]?
    var blocs: [BlocEntry]
    var regions: [RegionEntry]?

    static let keys = JSONFile.Keys([
        "title": nil, "sources": nil, "assumptions": nil, "rule": nil, "seats": nil, "voters": nil, "minimums": nil,
        "ballot_length": JSONFile.Keys(["min", "max"]),
        "candidates": JSONFile.Keys(["name", "popularity", "categories", "region"]),
        "slates": JSONFile.Keys(["name", "candidates"]),
        "blocs": JSONFile.Keys([
            "name": nil, "slate": nil, "share": nil, "cohesion": nil, "loyalty": nil, "discipline": nil, "next": nil,
            "ballot_length": JSONFile.Keys(["min", "max"]),
        ]),
        "regions": JSONFile.Keys(["name", "seats", "voters", "minimums", "shares"]),
    ])

    /// The largest electorate a scenario may draw per trial.
    static let maximumVoters = 10_000_000
    /// Popularity may range over 10⁻⁶ … 10⁶.
    static let maximumPopularity = 1_000_000.0
    /// Shares must add up to 1 within this much.
    static let shareTolerance: UInt64 = 1_000
}

extension Scenario {
    /// Reads and checks a scenario file.
    public static func load(path: String) throws(BallotFileError) -> Scenario {
        let file = try JSONFile.decode(
            ScenarioFile.self, path: path, kind: "scenario", keys: ScenarioFile.keys,
            wholeNumbers: ["seats", "voters", "minimums", "min", "max", "ballot_length"]
        )
        do {
            return try Scenario(file)
        } catch let problem as ScenarioProblem {
            throw BallotFileError(file: path, line: nil, column: nil, message: problem.message)
        } catch {
            throw BallotFileError(file: path, line: nil, column: nil, message: "\(error)")
        }
    }

    init(_ file: ScenarioFile) throws {
        func fail(_ message: String) -> ScenarioProblem { ScenarioProblem(message: message) }
        func chance(_ value: Double?, _ place: String, default fallback: Chance) throws -> Chance {
            guard let value else { return fallback }
            guard let result = Chance(value) else { throw fail("\(place): expected a number from 0 to 1; found \(value)") }
            return result
        }
        func length(_ value: ScenarioFile.Length?, _ place: String) throws -> ClosedRange<Int>? {
            switch value {
            case nil: return nil
            case let .exactly(count):
                guard count >= 1 else { throw fail("\(place): expected at least 1 preference; found \(count)") }
                return count...count
            case let .range(low, high):
                guard low >= 1, high >= low else { throw fail("\(place): expected 1 ≤ min ≤ max; found min \(low), max \(high)") }
                return low...high
            }
        }
        func minimums(_ given: [String: Int]?, _ place: String) throws -> [Minimum] {
            let list = (given ?? [:]).sorted { $0.key < $1.key }.map { Minimum(category: $0.key, count: $0.value) }
            for minimum in list where minimum.count < 1 { throw fail("\(place): the minimum for \(minimum.category) must be at least 1") }
            if Set(list.map(\.category)).count < list.count { throw fail("\(place): a category is given twice") }
            return list
        }

        guard !file.title.allSatisfy(\.isWhitespace) else { throw fail("\"title\" is empty") }
        title = file.title
        sources = file.sources ?? []
        assumptions = file.assumptions ?? []
        if let name = file.rule {
            guard let parsed = STVRule(rawValue: name) else {
                throw fail("rule: expected one of \(STVRule.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(Excerpt.of(name))\"")
            }
            rule = parsed
        } else {
            rule = .ers97
        }
        let defaultLength = try length(file.ballotLength, "ballot_length")

        // Sections: the regions, or the whole election.
        var sections: [Section] = []
        var sectionIndex: [String: Int] = [:]
        if let regions = file.regions {
            guard !regions.isEmpty else { throw fail("\"regions\" is empty: leave it out for an election without regions") }
            if file.seats != nil { throw fail("\"seats\" is given per region: leave out the top-level \"seats\"") }
            if file.minimums != nil { throw fail("\"minimums\" are given per region: leave out the top-level \"minimums\"") }
            let given = regions.filter { $0.voters != nil }.count
            guard given == 0 || given == regions.count else { throw fail("give \"voters\" for every region or for none") }
            for (index, region) in regions.enumerated() {
                let place = "regions[\(index)] (\"\(Excerpt.of(region.name))\")"
                let key = TallyModel.Candidate.matchingKey(for: region.name)
                guard sectionIndex[key] == nil else { throw fail("\(place): the region is named twice") }
                guard region.seats >= 1 else { throw fail("\(place): expected at least 1 seat") }
                if let voters = region.voters, voters < 1 || voters > ScenarioFile.maximumVoters {
                    throw fail("\(place): expected 1 to \(ScenarioFile.maximumVoters) voters; found \(voters)")
                }
                sectionIndex[key] = index
                sections.append(Section(name: region.name, seats: region.seats, voters: region.voters ?? 0, minimums: try minimums(region.minimums, "\(place).minimums"), candidates: [], shares: nil))
            }
            if given == regions.count {
                let sum = sections.reduce(0) { $0 + $1.voters }
                if let voters = file.voters, voters != sum { throw fail("\"voters\" (\(voters)) is not the sum of the regions' voters (\(sum))") }
            } else {
                guard let voters = file.voters else { throw fail("expected \"voters\": the number of voters, shared between the regions by seats") }
                let shared = Scenario.apportion(voters, by: sections.map(\.seats))
                for index in sections.indices { sections[index].voters = shared[index] }
            }
        } else {
            guard let seats = file.seats else { throw fail("expected \"seats\" (or \"regions\", each with its seats)") }
            guard seats >= 1 else { throw fail("seats: expected at least 1; found \(seats)") }
            guard let voters = file.voters else { throw fail("expected \"voters\": the number of voters") }
            sections = [Section(name: file.title, seats: seats, voters: voters, minimums: try minimums(file.minimums, "minimums"), candidates: [], shares: nil)]
        }
        let total = sections.reduce(0) { $0 + $1.voters }
        guard total >= 1, total <= ScenarioFile.maximumVoters else { throw fail("voters: expected 1 to \(ScenarioFile.maximumVoters); found \(total)") }

        // Candidates.
        guard !file.candidates.isEmpty else { throw fail("expected at least one candidate in \"candidates\"") }
        var candidateIndex: [String: Int] = [:]
        var candidates: [Candidate] = []
        for (index, entry) in file.candidates.enumerated() {
            let place = "candidates[\(index)] (\"\(Excerpt.of(entry.name))\")"
            let key = TallyModel.Candidate.matchingKey(for: entry.name)
            guard !key.isEmpty else { throw fail("candidates[\(index)]: the name is empty") }
            guard candidateIndex[key] == nil else { throw fail("\(place): the candidate is listed twice") }
            let popularity = entry.popularity ?? 1
            guard popularity.isFinite, popularity >= 1 / ScenarioFile.maximumPopularity, popularity <= ScenarioFile.maximumPopularity else {
                throw fail("\(place).popularity: expected a number from 0.000001 to 1000000; found \(popularity)")
            }
            var section = 0
            if file.regions != nil {
                guard let region = entry.region else { throw fail("\(place): expected \"region\": the region the candidate stands in") }
                guard let found = sectionIndex[TallyModel.Candidate.matchingKey(for: region)] else {
                    throw fail("\(place): region \"\(Excerpt.of(region))\" is not among the regions")
                }
                section = found
            } else if entry.region != nil {
                throw fail("\(place): \"region\" needs \"regions\" at the top level")
            }
            candidateIndex[key] = candidates.count
            sections[section].candidates.append(candidates.count)
            candidates.append(Candidate(
                name: entry.name, popularity: UInt64((popularity * Double(Chance.scale)).rounded()),
                categories: Set((entry.categories ?? []).map(TallyModel.Candidate.matchingKey)), section: section
            ))
        }
        self.candidates = candidates
        func candidate(_ name: String, _ place: String) throws -> Int {
            guard let index = candidateIndex[TallyModel.Candidate.matchingKey(for: name)] else {
                throw fail("\(place): \"\(Excerpt.of(name))\" is not among the candidates")
            }
            return index
        }

        // Slates.
        var slateIndex: [String: Int] = [:]
        var slates: [Slate] = []
        var onSlate: [Int: String] = [:]
        for (index, entry) in (file.slates ?? []).enumerated() {
            let place = "slates[\(index)] (\"\(Excerpt.of(entry.name))\")"
            let key = TallyModel.Candidate.matchingKey(for: entry.name)
            guard slateIndex[key] == nil else { throw fail("\(place): the slate is named twice") }
            guard !entry.candidates.isEmpty else { throw fail("\(place): expected at least one candidate") }
            var members: [Int] = []
            for name in entry.candidates {
                let member = try candidate(name, place)
                if let other = onSlate[member] { throw fail("\(place): \"\(Excerpt.of(name))\" is already on the slate \"\(Excerpt.of(other))\"") }
                onSlate[member] = entry.name
                members.append(member)
            }
            slateIndex[key] = slates.count
            slates.append(Slate(name: entry.name, candidates: members))
        }
        self.slates = slates
        func slate(_ name: String, _ place: String) throws -> Int {
            guard let index = slateIndex[TallyModel.Candidate.matchingKey(for: name)] else {
                throw fail("\(place): \"\(Excerpt.of(name))\" is not among the slates")
            }
            return index
        }

        // Blocs.
        guard !file.blocs.isEmpty else { throw fail("expected at least one bloc in \"blocs\"") }
        var blocIndex: [String: Int] = [:]
        var blocs: [Bloc] = []
        for (index, entry) in file.blocs.enumerated() {
            let place = "blocs[\(index)] (\"\(Excerpt.of(entry.name))\")"
            let key = TallyModel.Candidate.matchingKey(for: entry.name)
            guard blocIndex[key] == nil else { throw fail("\(place): the bloc is named twice") }
            let own = try entry.slate.map { try slate($0, "\(place).slate") }
            var next: [Int] = []
            for name in entry.next ?? [] {
                let target = try slate(name, "\(place).next")
                guard target != own else { throw fail("\(place).next: \"\(Excerpt.of(name))\" is the bloc's own slate") }
                guard !next.contains(target) else { throw fail("\(place).next: \"\(Excerpt.of(name))\" is given twice") }
                next.append(target)
            }
            if own == nil, entry.cohesion != nil || entry.loyalty != nil || entry.discipline != nil || !next.isEmpty {
                throw fail("\(place): cohesion, loyalty, discipline and next describe a slate's voters; the bloc has no \"slate\"")
            }
            blocIndex[key] = blocs.count
            blocs.append(Bloc(
                name: entry.name, slate: own,
                share: try chance(entry.share, "\(place).share", default: .never),
                cohesion: try chance(entry.cohesion, "\(place).cohesion", default: .always),
                loyalty: try chance(entry.loyalty, "\(place).loyalty", default: .always),
                discipline: try chance(entry.discipline, "\(place).discipline", default: .always),
                next: next,
                ballotLength: try length(entry.ballotLength, "\(place).ballot_length") ?? defaultLength ?? 1...candidates.count
            ))
        }
        self.blocs = blocs
        func checkTotal(_ shares: [Chance], _ place: String) throws {
            let sum = shares.reduce(0) { $0 + $1.millionths }
            guard sum + ScenarioFile.shareTolerance >= Chance.scale, sum <= Chance.scale + ScenarioFile.shareTolerance else {
                throw fail("\(place): the bloc shares add up to \(Chance.decimal(sum)); expected 1")
            }
        }
        try checkTotal(blocs.map(\.share), "blocs")

        // Per-region shares, and what each section needs.
        for (index, region) in (file.regions ?? []).enumerated() {
            guard let given = region.shares else { continue }
            let place = "regions[\(index)] (\"\(Excerpt.of(region.name))\").shares"
            var shares = [Chance](repeating: .never, count: blocs.count)
            for (name, value) in given.sorted(by: { $0.key < $1.key }) {
                guard let bloc = blocIndex[TallyModel.Candidate.matchingKey(for: name)] else {
                    throw fail("\(place): \"\(Excerpt.of(name))\" is not among the blocs")
                }
                shares[bloc] = try chance(value, "\(place).\(name)", default: .never)
            }
            try checkTotal(shares, place)
            sections[index].shares = shares
        }
        for section in sections {
            let place = file.regions == nil ? "the election" : "region \"\(Excerpt.of(section.name))\""
            guard section.candidates.count <= Preference.maximumCandidates else {
                throw fail("\(place): \(section.candidates.count) candidates; Tally handles at most \(Preference.maximumCandidates) in one count")
            }
            guard section.seats <= section.candidates.count else {
                throw fail("\(place): \(section.seats) seats but \(section.candidates.count) candidate\(section.candidates.count == 1 ? "" : "s")")
            }
            let profileCandidates = section.candidates.map { TallyModel.Candidate(name: candidates[$0].name, categories: candidates[$0].categories) }
            let rules = RepresentationRules(minimums: section.minimums, candidates: profileCandidates)
            do {
                try rules.checkFeasible(seats: section.seats, standing: Array(profileCandidates.indices))
            } catch let error as CountError {
                throw fail("\(place): \(error)")
            }
        }
        self.sections = sections
    }
}

/// A scenario that does not make sense, in the file's own terms.
struct ScenarioProblem: Error {
    let message: String
}
