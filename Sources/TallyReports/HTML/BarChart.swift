/// A chart of horizontal bars in one or more panels on one scale (votes at each stage, votes per
/// candidate, shares of seats), drawn as inline SVG with a title, a description, an axis label and
/// reference lines such as the quota. Bar lengths are for display only; every figure shown is the
/// text the report gives it.
struct BarChart {
    struct Bar {
        let label: String
        /// The bar's length on the chart's scale (display only).
        let length: Double
        /// The figure as the report prints it.
        let figure: String
        let style: ChartStyle
    }

    struct ReferenceLine {
        let position: Double
        let label: String
    }

    struct Panel {
        let title: String
        let bars: [Bar]
        var lines: [ReferenceLine] = []
    }

    let title: String
    /// What the chart shows, for readers who cannot see it.
    let description: String
    let axisLabel: String
    let panels: [Panel]
    /// Panels side by side.
    var columns = 1
    /// Bars in a panel past which they are drawn with no gap between groups (histograms).
    var width = 700.0

    private var scale: Double {
        let longest = panels.flatMap { $0.bars.map(\.length) + $0.lines.map(\.position) }.max() ?? 0
        return longest > 0 ? longest : 1
    }

    func render(into html: inout HTMLText) {
        let gap = 18.0
        let panelWidth = (width - gap * Double(columns - 1)) / Double(columns)
        let labelCharacters = columns == 1 ? 28 : (columns == 2 ? 18 : 11)
        let labelWidth = Double(labelCharacters) * 6.6 + 8
        // Room after the longest bar for the longest figure printed beside it.
        let figureWidth = max(78.0, Double(panels.flatMap { $0.bars.map(\.figure.count) }.max() ?? 0) * 6.4 + 8)
        let barArea = max(40, panelWidth - labelWidth - figureWidth)
        let barHeight = 14.0, barGap = 4.0, headerHeight = panels.count > 1 || !(panels.first?.title.isEmpty ?? true) ? 34.0 : 18.0
        // Each row of panels is as tall as its longest panel.
        let panelRows = (panels.count + columns - 1) / columns
        let rowHeights = (0..<panelRows).map { row in
            let bars = panels[(row * columns)..<min(panels.count, (row + 1) * columns)].map(\.bars.count).max() ?? 0
            return headerHeight + Double(bars) * (barHeight + barGap) + 8
        }
        var rowTops = [0.0]
        for height in rowHeights { rowTops.append(rowTops.last! + height + 10) }
        let height = rowTops.last! + 24
        let scale = self.scale

        html.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("width", SVGNumber.text(width)), ("height", SVGNumber.text(height)),
            ("viewBox", "0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))"), ("font-size", "11"),
        ])
        html.element("title", title)
        html.element("desc", description)
        for (index, panel) in panels.enumerated() {
            let x0 = Double(index % columns) * (panelWidth + gap)
            let y0 = rowTops[index / columns]
            if !panel.title.isEmpty {
                html.element("text", [("x", SVGNumber.text(x0)), ("y", SVGNumber.text(y0 + 12)), ("font-weight", "600")], SVGNumber.cut(panel.title, to: Int(panelWidth / 6.2)))
            }
            let barsTop = y0 + headerHeight
            let barX = x0 + labelWidth
            html.empty("line", [
                ("x1", SVGNumber.text(barX)), ("y1", SVGNumber.text(barsTop - 3)), ("x2", SVGNumber.text(barX)),
                ("y2", SVGNumber.text(barsTop + Double(panel.bars.count) * (barHeight + barGap))), ("stroke", "#888"),
            ])
            for (row, bar) in panel.bars.enumerated() {
                let y = barsTop + Double(row) * (barHeight + barGap)
                let length = max(0, bar.length / scale * barArea)
                html.element("text", [("x", SVGNumber.text(barX - 5)), ("y", SVGNumber.text(y + 11)), ("text-anchor", "end")], SVGNumber.cut(bar.label, to: labelCharacters))
                html.element("rect", [
                    ("class", "mark"), ("x", SVGNumber.text(barX)), ("y", SVGNumber.text(y)), ("width", SVGNumber.text(max(length, bar.length > 0 ? 1 : 0))),
                    ("height", SVGNumber.text(barHeight)), ("fill", bar.style.fill), ("stroke", "#333"), ("stroke-width", "0.5"),
                ], body: { rect in rect.element("title", "\(bar.label): \(bar.figure)") })
                // A white halo keeps the figure legible where it crosses a reference line.
                html.element("text", [("x", SVGNumber.text(barX + length + 4)), ("y", SVGNumber.text(y + 11)), ("stroke", "#fff"), ("stroke-width", "3"), ("paint-order", "stroke")], bar.figure)
            }
            for line in panel.lines {
                let x = barX + line.position / scale * barArea
                let bottom = barsTop + Double(panel.bars.count) * (barHeight + barGap)
                html.empty("line", [
                    ("x1", SVGNumber.text(x)), ("y1", SVGNumber.text(barsTop - 8)), ("x2", SVGNumber.text(x)), ("y2", SVGNumber.text(bottom)),
                    ("stroke", "#b2182b"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 3"),
                ])
                html.element("text", [("x", SVGNumber.text(min(x, x0 + panelWidth - 4))), ("y", SVGNumber.text(barsTop - 10)), ("text-anchor", x > x0 + panelWidth * 0.6 ? "end" : "middle"), ("fill", "#b2182b")], line.label)
            }
        }
        html.element("text", [("x", SVGNumber.text(width / 2)), ("y", SVGNumber.text(height - 6)), ("text-anchor", "middle"), ("font-style", "italic")], axisLabel)
        html.close("svg")
    }
}
