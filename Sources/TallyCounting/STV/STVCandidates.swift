import TallyArithmetic

/// Where each candidate stands in an STV count — continuing, elected (in order), excluded or
/// withdrawn — and the minimum-representation rules applied to them by guard and doom
/// (counting-rules.md §5), with every intervention recorded. The Gregory rules and Meek share it,
/// so guard and doom are applied the same way in each.
struct STVCandidates {
    let seats: Int
    private(set) var status: [CandidateStatus]
    /// `status == .continuing`, by candidate, for the inner loops that look for a next preference.
    private(set) var continuing: [Bool]
    /// The elected, in order of election.
    private(set) var elected: [Int] = []
    /// Guard and doom (inactive without minimums).
    let constraints: GuardAndDoom
    /// Interventions recorded at stages already recorded.
    private(set) var constraintEvents: [ConstraintEvent] = []
    /// Interventions of the stage being counted.
    private var pending: [(kind: ConstraintEvent.Kind, candidate: Int, instead: Int?, reason: String)] = []
    /// Elections of the stage being counted, with their grounds.
    private var pendingElections: [(candidate: Int, ground: STVElection.Ground, clause: String)] = []

    init(count: Int, withdrawn: [Int], seats: Int, rules: RepresentationRules) {
        self.seats = seats
        constraints = GuardAndDoom(rules: rules)
        status = Array(repeating: .continuing, count: count)
        for candidate in withdrawn { status[candidate] = .withdrawn }
        continuing = status.map { $0 == .continuing }
    }

    var placesLeft: Int { seats - elected.count }
    /// The continuing candidates ("hopeful" in Meek's terms), in ballot-file order.
    var continuingCandidates: [Int] { status.indices.filter { continuing[$0] } }

    /// Elects `candidate` on `ground`, under the rule's `clause`.
    mutating func elect(_ candidate: Int, on ground: STVElection.Ground, clause: String) {
        status[candidate] = .elected
        continuing[candidate] = false
        elected.append(candidate)
        pendingElections.append((candidate, ground, clause))
    }

    /// The elections of the stage being counted, in order, with each candidate's votes after the
    /// stage and the quota then; none are left pending.
    mutating func takeElections<Places>(votes: [FixedDecimal<Places>], quota: FixedDecimal<Places>) -> [STVElection] {
        defer { pendingElections.removeAll() }
        return pendingElections.map {
            STVElection(candidate: $0.candidate, ground: $0.ground, clause: $0.clause, votes: DecimalValue(votes[$0.candidate]), quota: DecimalValue(quota))
        }
    }

    mutating func exclude(_ candidate: Int) {
        status[candidate] = .excluded
        continuing[candidate] = false
    }

    // MARK: Guard and doom

    /// The continuing candidates who can no longer be elected without breaking a minimum: they
    /// are excluded together at the next opportunity.
    func doomed() -> [Int] {
        constraints.doomed(elected: elected, continuing: continuingCandidates, placesLeft: placesLeft)
    }

    /// True, and recorded, when electing `candidate` now would make a minimum impossible: a
    /// doomed candidate is passed over at election.
    mutating func isDoomed(_ candidate: Int) -> Bool {
        guard constraints.isActive, doomed().contains(candidate) else { return false }
        note(.notElected, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: placesLeft))
        return true
    }

    /// The candidates doomed now, recorded as excluded for it, with the stage note that says they
    /// go together and why; nil when none is. Every rule excludes them at once, at one stage.
    mutating func takeDoomed() -> (candidates: [Int], note: String)? {
        let doomed = doomed()
        guard !doomed.isEmpty else { return nil }
        for candidate in doomed {
            note(.doomed, candidate, reason: constraints.reasonDoomed(candidate, elected: elected, placesLeft: placesLeft))
        }
        return (doomed, GuardAndDoom.doomedNote(doomed.count))
    }

    /// Whether excluding all of `group` together still leaves the minimums possible to meet.
    func canExclude(_ group: [Int]) -> Bool {
        guard constraints.isActive else { return true }
        return constraints.rules.canMeet(elected: elected, places: placesLeft, from: continuingCandidates.filter { !group.contains($0) })
    }

    /// The continuing candidates a minimum needs: never excluded.
    func guarded() -> Set<Int> {
        constraints.guarded(elected: elected, continuing: continuingCandidates, placesLeft: placesLeft)
    }

    /// The continuing candidates who may be excluded — all but the guarded, or all of them if
    /// every one is guarded — and the guarded.
    func excludable() -> (candidates: [Int], guarded: Set<Int>) {
        let guarded = guarded()
        let unguarded = continuingCandidates.filter { !guarded.contains($0) }
        return (unguarded.isEmpty ? continuingCandidates : unguarded, guarded)
    }

    /// Records that each of `guarded` for whom `keptInstead` holds (no more votes than the
    /// excluded candidate) was kept, and `excluded` excluded in their place.
    mutating func noteKept(_ guarded: Set<Int>, insteadOf excluded: Int, where keptInstead: (Int) -> Bool) {
        for candidate in continuingCandidates where guarded.contains(candidate) && keptInstead(candidate) {
            note(.guarded, candidate, instead: excluded, reason: constraints.reasonGuarded(candidate, elected: elected))
        }
    }

    private mutating func note(_ kind: ConstraintEvent.Kind, _ candidate: Int, instead: Int? = nil, reason: String) {
        pending.append((kind, candidate, instead, reason))
    }

    /// Files the interventions of the stage being counted under `label`, each once.
    mutating func recordEvents(stage label: String) {
        var seen = Set<String>()
        for event in pending where seen.insert("\(event.kind.rawValue) \(event.candidate)").inserted {
            constraintEvents.append(ConstraintEvent(stage: label, kind: event.kind, candidate: event.candidate, instead: event.instead, reason: event.reason))
        }
        pending.removeAll()
    }
}
