import Testing
@testable import TallySimulation

/// Wilson 95% intervals against hand calculation (z = 1.96):
/// centre = (p + z²/2n) / (1 + z²/n), half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
@Suite struct ShareIntervalTests {
    /// 89 of 100: p = 0.89, z²/n = 0.038415, centre = (0.89 + 0.019207) / 1.038415 = 0.875605;
    /// half = 1.96 × √(0.000979 + 0.0000960) / 1.038415 = 1.96 × 0.032788 / 1.038415 = 0.061887.
    /// → 0.813718 to 0.937492: 81.37% to 93.75%.
    @Test func eightyNineOfAHundred() {
        let interval = ShareInterval(successes: 89, trials: 100)
        #expect(interval.lowBasisPoints == 8137)
        #expect(interval.highBasisPoints == 9375)
        #expect(interval.percentText == "81–94%")
    }

    /// 0 of 50: centre = (z²/100)/(1 + z²/50) = 0.038415/1.076830 = 0.035674; half = 1.96 ×
    /// √(0 + 3.8415/10,000)/1.076830 = 1.96 × 0.0195997/1.076830 = 0.035674 → 0 to 7.13%.
    @Test func noneOfFifty() {
        let interval = ShareInterval(successes: 0, trials: 50)
        #expect(interval.lowBasisPoints == 0)
        #expect(interval.highBasisPoints == 713)
    }

    /// n of n mirrors 0 of n.
    @Test func allOfFifty() {
        let interval = ShareInterval(successes: 50, trials: 50)
        #expect(interval.lowBasisPoints == 10_000 - 713)
        #expect(interval.highBasisPoints == 10_000)
    }
}
