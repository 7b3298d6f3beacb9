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
        // With d_i = votes_i × S − seats_i × V, vote% − seat% = 100 d_i ÷ (V S).
        let scale = Int128(totalVotes) * Int128(totalSeats)
        let differences = zip(votes, seats).map { Int128($0) * Int128(totalSeats) - Int128($1) * Int128(totalVotes) }
        // Gallagher × 100 (hundredths of a point) = √(10⁸ Σ d² ÷ (2 (V S)²)), rounded down.
        let squares = differences.reduce(Int128(0)) { $0 + $1 * $1 }
        let radicand = squares * 100_000_000 / (2 * scale * scale)
        gallagher = DecimalValue(units: Int64(Disproportionality.squareRoot(radicand)), places: 2)
        // Loosemore–Hanby × 100 = 10⁴ Σ |d| ÷ (2 V S), rounded down.
        let absolute = differences.reduce(Int128(0)) { $0 + ($1 < 0 ? -$1 : $1) }
        loosemoreHanby = DecimalValue(units: Int64(absolute * 10_000 / (2 * scale)), places: 2)
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
