/// A 95% confidence interval for a share of trials: the Wilson score interval (Wilson 1927),
/// which stays inside 0–100% and behaves at 0 and n successes, unlike the normal approximation.
/// For display only: no count depends on it.
public struct ShareInterval: Sendable, Equatable {
    /// The bounds in hundredths of a percent (0…10,000), rounded to the nearest.
    public let lowBasisPoints: Int
    public let highBasisPoints: Int

    /// z for 95%: the 97.5th percentile of the standard normal distribution.
    static let z = 1.959963984540054

    /// The interval for `successes` of `trials` (trials > 0).
    public init(successes: Int, trials: Int) {
        precondition(trials > 0 && successes >= 0 && successes <= trials, "a share needs trials and at most that many successes")
        let n = Double(trials), p = Double(successes) / n, z2 = ShareInterval.z * ShareInterval.z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = ShareInterval.z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        lowBasisPoints = max(0, Int(((centre - half) * 10_000).rounded()))
        highBasisPoints = min(10_000, Int(((centre + half) * 10_000).rounded()))
    }

    /// "85–93%": whole percentages, the low bound rounded down and the high up, so the printed
    /// interval contains the computed one.
    public var percentText: String {
        "\(lowBasisPoints / 100)–\((highBasisPoints + 99) / 100)%"
    }
}
