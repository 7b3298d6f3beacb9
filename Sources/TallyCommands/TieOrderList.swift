/// The `--tie-order` value: candidate names separated by commas; a name that holds a comma is
/// written in double quotes (`"Black, Ann", Smith`).
enum TieOrderList {
    static func names(in text: String, spec: CommandSpec) throws(UsageError) -> [String] {
        var names: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if character == ",", !quoted {
                names.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        if quoted { throw UsageError(command: spec, message: "--tie-order has an unclosed '\"'") }
        names.append(current)
        let trimmed = names.map { $0.trimmingCharacters() }
        guard !trimmed.contains(where: \.isEmpty) else {
            throw UsageError(command: spec, message: "--tie-order needs candidate names separated by commas; found an empty name")
        }
        return trimmed
    }

    /// A name as `--tie-order` would need it written.
    static func quotedIfNeeded(_ name: String) -> String { name.contains(",") ? "\"\(name)\"" : name }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
