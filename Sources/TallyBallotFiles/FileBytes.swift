import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a ballot file, held for as long as a reader needs them.
///
/// A regular file is mapped into memory rather than copied: its pages come from the system's
/// file cache as they are read, and `release(before:)` lets those already read go, so a reader
/// that calls it holds a window of the file, not the whole of it (issue 15: a 5-million-ballot
/// file in under 200 MB). A released page is read again from the file if it is looked at again
/// (an error's line and column are found by reading from the start).
///
/// A mapped file that another program shortens while Tally reads it would stop the process with
/// a bus error; Tally catches that signal and exits with a message (exit 74) instead.
public final class FileBytes: @unchecked Sendable {
    /// The bytes. Valid while this object lives.
    public let buffer: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    /// Pages below this offset have been released in the current pass over the bytes.
    private var released = 0

    /// Maps `size` bytes of the open file `descriptor`; nil when the system will not map it.
    init?(mapping descriptor: Int32, size: Int) {
        FileBytes.catchShortenedFiles()
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        mapping = address
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// A copy of bytes already read into memory (a pipe's; `data` can go once this is made).
    init(copying data: Data) {
        mapping = nil
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(data.count, 1))
        _ = copy.initialize(from: data)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: data.count)
    }

    deinit {
        if let mapping {
            munmap(mapping, buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }

    /// Lets the whole pages below `offset` go from memory (a mapping only; bytes read from a
    /// pipe are kept). Reading them again later is allowed, only slower.
    public func release(before offset: Int) {
        guard let mapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, buffer.count) / page * page
        if end < released { released = 0 } // a new pass from the start (reading after checking)
        guard end > released else { return }
        _ = madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// How many bytes a reader gets through between calls to `release(before:)`.
    public static let releaseStride = 8 << 20

    nonisolated(unsafe) private static var handlerInstalled = false
    private static let installLock = NSLock()

    /// Turns the bus error a shortened mapped file raises into a message and exit status 74.
    private static func catchShortenedFiles() {
        installLock.lock()
        defer { installLock.unlock() }
        guard !handlerInstalled else { return }
        handlerInstalled = true
        signal(SIGBUS) { _ in
            let message: StaticString = "tally: error: the ballot file was shortened by another program while Tally read it\n"
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(74)
        }
    }
}
