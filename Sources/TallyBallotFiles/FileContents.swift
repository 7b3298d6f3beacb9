import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole input file (ballots, candidates, contest, scenario), with the same errors for a
/// missing, unreadable or unsuitable path whichever file it is, and a size limit for each kind.
///
/// A regular file larger than its limit is refused before anything is read. A pipe (`<(cmd)`,
/// `/dev/stdin` fed by a pipe) is read until it ends, and refused once it passes its limit (the
/// file's, at most `maximumStreamBytes`), or as soon as it holds a NUL byte (it cannot be text, and a stream of them, like `/dev/zero`, would
/// never end). A device (`/dev/zero`, a terminal, a disk) and a directory are refused at once.
public enum FileContents {
    /// The largest ballot file Tally reads: 2 GiB, about forty million ballots in CSV.
    public static let maximumBallotFileBytes = 2 << 30
    /// The largest candidates, contest, scenario or results file Tally reads: 16 MiB.
    public static let maximumSideFileBytes = 16 << 20
    /// The most Tally reads from a pipe, whose size is not known before reading: 512 MiB.
    public static let maximumStreamBytes = 512 << 20

    /// The bytes of the file at `path`; `kind` ("ballot file", …) names what the file should be.
    /// Reads the side file at `path` (`kind` names it in errors) and parses its bytes with
    /// `parse`, which is given the file's name for its errors.
    static func parse<Value>(
        path: String, kind: String, _ parse: (UnsafeBufferPointer<UInt8>, String) throws(BallotFileError) -> Value
    ) throws(BallotFileError) -> Value {
        let data = try read(path: path, kind: kind)
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(BallotFileError) in try parse(buffer.bindMemory(to: UInt8.self), path) }
        }
        return try result.get()
    }

    static func read(path: String, kind: String, limit: Int = maximumSideFileBytes) throws(BallotFileError) -> Data {
        let opened = try OpenedFile(path: path, kind: kind, limit: limit)
        defer { close(opened.descriptor) }
        return try opened.readAll()
    }

    /// The bytes of the ballot file at `path`: a regular file is mapped into memory, not copied,
    /// so that pages already read can be let go (`FileBytes.release(before:)`); a pipe is read.
    static func ballotBytes(path: String) throws(BallotFileError) -> FileBytes {
        let opened = try OpenedFile(path: path, kind: "ballot file", limit: maximumBallotFileBytes)
        defer { close(opened.descriptor) }
        if opened.isRegular, opened.size > 0, let mapped = FileBytes(mapping: opened.descriptor, size: opened.size) {
            return mapped
        }
        return FileBytes(copying: try opened.readAll())
    }

    /// An open file that passed the checks every input file passes.
    private struct OpenedFile {
        let path: String
        let kind: String
        let limit: Int
        let descriptor: Int32
        let isRegular: Bool
        let size: Int

        init(path: String, kind: String, limit: Int) throws(BallotFileError) {
            self.path = path
            self.kind = kind
            self.limit = limit
            // Look before opening: a device or directory is refused unopened.
            var before = stat()
            if stat(path, &before) == 0 {
                switch before.st_mode & S_IFMT {
                case S_IFDIR: throw FileContents.unreadable(path, "is a directory, not a \(kind)")
                case S_IFCHR, S_IFBLK: throw FileContents.unreadable(path, "is a device, not a \(kind)")
                default: break
                }
            }
            let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else {
                switch errno {
                case ENOENT, ENOTDIR: throw FileContents.unreadable(path, "no such file")
                case EACCES, EPERM: throw FileContents.unreadable(path, "cannot be read (check its permissions)")
                default: throw FileContents.unreadable(path, "cannot be read: \(String(cString: strerror(errno)))")
                }
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                close(descriptor)
                throw FileContents.unreadable(path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR || type == S_IFCHR || type == S_IFBLK { close(descriptor) }
            switch type {
            case S_IFDIR: throw FileContents.unreadable(path, "is a directory, not a \(kind)")
            case S_IFCHR, S_IFBLK: throw FileContents.unreadable(path, "is a device, not a \(kind)")
            case S_IFREG:
                if Int(info.st_size) > limit {
                    close(descriptor)
                    throw FileContents.tooLarge(path, kind: kind, limit: limit)
                }
            default: break // a pipe or socket: read until it ends
            }
            self.descriptor = descriptor
            isRegular = type == S_IFREG
            size = Int(info.st_size)
        }

        func readAll() throws(BallotFileError) -> Data {
            if isRegular {
                // The size is known: one buffer, read to the end (a file still growing past its
                // size, or past the limit, is caught too).
                var data = Data(count: size + 1)
                var length = 0
                while true {
                    if length == data.count {
                        guard length <= limit else { throw FileContents.tooLarge(path, kind: kind, limit: limit) }
                        data.count = min(data.count * 2, limit + 1)
                    }
                    let got = data.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + length, $0.count - length) }
                    if got < 0 {
                        if errno == EINTR { continue }
                        throw FileContents.unreadable(path, "cannot be read: \(String(cString: strerror(errno)))")
                    }
                    if got == 0 { break }
                    length += got
                    if length > limit { throw FileContents.tooLarge(path, kind: kind, limit: limit) }
                }
                data.count = length
                return data
            }
            // A pipe: read in blocks until it ends, within `maximumStreamBytes`, then join them once.
            let streamLimit = min(limit, maximumStreamBytes)
            var blocks: [Data] = []
            var length = 0
            var block = Data(count: 1 << 20)
            reading: while true {
                let got = block.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw FileContents.unreadable(path, "cannot be read: \(String(cString: strerror(errno)))")
                }
                if got == 0 { break }
                let part = block.prefix(got)
                blocks.append(Data(part))
                length += got
                if length > streamLimit {
                    throw BallotFileError(file: path, line: nil, column: nil, message: "holds more than \(describe(streamLimit)), the most Tally reads of a \(kind) from a pipe (save it to a file to read up to \(describe(limit)))")
                }
                // A NUL byte means this is not text: stop, and let the text check say where it is.
                if part.contains(0) { break reading }
            }
            var data = Data(capacity: length)
            for part in blocks { data.append(part) }
            return data
        }
    }

    private static func unreadable(_ path: String, _ message: String) -> BallotFileError {
        BallotFileError(kind: .unreadable, file: path, line: nil, column: nil, message: message)
    }

    private static func tooLarge(_ path: String, kind: String, limit: Int) -> BallotFileError {
        BallotFileError(file: path, line: nil, column: nil, message: "is larger than \(describe(limit)), the largest \(kind) Tally reads")
    }

    /// `2 << 30` → "2 GiB"; `16 << 20` → "16 MiB".
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}
