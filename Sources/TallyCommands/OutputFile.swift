import Foundation
import TallyElection
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a command's output file (`-o`, `--candidates-out`, `--save-fit`) without replacing what
/// the path names:
///
/// - a regular file is replaced atomically (a new file written beside it, then renamed over it),
///   keeping its permissions and, where allowed, its owner; a file with several hard links is
///   rewritten in place so that every link sees the new text;
/// - a new path is created the same way, with the usual permissions (0666 less the umask);
/// - a symbolic link is followed, and stays a link: its target is written as above (a link to
///   nothing creates its target);
/// - a pipe (FIFO), terminal or character device such as `/dev/null` is written through, never
///   replaced;
/// - a directory, a block device or a socket is refused.
///
/// A write that fails (a full disk, `/dev/full`) is an error, never a partial success.
enum OutputFile {
    /// Writes `text` to `path`; a failure is an `ElectionFailure` of kind `.cannotWrite` (exit 73).
    static func write(_ text: String, to path: String) throws(ElectionFailure) {
        let bytes = Array(text.utf8)
        try stream(to: path) { emit in try emit(bytes) }
    }

    /// Writes what `produce` emits, chunk by chunk, to `path`, as `write(_:to:)` writes text: a
    /// file of any size is never held whole in memory. An error `produce` throws stops the write
    /// (a regular file is then left as it was) and is thrown again.
    static func stream(to path: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws(ElectionFailure) {
        do {
            try write(to: path) { descriptor in try produce { chunk in try writeAll(descriptor, chunk) } }
        } catch let failure as ElectionFailure {
            throw failure
        } catch let problem as Problem {
            throw ElectionFailure(.cannotWrite, "cannot write \(path): \(problem.message)")
        } catch {
            throw ElectionFailure(.cannotWrite, "cannot write \(path): \(error)")
        }
    }

    /// Why a path could not be written.
    struct Problem: Error {
        let message: String

        /// The message of the C library's current `errno`.
        static func system(_ doing: String) -> Problem {
            Problem(message: "\(doing): \(String(cString: strerror(errno)))")
        }
    }

    /// Where the bytes go: `content` writes them to an open descriptor.
    typealias Content = (Int32) throws -> Void

    private static func write(to path: String, _ bytes: Content) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw Problem.system("cannot inspect it") }
            try replaceAtomically(path, with: bytes, keeping: nil)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            guard let resolved = realpath(path, nil) else {
                // A link to nothing: opening through it creates the target, and the link stays.
                try writeThrough(path, bytes, create: true)
                return
            }
            defer { free(resolved) }
            let target = String(cString: resolved)
            var targetInfo = stat()
            guard stat(target, &targetInfo) == 0 else { throw Problem.system("cannot inspect its target \(target)") }
            try write(bytes, to: target, info: targetInfo)
        default:
            try write(bytes, to: path, info: info)
        }
    }

    private static func write(_ bytes: Content, to path: String, info: stat) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if info.st_nlink > 1 {
                try writeThrough(path, bytes, create: false, truncate: true)
            } else {
                try replaceAtomically(path, with: bytes, keeping: info)
            }
        case S_IFDIR:
            throw Problem(message: "it is a directory; give a file name")
        case S_IFBLK:
            throw Problem(message: "it is a block device (a disk); Tally does not write to one")
        case S_IFSOCK:
            throw Problem(message: "it is a socket")
        default: // FIFO, character device (terminal, /dev/null, /dev/full)
            try writeThrough(path, bytes, create: false)
        }
    }

    /// Writes a new file beside `path` and renames it over `path`, so that a reader sees the old
    /// text or the new, never half of it. `keeping`: the file being replaced, whose permissions
    /// and owner the new file takes.
    private static func replaceAtomically(_ path: String, with bytes: Content, keeping existing: stat?) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = "\(directory.isEmpty ? "" : directory)/.\(name).tally-\(getpid())-\(attempt)"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            // A directory Tally may not create files in, holding a file it may write: write in place.
            if existing != nil, errno == EACCES || errno == EROFS || errno == EPERM {
                try writeThrough(path, bytes, create: false, truncate: true)
                return
            }
            throw Problem.system(existing == nil ? "cannot create it" : "cannot create a file beside it")
        }
        do {
            if let existing {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid) // allowed only to its owner or root
                guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else { throw Problem.system("cannot set its permissions") }
            }
            try bytes(descriptor)
            guard fsync(descriptor) == 0 else { throw Problem.system("cannot save it") }
            guard close(descriptor) == 0 else { descriptor = -1; throw Problem.system("cannot save it") }
            descriptor = -1
            guard rename(temporary, path) == 0 else { throw Problem.system("cannot put it in place") }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// Opens `path` for writing and writes `bytes` to whatever it is (a pipe, a device, a file
    /// with several links).
    private static func writeThrough(_ path: String, _ bytes: Content, create: Bool, truncate: Bool = false) throws {
        var flags = O_WRONLY | O_CLOEXEC
        if create { flags |= O_CREAT }
        if truncate || create { flags |= O_TRUNC }
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw Problem.system("cannot open it") }
        do {
            try bytes(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw Problem.system("cannot finish writing") }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Problem.system("writing failed")
                }
                offset += written
            }
        }
    }
}
