/// Ballots a file format cannot hold (a name with a quote in BLT, a region in BLT), with what to
/// do instead.
public struct Unwritable: Error, Sendable {
    public let message: String

    public init(message: String) { self.message = message }
}
