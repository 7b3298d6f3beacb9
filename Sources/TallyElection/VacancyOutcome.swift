import TallyCounting
import TallyModel

/// A casual vacancy filled from a count (docs/vacancies.md): who left, who stays, the count that
/// filled the places and who fills them.
public struct VacancyOutcome: Sendable {
    /// A member leaving: a winner of this count, or a member elected elsewhere.
    public struct Vacating: Sendable, Equatable {
        /// The name as given.
        public let name: String
        /// Their index when they were elected in this count; nil for a member from outside it.
        public let candidate: Int?
        /// How a minimum helped elect them in the count, if it did, in words.
        public let electedForMinimum: String?
    }

    /// What a minimum required of the new members, in words and figures.
    public struct MinimumNeed: Sendable, Equatable {
        public let minimum: Minimum
        /// Members of the category among those who stay.
        public let sitting: Int
        /// How many of the new members the minimum needs from the category.
        public let needed: Int
        /// How far the minimum stays unmet: too few places, or too few candidates of the
        /// category left.
        public let unmet: Int
        /// Candidates not elected who were placed above the first new member from the category
        /// and passed over for it.
        public let passedOver: [Int]
    }

    public let ballots: PreparedBallots
    public let rule: VacancyRule
    /// The count as it was.
    public let count: CountResult
    public let vacating: [Vacating]
    /// The members of this count who stay, in their order of election or placing.
    public let sitting: [Int]
    /// The count that fills the places: for STV the recount (its own stage record), for block
    /// vote the count's totals placed again without the vacating members.
    public let recount: CountResult
    /// The ballots that count was made of: the vacating members withdrawn, those who stay in the
    /// category `sitting` (for block vote, the count's totals as one-mark ballots).
    public let recountBallots: PreparedBallots
    /// The new members, in order of election or placing.
    public let filledBy: [Int]
    public let needs: [MinimumNeed]

    /// The places filled.
    public var places: Int { vacating.count }
}
