import Foundation

/// Reads a whole input file (ballots, candidates, contest), with the same error for a missing,
/// unreadable or directory path whichever file it is.
enum FileContents {
    /// The bytes of the file at `path`; `kind` ("ballot file", …) names what a directory is not.
    static func read(path: String, kind: String) throws(BallotFileError) -> Data {
        func unreadable(_ message: String) -> BallotFileError {
            BallotFileError(kind: .unreadable, file: path, line: nil, column: nil, message: message)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw unreadable("no such file") }
        guard !isDirectory.boolValue else { throw unreadable("is a directory, not a \(kind)") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw unreadable("cannot be read (check its permissions)") }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw unreadable("cannot be read: \(error.localizedDescription)")
        }
    }
}
