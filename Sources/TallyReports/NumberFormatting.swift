import TallyArithmetic

/// How reports spell numbers: thousands separated by commas in text, plain in JSON and CSV.
public enum NumberFormatting {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// An exact decimal with thousands grouped: `1914.00000` → `1,914.00000`; `signed` adds `+`
    /// to positive values (for transfers).
    public static func grouped(_ value: DecimalValue, signed: Bool = false) -> String {
        let text = value.description
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        let whole = grouped(Int64(parts[0]) ?? 0)
        let body = parts.count == 2 ? whole + "." + parts[1] : whole
        if negative { return "-" + body }
        return signed && value.units > 0 ? "+" + body : body
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
