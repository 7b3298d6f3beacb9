import TallyBallotFiles
import TallyModel

/// Which ballots a task counts and how they are prepared: the file and how to read it, the region
/// to count, the file of candidates' categories and slates, and the minimums, which need them.
public struct BallotSelection: Sendable {
    public var path: String
    public var reading: BallotFileLoader
    /// The region to count, for a file with a region column.
    public var region: String?
    /// A candidate-attributes file (docs/formats.md): categories and slates.
    public var attributes: String?
    public var minimums: [Minimum]
    /// The option that names the attributes file (`--candidates`, `--slates`), for messages.
    public var attributesOption: String

    /// Checks what can be checked without the file: minimums need the candidates' categories,
    /// and one CSV column cannot play two parts.
    public init(path: String, reading: BallotFileLoader = BallotFileLoader(), region: String? = nil, attributes: String? = nil, minimums: [Minimum] = [], attributesOption: String = "--candidates") throws(ElectionFailure) {
        self.path = path
        self.reading = reading
        self.region = region
        self.attributes = attributes
        self.minimums = minimums
        self.attributesOption = attributesOption
        if !minimums.isEmpty, attributes == nil {
            throw ElectionFailure(.request, "--min needs the candidates' categories: give \(attributesOption) FILE")
        }
        let options = reading.csvOptions
        let named = [("--weight-column", options.weightColumn), ("--id-column", options.idColumn), ("--region-column", options.regionColumn)]
            .compactMap { option, column in column.map { (option, Candidate.matchingKey(for: $0)) } }
        for (index, (option, column)) in named.enumerated() {
            if let other = named[(index + 1)...].first(where: { $0.1 == column }) {
                throw ElectionFailure(.request, "\(option) and \(other.0) both name the column '\(Excerpt.of(column))'")
            }
        }
    }
}
