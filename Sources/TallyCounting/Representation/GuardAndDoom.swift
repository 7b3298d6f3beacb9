import TallyModel

/// Guard and doom (Grey–Fitzgerald; counting-rules.md §5) for STV counts with minimums: after
/// every stage, a continuing candidate who must be elected for the minimums to be met is
/// *guarded* (never excluded), and one who can no longer be elected without breaking a minimum
/// is *doomed* (excluded at the next opportunity, never elected). Works for several categories
/// at once and for candidates in more than one.
struct GuardAndDoom: Sendable {
    let rules: RepresentationRules

    var isActive: Bool { !rules.isEmpty }

    /// Continuing candidates whose election would leave the minimums impossible to meet with the
    /// places then left. Candidates who count toward the same minimums are interchangeable, so
    /// the test is made once for each such group.
    func doomed(elected: [Int], continuing: [Int], placesLeft: Int) -> [Int] {
        guard isActive, placesLeft > 0 else { return [] }
        var verdict: [[Int]: Bool] = [:]
        return continuing.filter { candidate in
            let group = rules.membership[candidate]
            if let known = verdict[group] { return known }
            let others = continuing.filter { $0 != candidate }
            let doomed = !rules.canMeet(elected: elected + [candidate], places: placesLeft - 1, from: others)
            verdict[group] = doomed
            return doomed
        }
    }

    /// Continuing candidates whose exclusion would leave the minimums impossible to meet (only
    /// candidates in some category can be; one test for each group of interchangeable ones).
    func guarded(elected: [Int], continuing: [Int], placesLeft: Int) -> Set<Int> {
        guard isActive, placesLeft > 0 else { return [] }
        var verdict: [[Int]: Bool] = [:]
        return Set(continuing.filter { candidate in
            let group = rules.membership[candidate]
            if group.isEmpty { return false }
            if let known = verdict[group] { return known }
            let guarded = !rules.canMeet(elected: elected, places: placesLeft, from: continuing.filter { $0 != candidate })
            verdict[group] = guarded
            return guarded
        })
    }

    /// Why `candidate` is doomed, in words: the unmet minimums they do not count toward, e.g.
    /// "the remaining place is needed for at least 1 woman".
    func reasonDoomed(_ candidate: Int, elected: [Int], placesLeft: Int) -> String {
        let needs = rules.needs(elected)
        let unmet = rules.minimums.indices.filter { needs[$0] > 0 && !rules.counts(candidate, toward: $0) }
        let list = unmet.map { rules.minimums[$0].description }.joined(separator: " and ")
        let places = placesLeft == 1 ? "the remaining place is" : "the remaining \(placesLeft) places are"
        return "\(places) needed for \(list.isEmpty ? "the minimums" : list)"
    }

    /// The stage note for an exclusion of `count` doomed candidates: they go together, at one
    /// stage, which no rule's own text provides for.
    static func doomedNote(_ count: Int) -> String {
        count == 1
            ? "The doomed candidate is excluded at the first opportunity (minimum representation, counting-rules.md §5)."
            : "The \(count) doomed candidates are excluded together at one stage: none of them can be elected without breaking a minimum (counting-rules.md §5)."
    }

    /// Why `candidate` is guarded, in words: the unmet minimums they count toward.
    func reasonGuarded(_ candidate: Int, elected: [Int]) -> String {
        let needs = rules.needs(elected)
        let unmet = rules.minimums.indices.filter { needs[$0] > 0 && rules.counts(candidate, toward: $0) }
        return "needed for " + (unmet.isEmpty ? "the minimums" : unmet.map { rules.minimums[$0].description }.joined(separator: " and "))
    }
}
