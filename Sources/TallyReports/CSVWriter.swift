/// Writes CSV rows (RFC 4180): fields holding a comma, quote or line end are quoted. Rows are
/// written as bytes, so that a sheet of millions of rows costs its size.
public struct CSVWriter: Sendable {
    private var bytes: [UInt8] = []

    public init(header: [String]) { append(header) }

    /// The rows written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            CSVWriter.appendField(field, to: &bytes)
        }
        bytes.append(0x0A)
    }

    /// One field as CSV writes it.
    public static func escape(_ field: String) -> String {
        var bytes: [UInt8] = []
        appendField(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        bytes.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { bytes.append(0x22) } // a quote is written twice
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
