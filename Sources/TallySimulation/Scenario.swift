import TallyCounting
import TallyModel

/// A synthetic factional electorate (docs/scenarios.md): the seats, the candidates and their
/// slates, and the blocs of voters with their shares, cohesion, discipline and ballot lengths.
///
/// A scenario is checked when it is made: every name it refers to exists, every share and
/// chance is between 0 and 1, the bloc shares add up to 1, and every section's minimums can be
/// met by its candidates.
public struct Scenario: Sendable {
    /// A candidate, with how popular they are among voters who choose for themselves.
    public struct Candidate: Sendable, Equatable {
        public var name: String
        /// Relative weight in a Plackett–Luce draw, in millionths (1.0 = 1,000,000).
        public var popularity: UInt64
        /// Categories for minimum-representation rules, in matching form.
        public var categories: Set<String>
        /// Index of the section (region) the candidate stands in.
        public var section: Int
    }

    /// A slate: candidates in the slate's recommended order.
    public struct Slate: Sendable, Equatable {
        public var name: String
        /// Candidate indices, in the recommended order.
        public var candidates: [Int]
    }

    /// A bloc of voters and how they fill in their ballots.
    public struct Bloc: Sendable, Equatable {
        public var name: String
        /// Index of the bloc's own slate; nil for voters who follow no slate.
        public var slate: Int?
        /// Share of the electorate (by section, when sections give their own shares).
        public var share: Chance
        /// Chance that a voter ranks the bloc's slate first.
        public var cohesion: Chance
        /// Chance, after each own-slate preference, that the next is own-slate too.
        public var loyalty: Chance
        /// Chance that a loyal voter follows the slate's recommended order rather than their own.
        public var discipline: Chance
        /// Slates loyal voters rank next, in order, after their own.
        public var next: [Int]
        /// Preferences each voter expresses: drawn uniformly from this range (clamped to the
        /// candidates standing).
        public var ballotLength: ClosedRange<Int>
    }

    /// A part of the election counted on its own (a region); a scenario without regions has one.
    public struct Section: Sendable, Equatable {
        public var name: String
        public var seats: Int
        /// Voters in this section, before any `--voters` rescaling.
        public var voters: Int
        public var minimums: [Minimum]
        /// Candidate indices standing here, in scenario order.
        public var candidates: [Int]
        /// Bloc shares in this section, by bloc, when they differ from the scenario's.
        public var shares: [Chance]?
    }

    public var title: String
    public var sources: [String]
    public var assumptions: [String]
    /// The STV rule simulations use unless told otherwise.
    public var rule: STVRule
    public var candidates: [Candidate]
    public var slates: [Slate]
    public var blocs: [Bloc]
    public var sections: [Section]

    /// All voters, over every section.
    public var voters: Int { sections.reduce(0) { $0 + $1.voters } }
    /// All seats, over every section.
    public var seats: Int { sections.reduce(0) { $0 + $1.seats } }

    /// For each candidate, the index of its slate, or nil for an independent.
    public var slateOfCandidate: [Int?] {
        var result = [Int?](repeating: nil, count: candidates.count)
        for (index, slate) in slates.enumerated() { for candidate in slate.candidates { result[candidate] = index } }
        return result
    }

    /// The groups seats are reported by: each slate, then "(independents)" if any candidate is
    /// on no slate.
    public var groups: [String] {
        slates.map(\.name) + (slateOfCandidate.contains(where: { $0 == nil }) ? [Scenario.independents] : [])
    }

    /// The name of the group of candidates on no slate.
    public static let independents = "(independents)"

    /// For each candidate, the index of its group in `groups`.
    public var groupOfCandidate: [Int] { slateOfCandidate.map { $0 ?? slates.count } }

    /// The same scenario with `total` voters, shared between sections in proportion to their
    /// voters.
    public func withVoters(_ total: Int) -> Scenario {
        var copy = self
        let shared = Scenario.apportion(total, by: sections.map(\.voters))
        for index in copy.sections.indices { copy.sections[index].voters = shared[index] }
        return copy
    }

    /// `total` shared in proportion to `weights` by largest remainders; equal remainders go to
    /// the earlier place.
    static func apportion(_ total: Int, by weights: [Int]) -> [Int] {
        let sum = Int128(weights.reduce(0, +))
        guard sum > 0 else { return weights.map { _ in 0 } }
        var counts = weights.map { Int(Int128($0) * Int128(total) / sum) }
        let remainders = weights.map { Int128($0) * Int128(total) % sum }
        let order = weights.indices.sorted { (remainders[$0], -$0) > (remainders[$1], -$1) }
        for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }

    /// The profile candidates of a section: name, slate as affiliation, categories.
    public func profileCandidates(section: Int) -> [TallyModel.Candidate] {
        let slateOf = slateOfCandidate
        return sections[section].candidates.map {
            TallyModel.Candidate(name: candidates[$0].name, affiliation: slateOf[$0].map { slates[$0].name }, categories: candidates[$0].categories)
        }
    }
}
