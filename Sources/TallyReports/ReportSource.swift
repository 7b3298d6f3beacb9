import TallyBallotFiles
import TallyModel

/// Where the ballots of a report came from.
public struct ReportSource: Sendable {
    public let path: String
    public let format: BallotFileFormat
    public let profile: BallotProfile
    /// The region counted, when the file has several.
    public let region: String?

    public init(path: String, format: BallotFileFormat, profile: BallotProfile, region: String? = nil) {
        self.path = path
        self.format = format
        self.profile = profile
        self.region = region
    }

    public init(_ loaded: BallotFileLoader.Loaded, region: String? = nil) {
        self.init(path: loaded.path, format: loaded.format, profile: loaded.profile, region: region)
    }

    func name(_ candidate: Int) -> String { profile.candidates[candidate].name }

    func names(_ candidates: [Int]) -> String { candidates.map(name).joined(separator: ", ") }

    /// "Title (file.blt, BLT)" or just the file.
    var heading: String {
        let file = "\(path), \(format.rawValue.uppercased())" + (region.map { ", region \($0)" } ?? "")
        return profile.title.map { "\($0) (\(file))" } ?? file
    }
}
