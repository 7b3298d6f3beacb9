/// How a bar or flow is filled. Each fill differs from the others in lightness as well as hue,
/// so that a chart printed in greyscale still tells them apart; every mark also carries its
/// label and figure as text.
enum ChartStyle: Sendable, Equatable {
    case elected
    case continuing
    case excluded
    /// Votes that left the count: exhausted, lost to rounding.
    case nonTransferable
    /// One of several series or slates, by number.
    case series(Int)

    /// The fills of series, from dark to light.
    static let seriesFills = ["#1f3b73", "#c2571a", "#4f9a4f", "#8e6bbf", "#e8b339", "#9ecae1", "#6b6b6b", "#f4d6e0"]

    var fill: String {
        switch self {
        case .elected: "#1f3b73"
        case .continuing: "#7ba7d9"
        case .excluded: "#d5d5d5"
        case .nonTransferable: "#9a9a9a"
        case let .series(number): ChartStyle.seriesFills[number % ChartStyle.seriesFills.count]
        }
    }

    /// Where the fill is dark enough for white text.
    var isDark: Bool {
        switch self {
        case .elected: true
        case let .series(number): number % ChartStyle.seriesFills.count < 2
        default: false
        }
    }
}

/// Coordinates for SVG: one decimal place, the same digits on every machine.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `text`, cut to `characters` with "…" in the middle, so that names sharing a beginning
    /// ("LE Your Momentum 1", "LE Your Momentum 2") stay apart; the full text is in the table.
    static func cut(_ text: String, to characters: Int) -> String {
        guard text.count > characters else { return text }
        let head = max(1, (characters - 1) / 2 + (characters - 1) % 2), tail = max(1, characters - 1 - head)
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }
}
