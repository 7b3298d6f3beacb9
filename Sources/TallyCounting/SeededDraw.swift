/// The documented pseudo-random draw used to break a tie that nothing else decides.
///
/// Generator: SplitMix64 (Steele, Lea and Flood, 2014), started at the seed. One generator serves
/// a whole count, so the n-th draw of a count is reproducible from the seed alone.
///
/// A draw among tied candidates: list them in ballot-file order; then, for i from the last
/// position down to 1, pick j uniformly from 0...i and swap positions i and j (Fisher–Yates).
/// j is `r mod (i+1)` for the first generator output r below the largest multiple of (i+1) that
/// fits in 64 bits (outputs at or above it are discarded, so every j is equally likely). The
/// shuffled list is the order of favour: the first candidate wins the tie. docs/ties.md works an
/// example by hand.
public struct SeededDraw: Sendable {
    public let seed: UInt64
    private var generator: SplitMix64
    /// How many draws this generator has made.
    public private(set) var drawsMade = 0

    public init(seed: UInt64) {
        self.seed = seed
        generator = SplitMix64(seed: seed)
    }

    /// The next 64-bit output of SplitMix64.
    public mutating func next() -> UInt64 { generator.next() }

    /// A whole number in 0..<bound, by rejection so that every value is equally likely.
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64.max - (UInt64.max % bound) // outputs ≥ limit would bias the result
        while true {
            let r = next()
            if r < limit { return r % bound }
        }
    }

    /// The tied candidates shuffled by Fisher–Yates; the first is the most favoured.
    public mutating func shuffle(_ candidates: [Int]) -> [Int] {
        drawsMade += 1
        var order = candidates.sorted()
        var i = order.count - 1
        while i > 0 {
            let j = Int(uniform(below: UInt64(i + 1)))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}
