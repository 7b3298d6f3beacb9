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
/// files; the search uses only +, −, × and ÷, so it gives the same fit on every machine.
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
                throw Problem(description: "\(totals.file):\(entry.line): '\(entry.name)' is not a candidate in the scenario")
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
        let target = targets.map { Double($0) / Double(voters) }
        let slateOf = start.slateOfCandidate
        var current = start
        var best = start
        var bestError = Double.infinity
        var steps = [Double](repeating: 0.1, count: start.blocs.count)

        func simulatedRates(_ scenario: Scenario, voters: Int, trial: Int = 1) -> [Double] {
            let counts = BlockTotalsFit.marks(scenario.withVoters(voters), seed: seed, trial: trial)
            return counts.map { Double($0) / Double(voters) }
        }
        func error(_ rates: [Double]) -> Double {
            var sum = 0.0
            for (rate, goal) in zip(rates, target) where goal > 0 { sum += (rate - goal) * (rate - goal) / (goal * goal) }
            return sum
        }

        for round in 1...rounds {
            let rates = simulatedRates(current, voters: fitVoters)
            let roundError = error(rates)
            if roundError < bestError { bestError = roundError; best = current }

            if round % 4 == 0 {
                for (index, bloc) in current.blocs.enumerated() where bloc.slate != nil {
                    var improved = false
                    for direction in [1.0, -1.0] {
                        let value = Double(bloc.cohesion.millionths) / Double(Chance.scale) + direction * steps[index]
                        guard value >= 0, value <= 1 else { continue }
                        var trial = current
                        trial.blocs[index].cohesion = Chance(value) ?? bloc.cohesion
                        let trialError = error(simulatedRates(trial, voters: fitVoters))
                        if trialError < roundError {
                            current = trial
                            improved = true
                            break
                        }
                    }
                    if !improved { steps[index] = max(steps[index] / 2, 0.005) }
                }
                continue
            }

            // Shares: by the slate's (or the independents') published ÷ simulated marks.
            var shares = current.blocs.map { Double($0.share.millionths) }
            for (index, bloc) in current.blocs.enumerated() {
                let members = start.candidates.indices.filter { slateOf[$0] == bloc.slate }
                let goal = members.reduce(0.0) { $0 + target[$1] }
                let got = members.reduce(0.0) { $0 + rates[$1] }
                guard goal > 0, got > 0 else { continue }
                shares[index] *= 1 + 0.5 * (goal / got - 1)
            }
            let total = shares.reduce(0, +)
            let apportioned = Scenario.apportion(Int(Chance.scale), by: shares.map { max(1, Int(($0 / total * 1e9).rounded())) })
            for index in current.blocs.indices { current.blocs[index].share = Chance(millionths: UInt64(apportioned[index])) }

            // Popularity: by each candidate's own published ÷ simulated marks.
            for index in current.candidates.indices where target[index] > 0 {
                let ratio = rates[index] > 0 ? target[index] / rates[index] : 2
                let scaled = Double(current.candidates[index].popularity) * (1 + 0.5 * (ratio - 1))
                current.candidates[index].popularity = UInt64(min(max(scaled.rounded(), 1), 1e12))
            }
        }
        if error(simulatedRates(current, voters: fitVoters)) < bestError { best = current }

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
