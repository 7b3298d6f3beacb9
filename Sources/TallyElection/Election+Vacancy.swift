import TallyCounting
import TallyModel

extension Election {
    /// The category that marks the members who stay in a vacancy's count: a minimum of all of
    /// them keeps them elected, by the count's own minimum rules (guard and doom, displacement).
    static let sittingCategory = "sitting"

    /// Fills the casual vacancies that the members named `vacating` leave (docs/vacancies.md):
    /// the request's ballots read, prepared and counted once, then filled by the method's rule.
    public static func vacancy(_ request: CountRequest, vacating: [String]) throws(ElectionFailure) -> VacancyOutcome {
        let ballots = try BallotPreparation.prepare(request.ballots)
        return try vacancy(
            ballots, seats: try request.seats(for: ballots), method: request.method, minimums: request.ballots.minimums,
            ties: try request.ties.breaker(for: ballots.profile), vacating: vacating, context: ballots.path, seatsAskedFor: request.seats != nil
        )
    }

    /// Fills the vacancies of a count of `ballots`. A name not among the candidates is a member
    /// elected elsewhere; a candidate named must have been elected in this count.
    ///
    /// The places are filled by a count of `seats` plus one for each member from elsewhere, in
    /// which the vacating members do not stand and a minimum of every member who stays keeps
    /// them elected: for STV that is ERS97 7.1's recount (never excluding the other members,
    /// until the new members are elected); for block vote, the count's totals placed again, so
    /// that the places go down the count's placing.
    public static func vacancy(
        _ ballots: PreparedBallots, seats: Int, method: CountMethod, minimums: [Minimum], ties: TieBreaker, vacating names: [String],
        context: String, seatsAskedFor: Bool = false
    ) throws(ElectionFailure) -> VacancyOutcome {
        let profile = ballots.profile
        guard !names.isEmpty else { throw ElectionFailure(.request, "name the member who leaves with --vacate NAME") }
        if let clash = profile.candidates.firstIndex(where: { $0.categories.contains(sittingCategory) }) {
            throw ElectionFailure(.request, "'\(Excerpt.of(profile.candidates[clash].name))' has the category '\(sittingCategory)', which a vacancy's count keeps for the members who stay; rename the category")
        }
        let count = try Election.count(ballots, seats: seats, method: method, minimums: minimums, ties: ties, context: context, seatsAskedFor: seatsAskedFor)
        let withdrawn = Set(profile.withdrawn)
        var vacating: [VacancyOutcome.Vacating] = []
        var named = Set<String>()
        for name in names {
            let key = Candidate.matchingKey(for: name)
            guard !key.isEmpty else { throw ElectionFailure(.request, "--vacate needs a member's name; found an empty one") }
            guard named.insert(key).inserted else { throw ElectionFailure(.request, "--vacate names '\(Excerpt.of(name))' twice") }
            guard let candidate = profile.candidateIndex(matchingKey: key) else {
                vacating.append(.init(name: name, candidate: nil, electedForMinimum: nil))
                continue
            }
            guard !withdrawn.contains(candidate), count.elected.contains(candidate) else {
                throw ElectionFailure(.request, "'\(Excerpt.of(profile.candidates[candidate].name))' was not elected in this count (\(context)), so leaves no vacancy in it; name a member it elected, or a member elected elsewhere who did not stand in it")
            }
            vacating.append(.init(name: profile.candidates[candidate].name, candidate: candidate, electedForMinimum: minimumThatElected(candidate, in: count, candidates: profile.candidates)))
        }
        let leaving = Set(vacating.compactMap(\.candidate))
        let sitting = count.elected.filter { !leaving.contains($0) }
        let places = sitting.count + vacating.count

        // Who stays carries the sitting category; who leaves does not stand.
        var candidates = profile.candidates
        for member in sitting { candidates[member].categories.insert(sittingCategory) }
        // A minimum the candidates left cannot meet is met as far as they can (and said so).
        let available = { (minimum: Minimum) in
            profile.candidates.indices.filter {
                !withdrawn.contains($0) && !leaving.contains($0) && profile.candidates[$0].categories.contains(minimum.category)
            }.count
        }
        var fillMinimums = minimums.compactMap { minimum in
            let count = min(minimum.count, available(minimum))
            return count > 0 ? Minimum(category: minimum.category, count: count) : nil
        }
        if !sitting.isEmpty { fillMinimums.append(Minimum(category: sittingCategory, count: sitting.count)) }
        fillMinimums.sort { $0.category < $1.category }
        let recount: CountResult
        let recountBallots: PreparedBallots
        switch count {
        case let .stv(record):
            let recountProfile = profile.withdrawing(leaving).replacingCandidates(candidates)
            // ERS97 7.1: the papers counted again by the count's rule, its ties decided as the
            // count's were (the same order, or a draw from the same seed).
            recountBallots = PreparedBallots(path: ballots.path, format: ballots.format, region: ballots.region, profile: recountProfile)
            recount = try Election.count(
                recountBallots,
                seats: places, method: .stv(record.rule), minimums: fillMinimums,
                ties: TieBreaker(explicitOrder: ties.explicitOrder, seed: ties.seed), context: context
            )
        case let .block(record):
            // The count's totals, one mark a ballot, placed again: equal totals in the order the
            // count placed them.
            let totals = profile.withTotals(record.votes).withdrawing(leaving).replacingCandidates(candidates)
            recountBallots = PreparedBallots(path: ballots.path, format: ballots.format, region: ballots.region, profile: totals)
            recount = try Election.count(
                recountBallots,
                seats: places, method: .block(votesPerBallot: 1, overVotes: .void), minimums: fillMinimums,
                ties: TieBreaker(explicitOrder: record.placing, seed: ties.seed), context: context
            )
        }
        guard sitting.allSatisfy(recount.elected.contains) else {
            throw ElectionFailure.internalFault("the vacancy's count did not keep every member who stays elected")
        }
        let filledBy = recount.elected.filter { !sitting.contains($0) }
        return VacancyOutcome(
            ballots: ballots, rule: VacancyRule(method), count: count, vacating: vacating, sitting: sitting, recount: recount, recountBallots: recountBallots,
            filledBy: filledBy, needs: needs(minimums, sitting: sitting, filledBy: filledBy, count: count, candidates: profile.candidates, available: available)
        )
    }

    /// How a minimum helped elect `candidate` in `count`, if it did: displacement (block vote);
    /// for STV, a minimum they count toward when guard and doom acted in the count.
    static func minimumThatElected(_ candidate: Int, in count: CountResult, candidates: [Candidate]) -> String? {
        switch count {
        case let .block(record):
            return record.displacements.first { $0.by == candidate }.map { "elected in place of a higher-placed candidate to meet \($0.minimum)" }
        case let .stv(record):
            guard !record.constraintEvents.isEmpty,
                  let minimum = record.minimums.first(where: { candidates[candidate].categories.contains($0.category) })
            else { return nil }
            let events = record.constraintEvents.map { event in
                let name = candidates[event.candidate].name
                return switch event.kind {
                case .guarded: "\(name) kept from exclusion at stage \(event.stage)"
                case .doomed: "\(name) excluded at stage \(event.stage), doomed"
                case .notElected: "\(name) not elected at stage \(event.stage), doomed"
                }
            }
            return "elected under the minimum \(minimum), which shaped the count: " + events.joined(separator: "; ")
        }
    }

    /// What each minimum needs of the new members: its category's members who stay, and how
    /// many more it needs; for block vote, who was placed above the first new member it took
    /// and passed over.
    static func needs(
        _ minimums: [Minimum], sitting: [Int], filledBy: [Int], count: CountResult, candidates: [Candidate], available: (Minimum) -> Int
    ) -> [VacancyOutcome.MinimumNeed] {
        minimums.compactMap { minimum in
            let inCategory = { (candidate: Int) in candidates[candidate].categories.contains(minimum.category) }
            let staying = sitting.filter(inCategory).count
            let wanted = max(0, minimum.count - staying)
            let needed = min(wanted, filledBy.count, available(minimum) - staying)
            guard wanted > 0 else { return nil }
            var passedOver: [Int] = []
            if case let .block(record) = count, let first = filledBy.first(where: inCategory) {
                let above = record.placing.prefix { $0 != first }
                passedOver = above.filter { !record.elected.contains($0) && !filledBy.contains($0) }
            }
            return .init(minimum: minimum, sitting: staying, needed: needed, unmet: minimum.count - staying - needed, passedOver: passedOver)
        }
    }
}
