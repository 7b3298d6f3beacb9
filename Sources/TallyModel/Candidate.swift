/// A person standing in an election, as named on the ballot file.
public struct Candidate: Hashable, Sendable {
    /// The name exactly as the ballot file spells it.
    public var name: String
    /// Party, slate or faction, where the file gives one (a BLT candidate line's second string,
    /// or a candidate-attributes file's slate).
    public var affiliation: String?
    /// Categories the candidate belongs to for minimum-representation rules ("woman", "bame"),
    /// in their matching form (`Candidate.matchingKey`).
    public var categories: Set<String>

    public init(name: String, affiliation: String? = nil, categories: Set<String> = []) {
        self.name = name
        self.affiliation = affiliation
        self.categories = categories
    }

    /// The name with surrounding whitespace removed, inner runs of whitespace folded to one space,
    /// and letters lower-cased: the form in which names are matched.
    public var matchingKey: String { Candidate.matchingKey(for: name) }

    /// The longest name (or any other text matched as names are: a region, a category, a
    /// column's name) a file may give, in UTF-8 bytes: longer text is an error. Matching a
    /// name costs more than its length when it piles up combining marks, so none may be long.
    public static let maximumNameBytes = 1_000

    /// The matching form of any name: trimmed, whitespace runs folded to one space, lower-cased.
    public static func matchingKey(for name: String) -> String {
        if let key = asciiMatchingKey(name) { return key }
        return name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// The same for a name of ASCII characters only, worked on its bytes (nil for any other):
    /// names are matched in every contest section and candidates file, so this is worth having.
    private static func asciiMatchingKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) { // space, tab, line feed, vertical tab, form feed, return
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
