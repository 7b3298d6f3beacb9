import Foundation
import Testing
@testable import TallyBallotFiles
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that never end or are too large are refused with a message, never read without limit
/// (issue 10, defect 4).
@Suite struct FileContentsTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func expectError(_ path: String, limit: Int = FileContents.maximumBallotFileBytes, kind: BallotFileError.Kind, _ message: String) {
        do {
            _ = try FileContents.read(path: path, kind: "ballot file", limit: limit)
            Issue.record("\(path) was read")
        } catch {
            #expect(error.kind == kind)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aDeviceIsRefusedAtOnce() {
        expectError("/dev/zero", kind: .unreadable, "is a device, not a ballot file")
        #expect(throws: BallotFileError(kind: .unreadable, file: "/dev/zero", line: nil, column: nil, message: "is a device, not a ballot file")) {
            try BallotFileLoader().load(path: "/dev/zero")
        }
    }

    /// A pipe of NUL bytes stops at the first chunk, and the text check places the NUL.
    @Test func aPipeOfNulBytesStopsAtTheFirstOne() throws {
        let fifo = directory + "/zeros"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data("2 1\n".utf8) + Data(count: 30_000)) // fits in the pipe's buffer
            try? handle.close()
        }
        writer.start()
        #expect(throws: BallotFileError(file: fifo, line: 2, column: 1, message: "expected text; found a NUL byte (is this a binary file?)")) {
            try BallotFileLoader().load(path: fifo)
        }
    }

    @Test func aPipeLongerThanTheLimitIsRefused() throws {
        let fifo = directory + "/long"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)!
            handle.write(Data(repeating: 0x61, count: 4_000))
            try? handle.close()
        }
        writer.start()
        expectError(fifo, limit: 1_000, kind: .malformed, "holds more than 1000 bytes, the most Tally reads of a ballot file from a pipe")
    }

    @Test func aRegularFileLargerThanTheLimitIsRefusedUnread() throws {
        let path = directory + "/candidates.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(FileContents.maximumSideFileBytes + 1)) == 0) // sparse: nothing to read
        #expect(throws: BallotFileError(file: path, line: nil, column: nil, message: "is larger than 16 MiB, the largest candidates file Tally reads")) {
            try CandidateAttributes.load(path: path)
        }
    }

    @Test func aDirectoryAndAMissingFileAreUnreadable() {
        expectError(directory, kind: .unreadable, "is a directory, not a ballot file")
        expectError(directory + "/missing.blt", kind: .unreadable, "no such file")
    }

    @Test func aFileIsReadWhole() throws {
        let path = directory + "/small.blt"
        try "2 1\n1 1 0\n0\n\"A\"\n\"B\"\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try FileContents.read(path: path, kind: "ballot file") == Data("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n".utf8))
    }
}
