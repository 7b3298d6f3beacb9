/// The pseudo-random numbers of a simulation: SplitMix64 (Steele, Lea and Flood, 2014), the
/// generator of Tally's tie draws (docs/ties.md), here drawing electorates.
///
/// Every draw is integer arithmetic, so a seed gives the same electorates on every machine.
/// Trial `t` (from 1) of a simulation with seed `s` starts its own generator at
/// `SimulationRandom.trialSeed(s, t)`: trials do not depend on one another or on which thread
/// draws them (docs/scenarios.md).
public struct SimulationRandom: Sendable {
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64-bit output.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
        var generator = SimulationRandom(seed: seed &+ UInt64(trial - 1) &* 0x9E37_79B9_7F4A_7C15)
        return generator.next()
    }
}
