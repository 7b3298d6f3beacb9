import TallyCounting

/// The pseudo-random numbers of a simulation: SplitMix64 (Steele, Lea and Flood, 2014), the
/// generator of Tally's tie draws (docs/ties.md), here drawing electorates.
///
/// Every draw is integer arithmetic, so a seed gives the same electorates on every machine.
/// Trial `t` (from 1) of a simulation with seed `s` starts its own generator at
/// `SimulationRandom.trialSeed(s, t)`: trials do not depend on one another or on which thread
/// draws them (docs/scenarios.md).
public struct SimulationRandom: Sendable {
    @usableFromInline var generator: SplitMix64

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// The next 64-bit output.
    @inlinable
    public mutating func next() -> UInt64 { generator.next() }

    /// A whole number in 0..<bound, every value equally likely: the high 64 bits of
    /// `next() × bound`, redrawn when the low bits fall in the biased zone (Lemire, 2019).
    @inlinable
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// The seed of trial `trial` (1-based) of a run seeded `seed`: the `trial`-th output of
    /// SplitMix64 started at `seed`.
    public static func trialSeed(_ seed: UInt64, trial: Int) -> UInt64 {
        var generator = SplitMix64(seed: seed &+ UInt64(trial - 1) &* SplitMix64.increment)
        return generator.next()
    }
}
