/// A fixed number of decimal places, pinned by a type so that a rule's arithmetic cannot be
/// mixed with another's by accident.
public protocol DecimalPlaces: Sendable {
    /// How many digits follow the decimal point.
    static var count: Int { get }
}

/// Whole numbers (block vote totals; the Scottish quota).
public enum ZeroPlaces: DecimalPlaces { public static let count = 0 }
/// Hundredths: ERS97 values (rule 5.1.1: "all values are worked to two decimal places").
public enum TwoPlaces: DecimalPlaces { public static let count = 2 }
/// Scottish STV transfer values (SSI 2007/42 rule 48(3): "to 5 decimal places").
public enum FivePlaces: DecimalPlaces { public static let count = 5 }
/// Meek's method as in the PR Foundation reference rule: nine decimal places.
public enum NinePlaces: DecimalPlaces { public static let count = 9 }
