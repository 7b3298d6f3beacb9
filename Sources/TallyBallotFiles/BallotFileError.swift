/// Why a ballot file could not be read, and where.
public struct BallotFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file is missing or cannot be read (exit 66).
        case unreadable
        /// The file's content is not a ballot file of the expected format (exit 65).
        case malformed
    }

    public let kind: Kind
    /// The path as given by the user.
    public let file: String
    /// 1-based line, if the error has a place.
    public let line: Int?
    /// 1-based column (in characters), if the error has a place.
    public let column: Int?
    /// What the reader expected to find, or what is wrong.
    public let message: String

    public init(kind: Kind = .malformed, file: String, line: Int?, column: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form compilers use, so editors can jump to the place.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
