/// A probability or a share, held exactly in millionths: 0 is never, 1,000,000 always.
///
/// Scenario files give chances as decimals (`0.85`); they are rounded to six places once, when
/// read, so every draw after that is integer arithmetic and the same on every machine.
public struct Chance: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let millionths: UInt64

    /// Certainty: one million millionths.
    public static let scale: UInt64 = 1_000_000
    public static let always = Chance(millionths: scale)
    public static let never = Chance(millionths: 0)

    public init(millionths: UInt64) {
        precondition(millionths <= Chance.scale, "a chance is at most 1")
        self.millionths = millionths
    }

    /// The chance nearest `value` (0…1), to six decimals; nil outside 0…1 or not a number.
    public init?(_ value: Double) {
        guard value.isFinite, value >= 0, value <= 1 else { return nil }
        self.init(millionths: UInt64((value * Double(Chance.scale)).rounded()))
    }

    /// True with this chance: one uniform draw below a million.
    @inlinable
    public func happens(_ random: inout SimulationRandom) -> Bool {
        random.uniform(below: Chance.scale) < millionths
    }

    /// `0.850000` → `0.85`: six places without trailing zeros.
    public var description: String { Chance.decimal(millionths) }

    /// A non-negative number of millionths as a short decimal.
    public static func decimal(_ millionths: UInt64) -> String {
        let whole = millionths / Chance.scale
        var fraction = String(millionths % Chance.scale)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    public static func < (lhs: Chance, rhs: Chance) -> Bool { lhs.millionths < rhs.millionths }
}
