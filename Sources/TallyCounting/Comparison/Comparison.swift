import TallyArithmetic
import TallyModel

/// The same ballots counted by STV and by block vote, and what each did for the voters and the
/// slates (issue "Compare STV with block vote").
public struct Comparison: Sendable {
    public let stv: STVRecord
    public let block: BlockVoteRecord
    /// Slates in order of first preferences, most first; candidates without one are "(no slate)".
    public let slates: [String]
    public let firstPreferences: [Int64]
    public let stvSeats: [Int]
    public let blockSeats: [Int]
    public let stvDisproportionality: Disproportionality
    public let blockDisproportionality: Disproportionality
    /// Ballots (weighted) whose first preference was elected, under each method.
    public let firstChoiceElected: (stv: Int64, block: Int64)
    /// Ballots with at least one elected candidate among their first `seats` preferences.
    public let someoneElectedInTop: (stv: Int64, block: Int64)
    /// Valid ballots with a single first preference: the base of the shares above.
    public let ballots: Int64
    /// True when no ballot holds more than one preference (as in a reconstruction of published
    /// block-vote totals): STV then has nothing to transfer and block vote no further marks, so
    /// the ballots cannot tell the methods apart.
    public let onePreferenceEach: Bool

    /// Counts `profile` both ways. Block vote takes each ballot's first `seats` preferences as its
    /// marks, whole ranks while they fit (`count-first`).
    public init(profile: BallotProfile, seats: Int, rule: STVRule, minimums: [Minimum] = [], seed: UInt64 = TieBreaker.defaultSeed, tieOrder: [Int]? = nil) throws {
        let stv = try STV(rule: rule, seats: seats, minimums: minimums).count(profile, ties: TieBreaker(explicitOrder: tieOrder, seed: seed))
        let block = try BlockVote(seats: seats, overVotes: .countFirst, minimums: minimums).count(profile, ties: TieBreaker(explicitOrder: tieOrder, seed: seed))
        self.stv = stv
        self.block = block
        let slateOf = profile.candidates.map { $0.affiliation ?? "(no slate)" }
        var firstBySlate: [String: Int64] = [:]
        var firstChoice: (Int64, Int64) = (0, 0)
        var someone: (Int64, Int64) = (0, 0)
        var base: Int64 = 0
        var onePreferenceEach = true
        let stvElected = Set(stv.elected)
        let blockElected = Set(block.elected)
        for ballot in profile.ballots {
            let positions = ballot.ranking.positions
            if ballot.ranking.count > 1 { onePreferenceEach = false }
            guard let first = positions.first, first.count == 1 else { continue } // a shared first rank has no one first choice
            base += ballot.weight
            firstBySlate[slateOf[first[0]], default: 0] += ballot.weight
            if stvElected.contains(first[0]) { firstChoice.0 += ballot.weight }
            if blockElected.contains(first[0]) { firstChoice.1 += ballot.weight }
            let top = Set(positions.prefix(seats).flatMap { $0 })
            if !top.isDisjoint(with: stvElected) { someone.0 += ballot.weight }
            if !top.isDisjoint(with: blockElected) { someone.1 += ballot.weight }
        }
        let allSlates = Set(slateOf).union(firstBySlate.keys)
        let slates = allSlates.sorted { (firstBySlate[$0] ?? 0, $1) > (firstBySlate[$1] ?? 0, $0) }
        let firstPreferences = slates.map { firstBySlate[$0] ?? 0 }
        let stvSeats = slates.map { slate in stv.elected.filter { slateOf[$0] == slate }.count }
        let blockSeats = slates.map { slate in block.elected.filter { slateOf[$0] == slate }.count }
        self.slates = slates
        self.firstPreferences = firstPreferences
        self.stvSeats = stvSeats
        self.blockSeats = blockSeats
        stvDisproportionality = try Disproportionality(votes: firstPreferences, seats: stvSeats, totalVotes: base, totalSeats: seats)
        blockDisproportionality = try Disproportionality(votes: firstPreferences, seats: blockSeats, totalVotes: base, totalSeats: seats)
        firstChoiceElected = firstChoice
        someoneElectedInTop = someone
        ballots = base
        self.onePreferenceEach = onePreferenceEach
    }
}
