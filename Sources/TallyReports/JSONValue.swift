/// A JSON document with object keys kept in the order they were written, so that output is
/// byte-identical from run to run and reads in a sensible order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A whole number.
    case integer(Int64)
    /// An exact decimal, written as given (e.g. "107.58"). Tally writes fractional values as
    /// JSON numbers from their exact decimal text, never through floating point.
    case decimal(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// An array whose `count` elements are made one at a time as the document is written, so that
    /// a long one (every stage of a count) is never held whole in memory.
    case generated(count: Int, element: @Sendable (Int) -> JSONValue)

    /// A string, or null when there is none.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The document as text, indented by two spaces, with a final newline. An array or object
    /// holding only plain values (no arrays or objects) is written on one line.
    public func rendered() -> String {
        var output = JSONText()
        write(to: &output, indent: 0)
        output.append("\n")
        return output.finished()
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object, .generated: false
        default: true
        }
    }

    private func write(to output: inout JSONText, indent: Int) {
        switch self {
        case .null: output.append("null")
        case let .bool(value): output.append(value ? "true" : "false")
        case let .integer(value): output.append(String(value))
        case let .decimal(text): output.append(text)
        case let .string(text): output.appendQuoted(text)
        case let .array(items):
            writeArray(count: items.count, to: &output, indent: indent) { items[$0] }
        case let .generated(count, element):
            writeArray(count: count, to: &output, indent: indent, element)
        case let .object(members):
            if members.isEmpty { output.append("{}"); return }
            if members.allSatisfy({ $0.1.isScalar }) {
                output.append("{")
                for (index, (key, value)) in members.enumerated() {
                    if index > 0 { output.append(", ") }
                    output.appendQuoted(key)
                    output.append(": ")
                    value.write(to: &output, indent: indent)
                }
                output.append("}")
                return
            }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.indent(indent + 2)
                output.appendQuoted(key)
                output.append(": ")
                value.write(to: &output, indent: indent + 2)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.indent(indent)
            output.append("}")
        }
    }

    private func writeArray(count: Int, to output: inout JSONText, indent: Int, _ element: (Int) -> JSONValue) {
        if count == 0 { output.append("[]"); return }
        let first = element(0)
        if first.isScalar, case .array(let items) = self, items.allSatisfy(\.isScalar) {
            output.append("[")
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(", ") }
                item.write(to: &output, indent: indent)
            }
            output.append("]")
            return
        }
        output.append("[\n")
        for index in 0..<count {
            output.indent(indent + 2)
            (index == 0 ? first : element(index)).write(to: &output, indent: indent + 2)
            output.append(index == count - 1 ? "\n" : ",\n")
        }
        output.indent(indent)
        output.append("]")
    }
}
