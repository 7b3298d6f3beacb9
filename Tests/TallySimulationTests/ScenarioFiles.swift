import Foundation

/// Scenario files for tests: written to a fresh temporary directory.
enum ScenarioFiles {
    static func write(_ json: String, name: String = "scenario.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A small valid scenario; `extra` is spliced into the top-level object, `blocs` replaces the
    /// blocs.
    static func small(extra: String = "", blocs: String? = nil) -> String {
        """
        {
          "title": "Small", "seats": 2, "voters": 100,\(extra)
          "candidates": [{"name": "A1", "categories": ["woman"]}, {"name": "A2"}, {"name": "B1"}, {"name": "B2", "categories": ["woman"]}],
          "slates": [{"name": "A", "candidates": ["A1", "A2"]}, {"name": "B", "candidates": ["B1", "B2"]}],
          "blocs": \(blocs ?? #"[{"name": "A voters", "slate": "A", "share": 0.6}, {"name": "B voters", "slate": "B", "share": 0.4}]"#)
        }
        """
    }
}
