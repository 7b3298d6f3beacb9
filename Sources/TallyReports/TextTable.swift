/// A plain-text table with aligned columns, for terminal reports.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "a row needs one cell per column")
        rows.append(row)
    }

    /// The table as lines, columns separated by two spaces, each line indented by `indent`.
    public func rendered(indent: Int = 2) -> String {
        var widths = columns.map { $0.title.count }
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                let isLast = index == cells.count - 1
                parts.append(columns[index].alignment == .right ? padding + cell : (isLast ? cell : cell + padding))
            }
            return (String(repeating: " ", count: indent) + parts.joined(separator: "  ")).trimmingTrailingSpaces()
        }
        var output = line(columns.map(\.title)) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}
