import TallyArithmetic

/// One candidate's election at a stage: the ground the rule elected them on, the clause, and the
/// figures that applied. Every election below the quota says here why it happened.
public struct STVElection: Sendable, Equatable {
    /// The ground of an election.
    public enum Ground: Sendable, Equatable {
        /// The candidate's votes reached the quota (ERS97 5.1.7(a); SSI 2007/42 rule 47; Meek B.2.c).
        case quota
        /// ERS97 5.1.7(b): the candidate's votes reached the total active vote divided by one more
        /// than the places not yet filled, `threshold`, which was below the quota.
        case activeVoteShare(threshold: DecimalValue, activeVote: DecimalValue, placesLeft: Int)
        /// The continuing candidates, `continuing` of them, were no more than the places left
        /// (ERS97 5.5.1; SSI 2007/42 rule 52; Meek C.1).
        case remainingPlaces(continuing: Int, placesLeft: Int)
    }

    public let candidate: Int
    public let ground: Ground
    /// The clause of the rule that elected them, e.g. "5.1.7(b)", "rule 52", "C.1".
    public let clause: String
    /// The candidate's votes after the stage, and the quota in force then.
    public let votes: DecimalValue
    public let quota: DecimalValue

    public init(candidate: Int, ground: Ground, clause: String, votes: DecimalValue, quota: DecimalValue) {
        self.candidate = candidate
        self.ground = ground
        self.clause = clause
        self.votes = votes
        self.quota = quota
    }

    /// Elected with fewer votes than the quota.
    public var isBelowQuota: Bool { votes < quota }
}
