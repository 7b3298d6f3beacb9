import Foundation
import Testing
@testable import TallyCommands
import TallyElection
import TallyTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `-o`, `--candidates-out` and `--save-fit` never replace what the path names (issue 10,
/// defect 3): each kind of target is written as OutputFile's documentation says.
@Suite("writing output files")
struct OutputFileTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        #expect(lstat(path, &info) == 0)
        return info.st_mode
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNewFileIsCreatedWithTheUsualPermissions() throws {
        let path = directory + "/new.csv"
        try OutputFile.write("one\n", to: path)
        #expect(try contents(path) == "one\n")
        let mask = umask(0o022)
        umask(mask)
        #expect(mode(path) & 0o777 == 0o666 & ~mask)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["new.csv"], "no temporary file left behind")
    }

    @Test func aRegularFileIsReplacedKeepingItsPermissions() throws {
        let path = directory + "/kept.csv"
        try "old text that is longer\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        try OutputFile.write("new\n", to: path)
        #expect(try contents(path) == "new\n")
        #expect(mode(path) & S_IFMT == S_IFREG)
        #expect(mode(path) & 0o7777 == 0o640)
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
        let target = directory + "/target.csv"
        let link = directory + "/link.csv"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o600)
        #expect(symlink(target, link) == 0)
        try OutputFile.write("through the link\n", to: link)
        #expect(mode(link) & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try contents(target) == "through the link\n")
        #expect(mode(target) & 0o7777 == 0o600)
    }

    @Test func aLinkToNothingCreatesItsTarget() throws {
        let target = directory + "/made.csv"
        let link = directory + "/dangling.csv"
        #expect(symlink(target, link) == 0)
        try OutputFile.write("made\n", to: link)
        #expect(mode(link) & S_IFMT == S_IFLNK)
        #expect(try contents(target) == "made\n")
    }

    @Test func aFileWithSeveralHardLinksIsWrittenInPlace() throws {
        let first = directory + "/first.csv"
        let second = directory + "/second.csv"
        try "old\n".write(toFile: first, atomically: false, encoding: .utf8)
        #expect(link(first, second) == 0)
        try OutputFile.write("both\n", to: second)
        #expect(try contents(first) == "both\n")
        #expect(try contents(second) == "both\n")
    }

    @Test func aPipeIsWrittenThroughNotReplaced() async throws {
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)!
            defer { try? handle.close() }
            return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        }
        try OutputFile.write("down the pipe\n", to: fifo)
        #expect(await reader.value == "down the pipe\n")
        #expect(mode(fifo) & S_IFMT == S_IFIFO)
    }

    @Test func devNullIsWrittenThrough() throws {
        try OutputFile.write("discarded\n", to: "/dev/null")
        #expect(mode("/dev/null") & S_IFMT == S_IFCHR)
    }

    @Test func aFullDeviceIsAnErrorAndStaysADevice() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"), "Linux has /dev/full")
        #expect(throws: ElectionFailure.self) { try OutputFile.write("no room\n", to: "/dev/full") }
        do {
            try OutputFile.write("no room\n", to: "/dev/full")
        } catch {
            #expect(error.exitCode == .cannotCreate)
            #expect(error.message.contains("/dev/full"), "\(error.message)")
        }
        #expect(mode("/dev/full") & S_IFMT == S_IFCHR)
    }

    @Test func aDirectoryIsRefused() throws {
        do {
            try OutputFile.write("x\n", to: directory)
            Issue.record("wrote to a directory")
        } catch {
            #expect(error.exitCode == .cannotCreate)
            #expect(error.message.contains("is a directory"), "\(error.message)")
        }
    }

    @Test func aMissingDirectoryIsAnError() throws {
        #expect(throws: ElectionFailure.self) { try OutputFile.write("x\n", to: directory + "/no/such/place.csv") }
    }

    /// The same through the command line: generate -o keeps a symbolic link and exits 73 on a
    /// directory.
    @Test func generateWritesThroughTheCommandLine() throws {
        let scenario = Repository.fixture("scenarios/two-slates-12/scenario.json")
        let target = directory + "/ballots.csv"
        let link = directory + "/ballots-link.csv"
        try "".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink(target, link) == 0)
        let written = TallyCLI.run(["generate", scenario, "--voters", "20", "-o", link])
        #expect(written.exitCode == .success, "\(written.standardError)")
        #expect(mode(link) & S_IFMT == S_IFLNK)
        #expect(try contents(target).hasPrefix("rank1,"))
        let refused = TallyCLI.run(["generate", scenario, "--voters", "20", "-o", directory])
        #expect(refused.exitCode == .cannotCreate)
        #expect(refused.standardError.contains("is a directory"))
    }
}
