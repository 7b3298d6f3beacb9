import Foundation

/// The keys a fixture.json may hold and the kind of value under each, checked on the document as
/// `ExactJSON` reads it (true and 1 stay apart, as Foundation on Linux does not keep them). The checkers read values
/// with `as?`, which quietly skips a misspelt key or a value of the wrong kind; checking every
/// fixture against this schema first makes either a failure.
indirect enum FixtureSchema: Sendable {
    case string
    case integer
    /// Any value: read by a checker that compares its text.
    case any
    case array(FixtureSchema)
    /// An object with exactly these keys (each optional).
    case object([String: FixtureSchema])
    /// An object with any keys (candidates, sections, slates), each value of this kind.
    case map(FixtureSchema)

    static let stage = FixtureSchema.object([
        "stage": .string, "event": .string, "transfer_values": .array(.string), "votes": .map(.string),
        "non_transferable": .string, "lost_to_rounding": .string, "exhausted": .string, "quota": .string,
        "elected": .array(.string), "excluded": .array(.string), "note_contains": .string,
        "elected_on": .map(.map(.string)),
    ])

    static let expect = FixtureSchema.object([
        "exit_code": .integer, "error_contains": .string, "ballots": .map(.any), "votes": .map(.integer), "shares": .map(.string),
        "elected": .array(.string), "irregularities": .map(.map(.any)), "quota": .string, "stages": .array(stage),
        "tie_method": .string, "tie_methods": .array(.string), "tie_stages": .array(.string), "ties": .integer,
        "tie_candidates": .array(.string), "constraint_events": .array(.array(.string)), "displacements": .array(.array(.string)),
    ])

    static let indices: [String: FixtureSchema] = [
        "gallagher": .array(.string), "loosemore_hanby": .array(.string), "first_choice_elected": .array(.string),
        "someone_elected_in_top": .array(.string),
    ]

    /// fixture.json.
    static let fixture = FixtureSchema.object([
        "description": .string, "source": .string, "ballots": .string, "seats": .integer, "valid_ballots": .integer,
        "official_stages": .string, "first_preferences": .map(.integer), "contest": .string,
        "runs": .array(.object(["arguments": .array(.string), "expect": expect])),
        "contest_expect": .object([
            "elected": .map(.array(.string)), "seats_by_slate": .map(.integer), "categories": .map(.integer),
            "stage_figures": .map(.object(["stage": .string, "quota": .string, "non_transferable": .string])),
        ]),
        "compare_expect": .object(indices.merging([
            "arguments": .array(.string), "stv_elected": .array(.string), "block_elected": .array(.string), "seats": .map(.array(.integer)),
        ]) { $1 }),
        "compare_contest_expect": .object(indices.merging([
            "elected": .map(.array(.array(.string))), "seats": .map(.array(.integer)), "first_preferences": .map(.integer),
        ]) { $1 }),
    ])

    /// Where `value` departs from this schema, as "path: problem" lines.
    func problems(in value: Any, at path: String = "") -> [String] {
        let place = path.isEmpty ? "the top level" : path
        switch self {
        case .any:
            return []
        case .string:
            return value is String ? [] : ["\(place): expected a string"]
        case .integer:
            return value is Int ? [] : ["\(place): expected a whole number"] // ExactJSON: whole numbers are Int, true is Bool
        case let .array(element):
            guard let items = value as? [Any] else { return ["\(place): expected a list"] }
            return items.enumerated().flatMap { element.problems(in: $1, at: "\(path)[\($0)]") }
        case let .object(keys):
            guard let object = value as? [String: Any] else { return ["\(place): expected an object"] }
            return object.keys.sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let schema = keys[key] else { return ["\(here): not a key the checkers read (expected one of \(keys.keys.sorted().joined(separator: ", ")))"] }
                return schema.problems(in: object[key]!, at: here)
            }
        case let .map(values):
            guard let object = value as? [String: Any] else { return ["\(place): expected an object"] }
            return object.keys.sorted().flatMap { values.problems(in: object[$0]!, at: path.isEmpty ? $0 : "\(path).\($0)") }
        }
    }
}
