import Foundation
import Testing
import TallyCounting
import TallyModel
@testable import TallyBallotFiles
import TallyTestSupport

/// Ballot files are mapped and let go as they are read (issue 15); the checks that run over every
/// byte (UTF-8, NUL) and the row splitter work eight bytes at a time. Expected values are set by
/// construction: the files are made here, so where each thing is, is known.
@Suite struct MappedReadingTests {
    let directory: String

    init() throws { directory = try Repository.temporaryDirectory("mapped") }

    /// `lines` copies of `line` after a header, written to a file in `directory`.
    func write(_ name: String, header: String, line: String, lines: Int, then tail: [UInt8] = []) throws -> String {
        let path = directory + "/" + name
        var bytes = Array((header + "\n").utf8)
        bytes.reserveCapacity(bytes.count + lines * (line.utf8.count + 1) + tail.count)
        let row = Array((line + "\n").utf8)
        for _ in 0..<lines { bytes += row }
        bytes += tail
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// 24 MB: three strides of `FileBytes.releaseStride`, released as read, all counted.
    @Test func aFileLargerThanTheReleaseStrideIsReadWhole() throws {
        let path = try write("large.csv", header: "voter id,Ann,Bob,Cat", line: "v0000000,1,,2", lines: 1_700_000, then: Array("v9,2,1,\n".utf8))
        let profile = try BallotFileLoader().load(path: path).profile
        #expect(profile.validBallots == 1_700_001)
        #expect(profile.described == ["1700000: Ann, Cat", "1: Bob, Ann"])
        #expect(profile.ballots.map(\.firstLines) == [[2, 3, 4, 5, 6], [1_700_002]])
    }

    /// A NUL byte past the first release is still found, at its line and column.
    @Test func aLateNULByteIsFoundWhereItIs() throws {
        let path = try write("nul.csv", header: "rank1,rank2", line: "Ann,Bob", lines: 1_500_000, then: Array("Ann,B".utf8) + [0] + Array("b\n".utf8))
        do {
            _ = try BallotFileLoader().load(path: path)
            Issue.record("a file with a NUL byte was read")
        } catch let error as BallotFileError {
            #expect(error.line == 1_500_002)
            #expect(error.column == 6)
            #expect(error.message.contains("NUL"))
        }
    }

    /// Bytes that are not UTF-8, and NUL, at every offset from an eight-byte boundary: found at
    /// their own column; multi-byte letters at every offset are text.
    @Test(arguments: 0..<16)
    func checksEveryByteAtEveryOffset(offset: Int) throws {
        let prefix = String(repeating: "a", count: offset)
        for (bad, message) in [([UInt8(0xFF)], "UTF-8"), ([UInt8(0)], "NUL"), ([UInt8(0xC3)], "UTF-8")] {
            let bytes = Array("rank1\n\(prefix)".utf8) + bad + Array("xyzxyzxyz\n".utf8)
            do {
                _ = try read(bytes: bytes, name: "b.csv")
                Issue.record("bad byte at \(offset) was accepted")
            } catch let error as BallotFileError {
                #expect(error.line == 2)
                #expect(error.column == offset + 1)
                #expect(error.message.contains(message))
            }
        }
        let letters = try read(bytes: Array("rank1\n\(prefix)é✓\(prefix)\n".utf8), name: "b.csv")
        #expect(letters.candidates.map(\.name) == ["\(prefix)é✓\(prefix)"])
    }

    /// Fields of every length up to 20, split at the delimiter wherever it falls in a word.
    @Test func splitsFieldsOfEveryLength() throws {
        var lines: [[String]] = []
        for row in 0..<200 {
            lines.append((0..<(1 + row % 7)).map { column in String(repeating: "x", count: (row * 7 + column * 3) % 21) })
        }
        let text = lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = CSVRowParser(buffer, delimiter: 0x2C)
            for expected in lines {
                let read = try parser.nextRow()
                #expect(read)
                #expect(parser.fields.map { parser.string($0) } == expected)
            }
            let more = try parser.nextRow()
            #expect(!more)
        }
    }

    /// Splitting a row in one pass gives the same fields, line numbers and errors as reading it
    /// field by field, on random text of names, blanks, quotes, delimiters and every line end.
    @Test(arguments: [UInt8(0x2C), 0x3B, 0x09])
    func splittingInOnePassEqualsFieldByField(delimiter: UInt8) throws {
        var draw = SeededDraw(seed: UInt64(delimiter))
        let pieces: [[UInt8]] = [
            Array("Ann".utf8), Array("Bob Black".utf8), Array("é✓".utf8), [0x20], [0x09], [0x0B], [0x0C], [delimiter], [delimiter],
            [0x0A], [0x0D], [0x0D, 0x0A], [0x22], Array("\"q\"\"x\"".utf8), Array("12".utf8), Array("Cat Ng".utf8),
        ]
        for _ in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<Int(draw.uniform(below: 60)) { text += pieces[Int(draw.uniform(below: UInt64(pieces.count)))] }
            func rows(bulk: Bool) -> [String] {
                text.withUnsafeBufferPointer { buffer in
                    var parser = CSVRowParser(buffer, delimiter: delimiter, bulk: bulk)
                    var rows: [String] = []
                    do {
                        while try parser.nextRow() {
                            rows.append("\(parser.rowLine)@\(parser.rowLineStart)\(parser.isEmptyLine ? "e" : ""):" + parser.fields.map { "[\($0.range)\($0.hasEscapedQuotes)]" }.joined())
                        }
                    } catch {
                        rows.append("error \(error)")
                    }
                    return rows
                }
            }
            #expect(rows(bulk: true) == rows(bulk: false), "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }
}
