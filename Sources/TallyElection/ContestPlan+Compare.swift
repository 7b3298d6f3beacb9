import TallyCounting

extension ContestPlan {
    /// Compares every prepared section: STV by the section's rule (or `rule`, when given) against
    /// block vote on each ballot's first N preferences, with the section's seats and minimums.
    public func compare(_ sections: [PreparedSection], rule: STVRule?, seed: UInt64) throws(ElectionFailure) -> ContestComparison {
        var compared: [ContestComparison.Section] = []
        for section in sections {
            let profile = section.ballots.profile
            let context = "\(file): section \"\(section.plan.name)\""
            let sectionRule: STVRule = switch section.plan.method {
            case let .stv(own): rule ?? own
            case .block: rule ?? .ers97
            }
            do {
                let comparison = try Comparison(profile: profile, seats: section.plan.seats, rule: sectionRule, minimums: section.plan.minimums, seed: seed, tieOrder: profile.tieOrder)
                compared.append(ContestComparison.Section(plan: section.plan, ballots: section.ballots, comparison: comparison))
            } catch {
                throw ElectionFailure.counting(error, context) { profile.candidates[$0].name }
            }
        }
        do {
            return ContestComparison(plan: self, sections: compared, totals: try ComparisonTotals(compared.map(\.comparison)))
        } catch {
            throw ElectionFailure.counting(error, file)
        }
    }
}
