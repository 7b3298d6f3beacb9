import TallyModel

/// Every ballot line of a file as it was read, in file order: which of the profile's rankings it
/// was counted as (or that it was invalid), with its weight and ballot id. What `tally convert`
/// writes from, so that a converted file keeps each line's ballots and id.
public final class BallotLines: BallotLineObserver, @unchecked Sendable {
    public struct Line: Sendable, Equatable {
        public let line: Int
        /// The profile's ranking; nil when the line's ballots are invalid (or it holds none).
        public let ranking: Int?
        public let weight: Int64
        public let irregularity: Irregularity?
        public let ballotID: String?
    }

    public private(set) var lines: [Line] = []

    public init() {}

    public func ballotLine(_ line: Int, ranking: Int?, weight: Int64, irregularity: Irregularity?, ballotID: String?) throws {
        lines.append(Line(line: line, ranking: ranking, weight: weight, irregularity: irregularity, ballotID: ballotID))
    }

    /// The lines not written to another format: their ballots are invalid, or they hold none.
    public var invalid: [Line] { lines.filter { $0.ranking == nil } }
}

extension Election {
    /// Reads the ballot file `selection` names, as a whole (every region), with every line's fate:
    /// for converting it to another format.
    public static func readLines(_ selection: BallotSelection) throws(ElectionFailure) -> (ballots: PreparedBallots, lines: BallotLines) {
        let lines = BallotLines()
        let ballots = try BallotPreparation.read(selection, observer: lines)
        return (ballots, lines)
    }
}
