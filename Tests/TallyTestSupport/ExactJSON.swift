/// A minimal JSON reader for tests that keeps decimal numbers as their exact text (`"11.00"`
/// stays `11.00`), which Foundation's reader turns into floating point. Whole numbers become
/// `Int`; objects `[String: Any]`; arrays `[Any]`; null `NSNull`-free `ExactJSON.null`.
public enum ExactJSON {
    /// A decimal number as written.
    public struct Decimal: CustomStringConvertible, Equatable { public let description: String }
    public struct Null: Equatable {}
    public struct SyntaxError: Error { public let offset: Int }

    public static func parse(_ text: String) throws -> Any {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.scalars.count else { throw SyntaxError(offset: reader.index) }
        return value
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() { while index < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[index]) { index += 1 } }

        mutating func value() throws -> Any {
            skipSpace()
            guard index < scalars.count else { throw SyntaxError(offset: index) }
            switch scalars[index] {
            case "{":
                index += 1
                var object: [String: Any] = [:]
                skipSpace()
                if scalars[index] == "}" { index += 1; return object }
                while true {
                    skipSpace()
                    guard let key = try value() as? String else { throw SyntaxError(offset: index) }
                    skipSpace()
                    guard scalars[index] == ":" else { throw SyntaxError(offset: index) }
                    index += 1
                    object[key] = try value()
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    guard scalars[index] == "}" else { throw SyntaxError(offset: index) }
                    index += 1
                    return object
                }
            case "[":
                index += 1
                var array: [Any] = []
                skipSpace()
                if scalars[index] == "]" { index += 1; return array }
                while true {
                    array.append(try value())
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    guard scalars[index] == "]" else { throw SyntaxError(offset: index) }
                    index += 1
                    return array
                }
            case "\"":
                index += 1
                var text = ""
                while scalars[index] != "\"" {
                    if scalars[index] == "\\" {
                        index += 1
                        switch scalars[index] {
                        case "n": text += "\n"
                        case "t": text += "\t"
                        case "r": text += "\r"
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[(index + 1)...(index + 4)]))
                            text.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                            index += 4
                        default: text.unicodeScalars.append(scalars[index])
                        }
                    } else {
                        text.unicodeScalars.append(scalars[index])
                    }
                    index += 1
                }
                index += 1
                return text
            case "t": index += 4; return true
            case "f": index += 5; return false
            case "n": index += 4; return Null()
            default:
                let start = index
                while index < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                if let whole = Int(text) { return whole }
                guard !text.isEmpty else { throw SyntaxError(offset: start) }
                return Decimal(description: text)
            }
        }
    }
}
