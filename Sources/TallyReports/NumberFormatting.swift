import TallyArithmetic

/// How reports spell numbers: thousands separated by commas in text, plain in JSON and CSV.
public enum NumberFormatting {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int64) -> String { grouped(DecimalValue(units: value, places: 0)) }

    /// An exact decimal with thousands grouped: `1914.00000` → `1,914.00000`; `signed` adds `+`
    /// to positive values (for transfers).
    public static func grouped(_ value: DecimalValue, signed: Bool = false) -> String {
        var bytes: [UInt8] = []
        appendGrouped(value.units, places: value.places, signed: signed, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `units` (of 10^-places) with thousands grouped, the one spelling of figures in
    /// every text report: `-` before a negative figure, `+` before a positive one when `signed`,
    /// and `*` before all when `marked` (the total that elected a candidate).
    static func appendGrouped(_ units: Int64, places: Int, signed: Bool = false, marked: Bool = false, to bytes: inout [UInt8]) {
        withGrouped(units, places: places, signed: signed, marked: marked) { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with the spelling `appendGrouped` appends, written into a buffer on the stack.
    @inline(__always)
    static func withGrouped<Result>(
        _ units: Int64, places: Int, signed: Bool = false, marked: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // 19 digits, 6 commas, a point and two signs: 28 bytes; the places come on top.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 28 + places) { buffer in
            // Written last digit first, from the end of the buffer backwards.
            var at = buffer.count
            func put(_ byte: UInt8) { at -= 1; buffer[at] = byte }
            var magnitude = units.magnitude
            for _ in 0..<places {
                put(0x30 + UInt8(magnitude % 10))
                magnitude /= 10
            }
            if places > 0 { put(0x2E) }
            var group = 0
            repeat {
                if group == 3 { put(0x2C); group = 0 }
                put(0x30 + UInt8(magnitude % 10))
                magnitude /= 10
                group += 1
            } while magnitude > 0
            if units < 0 { put(0x2D) } else if signed, units > 0 { put(0x2B) }
            if marked { put(0x2A) }
            return body(UnsafeBufferPointer(rebasing: buffer[at...]))
        }
    }

    /// `part` as a percentage of `whole`, to 2 decimals, rounded half up (display only; no count
    /// depends on it). `0.00` when `whole` is 0.
    public static func percentage(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0, let share = try? FixedDecimal<TwoPlaces>.ratio(part * 100, whole, rounding: .halfUp) else {
            return "0.00"
        }
        return share.description
    }

    /// A list of line numbers for reports: "lines 3, 7, 12" or "line 3", with "…" when there are more.
    public static func lines(_ lines: [Int], total: Int) -> String {
        guard !lines.isEmpty else { return "" }
        let list = lines.map(String.init).joined(separator: ", ")
        return (total == 1 ? "line " : "lines ") + list + (total > lines.count ? ", …" : "")
    }
}
