import TallyBallotFiles
import TallyModel

/// Ballots ready to count: read from their file, narrowed to one region where the file holds
/// several, with the candidates' categories and slates applied and only the candidates standing
/// left standing.
public struct PreparedBallots: Sendable {
    /// The ballot file, as the user named it.
    public let path: String
    public let format: BallotFileFormat
    /// The region counted, when the file holds several.
    public let region: String?
    public let profile: BallotProfile

    public init(path: String, format: BallotFileFormat, region: String? = nil, profile: BallotProfile) {
        self.path = path
        self.format = format
        self.region = region
        self.profile = profile
    }

    /// The file as read, before any preparation.
    public init(_ loaded: BallotFileLoader.Loaded) {
        self.init(path: loaded.path, format: loaded.format, profile: loaded.profile)
    }

    /// The same ballots with another profile (a region's, with attributes applied).
    func with(_ profile: BallotProfile, region: String? = nil) -> PreparedBallots {
        PreparedBallots(path: path, format: format, region: region ?? self.region, profile: profile)
    }
}
