import TallyArithmetic

/// One figure for each candidate at one stage (votes after the stage, or the change at it), by
/// candidate index, held compactly as whole units of 10^-places: eight bytes a candidate, and
/// only for the blocks of candidates whose figure changed at the stage (`PerCandidate`).
public struct StageFigures: RandomAccessCollection, Sendable, Equatable {
    /// The rule's decimal places.
    public let places: Int
    /// Each candidate's figure in units of 10^-places.
    public let units: PerCandidate<Int64>

    /// `units` by candidate; with `previous` (the same figures at the stage before), the blocks
    /// that did not change are shared with it (`PerCandidate`).
    public init(units: [Int64], places: Int, sharingWith previous: StageFigures? = nil) {
        self.units = PerCandidate(units, sharingWith: previous?.units)
        self.places = places
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { units.count }

    public subscript(candidate: Int) -> DecimalValue { DecimalValue(units: units[candidate], places: places) }
}
