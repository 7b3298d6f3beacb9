/// A voter's ranking: positions in order of preference, each position holding one candidate or,
/// where the voter ranked several equal (or marked without order), several.
public struct Ranking: Sendable, RandomAccessCollection {
    public let entries: ArraySlice<Preference>

    public init(entries: ArraySlice<Preference>) { self.entries = entries }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Preference { entries[position] }

    /// The positions in order, each as the list of candidate indices ranked there.
    public var positions: [[Int]] {
        var result: [[Int]] = []
        for entry in entries {
            if entry.isEqualToPrevious, !result.isEmpty {
                result[result.count - 1].append(entry.candidate)
            } else {
                result.append([entry.candidate])
            }
        }
        return result
    }
}
