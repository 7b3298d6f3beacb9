import TallyBallotFiles
import TallyElection
import TallyModel

/// The prepared ballots a report is about, as reports name them: where they came from, and each
/// candidate's name made safe to print.
public struct ReportSource: Sendable {
    public let path: String
    public let format: BallotFileFormat
    public let profile: BallotProfile
    /// The region counted, when the file has several.
    public let region: String?

    /// Each candidate's name as reports print it.
    private let printableNames: [String]

    public init(path: String, format: BallotFileFormat, profile: BallotProfile, region: String? = nil) {
        self.path = path
        self.format = format
        self.profile = profile
        self.region = region
        printableNames = profile.candidates.map { ReportSource.printable($0.name) }
    }

    public init(_ ballots: PreparedBallots) {
        self.init(path: ballots.path, format: ballots.format, profile: ballots.profile, region: ballots.region)
    }

    /// A candidate's name as reports print it: control characters made printable.
    func name(_ candidate: Int) -> String { printableNames[candidate] }

    /// `text` safe to print on a terminal: control characters become spaces (whitespace) or U+FFFD.
    static func printable(_ text: String) -> String {
        // Control characters are U+0000–001F and U+007F–009F: in UTF-8, bytes below 0x20, 0x7F,
        // or 0xC2 followed by 0x80–0x9F. A name with none is returned as it is, unexamined.
        var previous: UInt8 = 0
        let clean = !text.utf8.contains { byte in
            defer { previous = byte }
            return byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte))
        }
        if clean { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            guard scalar.properties.generalCategory == .control else { return scalar }
            return scalar.properties.isWhitespace ? " " : "\u{FFFD}"
        }))
    }

    /// Names in a list, separated by commas; a name that holds a comma is put in quotes.
    func names(_ candidates: [Int]) -> String {
        candidates.map { name($0) }.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
    }

    /// What a recount changed against the count's `original` winners: "+A −B" (who comes in,
    /// who goes out), or "no change".
    func change(from original: [Int], to elected: [Int]) -> String {
        let gained = elected.filter { !original.contains($0) }, lost = original.filter { !elected.contains($0) }
        guard !gained.isEmpty || !lost.isEmpty else { return "no change" }
        return (gained.map { "+" + name($0) } + lost.map { "−" + name($0) }).joined(separator: " ")
    }

    /// "Title (file.blt, BLT)" or just the file.
    var heading: String {
        // The reader used; "read as" when the file's name suggests another.
        let reader = BallotFileFormat.named(path).map { $0 == format ? format.title : "read as \(format.title)" } ?? format.title
        let file = "\(path), \(reader)" + (region.map { ", region \($0)" } ?? "")
        return ReportSource.printable(profile.title.map { "\($0) (\(file))" } ?? file)
    }
}
