import Testing
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

/// Each malformed file gives a located error: file, line, column and what was expected.
@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let line: Int
        let column: Int
        let message: String
        var testDescription: String { "\(name): \(message)" }
    }

    static let cases: [Case] = [
        Case(name: "e.blt", text: "", line: 1, column: 1, message: "the file is empty"),
        Case(name: "e.blt", text: "# only a comment\n\n", line: 2, column: 1, message: "found only comments"),
        Case(name: "h.blt", text: "4\n", line: 1, column: 1, message: "expected the header line"),
        Case(name: "h.blt", text: "four two\n", line: 1, column: 1, message: "expected the header line"),
        Case(name: "h.blt", text: "0 2\n", line: 1, column: 1, message: "expected between 1 and"),
        Case(name: "h.blt", text: "3 0\n", line: 1, column: 3, message: "expected at least 1 seat"),
        Case(name: "b.blt", text: "3 1\n1 2 x 0\n", line: 2, column: 5, message: "expected a candidate number (1–3)"),
        Case(name: "b.blt", text: "3 1\n1.5 1 0\n", line: 2, column: 1, message: "fractional weights"),
        Case(name: "b.blt", text: "3 1\n-1 1 0\n", line: 2, column: 4, message: "negative candidate number from -1 to -3; found '1'"),
        Case(name: "b.blt", text: "3 1\n-9\n", line: 2, column: 1, message: "expected a withdrawn candidate"),
        Case(name: "b.blt", text: "3 1\n1 2 0 3\n", line: 2, column: 7, message: "after its closing 0"),
        Case(name: "b.blt", text: "3 1\n1 2=\n", line: 2, column: 3, message: "expected a candidate after '='"),
        Case(name: "b.blt", text: "3 1\n1 2==3\n", line: 2, column: 5, message: "expected a candidate between the two '='"),
        Case(name: "b.blt", text: "3 1\n1 1=- 0\n", line: 2, column: 5, message: "'-' (a skipped rank) cannot be ranked equal"),
        Case(name: "b.blt", text: "3 1\n1 -=1 0\n", line: 2, column: 3, message: "'-' (a skipped rank) cannot be ranked equal"),
        Case(name: "c.blt", text: "3 1\n1 1 0 /* unterminated\n0\n\"A\"\n\"B\"\n\"C\"\n", line: 2, column: 7, message: "expected this comment to close on its line"),
        Case(name: "c.blt", text: "3 1\n/* never closed\n1 1 0\n0\n", line: 2, column: 1, message: "expected '*/' to close the comment that opens here"),
        Case(name: "c.blt", text: "3 1\n1 2 /* x\n */ 3 0\n", line: 2, column: 5, message: "expected this comment to close on its line"),
        Case(name: "o.blt", text: "3 1\n[nick 2 1 c]\n", line: 2, column: 1, message: "expected nicknames that are not numbers"),
        Case(name: "o.blt", text: "3 1\n[tie 1 1 2]\n", line: 2, column: 1, message: "is named twice in [tie"),
        Case(name: "o.blt", text: "3 1\n[withdrawn]\n", line: 2, column: 1, message: "expected candidates in [withdrawn"),
        Case(name: "n.blt", text: "2 1\n0\n\"A\u{1B}[31m\"\n", line: 3, column: 1, message: "without control characters"),
        Case(name: "k.csv", text: "rank1\nA\u{1B}[2J\n", line: 2, column: 1, message: "without control characters"),
        Case(name: "b.blt", text: "3 1\n1 2=0 0\n", line: 2, column: 5, message: "0 ends a ballot"),
        Case(name: "b.blt", text: "3 1\n[colour red]\n", line: 2, column: 1, message: "expected a known option"),
        Case(name: "b.blt", text: "3 1\n[tie 1 2\n", line: 2, column: 1, message: "expected ']'"),
        Case(name: "b.blt", text: "3 1\n1 1 0\n\"A\"\n", line: 3, column: 1, message: "end-of-ballots line '0' before the candidate names"),
        Case(name: "b.blt", text: "3 1\n1 1 0\n", line: 3, column: 1, message: "expected the end-of-ballots line '0'"),
        Case(name: "n.blt", text: "3 1\n1 1 0\n0\n\"A\"\n\"B\"\n", line: 6, column: 1, message: "expected 3 candidate names after the ballots; found 2"),
        Case(name: "n.blt", text: "2 1\n0\n\"A\n", line: 3, column: 1, message: "closing '\"'"),
        Case(name: "n.blt", text: "2 1\n0\n\"Ann  Black\"\n\"ann black\"\n", line: 4, column: 1, message: "repeats the name on line 3"),
        Case(name: "w.blt", text: "2 1\n99999999999 1 0\n0\n\"A\"\n\"B\"\n", line: 2, column: 1, message: "is more than 1000000000, the most ballots"),
        Case(name: "w.blt", text: "2 1\nx1 1 0\n", line: 2, column: 1, message: "expected a ballot line starting with a whole-number weight"),
        // Numbers at or above 2^63 (issue 10, defect 1): a located error, never an overflow trap.
        Case(name: "big.blt", text: "9223372036854775808 1\n", line: 1, column: 1, message: "expected between 1 and 32752 candidates; found '9223372036854775808'"),
        Case(name: "big.blt", text: "3 9223372036854775808\n", line: 1, column: 3, message: "expected a number of seats from 1 to 32752"),
        Case(name: "big.blt", text: "3 1\n-9223372036854775808\n", line: 2, column: 1, message: "expected a withdrawn candidate as a negative candidate number"),
        Case(name: "big.blt", text: "3 1\n9223372036854775808 1 0\n", line: 2, column: 1, message: "is more than 1000000000, the most ballots"),
        Case(name: "big.blt", text: "3 1\n1 9223372036854775808 0\n0\n\"A\"\n\"B\"\n\"C\"\n", line: 2, column: 3, message: "expected a candidate number from 1 to 3; found '9223372036854775808'"),
        Case(name: "big.blt", text: "3 1\n1 2=99999999999999999999 0\n", line: 2, column: 5, message: "beyond any candidate number"),
        Case(name: "big.csv", text: "weight,Ann\n99999999999999999999999,1\n", line: 2, column: 1, message: "is more than 1000000000"),
        Case(name: "big.csv", text: "Ann,Bob\n1,9223372036854775808\n", line: 2, column: 3, message: "expected a rank number from 1 to 32752; found '9223372036854775808'"),
        Case(name: "big.csv", text: "Ann,Bob\n1,40000\n", line: 2, column: 3, message: "expected a rank number from 1 to 32752; found '40000'"),
        // A ballot line or a second 0 after the end-of-ballots 0 (issue 10, defect 2): not a name.
        Case(name: "s.blt", text: "3 1\n1 1 0\n0\n1 2 0\n\"A\"\n\"B\"\n\"C\"\n", line: 4, column: 1, message: "expected candidate 1's name in double quotes; found '1 2 0', which looks like a ballot line, a withdrawn line or an option, but the ballots ended with the '0' on line 3"),
        Case(name: "s.blt", text: "3 1\n1 1 0\n0\n0\n\"A\"\n\"B\"\n\"C\"\n", line: 4, column: 1, message: "found '0', which looks like a ballot line"),
        Case(name: "s.blt", text: "3 1\n1 1 0\n0\n\"A\"\n\"B\"\n(b7) 1 2\n", line: 6, column: 1, message: "expected candidate 3's name in double quotes"),
        Case(name: "s.blt", text: "2 1\n1 1 0\n0\n\"A\"\n\"B\"\n2 1 0\n", line: 6, column: 1, message: "expected the title in double quotes"),
        // Found by fuzzing: a withdrawn line or an option after the end, names beside stray text.
        Case(name: "s.blt", text: "3 1\n1 1 0\n0\n[withdrawn 2]\n\"A\"\n", line: 4, column: 1, message: "found '[withdrawn 2]', which looks like a ballot line, a withdrawn line or an option"),
        Case(name: "s.blt", text: "3 1\n1 1 0\n0\n-2\n\"A\"\n", line: 4, column: 1, message: "found '-2', which looks like a ballot line"),
        Case(name: "s.blt", text: "2 1\n1 1 0\n0\n\"Bob\" Labour\n", line: 4, column: 7, message: "found unquoted text 'Labour' beside a quoted one"),
        Case(name: "s.blt", text: "2 1\n1 1 0\n0\nCara \"Green\"\n", line: 4, column: 1, message: "found unquoted text 'Cara' beside a quoted one"),
        Case(name: "s.blt", text: "2 1\n1 1 0\n0\n\"A\" \"P\" \"Q\"\n", line: 4, column: 1, message: "expected a name and at most a party after it; found 3 quoted strings"),
        Case(name: "l.blt", text: "2 1\n1 1 0\n0\n\"" + String(repeating: "x", count: 1_001) + "\"\n", line: 4, column: 1, message: "expected a candidate name and party of at most 1000 bytes each; found 1001"),
        Case(name: "l.csv", text: "rank1\n" + String(repeating: "x", count: 1_001) + "\n", line: 2, column: 1, message: "expected a candidate name of at most 1000 bytes; found 1001"),
        Case(name: "l.csv", text: "rank1," + String(repeating: "x", count: 1_001) + "\n", line: 1, column: 7, message: "expected a column name of at most 1000 bytes; found 1001"),
        // A quoted cell over two lines: the error is placed where the bad cell is, not its row's start.
        Case(name: "m.csv", text: "id,Ann,Bob\n\"a\nb\",2,x\n", line: 3, column: 6, message: "expected a rank number or an empty cell"),
        Case(name: "s.blt", text: "3 1\n2 1 2 0\n0\n\"A\"\n\"B\" /* x\n y */ \"Lab\"\n\"C\"\n", line: 5, column: 5, message: "expected this comment to close on its line: the end of a line ends a name line"),
        Case(name: "e.csv", text: "", line: 1, column: 1, message: "the file is empty"),
        Case(name: "m.csv", text: "rank1,Bob\nAnn,Bob\n", line: 1, column: 1, message: "mixes rank columns"),
        Case(name: "o.csv", text: "rank1,rank3\nAnn,Bob\n", line: 1, column: 7, message: "expected rank column 2 here"),
        Case(name: "c.csv", text: "Ann,Bob\n1,abc\n", line: 2, column: 3, message: "expected a rank number, a mark"),
        Case(name: "q.csv", text: "Ann,Bob\n1,\"2\n", line: 2, column: 3, message: "closing '\"'"),
        Case(name: "q.csv", text: "Ann,Bob\n\"1\"x,2\n", line: 2, column: 4, message: "after the closing quote"),
        Case(name: "f.csv", text: "Ann,Bob\n1,2,3\n", line: 2, column: 5, message: "expected at most 2 fields"),
        Case(name: "w.csv", text: "weight,Ann\n-1,1\n", line: 2, column: 1, message: "expected a whole-number weight"),
        Case(name: "w.csv", text: "weight,Ann\n2000000000,1\n", line: 2, column: 1, message: "the weight '2000000000' is more than 1000000000"),
        Case(name: "w.csv", text: "weight,Ann\n2.5,1\n", line: 2, column: 1, message: "fractional weights such as '2.5' are not supported"),
        Case(name: "x.csv", text: "Ann,Bob,Cat\n1,2,\nX,,\n", line: 3, column: 1, message: "this file ranks candidates"),
        Case(name: "x.csv", text: "Ann,Bob,Cat\nX,,\n1,2,\n", line: 3, column: 3, message: "this file holds marks"),
        Case(name: "d.csv", text: "Ann,Bob,ann\n1,2,3\n", line: 1, column: 9, message: "named twice in the header"),
        Case(name: "i.csv", text: "Ann,,Bob\n1,x,2\n", line: 2, column: 3, message: "column with no header"),
        Case(name: "r.csv", text: "region,rank1\n,Ann\n", line: 2, column: 1, message: "expected a region name"),
        Case(name: "n.csv", text: "weight,id\n1,a\n", line: 1, column: 1, message: "expected a header naming candidates"),
        Case(name: "u.csv", text: "Ann,Bob\n1,2\n", line: 1, column: 1, message: "expected a column named 'Copies'"),
        Case(name: "z.csv", text: "Ann,Bob\n1,\u{0}2\n", line: 2, column: 3, message: "found a NUL byte"),
        Case(name: "z.blt", text: "2 1\n\u{0}", line: 2, column: 1, message: "found a NUL byte"),
    ]

    @Test(arguments: cases)
    func givesALocatedError(_ example: Case) {
        let options = example.name == "u.csv" ? CSVOptions(weightColumn: "Copies") : CSVOptions()
        do {
            _ = try read(example.text, name: example.name, options: options)
            Issue.record("read without error")
        } catch let error as BallotFileError {
            #expect(error.kind == .malformed)
            #expect(error.file == example.name)
            #expect(error.line == example.line)
            #expect(error.column == example.column)
            #expect(error.message.contains(example.message), "\(error.message)")
            #expect(error.description.hasPrefix("\(example.name):\(example.line):\(example.column): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Latin-1 text (as a spreadsheet may save it) is not read into mangled names.
    @Test func rejectsTextThatIsNotUTF8() {
        let latin1: [UInt8] = Array("2 1\n1 1 0\n0\n\"Ren".utf8) + [0xE9] + Array("\"\n\"B\"\n".utf8)
        #expect(throws: BallotFileError(file: "l.blt", line: 4, column: 5, message: "expected UTF-8 text; found the byte 0xE9 (save the file as UTF-8)")) {
            try read(bytes: latin1, name: "l.blt")
        }
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            #expect(throws: BallotFileError.self) { try read(bytes: Array("a,b\n".utf8) + bad, name: "x.csv") }
        }
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: BallotFileError(kind: .unreadable, file: "/nonexistent/x.blt", line: nil, column: nil, message: "no such file")) {
            try BallotFileLoader().load(path: "/nonexistent/x.blt")
        }
    }

    @Test func aDirectoryIsUnreadable() {
        #expect(throws: BallotFileError.self) { try BallotFileLoader().load(path: "/tmp") }
    }

    /// A header of a million columns is refused before its names are read (issue 10: it took
    /// minutes); one of 20,000 rank columns is a real (if wide) file.
    @Test func aHeaderWiderThanAnyBallotFileIsRefused() throws {
        let wide = (1...1_000_000).map { "rank\($0)" }.joined(separator: ",") + "\nA,B\n"
        #expect(throws: BallotFileError.self) { try read(wide, name: "w.csv") }
        do {
            _ = try read(wide, name: "w.csv")
        } catch let error as BallotFileError {
            #expect(error.line == 1)
            #expect(error.message == "expected at most 65536 columns; the header has 1000000")
        }
        let named = (1...40_000).map { "C\($0)" }.joined(separator: ",") + "\n1,2\n"
        #expect(throws: BallotFileError.self) { try read(named, name: "n.csv") }
        let ranks = try read((1...20_000).map { "rank\($0)" }.joined(separator: ",") + "\nA,B\n", name: "r.csv")
        #expect(ranks.candidates.map(\.name) == ["A", "B"])
    }

    /// Unquoted names and titles that are not numbers still read (docs/formats.md), comments
    /// left out.
    @Test func unquotedNamesThatAreNotBallotLinesStillRead() throws {
        let profile = try read("2 1\n1 1 0\n0\nAnn /* first */ Black\n3rd Way # a note\nThe (2024) ballot\n")
        #expect(profile.candidates.map(\.name) == ["Ann Black", "3rd Way"])
        #expect(profile.title == "The (2024) ballot")
    }

    /// A lone CR ends a line, as LF and CRLF do (issue 10, fuzzing: `5 1 2\r2 3 1` was one ballot,
    /// and two ballots vanished).
    @Test func aLoneCarriageReturnEndsALine() throws {
        let blt = try read("3 1\r5 1 2\r2 3 1\r0\r\"A\"\r\"B\"\r\"C\"\r\"T\"\r")
        #expect(blt.described == ["5: A, B", "2: C, A"])
        #expect(blt.candidates.map(\.name) == ["A", "B", "C"])
        #expect(blt.title == "T")
        let csv = try read("rank1,rank2\rAnn,Bob\r\"Bob\",Ann\r\nAnn\r", name: "r.csv")
        #expect(csv.described == ["1: Ann, Bob", "1: Bob, Ann", "1: Ann"])
    }

    @Test func tooManyBallotsIsAnErrorNotAWrongTotal() {
        #expect(throws: BallotFileError.self) { try read("2 1\n999999999 1 0\n999999999 2 0\n0\n\"A\"\n\"B\"\n") }
    }
}
