import TallyModel

/// The `--min` value: `category=count` rules separated by commas (`woman=5,bame=2`).
enum MinimumList {
    static func parse(_ text: String?, spec: CommandSpec) throws(UsageError) -> [Minimum] {
        guard let text else { return [] }
        var minimums: [Minimum] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let count = Int(String(parts[1]).trimmingCharacters()), count >= 1,
                  !Candidate.matchingKey(for: String(parts[0])).isEmpty
            else {
                throw UsageError(command: spec, message: "expected --min as category=count[,category=count…], e.g. woman=3; found '\(item)'")
            }
            let minimum = Minimum(category: String(parts[0]), count: count)
            guard !minimums.contains(where: { $0.category == minimum.category }) else {
                throw UsageError(command: spec, message: "--min gives '\(minimum.category)' twice")
            }
            minimums.append(minimum)
        }
        return minimums
    }
}
