import TallyArithmetic

/// How far seats are from votes, by group (slate): the Gallagher least-squares index and the
/// Loosemore–Hanby index, in percentage points, computed exactly (no floating point) and
/// reported to 2 decimals, rounded down.
public struct Disproportionality: Sendable, Equatable {
    /// Gallagher: √(½ Σ (vote% − seat%)²).
    public let gallagher: DecimalValue
    /// Loosemore–Hanby: ½ Σ |vote% − seat%|.
    public let loosemoreHanby: DecimalValue

    /// `votes[i]` and `seats[i]` for each group; `totalVotes` and `totalSeats` are the totals
    /// the shares are taken of.
    public init(votes: [Int64], seats: [Int], totalVotes: Int64, totalSeats: Int) throws {
        precondition(votes.count == seats.count, "one figure of each per group")
        guard totalVotes > 0, totalSeats > 0 else {
            gallagher = DecimalValue(units: 0, places: 2)
            loosemoreHanby = DecimalValue(units: 0, places: 2)
            return
        }
        // With d_i = votes_i × S − seats_i × V, vote% − seat% = 100 d_i ÷ (V S). Every |d_i| is at
        // most V S, so the sums below fit in 128 bits for any contest Tally reads; the scaling by
        // 10⁸ and 10⁴ is done digit by digit in the division, so it cannot overflow either.
        let scale = Int128(totalVotes) * Int128(totalSeats)
        let differences = zip(votes, seats).map { Int128($0) * Int128(totalSeats) - Int128($1) * Int128(totalVotes) }
        func checked(_ result: (partialValue: Int128, overflow: Bool)) throws -> Int128 {
            guard !result.overflow else { throw ArithmeticOverflow("the disproportionality indices") }
            return result.partialValue
        }
        // Gallagher × 100 (hundredths of a point) = √(10⁸ Σ d² ÷ (2 (V S)²)), rounded down.
        var squares: Int128 = 0
        for difference in differences { squares = try checked(squares.addingReportingOverflow(try checked(difference.multipliedReportingOverflow(by: difference)))) }
        let denominator = try checked(try checked(scale.multipliedReportingOverflow(by: scale)).multipliedReportingOverflow(by: 2))
        let radicand = try Disproportionality.scaledQuotient(squares, by: denominator, decimalDigits: 8)
        gallagher = DecimalValue(units: Int64(Disproportionality.squareRoot(radicand)), places: 2)
        // Loosemore–Hanby × 100 = 10⁴ Σ |d| ÷ (2 V S), rounded down.
        var absolute: Int128 = 0
        for difference in differences { absolute = try checked(absolute.addingReportingOverflow(difference < 0 ? -difference : difference)) }
        loosemoreHanby = DecimalValue(units: Int64(try Disproportionality.scaledQuotient(absolute, by: try checked(scale.multipliedReportingOverflow(by: 2)), decimalDigits: 4)), places: 2)
    }

    /// ⌊n × 10^digits ÷ d⌋ for n ≥ 0, d > 0, without forming n × 10^digits: the whole quotient,
    /// then one decimal digit at a time from the remainder (which stays below d).
    static func scaledQuotient(_ n: Int128, by d: Int128, decimalDigits: Int) throws -> Int128 {
        var quotient = n / d
        var remainder = n % d
        for _ in 0..<decimalDigits {
            let (times10, overflow) = quotient.multipliedReportingOverflow(by: 10)
            let (remainder10, overflow2) = remainder.multipliedReportingOverflow(by: 10)
            guard !overflow, !overflow2 else { throw ArithmeticOverflow("the disproportionality indices") }
            quotient = times10 + remainder10 / d
            remainder = remainder10 % d
        }
        return quotient
    }

    /// ⌊√n⌋ by Newton's method on integers.
    static func squareRoot(_ n: Int128) -> Int128 {
        guard n > 1 else { return max(n, 0) }
        var x = n
        var y = (x + 1) / 2
        while y < x {
            x = y
            y = (x + n / x) / 2
        }
        return x
    }
}
