import Dispatch
import Synchronization
import TallyModel

/// How stable a count's result is under bootstrap resampling (docs/margins.md): each resample
/// draws as many ballots as were counted, with replacement, from the ballots themselves, and is
/// counted again. Resample r is drawn from its own seed (`SimulationRandom.trialSeed(seed, r)`),
/// so the figures are the same on any number of threads.
public struct Resampling: Sendable {
    public let resamples: Int
    public let seed: UInt64
    /// For each candidate, the resamples that elected them.
    public let timesElected: [Int]
    /// The resamples that elected exactly the count's winners.
    public let unchanged: Int

    /// Draws and counts `resamples` resamples of `profile` by `count` (which returns the elected)
    /// on `threads` threads; `winners` are the count's own.
    public init(
        profile: BallotProfile, winners: [Int], resamples: Int, seed: UInt64, threads: Int,
        count: @escaping @Sendable (BallotProfile) throws -> [Int]
    ) throws {
        precondition(resamples >= 1 && threads >= 1, "at least one resample and one thread")
        var cumulative: [Int64] = []
        var total: Int64 = 0
        for ballot in profile.ballots {
            total += ballot.weight
            cumulative.append(total)
        }
        let bounds = cumulative, ballots = total
        guard ballots > 0 else { throw ResamplingError.noBallots }
        let results = Mutex([Result<[Int], any Error>?](repeating: nil, count: resamples))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, resamples)) { _ in
            while true {
                let resample = next.add(1, ordering: .relaxed).oldValue
                guard resample < resamples else { return }
                let outcome = Result { () throws -> [Int] in
                    var random = SimulationRandom(seed: SimulationRandom.trialSeed(seed, trial: resample + 1))
                    var weights = [Int64](repeating: 0, count: bounds.count)
                    for _ in 0..<ballots {
                        // The ballot drawn: the first ranking whose cumulative weight exceeds the draw.
                        let draw = Int64(random.uniform(below: UInt64(ballots)))
                        var low = 0, high = bounds.count - 1
                        while low < high {
                            let middle = (low + high) / 2
                            if bounds[middle] > draw { high = middle } else { low = middle + 1 }
                        }
                        weights[low] += 1
                    }
                    return try count(profile.reweighted(weights))
                }
                results.withLock { $0[resample] = outcome }
            }
        }
        let elected = try results.withLock { try $0.map { try $0!.get() } }
        var times = [Int](repeating: 0, count: profile.candidates.count)
        var unchanged = 0
        let original = Set(winners)
        for winnersOfResample in elected {
            for candidate in winnersOfResample { times[candidate] += 1 }
            if Set(winnersOfResample) == original { unchanged += 1 }
        }
        self.resamples = resamples
        self.seed = seed
        timesElected = times
        self.unchanged = unchanged
    }
}

/// Resampling needs ballots to draw from.
public enum ResamplingError: Error, Sendable, CustomStringConvertible {
    case noBallots
    public var description: String { "there are no valid ballots to resample" }
}
