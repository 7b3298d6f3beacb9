import Foundation

/// A temporary file written in order and read back in order, for records too many to hold in
/// memory (an audit trail's ballot lines and paper movements). Removed when released.
final class SpoolFile {
    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 20

    init(label: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("tally-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ElectionFailure(.cannotWrite, "cannot create a temporary file for the audit trail at \(path)")
        }
        handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        buffer.reserveCapacity(SpoolFile.chunk)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    func append(_ value: UInt8) throws { buffer.append(value); try flushIfFull() }

    func append<T: FixedWidthInteger>(_ value: T) throws {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
        try flushIfFull()
    }

    func append(_ text: String) throws {
        let bytes = Array(text.utf8)
        try append(Int32(bytes.count))
        buffer.append(contentsOf: bytes)
        try flushIfFull()
    }

    private func flushIfFull() throws { if buffer.count >= SpoolFile.chunk { try flush() } }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ElectionFailure(.cannotWrite, "cannot write the audit trail's temporary file \(path): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Reads the file from the start, in order.
    func reader() throws -> Reader {
        try flush()
        try handle.seek(toOffset: 0)
        return Reader(handle: handle)
    }

    /// Reads what was appended, in the same order and types.
    struct Reader {
        let handle: FileHandle
        var bytes: [UInt8] = []
        var offset = 0

        var atEnd: Bool {
            mutating get throws { try fill(1); return offset >= bytes.count }
        }

        /// Makes at least `count` bytes available from `offset`, unless the file ends first.
        private mutating func fill(_ count: Int) throws {
            guard bytes.count - offset < count else { return }
            bytes.removeFirst(offset)
            offset = 0
            if let more = try handle.read(upToCount: max(SpoolFile.chunk, count)) { bytes.append(contentsOf: more) }
        }

        mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let size = MemoryLayout<T>.size
            if bytes.count - offset < size {
                try fill(size)
                guard bytes.count - offset >= size else { throw ElectionFailure.internalFault("an audit trail's temporary file ended early") }
            }
            let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
            offset += size
            return T(littleEndian: value)
        }

        mutating func readString() throws -> String {
            let count = Int(try read(Int32.self))
            try fill(count)
            guard count >= 0, bytes.count - offset >= count else { throw ElectionFailure.internalFault("an audit trail's temporary file ended early") }
            defer { offset += count }
            return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
        }
    }
}
