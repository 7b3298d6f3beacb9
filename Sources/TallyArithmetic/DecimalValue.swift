/// An exact decimal held as whole units of 10^-places, for records and reports that must not
/// depend on a rule's arithmetic type.
public struct DecimalValue: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let units: Int64
    public let places: Int

    public init(units: Int64, places: Int) {
        self.units = units
        self.places = places
    }

    public init<P: DecimalPlaces>(_ value: FixedDecimal<P>) {
        self.init(units: value.units, places: P.count)
    }

    /// The value with exactly `places` decimals, e.g. `107.58`.
    public var description: String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let magnitude = units.magnitude
        let sign = units < 0 ? "-" : ""
        guard places > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % scale)
        return "\(sign)\(magnitude / scale).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    /// Compares values of the same places (values of different places compare by units).
    public static func < (lhs: DecimalValue, rhs: DecimalValue) -> Bool { lhs.units < rhs.units }
}
