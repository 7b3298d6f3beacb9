import TallyModel

/// The checks every count makes before it starts, whatever its method: seats to fill, candidates
/// enough to fill them, ballots to count, and minimums that can be met.
struct CountSetUp {
    /// The candidates standing (not withdrawn), in ballot-file order.
    let standing: [Int]
    /// The minimum-representation rules, checked feasible.
    let rules: RepresentationRules

    /// Checks `seats` and `minimums` against `profile`; `validBallots` is what the method will
    /// count (STV leaves out ballots whose first rank is shared).
    init(profile: BallotProfile, seats: Int, minimums: [Minimum], validBallots: Int64) throws {
        let withdrawn = Set(profile.withdrawn)
        standing = profile.candidates.indices.filter { !withdrawn.contains($0) }
        guard seats >= 1 else { throw CountError.noSeats }
        guard seats <= standing.count else { throw CountError.moreSeatsThanCandidates(seats: seats, candidates: standing.count) }
        guard validBallots > 0 else { throw CountError.noValidBallots }
        rules = RepresentationRules(minimums: minimums, candidates: profile.candidates)
        try rules.checkFeasible(seats: seats, standing: standing)
    }
}
