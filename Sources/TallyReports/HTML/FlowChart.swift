/// A transfer-flow (Sankey) diagram as inline SVG: one row per transfer, the votes leaving a
/// candidate (or several together) on the left, bands to where they went on the right —
/// candidates, exhausted, lost to rounding — each band as wide as the votes it carries, on one
/// scale for the whole chart. Widths are for display only; every figure is printed as the report
/// gives it.
struct FlowChart {
    struct Flow {
        let label: String
        /// Display only.
        let amount: Double
        let figure: String
        let style: ChartStyle
    }

    struct Row {
        let title: String
        let source: String
        let amount: Double
        let figure: String
        let flows: [Flow]
    }

    let title: String
    let description: String
    let rows: [Row]
    /// The largest transfer in every part of the chart: it sets the one scale they share.
    let largest: Double
    var width = 700.0
    /// The height of the largest transfer.
    static let tallest = 120.0
    static let labelGap = 15.0

    /// The height `row` takes on a chart whose largest transfer is `largest`.
    static func height(of row: Row, largest: Double) -> Double {
        let scale = tallest / max(largest, 1e-9)
        let left = max(row.amount * scale, 2)
        let right = row.flows.reduce(0.0) { $0 + max($1.amount * scale, 1.5, labelGap) }
        return 20 + max(left, right) + 14
    }

    func render(into html: inout HTMLText) {
        let scale = FlowChart.tallest / max(largest, 1e-9)
        let sourceX = 200.0, nodeWidth = 12.0, targetX = 440.0, labelGap = FlowChart.labelGap
        var layouts: [(top: Double, height: Double)] = []
        var y = 0.0
        for row in rows {
            let height = FlowChart.height(of: row, largest: largest)
            layouts.append((y, height))
            y += height
        }
        let height = y + 20
        html.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("width", SVGNumber.text(width)), ("height", SVGNumber.text(height)),
            ("viewBox", "0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))"), ("font-size", "11"),
        ])
        html.element("title", title)
        html.element("desc", description)
        for (row, layout) in zip(rows, layouts) {
            let top = layout.top + 18
            html.element("text", [("x", "0"), ("y", SVGNumber.text(layout.top + 12)), ("font-weight", "600")], SVGNumber.cut(row.title, to: 105))
            let sourceHeight = max(row.amount * scale, 2)
            html.element("rect", [
                ("class", "mark"), ("x", SVGNumber.text(sourceX)), ("y", SVGNumber.text(top)), ("width", SVGNumber.text(nodeWidth)),
                ("height", SVGNumber.text(sourceHeight)), ("fill", "#444"),
            ], body: { $0.element("title", "\(row.source): \(row.figure)") })
            html.element("text", [("x", SVGNumber.text(sourceX - 6)), ("y", SVGNumber.text(top + 11)), ("text-anchor", "end")], SVGNumber.cut(row.source, to: 30))
            html.element("text", [("x", SVGNumber.text(sourceX - 6)), ("y", SVGNumber.text(top + 24)), ("text-anchor", "end"), ("fill", "#555")], row.figure)
            var leftY = top
            var rightY = top
            for flow in row.flows {
                let band = flow.amount * scale
                let nodeHeight = max(band, 1.5)
                let x0 = sourceX + nodeWidth, x1 = targetX, middle = (x0 + x1) / 2
                let a0 = leftY, b0 = leftY + band, a1 = rightY, b1 = rightY + nodeHeight
                let path = "M\(SVGNumber.text(x0)),\(SVGNumber.text(a0)) C\(SVGNumber.text(middle)),\(SVGNumber.text(a0)) \(SVGNumber.text(middle)),\(SVGNumber.text(a1)) \(SVGNumber.text(x1)),\(SVGNumber.text(a1)) "
                    + "L\(SVGNumber.text(x1)),\(SVGNumber.text(b1)) C\(SVGNumber.text(middle)),\(SVGNumber.text(b1)) \(SVGNumber.text(middle)),\(SVGNumber.text(b0)) \(SVGNumber.text(x0)),\(SVGNumber.text(b0)) Z"
                html.element("path", [("class", "mark flow"), ("d", path), ("fill", flow.style.fill), ("fill-opacity", "0.55"), ("stroke", flow.style.fill), ("stroke-width", "0.5")],
                             body: { $0.element("title", "\(row.source) → \(flow.label): \(flow.figure)") })
                html.empty("rect", [
                    ("x", SVGNumber.text(targetX)), ("y", SVGNumber.text(rightY)), ("width", SVGNumber.text(nodeWidth)),
                    ("height", SVGNumber.text(nodeHeight)), ("fill", flow.style.fill), ("stroke", "#333"), ("stroke-width", "0.5"),
                ])
                html.element("text", [("x", SVGNumber.text(targetX + nodeWidth + 6)), ("y", SVGNumber.text(rightY + min(nodeHeight, labelGap) / 2 + 4))],
                             SVGNumber.cut(flow.label, to: 30) + "  " + flow.figure)
                leftY += band
                rightY += max(nodeHeight, labelGap)
            }
        }
        html.close("svg")
    }
}
