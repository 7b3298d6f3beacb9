import Foundation
import Testing
import TallyCounting
@testable import TallyBallotFiles
import TallyTestSupport

/// Contest and scenario files with a JSON syntax error are refused at a line and column (issue 10:
/// they gave a character offset), and nesting too deep for the reader is refused.
@Suite struct JSONSyntaxTests {
    func error(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            do throws(BallotFileError) {
                try JSONSyntax.check(buffer, file: "c.json")
                return nil
            } catch {
                return error.description
            }
        }
    }

    @Test(arguments: [
        ("{\n  \"title\": \"T\",\n  \"seats\": 1,,\n}", "c.json:3:14: not valid JSON: expected a key in double quotes; found ',\\x0A}'"),
        ("{\n  \"title\": \"T\"\n  \"x\": 1}", "c.json:3:3: not valid JSON: expected ',' or '}'; found '\"x\": 1}'"),
        ("{\"title\": ", "c.json:1:11: not valid JSON: expected a value; found the end of the file"),
        ("[1, 2", "c.json:1:6: not valid JSON: expected ',' or ']'; found the end of the file"),
        ("{\"a\": tru}", "c.json:1:7: not valid JSON: expected a value (a string, number, object, list, true, false or null); found 'tru}'"),
        ("{\"a\": 01}", "c.json:1:7: not valid JSON: expected a number without leading zeros"),
        ("{\"a\": 1.}", "c.json:1:9: not valid JSON: expected a digit after the decimal point"),
        ("{\"a\": \"x\\q\"}", "c.json:1:9: not valid JSON: expected an escape such as \\\" \\\\ \\n or \\u00e9; found '\\q'"),
        ("{\"a\": \"open}", "c.json:1:7: not valid JSON: expected a closing '\"' for the string that starts here"),
        ("{} {}", "c.json:1:4: not valid JSON: expected the end of the file after the JSON value; found '{}'"),
        ("{\"seats\": 6,\n \"seats\": \"x\"}", "c.json:2:2: not valid JSON: the key 'seats' is given twice in the same object"),
        ("{\"a\": \"tab\there\"}", "c.json:1:11: not valid JSON: expected no control character inside a string; found '\\x09' (a tab is written \\t)"),
        ("{\"seats\": 1e400}", "c.json:1:11: not valid JSON: expected a number smaller than 10^308; found '1e400'"),
        ("{\"seats\": 0.5e400}", "c.json:1:11: not valid JSON: expected a number smaller than 10^308; found '0.5e400'"),
        ("{\"a\": }", "c.json:1:7: not valid JSON: expected a value (a string, number, object, list, true, false or null); found '}'"),
    ])
    func syntaxErrorsAreLocated(_ text: String, _ expected: String) {
        #expect(error(text) == expected)
    }

    @Test func deepNestingIsRefused() {
        #expect(error(String(repeating: "[", count: 100_000))?.hasPrefix("c.json:1:65: not valid JSON: expected at most 64 levels of nesting") == true)
        #expect(error(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
    }

    @Test func validDocumentsPass() {
        for text in ["{}", "[]", " [ ] ", "{\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\"], \"b\": {\"c\": {}}}", "0", "\"s\""] {
            #expect(error(text) == nil, "\(text)")
        }
    }

    /// Every contest and scenario file in the repository passes.
    @Test func bundledFilesPass() throws {
        let files = FileManager.default.enumerator(atPath: Repository.fixture(""))!.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }
        try #require(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: Repository.fixture(file), encoding: .utf8)
            #expect(error(text) == nil, "\(file)")
        }
    }

    /// Random damage to a valid file: whatever the check accepts, Foundation's reader reads, so
    /// every syntax error the reader would find is found first, with a place. (The check is the
    /// stricter: it refuses the trailing commas Foundation lets through.)
    @Test func agreesWithFoundationOnDamagedFiles() {
        let original = Array(#"{"title": "T", "sections": [{"name": "A", "seats": 1, "min": {"w": 2}}], "x": [1.5, -2, true, null, "a\"b"]}"#.utf8)
        let alphabet = Array("{}[]\",:0123456789.-+eE truefalsn\\u".utf8)
        var draw = SeededDraw(seed: 10)
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0...draw.uniform(below: 3) {
                let position = Int(draw.uniform(below: UInt64(bytes.count)))
                switch draw.uniform(below: 3) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(draw.uniform(below: UInt64(alphabet.count)))], at: position)
                default: bytes[position] = alphabet[Int(draw.uniform(below: UInt64(alphabet.count)))]
                }
            }
            let accepted = bytes.withUnsafeBufferPointer { JSONSyntax.firstError($0) == nil }
            let read = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            #expect(!accepted || read, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
