/// An exact decimal number with a fixed number of places, held as a whole number of units
/// (1 unit = 10^-places).
///
/// Addition and subtraction are exact and throw `ArithmeticOverflow` rather than wrap. Every
/// operation that can lose a remainder takes an explicit `Rounding`. Products are formed in
/// 128 bits before dividing, so `a × b ÷ c` loses nothing but the final remainder (in 64 bits
/// when they fit, which is the same answer sooner). The operations are inlinable: counting loops
/// call them once per paper group.
@frozen
public struct FixedDecimal<Places: DecimalPlaces>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in units of 10^-places.
    public let units: Int64

    /// 10^places.
    @inlinable
    public static var scale: Int64 {
        switch Places.count { // the rules' places as constants, so that a counting loop does not look them up
        case 0: 1
        case 2: 100
        case 5: 100_000
        case 9: 1_000_000_000
        default: (0..<Places.count).reduce(1) { result, _ in result * 10 }
        }
    }

    @inlinable
    public static var zero: Self { Self(units: 0) }

    /// The smallest positive value: one unit.
    @inlinable
    public static var unit: Self { Self(units: 1) }

    @inlinable
    public init(units: Int64) { self.units = units }

    /// A whole number.
    @inlinable
    public init(_ whole: Int64) throws {
        let (units, overflow) = whole.multipliedReportingOverflow(by: Self.scale)
        guard !overflow else { throw ArithmeticOverflow("\(whole) × 10^\(Places.count)") }
        self.units = units
    }

    /// `numerator ÷ denominator`, worked to this type's places and rounded as stated.
    @inlinable
    public static func ratio(_ numerator: Int64, _ denominator: Int64, rounding: Rounding) throws -> Self {
        try Self(units: divide(Int128(numerator) * Int128(scale), by: Int128(denominator), rounding: rounding))
    }

    /// `self × count`, exact (a value carried by `count` papers): nothing is lost, so no rounding
    /// is taken.
    @inlinable
    public func times(_ count: Int64) throws -> Self {
        let (product, overflow) = units.multipliedReportingOverflow(by: count)
        guard !overflow else { throw ArithmeticOverflow("\(self) × \(count)") }
        return Self(units: product)
    }

    /// `self × factor ÷ divisor`, rounded once, as stated.
    @inlinable
    public func multiplied(by factor: Int64, dividedBy divisor: Int64, rounding: Rounding) throws -> Self {
        try Self(units: Self.divide(Int128(units) * Int128(factor), by: Int128(divisor), rounding: rounding))
    }

    /// `self ÷ divisor`, rounded as stated.
    @inlinable
    public func divided(by divisor: Int64, rounding: Rounding) throws -> Self {
        try Self(units: Self.divide(Int128(units), by: Int128(divisor), rounding: rounding))
    }

    /// `self × other` at this type's places, rounded as stated.
    @inlinable @inline(__always)
    public func multiplied(by other: Self, rounding: Rounding) throws -> Self {
        let (product, overflow) = units.multipliedReportingOverflow(by: other.units)
        if !overflow { return Self(units: Self.divide(product, by: Self.scale, rounding: rounding)) }
        return try Self(units: Self.divide(Int128(units) * Int128(other.units), by: Int128(Self.scale), rounding: rounding))
    }

    /// `self ÷ other` at this type's places, rounded as stated.
    @inlinable
    public func divided(by other: Self, rounding: Rounding) throws -> Self {
        try Self(units: Self.divide(Int128(units) * Int128(Self.scale), by: Int128(other.units), rounding: rounding))
    }

    /// The whole-number part, rounded as stated.
    @inlinable
    public func whole(rounding: Rounding) throws -> Int64 {
        try Self.divide(Int128(units), by: Int128(Self.scale), rounding: rounding)
    }

    /// True when the value has no fractional part.
    @inlinable
    public var isWhole: Bool { units % Self.scale == 0 }

    @inlinable
    public static func + (lhs: Self, rhs: Self) throws -> Self {
        let (sum, overflow) = lhs.units.addingReportingOverflow(rhs.units)
        guard !overflow else { throw ArithmeticOverflow("\(lhs) + \(rhs)") }
        return Self(units: sum)
    }

    @inlinable
    public static func - (lhs: Self, rhs: Self) throws -> Self {
        let (difference, overflow) = lhs.units.subtractingReportingOverflow(rhs.units)
        guard !overflow else { throw ArithmeticOverflow("\(lhs) − \(rhs)") }
        return Self(units: difference)
    }

    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.units < rhs.units }

    /// The value with exactly `Places.count` decimals, e.g. `107.58`, `-0.50`, `1914.00000`.
    public var description: String {
        let magnitude = units.magnitude
        let scale = UInt64(Self.scale)
        let sign = units < 0 ? "-" : ""
        guard Places.count > 0 else { return sign + String(magnitude) }
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: Places.count - fraction.count) + fraction
        return "\(sign)\(magnitude / scale).\(fraction)"
    }

    /// Parses a plain decimal (`"12954.9"`, `"-3"`, `"0.21"`) with at most `Places.count` decimals.
    public init?(_ text: some StringProtocol) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= Places.count, let whole = Int64(parts[0]) else { return nil }
        let padded = fraction + String(repeating: "0", count: Places.count - fraction.count)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: Self.scale)
        guard !overflow, let fractionUnits = Int64(padded.isEmpty ? "0" : padded) else { return nil }
        let (sum, overflow2) = scaled.addingReportingOverflow(fractionUnits)
        guard !overflow2 else { return nil }
        units = negative ? -sum : sum
    }

    /// `numerator ÷ denominator` (positive) in 64 bits, with the stated rounding: the same answer
    /// as the 128-bit division below, for the products that fit.
    @inlinable @inline(__always)
    static func divide(_ numerator: Int64, by denominator: Int64, rounding: Rounding) -> Int64 {
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder != 0 {
            let awayFromZero: Int64 = numerator < 0 ? -1 : 1
            switch rounding {
            case .down: break
            case .up: quotient += awayFromZero
            case .halfUp: if remainder.magnitude * 2 >= denominator.magnitude { quotient += awayFromZero }
            }
        }
        return quotient
    }

    /// Divides with the stated rounding and checks the result fits in 64 bits.
    @inlinable
    static func divide(_ numerator: Int128, by denominator: Int128, rounding: Rounding) throws -> Int64 {
        guard denominator != 0 else { throw ArithmeticOverflow("division by zero") }
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder != 0 {
            let awayFromZero: Int128 = (numerator < 0) != (denominator < 0) ? -1 : 1
            switch rounding {
            case .down: break
            case .up: quotient += awayFromZero
            case .halfUp: if remainder.magnitude * 2 >= denominator.magnitude { quotient += awayFromZero }
            }
        }
        guard let result = Int64(exactly: quotient) else { throw ArithmeticOverflow("\(numerator) ÷ \(denominator)") }
        return result
    }
}
