/// The SplitMix64 generator (Steele, Lea and Flood, 2014): 64-bit outputs from a 64-bit state
/// that advances by a fixed odd constant. Tie draws (`SeededDraw`) and simulations
/// (`SimulationRandom`) both use it, so one documented algorithm serves every random draw.
public struct SplitMix64: Sendable {
    /// The state's increment, 2⁶⁴ divided by the golden ratio, made odd.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next output.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
