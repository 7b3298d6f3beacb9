import Foundation

/// Where the repository and its bundled files are, for tests that read them.
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `path` under Fixtures/.
    public static func fixture(_ path: String) -> String {
        root.appendingPathComponent("Fixtures").appendingPathComponent(path).path
    }

    /// `text` with the repository root removed from paths, so that recorded reports do not depend
    /// on where the repository is checked out.
    public static func withoutRoot(_ text: String) -> String {
        text.replacingOccurrences(of: root.path + "/", with: "")
    }

    /// A new, empty folder under the system's temporary folder.
    public static func temporaryDirectory(_ label: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}
