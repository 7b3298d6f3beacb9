import TallyArithmetic
import TallyCounting

/// What many simulated elections gave, summed up by method.
public struct SimulationResult: Sendable {
    /// One method's results over all trials.
    public struct MethodSummary: Sendable {
        public let method: SimulatedMethod
        /// Seats per group (`SimulationResult.groups`), as a distribution over trials.
        public let seats: [SeatDistribution]
        /// Trials in which one group won every seat.
        public let sweeps: Int
        /// Mean Gallagher and Loosemore–Hanby indices, in percentage points (2 decimals).
        public let meanGallagher: DecimalValue
        public let meanLoosemoreHanby: DecimalValue
        /// Trials in which each candidate (scenario index) was elected.
        public let timesElected: [Int]
        /// Seat splits (seats per group) with the trials that gave them, most frequent first
        /// (equal frequencies: more seats to earlier groups first).
        public let splits: [(seats: [Int], trials: Int)]
    }

    public let scenario: Scenario
    public let rule: STVRule
    public let seed: UInt64
    public let trials: Int
    /// The groups seats are reported by: the slates, then "(independents)" if any.
    public let groups: [String]
    /// First preferences per group, summed over every trial.
    public let firstPreferences: [Int64]
    /// Voters per bloc, summed over every trial.
    public let votersByBloc: [Int]
    /// The results of each method, in `SimulatedMethod.allCases` order.
    public let methods: [MethodSummary]

    init(simulation: Simulation, outcomes: [TrialOutcome]) {
        scenario = simulation.scenario
        rule = simulation.rule
        seed = simulation.seed
        trials = outcomes.count
        groups = scenario.groups
        firstPreferences = outcomes.reduce(into: [Int64](repeating: 0, count: groups.count)) { sums, outcome in
            for index in sums.indices { sums[index] += outcome.firstPreferences[index] }
        }
        votersByBloc = outcomes.reduce(into: [Int](repeating: 0, count: scenario.blocs.count)) { sums, outcome in
            for index in sums.indices { sums[index] += outcome.votersByBloc[index] }
        }
        let totalSeats = scenario.seats
        let groupCount = groups.count
        let candidateCount = scenario.candidates.count
        let trials = outcomes.count
        methods = SimulatedMethod.allCases.enumerated().map { method, name in
            var histograms = [[Int]](repeating: [Int](repeating: 0, count: totalSeats + 1), count: groupCount)
            var sweeps = 0
            var gallagher: Int64 = 0
            var loosemoreHanby: Int64 = 0
            var timesElected = [Int](repeating: 0, count: candidateCount)
            var splits: [[Int]: Int] = [:]
            for outcome in outcomes {
                let seats = outcome.seats[method]
                for (group, won) in seats.enumerated() { histograms[group][won] += 1 }
                if seats.contains(totalSeats) { sweeps += 1 }
                gallagher += outcome.gallagher[method]
                loosemoreHanby += outcome.loosemoreHanby[method]
                for candidate in outcome.elected[method] { timesElected[candidate] += 1 }
                splits[seats, default: 0] += 1
            }
            let ordered = splits.sorted { $0.value != $1.value ? $0.value > $1.value : $1.key.lexicographicallyPrecedes($0.key) }
            return MethodSummary(
                method: name, seats: histograms.map(SeatDistribution.init), sweeps: sweeps,
                meanGallagher: SeatDistribution.ratio(gallagher, Int64(trials) * 100),
                meanLoosemoreHanby: SeatDistribution.ratio(loosemoreHanby, Int64(trials) * 100),
                timesElected: timesElected, splits: ordered.map { ($0.key, $0.value) }
            )
        }
    }
}
