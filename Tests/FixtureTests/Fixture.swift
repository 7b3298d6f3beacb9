import Foundation
import TallyTestSupport

/// One scenario folder under Fixtures/: its ballots and the expected results in fixture.json.
struct Fixture: CustomStringConvertible, Sendable {
    let name: String
    let directory: URL
    /// The bytes of fixture.json.
    let data: Data

    /// fixture.json, parsed.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }

    var description: String { name }

    static let root = Repository.root.appendingPathComponent("Fixtures")

    /// Every folder under Fixtures/ (one level, or two for grouped folders) holding a fixture.json.
    static let all: [Fixture] = {
        let manager = FileManager.default
        var found: [Fixture] = []
        func scan(_ directory: URL, prefix: String) {
            guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
            for name in names.sorted() {
                let folder = directory.appendingPathComponent(name)
                let file = folder.appendingPathComponent("fixture.json")
                if let data = manager.contents(atPath: file.path) {
                    found.append(Fixture(name: prefix + name, directory: folder, data: data))
                } else if prefix.isEmpty {
                    scan(folder, prefix: name + "/")
                }
            }
        }
        scan(root, prefix: "")
        return found
    }()

    var ballotsPath: String { directory.appendingPathComponent(json["ballots"] as! String).path }

    /// The seats of the first run that gives `--seats`, for ballot files that do not state them.
    var seatsInRuns: Int? {
        for run in json["runs"] as? [[String: Any]] ?? [] {
            let arguments = run["arguments"] as? [String] ?? []
            if let index = arguments.firstIndex(of: "--seats"), index + 1 < arguments.count { return Int(arguments[index + 1]) }
        }
        return nil
    }

    func file(_ key: String) -> URL? { (json[key] as? String).map { directory.appendingPathComponent($0) } }
}
