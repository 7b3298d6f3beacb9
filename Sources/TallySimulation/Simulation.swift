import Dispatch
import Synchronization
import TallyCounting
import TallyModel

/// Many synthetic elections drawn from one scenario, each counted by STV and by block vote.
///
/// Trial `t` draws from its own generator, seeded `SimulationRandom.trialSeed(seed, t)`: its
/// first output seeds the tie breaker of both counts, then each section's voters are drawn in
/// turn. Trials are shared between threads, but each outcome is kept in its trial's place and
/// summed in trial order, so the result of a seed does not depend on the number of threads.
public struct Simulation: Sendable {
    public let scenario: Scenario
    public let rule: STVRule
    public let seed: UInt64
    let generators: [ElectorateGenerator]
    /// Each section's candidates as its ballot profiles hold them.
    let profileCandidates: [[Candidate]]
    /// For each candidate, its group in `scenario.groups`.
    let groupOf: [Int]
    let groupCount: Int

    public init(scenario: Scenario, rule: STVRule? = nil, seed: UInt64) {
        self.scenario = scenario
        self.rule = rule ?? scenario.rule
        self.seed = seed
        generators = scenario.sections.indices.map { ElectorateGenerator(scenario: scenario, section: $0) }
        profileCandidates = scenario.sections.indices.map { scenario.profileCandidates(section: $0) }
        groupOf = scenario.groupOfCandidate
        groupCount = scenario.groups.count
    }

    /// Draws trial `trial`'s electorate, calling `body` with each ballot: its section, its ranking
    /// (section-local candidate indices) and its bloc. Returns the seed of the trial's tie breaker.
    @discardableResult
    public func drawElectorate(trial: Int, _ body: (Int, UnsafeBufferPointer<UInt16>, Int) throws -> Void) rethrows -> UInt64 {
        var random = SimulationRandom(seed: SimulationRandom.trialSeed(seed, trial: trial))
        let tieSeed = random.next()
        for (section, generator) in generators.enumerated() {
            try generator.draw(voters: scenario.sections[section].voters, random: &random) { try body(section, $0, $1) }
        }
        return tieSeed
    }

    /// Trial `trial`'s electorate as one ballot profile per section (identical rankings merged),
    /// with the voters of each bloc.
    public func electorate(trial: Int) throws -> (profiles: [BallotProfile], votersByBloc: [Int], tieSeed: UInt64) {
        var builders = scenario.sections.indices.map { section in
            (BallotProfileBuilder(rule: IrregularBallotRule(candidateCount: generators[section].candidateCount, withdrawn: []), expectedRankings: min(scenario.sections[section].voters, 1 << 16)), 0)
        }
        var votersByBloc = [Int](repeating: 0, count: scenario.blocs.count)
        let tieSeed = try drawElectorate(trial: trial) { section, ranking, bloc in
            builders[section].1 += 1
            votersByBloc[bloc] += 1
            try builders[section].0.addDrawn(ranking)
        }
        let profiles = scenario.sections.indices.map { section in
            builders[section].0.profile(
                title: scenario.sections[section].name, candidates: profileCandidates[section],
                seats: scenario.sections[section].seats, withdrawn: [], tieOrder: nil, regions: []
            )
        }
        return (profiles, votersByBloc, tieSeed)
    }

    /// Draws and counts trial `trial` both ways.
    public func runTrial(_ trial: Int) throws -> TrialOutcome {
        let (profiles, votersByBloc, tieSeed) = try electorate(trial: trial)
        var firstPreferences = [Int64](repeating: 0, count: groupCount)
        var seats = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: SimulatedMethod.allCases.count)
        var elected = [[Int]](repeating: [], count: SimulatedMethod.allCases.count)
        for (index, section) in scenario.sections.enumerated() {
            let profile = profiles[index]
            profile.withRankings { entries, starts, weights in
                for ballot in 0..<weights.count where starts[ballot] < starts[ballot + 1] {
                    firstPreferences[groupOf[section.candidates[entries[starts[ballot]].candidate]]] += weights[ballot]
                }
            }
            let stv = try STV(rule: rule, seats: section.seats, minimums: section.minimums).count(profile, ties: TieBreaker(seed: tieSeed))
            let block = try BlockVote(seats: section.seats, overVotes: .countFirst, minimums: section.minimums).count(profile, ties: TieBreaker(seed: tieSeed))
            for (method, winners) in [stv.elected, block.elected].enumerated() {
                for local in winners {
                    let candidate = section.candidates[local]
                    elected[method].append(candidate)
                    seats[method][groupOf[candidate]] += 1
                }
            }
        }
        let total = firstPreferences.reduce(0, +)
        var gallagher: [Int64] = []
        var loosemoreHanby: [Int64] = []
        for method in seats.indices {
            let index = try Disproportionality(votes: firstPreferences, seats: seats[method], totalVotes: total, totalSeats: scenario.seats)
            gallagher.append(index.gallagher.units)
            loosemoreHanby.append(index.loosemoreHanby.units)
        }
        return TrialOutcome(
            firstPreferences: firstPreferences, votersByBloc: votersByBloc, seats: seats, elected: elected,
            gallagher: gallagher, loosemoreHanby: loosemoreHanby
        )
    }

    /// Runs trials 1…`trials` on `threads` threads and sums them up. `progress` is called (from
    /// any thread) with the number of trials finished so far.
    public func run(trials: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> SimulationResult {
        precondition(trials >= 1 && threads >= 1, "at least one trial and one thread")
        let work = TrialQueue(trials: trials)
        let workers = min(threads, trials)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let trial = work.take() {
                let outcome = Result { try runTrial(trial) }
                let finished = work.store(outcome, trial: trial)
                progress?(finished)
            }
        }
        let outcomes = try work.outcomes().map { try $0.get() }
        return SimulationResult(simulation: self, outcomes: outcomes)
    }
}

/// Trials handed out one at a time to worker threads, and their outcomes kept by trial.
private final class TrialQueue: Sendable {
    private struct State {
        var next = 1
        var finished = 0
        var outcomes: [Result<TrialOutcome, any Error>?]
    }

    private let trials: Int
    private let state: Mutex<State>

    init(trials: Int) {
        self.trials = trials
        state = Mutex(State(outcomes: Array(repeating: nil, count: trials)))
    }

    /// The next trial to run, or nil when all are taken.
    func take() -> Int? {
        state.withLock { state in
            guard state.next <= trials else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// Keeps a trial's outcome; returns how many trials have finished.
    func store(_ outcome: Result<TrialOutcome, any Error>, trial: Int) -> Int {
        state.withLock { state in
            state.outcomes[trial - 1] = outcome
            state.finished += 1
            return state.finished
        }
    }

    /// The outcomes in trial order (every trial has run: a failure is reported for the first
    /// trial that failed, whichever thread ran it).
    func outcomes() -> [Result<TrialOutcome, any Error>] {
        state.withLock { state in state.outcomes.compactMap { $0 } }
    }
}
