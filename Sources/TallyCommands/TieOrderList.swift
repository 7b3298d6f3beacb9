import TallyElection

/// The `--tie-order` value: candidate names separated by commas; a name that holds a comma is
/// written in double quotes (`"Black, Ann", Smith`).
enum TieOrderList {
    static func names(in text: String) throws(ElectionFailure) -> [String] {
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
        if quoted { throw ElectionFailure(.request, "--tie-order has an unclosed '\"'") }
        names.append(current)
        let trimmed = names.map { $0.trimmingCharacters() }
        guard !trimmed.contains(where: \.isEmpty) else {
            throw ElectionFailure(.request, "--tie-order needs candidate names separated by commas; found an empty name")
        }
        return trimmed
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
