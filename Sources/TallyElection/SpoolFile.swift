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
        var data = Data()
        var offset = 0

        var atEnd: Bool {
            mutating get throws { try fill(1); return offset >= data.count }
        }

        private mutating func fill(_ count: Int) throws {
            guard data.count - offset < count else { return }
            let rest = data.count > offset ? data.subdata(in: offset..<data.count) : Data()
            data = rest + (try handle.read(upToCount: max(SpoolFile.chunk, count)) ?? Data())
            offset = 0
        }

        mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
            let size = MemoryLayout<T>.size
            try fill(size)
            guard data.count - offset >= size else { throw ElectionFailure.internalFault("an audit trail's temporary file ended early") }
            var value = T.zero
            withUnsafeMutableBytes(of: &value) { target in
                data.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)])) }
            }
            offset += size
            return T(littleEndian: value)
        }

        mutating func readString() throws -> String {
            let count = Int(try read(Int32.self))
            try fill(count)
            guard count >= 0, data.count - offset >= count else { throw ElectionFailure.internalFault("an audit trail's temporary file ended early") }
            defer { offset += count }
            return String(decoding: data[(data.startIndex + offset)..<(data.startIndex + offset + count)], as: UTF8.self)
        }
    }
}
