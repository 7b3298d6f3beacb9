import TallyArithmetic

/// Papers a candidate received together, at one value each: the first preferences, or one
/// transfer.
struct Parcel<Places: DecimalPlaces> {
    /// The value of each paper in the parcel.
    var value: FixedDecimal<Places>
    var groups: [PaperGroup]
    /// The number of papers (the sum over groups).
    var papers: Int64
}
