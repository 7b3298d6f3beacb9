/// How close one candidate's result was under block vote: the fewest ballots that would change
/// it, found and proved by recounts (docs/margins.md).
public struct BlockVoteMargin: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A candidate not elected: ballots added, each marking only them, that would elect them.
        case toElect = "to-elect"
        /// An elected candidate: ballots changed, each moving a mark from them to `challenger`,
        /// that would unseat them.
        case toUnseat = "to-unseat"
    }

    public let candidate: Int
    public let kind: Kind
    /// The fewest ballots; nil when no number up to the search's bound does it.
    public let ballots: Int64?
    /// To unseat: the candidate the changed marks go to.
    public let challenger: Int?
    /// The recount with `ballots` ballots added or changed: who it elects.
    public let electedWith: [Int]
    /// The recount with one ballot fewer: who it elects (the result as it was). Nil when
    /// `ballots` is nil.
    public let electedWithOneFewer: [Int]?

    public init(candidate: Int, kind: Kind, ballots: Int64?, challenger: Int?, electedWith: [Int], electedWithOneFewer: [Int]?) {
        self.candidate = candidate
        self.kind = kind
        self.ballots = ballots
        self.challenger = challenger
        self.electedWith = electedWith
        self.electedWithOneFewer = electedWithOneFewer
    }
}
