import Testing
import TallyArithmetic

@Suite struct FixedDecimalTests {
    typealias Two = FixedDecimal<TwoPlaces>
    typealias Five = FixedDecimal<FivePlaces>

    @Test func ratioRoundsAsStated() throws {
        // 26.42 / 123 = 0.2147… (the ERS97 model election's transfer value, truncated: 0.21)
        #expect(try Two.ratio(2642, 12300, rounding: .down).description == "0.21")
        #expect(try Two.ratio(2642, 12300, rounding: .up).description == "0.22")
        #expect(try Two.ratio(1, 8, rounding: .halfUp).description == "0.13") // 0.125 → 0.13
        #expect(try Two.ratio(1, 8, rounding: .down).description == "0.12")
        #expect(try Two.ratio(-1, 8, rounding: .down).description == "-0.12") // toward zero
        #expect(try Two.ratio(-1, 8, rounding: .up).description == "-0.13")
        #expect(try Two.ratio(753, 7, rounding: .down).description == "107.57")
    }

    @Test func multipliesThroughOneHundredTwentyEightBits() throws {
        // 0.21 × 123 papers = 25.83, exactly
        let value = try Two(units: 21).multiplied(by: 123, dividedBy: 1, rounding: .down)
        #expect(value.description == "25.83")
        // A Scottish transfer value: surplus 123 × paper value 1 ÷ total 2043, to 5 dp, truncated
        #expect(try Five(1).multiplied(by: 123, dividedBy: 2043, rounding: .down).description == "0.06020")
        // Products far beyond 64 bits before the division
        let large = Five(units: Int64.max / 2)
        #expect(try large.multiplied(by: 1_000_000, dividedBy: 1_000_000, rounding: .down) == large)
    }

    @Test func addsAndSubtractsExactlyAndThrowsOnOverflow() throws {
        #expect(try (Two(units: 10758) - Two(134)).description == "-26.42")
        #expect(try (Two(units: 1) + Two(units: 2)).units == 3)
        #expect(throws: ArithmeticOverflow.self) { try Two(units: .max) + Two(units: 1) }
        #expect(throws: ArithmeticOverflow.self) { try Two(units: .min) - Two(units: 1) }
        #expect(throws: ArithmeticOverflow.self) { try Two(Int64.max / 10) }
        #expect(throws: ArithmeticOverflow.self) { try Two.ratio(1, 0, rounding: .down) }
        #expect(throws: ArithmeticOverflow.self) { try Two(units: .max).multiplied(by: 2, dividedBy: 1, rounding: .down) }
    }

    @Test(arguments: [("12954.9", "12954.90"), ("0.21", "0.21"), ("-3", "-3.00"), ("107.58", "107.58")])
    func parsesPlainDecimals(_ text: String, _ expected: String) {
        #expect(Two(text)?.description == expected)
    }

    @Test(arguments: ["", "-", "1.234", "1e3", "1,5", "12.", "abc", "99999999999999999999"])
    func rejectsWhatIsNotAPlainDecimalOfThesePlaces(_ text: String) {
        #expect(Two(text) == nil)
    }

    @Test func wholePartRoundsAsStated() throws {
        #expect(try Two(units: 10758).whole(rounding: .down) == 107)
        #expect(try Two(units: 10758).whole(rounding: .up) == 108)
        #expect(Two(units: 200).isWhole && !Two(units: 201).isWhole)
    }

    /// A value carried by a number of papers: 0.21 × 123 = 25.83 exactly (the ERS97 model's
    /// stage 2); overflow throws.
    @Test func timesIsExact() throws {
        #expect(try Two(units: 21).times(123) == Two(units: 2583))
        #expect(throws: ArithmeticOverflow.self) { try Two(units: Int64.max / 2).times(3) }
    }
}
