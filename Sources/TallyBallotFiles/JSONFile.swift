import TallyModel
import Foundation

/// Reads a JSON input file (a contest, a scenario) into a `Decodable` value, refusing keys the
/// file's schema does not know: a misspelt key ("minimum" for "minimums") would otherwise be
/// ignored and silently change the result.
public enum JSONFile {
    /// The keys an object may hold; for a key whose value is an object, or an array of objects,
    /// the keys those objects may hold.
    public struct Keys: Sendable {
        let allowed: [String: Keys?]

        public init(_ allowed: [String: Keys?]) { self.allowed = allowed }

        /// Keys whose values are not objects.
        public init(_ plain: [String]) { allowed = Dictionary(uniqueKeysWithValues: plain.map { ($0, nil) }) }

        /// The names of the keys, in order.
        public var names: [String] { allowed.keys.sorted() }
    }

    /// Decodes the file at `path`; `kind` ("contest file", …) names the file in errors. Keys are
    /// snake_case in the file and camelCase in `T`. Values of `wholeNumbers` keys (or, for an
    /// object, each of its values) must be whole numbers: the place of a fraction is reported
    /// here, since the decoder does not say where it found one.
    public static func decode<T: Decodable>(_ type: T.Type, path: String, kind: String, keys: Keys, wholeNumbers: Set<String> = []) throws(BallotFileError) -> T {
        func fail(_ message: String) -> BallotFileError { BallotFileError(file: path, line: nil, column: nil, message: message) }
        let data = try FileContents.read(path: path, kind: kind)
        let problem = data.withUnsafeBytes { raw -> BallotFileError? in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(BallotFileError) {
                try TextValidation.check(bytes, file: path)
                try JSONSyntax.check(bytes, file: path) // located errors, and no nesting deep enough to hurt the reader
                return nil
            } catch {
                return error
            }
        }
        if let problem { throw problem }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw fail("not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        guard let top = object as? [String: Any] else { throw fail("expected a JSON object at the top level") }
        if let problem = unknownKey(in: top, keys: keys, place: "") { throw fail(problem) }
        if let place = fraction(in: top, keys: wholeNumbers, place: "") { throw fail("expected a whole number at \(place)") }
        if let place = longName(in: top, place: "") {
            throw fail("expected at most \(Candidate.maximumNameBytes) bytes at \(place): names are matched as candidate names are (docs/formats.md, Limits)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw fail("not a valid \(kind): \(explain(error))")
        } catch {
            throw fail("not a valid \(kind): \(error)")
        }
    }

    /// The first key (in sorted order, depth first) that `keys` does not allow, as a message.
    private static func unknownKey(in object: [String: Any], keys: Keys, place: String) -> String? {
        for key in object.keys.sorted() {
            guard let nested = keys.allowed[key] else {
                return "unknown key \"\(Excerpt.of(key))\" \(place.isEmpty ? "at the top level" : "in \(place)"); expected one of: \(keys.names.joined(separator: ", "))"
            }
            guard let nested else { continue }
            let here = place.isEmpty ? key : "\(place).\(key)"
            if let inner = object[key] as? [String: Any] {
                if let problem = unknownKey(in: inner, keys: nested, place: here) { return problem }
            } else if let list = object[key] as? [Any] {
                for (index, element) in list.enumerated() {
                    guard let inner = element as? [String: Any] else { return "expected \(here)[\(index)] to be an object" }
                    if let problem = unknownKey(in: inner, keys: nested, place: "\(here)[\(index)]") { return problem }
                }
            }
        }
        return nil
    }

    /// Keys whose text is not a name, and may be longer than a name.
    static let textKeys: Set<String> = ["title", "sources", "assumptions", "ballots", "candidates_file"]

    /// The place of the first key, or string value, longer than `Candidate.maximumNameBytes`,
    /// outside the values of `textKeys`: every other string in these files is a name or a
    /// category, matched as names are.
    private static func longName(in value: Any, place: String) -> String? {
        if let text = value as? String { return text.utf8.count > Candidate.maximumNameBytes ? place : nil }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let here = place.isEmpty ? key : "\(place).\(Excerpt.of(key))"
                if key.utf8.count > Candidate.maximumNameBytes { return "a key in \(place.isEmpty ? "the top level" : place)" }
                if textKeys.contains(key) { continue }
                if let found = longName(in: object[key]!, place: here) { return found }
            }
        } else if let list = value as? [Any] {
            for (index, element) in list.enumerated() {
                if let found = longName(in: element, place: "\(place)[\(index)]") { return found }
            }
        }
        return nil
    }

    /// The place of the first value of a `keys` key that is a number but not a whole one.
    private static func fraction(in value: Any, keys: Set<String>, place: String, checking: Bool = false) -> String? {
        if checking, let number = value as? NSNumber, !(value is Bool), number.doubleValue.rounded() != number.doubleValue || number.doubleValue.magnitude > 9e15 {
            return place
        }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let here = place.isEmpty ? key : "\(place).\(key)"
                if let found = fraction(in: object[key]!, keys: keys, place: here, checking: checking || keys.contains(key)) { return found }
            }
        } else if let list = value as? [Any] {
            for (index, element) in list.enumerated() {
                if let found = fraction(in: element, keys: keys, place: "\(place)[\(index)]", checking: false) { return found }
            }
        }
        return nil
    }

    /// A decoding error in the file's own terms: the key path as written in the file.
    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            var text = ""
            for key in context.codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue) }
            }
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case let .keyNotFound(key, context): return "expected \"\(snakeCase(key.stringValue))\" at \(path(context))"
        case let .typeMismatch(type, context): return "expected \(describe(type)) at \(path(context))"
        case let .valueNotFound(type, context): return "expected \(describe(type)) at \(path(context)), found null"
        case let .dataCorrupted(context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }

    /// `votesPerBallot` → `votes_per_ballot`: keys as the file spells them.
    private static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}
