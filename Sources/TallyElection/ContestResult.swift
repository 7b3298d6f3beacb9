import TallyModel

/// A whole contest's results: each section's count, and across the sections the seats won by
/// each slate and the candidates elected in each category against every minimum, with the
/// verdict. Reports render it; they decide nothing.
public struct ContestResult: Sendable {
    /// One section's count.
    public struct Section: Sendable {
        public let plan: ContestPlan.Section
        public let ballots: PreparedBallots
        public let result: CountResult
        /// For each of the contest's categories (`ContestResult.categories`), how many of the
        /// section's elected belong to it.
        public let electedByCategory: [Int]

        init(plan: ContestPlan.Section, ballots: PreparedBallots, result: CountResult, categories: [String]) {
            self.plan = plan
            self.ballots = ballots
            self.result = result
            electedByCategory = categories.map { category in
                result.elected.filter { ballots.profile.candidates[$0].categories.contains(category) }.count
            }
        }

        /// The section's minimum for `category`, if it has one.
        public func minimum(_ category: String) -> Minimum? { plan.minimums.first { $0.category == category } }

        /// A candidate's slate, or "(no slate)".
        public func slate(_ candidate: Int) -> String { ballots.profile.candidates[candidate].affiliation ?? ContestResult.noSlate }

        /// The seats `slate` won in this section.
        public func seats(of slate: String) -> Int { result.elected.filter { self.slate($0) == slate }.count }
    }

    /// The candidates elected in one category over the whole contest.
    public struct CategoryTotal: Sendable, Equatable {
        public let category: String
        public let elected: Int
        /// The contest's overall minimum for the category, if any.
        public let overallMinimum: Int?
        /// Whether the overall minimum is met; nil when there is none.
        public var met: Bool? { overallMinimum.map { elected >= $0 } }

        public init(category: String, elected: Int, overallMinimum: Int?) {
            self.category = category
            self.elected = elected
            self.overallMinimum = overallMinimum
        }
    }

    /// The seats one slate won over the whole contest.
    public struct SlateSeats: Sendable, Equatable {
        public let slate: String
        public let seats: Int

        public init(slate: String, seats: Int) {
            self.slate = slate
            self.seats = seats
        }
    }

    /// The slate of a candidate who has none.
    public static let noSlate = "(no slate)"

    public let plan: ContestPlan
    public let sections: [Section]
    /// The seed of every section's tie-breaking draw.
    public let seed: UInt64
    /// Every category with a minimum anywhere, in the order first mentioned.
    public var categories: [String] { plan.categories }
    /// For each of `categories`, the elected over all sections against the overall minimum.
    public let categoryTotals: [CategoryTotal]
    /// Seats won per slate over all sections, most first (equal: by name).
    public let seatsBySlate: [SlateSeats]
    /// The seats of every section together.
    public let seats: Int
    /// Whether any elected candidate has a slate.
    public let hasSlates: Bool

    init(plan: ContestPlan, sections: [Section], seed: UInt64) {
        self.plan = plan
        self.seed = seed
        self.sections = sections
        categoryTotals = plan.categories.enumerated().map { index, category in
            CategoryTotal(
                category: category, elected: sections.reduce(0) { $0 + $1.electedByCategory[index] },
                overallMinimum: plan.overallMinimums.first { $0.category == category }?.count
            )
        }
        var bySlate: [String: Int] = [:]
        for section in sections { for candidate in section.result.elected { bySlate[section.slate(candidate), default: 0] += 1 } }
        seatsBySlate = bySlate.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { SlateSeats(slate: $0.key, seats: $0.value) }
        seats = sections.reduce(0) { $0 + $1.plan.seats }
        hasSlates = sections.contains { section in section.result.elected.contains { section.ballots.profile.candidates[$0].affiliation != nil } }
    }
}
