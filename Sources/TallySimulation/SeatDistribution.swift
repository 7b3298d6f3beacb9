import TallyArithmetic

/// How many seats one group won across the trials of a simulation.
public struct SeatDistribution: Sendable, Equatable {
    /// `trialsWith[s]`: the number of trials in which the group won `s` seats.
    public let trialsWith: [Int]

    public init(trialsWith: [Int]) { self.trialsWith = trialsWith }

    public var trials: Int { trialsWith.reduce(0, +) }

    /// The mean number of seats, to 2 decimals, rounded half up.
    public var mean: DecimalValue {
        let seats = trialsWith.enumerated().reduce(0) { $0 + $1.offset * $1.element }
        return SeatDistribution.ratio(Int64(seats), Int64(trials))
    }

    /// The `percent`-th percentile by the nearest-rank method: the fewest seats `s` such that at
    /// least ⌈percent × trials ÷ 100⌉ trials gave the group `s` seats or fewer.
    public func percentile(_ percent: Int) -> Int {
        let rank = max(1, (percent * trials + 99) / 100)
        var running = 0
        for (seats, count) in trialsWith.enumerated() {
            running += count
            if running >= rank { return seats }
        }
        return trialsWith.count - 1
    }

    /// `numerator ÷ denominator` to 2 decimals, rounded half up; 0 when there is nothing to
    /// divide by. (Summaries only: no count depends on it.)
    static func ratio(_ numerator: Int64, _ denominator: Int64) -> DecimalValue {
        guard denominator > 0, let value = try? FixedDecimal<TwoPlaces>.ratio(numerator, denominator, rounding: .halfUp) else {
            return DecimalValue(units: 0, places: 2)
        }
        return DecimalValue(value)
    }
}
