import TallyBallotFiles
import TallyModel

/// A scenario adjusted so that its simulated block-vote totals match a published result
/// (docs/scenarios.md, "Calibration").
///
/// The target is each candidate's published total per voter (the scenario's voters). Each round
/// draws the same electorate of `fitVoters` voters (common random numbers, so rounds differ only
/// by the parameters) and counts each ballot's first N preferences as its marks. Then: each
/// bloc's share is scaled by its slate's published ÷ simulated marks (blocs without a slate by
/// the independents'), each candidate's popularity by their own published ÷ simulated, both
/// damped by half; and every fourth round each slate bloc's cohesion moves by a step, up or
/// down, if that lowers the error, the step halving when neither does. The parameters of the
/// round with the smallest error are kept. Parameters are held in millionths, as in scenario
/// files, and every step is whole-number arithmetic (divisions rounded down), so the fit is the
/// same on every machine.
public struct BlockTotalsFit: Sendable {
    /// One candidate's published and simulated totals.
    public struct CandidateFit: Sendable, Equatable {
        public let name: String
        public let published: Int64
        /// Marks in one simulated electorate of the scenario's size, fitted parameters.
        public let simulated: Int64
        /// (simulated − published) ÷ published, in hundredths of a percent, rounded toward zero.
        public let errorBasisPoints: Int64
    }

    /// The fitted scenario.
    public let scenario: Scenario
    public let candidates: [CandidateFit]
    public let rounds: Int
    /// Voters drawn per round.
    public let fitVoters: Int

    /// Rounds of adjustment.
    public static let defaultRounds = 40
    /// The most voters drawn per round.
    public static let maximumFitVoters = 30_000

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Fits `start` to `totals`, drawing at most `maximumFitVoters` voters a round.
    public init(
        scenario start: Scenario, totals: PublishedTotals, seed: UInt64, rounds: Int = BlockTotalsFit.defaultRounds,
        maximumFitVoters: Int = BlockTotalsFit.maximumFitVoters
    ) throws(Problem) {
        guard start.sections.count == 1 else {
            throw Problem(description: "calibration needs a scenario without regions (block-vote totals are published for one contest)")
        }
        // Match the published names to the scenario's candidates, one to one.
        var published = [Int64?](repeating: nil, count: start.candidates.count)
        for entry in totals.entries {
            let key = Candidate.matchingKey(for: entry.name)
            guard let index = start.candidates.firstIndex(where: { Candidate.matchingKey(for: $0.name) == key }) else {
                throw Problem(description: "\(totals.file):\(entry.line): '\(Excerpt.of(entry.name))' is not a candidate in the scenario")
            }
            published[index] = entry.votes
        }
        let missing = start.candidates.indices.filter { published[$0] == nil }.map { start.candidates[$0].name }
        guard missing.isEmpty else { throw Problem(description: "\(totals.file): no total for \(missing.joined(separator: ", "))") }
        let targets = published.map { $0! }
        let voters = start.voters
        let seats = start.sections[0].seats
        let marks = targets.reduce(0, +)
        guard marks <= Int64(voters) * Int64(seats) else {
            throw Problem(description: "the totals add up to \(marks) marks, more than \(voters) voters can make with \(seats) each; raise the scenario's voters")
        }

        let fitVoters = min(voters, maximumFitVoters)
        // Published and simulated marks are compared per voter, in whole numbers: a candidate's
        // goal is published × fitVoters, what a round got is simulated marks × voters.
        let goals = targets.map { Int128($0) * Int128(fitVoters) }
        let slateOf = start.slateOfCandidate
        let blocMembers = start.blocs.map { bloc in start.candidates.indices.filter { slateOf[$0] == bloc.slate } }
        var current = start
        var best = start
        var bestError = Int128.max
        /// Cohesion steps, by bloc, in millionths: 0.1 at first, halving to 0.005.
        var steps = [UInt64](repeating: 100_000, count: start.blocs.count)

        func got(_ scenario: Scenario) -> [Int128] {
            BlockTotalsFit.marks(scenario.withVoters(fitVoters), seed: seed, trial: 1).map { Int128($0) * Int128(voters) }
        }
        /// Σ (relative error)², each relative error in millionths (rounded toward zero).
        func error(_ got: [Int128]) -> Int128 {
            zip(got, goals).reduce(Int128(0)) { sum, pair in
                guard pair.1 > 0 else { return sum }
                let relative = (pair.0 - pair.1) * 1_000_000 / pair.1
                return sum + relative * relative
            }
        }
        /// `value × (goal + got) ÷ (2 × got)`, rounded down: halfway from `value` to
        /// `value × goal ÷ got`; doubled when nothing was got.
        func halfwayScaled(_ value: Int128, goal: Int128, got: Int128) -> Int128 {
            got > 0 ? value * (goal + got) / (2 * got) : value * 2
        }

        for round in 1...rounds {
            let marks = got(current)
            let roundError = error(marks)
            if roundError < bestError { bestError = roundError; best = current }

            if round % 4 == 0 {
                for (index, bloc) in current.blocs.enumerated() where bloc.slate != nil {
                    var improved = false
                    for up in [true, false] {
                        let cohesion = bloc.cohesion.millionths
                        guard up ? cohesion + steps[index] <= Chance.scale : cohesion >= steps[index] else { continue }
                        var trial = current
                        trial.blocs[index].cohesion = Chance(millionths: up ? cohesion + steps[index] : cohesion - steps[index])
                        if error(got(trial)) < roundError {
                            current = trial
                            improved = true
                            break
                        }
                    }
                    if !improved { steps[index] = max(steps[index] / 2, 5_000) }
                }
                continue
            }

            // Shares: by the slate's (or the independents') published ÷ simulated marks, then
            // brought back to a total of 1 (largest remainders).
            let weights = current.blocs.indices.map { index -> Int in
                let goal = blocMembers[index].reduce(Int128(0)) { $0 + goals[$1] }
                let share = Int128(current.blocs[index].share.millionths) * 1_000
                guard goal > 0 else { return Int(share) }
                return Int(min(halfwayScaled(share, goal: goal, got: blocMembers[index].reduce(Int128(0)) { $0 + marks[$1] }), 1_000_000_000_000))
            }
            let shares = Scenario.apportion(Int(Chance.scale), by: weights)
            for index in current.blocs.indices { current.blocs[index].share = Chance(millionths: UInt64(shares[index])) }

            // Popularity: by each candidate's own published ÷ simulated marks, kept within
            // 10⁻⁶ … 10⁶ (in millionths, 1 … 10¹²).
            for index in current.candidates.indices where goals[index] > 0 {
                let scaled = halfwayScaled(Int128(current.candidates[index].popularity), goal: goals[index], got: marks[index])
                current.candidates[index].popularity = UInt64(min(max(scaled, 1), 1_000_000_000_000))
            }
        }
        if error(got(current)) < bestError { best = current }

        scenario = best
        self.rounds = rounds
        self.fitVoters = fitVoters
        let check = BlockTotalsFit.marks(best, seed: seed, trial: 1)
        candidates = start.candidates.indices.map { index in
            let difference = check[index] - targets[index]
            return CandidateFit(
                name: start.candidates[index].name, published: targets[index], simulated: check[index],
                errorBasisPoints: targets[index] > 0 ? difference * 10_000 / targets[index] : 0
            )
        }
    }

    /// Block-vote marks per candidate (scenario index) in trial `trial` of `scenario`: each
    /// ballot's first N preferences, N = seats.
    static func marks(_ scenario: Scenario, seed: UInt64, trial: Int) -> [Int64] {
        var counts = [Int64](repeating: 0, count: scenario.candidates.count)
        let standing = scenario.sections[0].candidates
        let seats = scenario.sections[0].seats
        Simulation(scenario: scenario, seed: seed).drawElectorate(trial: trial) { _, ranking, _ in
            for candidate in ranking.prefix(seats) { counts[standing[Int(candidate)]] += 1 }
        }
        return counts
    }
}
