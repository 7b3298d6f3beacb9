import TallyModel

/// What each column of a CSV ballot file's header means.
struct CSVHeader {
    enum Role: Equatable {
        case weight, id, region
        /// A rank column: the number in its name.
        case rank(Int)
        /// A candidate column: the candidate's name as written.
        case candidate(String)
        /// A column with an empty header (trailing empty columns in exports); its cells must be
        /// empty.
        case ignored
    }

    var roles: [Role]

    /// The most columns a header may have: candidates or ranks, weight, id and region, with room
    /// for the empty columns spreadsheets add.
    static let maximumColumns = 1 << 16
    /// The most columns with a name: every candidate (or rank), and weight, id and region.
    static let maximumNamedColumns = Preference.maximumCandidates + 3

    static let weightNames: Set<String> = ["weight", "count", "ballots", "multiplicity", "quantity", "number of ballots", "n"]
    static let idNames: Set<String> = [
        "id", "ballot id", "ballot_id", "ballotid", "ballot", "ballot number", "voter", "voter id", "voter_id",
        "voterid", "respondent", "respondent id", "response id", "serial",
    ]
    static let regionNames: Set<String> = ["region", "division", "ward", "constituency", "area", "district"]
    static let rankWords = ["preference", "ranking", "choice", "rank", "pref", "vote"]

    /// The rank number a header names (`rank1`, `Rank 2`, `3`, `Preference 4`, `5th choice`), if any.
    static func rankNumber(_ header: String) -> Int? {
        var text = Substring(Candidate.matchingKey(for: header))
        for word in rankWords where text.hasPrefix(word) {
            text = text.dropFirst(word.count)
            while let first = text.first, " _-#.:".contains(first) { text = text.dropFirst() }
            break
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 5, let number = Int(digits), number >= 1, number <= Preference.maximumCandidates else { return nil }
        var rest = text.dropFirst(digits.count)
        for suffix in ["st", "nd", "rd", "th"] where rest.hasPrefix(suffix) { rest = rest.dropFirst(2); break }
        rest = rest.drop { $0 == " " || $0 == "_" || $0 == "-" }
        return rest.isEmpty || ["choice", "preference", "pref", "rank"].contains(String(rest)) ? number : nil
    }

    /// Classifies `names` (the header cells, trimmed). Throws a message and the column index.
    init(names: [String], options: CSVOptions) throws(HeaderError) {
        let named: [(String?, Role)] = [(options.weightColumn, .weight), (options.idColumn, .id), (options.regionColumn, .region)]
        for (given, _) in named {
            if let given, !names.contains(where: { Candidate.matchingKey(for: $0) == Candidate.matchingKey(for: given) }) {
                throw HeaderError(column: 0, message: "expected a column named '\(Excerpt.of(given))' in the header")
            }
        }
        var roles: [Role] = []
        for name in names {
            let key = Candidate.matchingKey(for: name)
            if key.isEmpty { roles.append(.ignored); continue }
            if let role = named.first(where: { $0.0.map { Candidate.matchingKey(for: $0) } == key })?.1 { roles.append(role); continue }
            if options.weightColumn == nil, CSVHeader.weightNames.contains(key) { roles.append(.weight); continue }
            if options.idColumn == nil, CSVHeader.idNames.contains(key) { roles.append(.id); continue }
            if options.regionColumn == nil, CSVHeader.regionNames.contains(key) { roles.append(.region); continue }
            roles.append(.candidate(name))
        }
        for role in [Role.weight, .id, .region] where roles.filter({ $0 == role }).count > 1 {
            throw HeaderError(column: roles.lastIndex(of: role)!, message: "expected one \(role) column; the header has two")
        }

        let ballotColumns = roles.indices.filter { if case .candidate = roles[$0] { true } else { false } }
        guard !ballotColumns.isEmpty else {
            throw HeaderError(column: 0, message: "expected a header naming candidates or rank columns (rank1, rank2, …)")
        }
        let rankNumbers = ballotColumns.map { CSVHeader.rankNumber(names[$0]) }
        let layout: CSVLayout
        if let chosen = options.layout {
            layout = chosen
        } else if rankNumbers.allSatisfy({ $0 != nil }) {
            layout = .rankColumns
        } else if rankNumbers.allSatisfy({ $0 == nil }) {
            layout = .candidateColumns
        } else {
            let odd = ballotColumns[rankNumbers.firstIndex { $0 != nil }!]
            throw HeaderError(column: odd, message: "the header mixes rank columns (such as '\(Excerpt.of(names[odd]))') with candidate names; say which layout it is with --layout ranks|candidates")
        }
        if layout == .rankColumns {
            for (position, column) in ballotColumns.enumerated() {
                guard let number = rankNumbers[position] else {
                    throw HeaderError(column: column, message: "expected a rank column (rank\(position + 1), \(position + 1), Preference \(position + 1), …); found '\(Excerpt.of(names[column]))'")
                }
                guard number == position + 1 else {
                    throw HeaderError(column: column, message: "expected rank column \(position + 1) here; found '\(Excerpt.of(names[column]))' (rank columns must run 1, 2, 3, … in order)")
                }
                roles[column] = .rank(number)
            }
        } else {
            var seen: [String: Int] = [:]
            for column in ballotColumns {
                let key = Candidate.matchingKey(for: names[column])
                if let earlier = seen[key] {
                    throw HeaderError(column: column, message: "candidate '\(Excerpt.of(names[column]))' is named twice in the header (columns \(earlier + 1) and \(column + 1))")
                }
                seen[key] = column
            }
        }
        self.roles = roles
        self.layout = layout
    }

    let layout: CSVLayout

    struct HeaderError: Error {
        var column: Int
        var message: String
    }
}
