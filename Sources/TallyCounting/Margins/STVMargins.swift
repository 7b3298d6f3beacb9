import TallyArithmetic
import TallyModel

/// What it would have taken under STV (docs/margins.md): for each candidate not elected, the
/// fewest ballots ranking them first and no one after that a search found to elect them, each
/// proved by a recount, with a lower bound below which no number can elect them; and for each
/// exclusion, how far the excluded candidate was from the next lowest.
///
/// STV is not monotonic, so a searched figure is an upper bound; it is exact when every smaller
/// number down to the lower bound has been recounted and fails.
public struct STVMargins: Sendable {
    /// One candidate's figure.
    public struct ToElect: Sendable, Equatable {
        public let candidate: Int
        /// The fewest ballots found; nil when none up to twice the valid ballots elects them.
        public let ballots: Int64?
        /// No fewer ballots can elect them: shown by the votes (`boundByVotes`) or by recounting
        /// every number from there up. Equal to `ballots` when the figure is exact.
        public let lowerBound: Int64
        /// The bound the first-stage votes show without a recount (see `STVMargins.boundsByVotes`).
        public let boundByVotes: Int64
        /// Who the recount with `ballots` elects, and with one fewer.
        public let electedWith: [Int]
        public let electedWithOneFewer: [Int]?
        /// Recounts made in the search and the scan.
        public let recounts: Int

        /// True when `ballots` is the fewest: nothing smaller can elect the candidate.
        public var isExact: Bool { ballots == lowerBound }
    }

    /// How close an exclusion was: at the stage before it, the excluded candidates' votes (the
    /// highest of them) against the lowest candidate who stayed.
    public struct ExclusionGap: Sendable, Equatable {
        public let stage: String
        public let excluded: [Int]
        public let nextLowest: Int?
        /// The next lowest's votes less the highest excluded's, before the exclusion.
        public let gap: DecimalValue?
    }

    /// The most numbers recounted one by one between the lower bound and a searched figure to
    /// make it exact.
    public static let scanLimit: Int64 = 8

    public let record: STVRecord
    public let toElect: [ToElect]
    public let exclusionGaps: [ExclusionGap]

    /// Searches by recounting `profile` with `method` (ties as `ties` decides them).
    public init(profile: BallotProfile, method: STV, ties: TieBreaker) throws {
        let record = try method.count(profile, ties: ties)
        self.record = record
        func elected(adding ballots: Int64, for candidate: Int) throws -> [Int] {
            try method.count(profile.adding([candidate], weight: ballots), ties: ties).elected
        }
        let limit = max(1, record.validBallots * 2)
        let bounds = STVMargins.boundsByVotes(profile: profile, method: method, record: record)
        var toElect: [ToElect] = []
        let standing = profile.candidates.indices.filter { !profile.withdrawn.contains($0) && !record.elected.contains($0) }
        for candidate in standing {
            let bound = bounds[candidate]
            // Doubling until the candidate is elected, then halving the interval between the last
            // number that failed and the first that worked.
            var recounts = 0
            var failing: Int64 = 0, working: Int64 = 1
            var winners: [Int] = []
            while working <= limit {
                winners = try elected(adding: working, for: candidate)
                recounts += 1
                if winners.contains(candidate) { break }
                failing = working
                working *= 2
            }
            guard working <= limit else {
                toElect.append(ToElect(
                    candidate: candidate, ballots: nil, lowerBound: bound, boundByVotes: bound,
                    electedWith: [], electedWithOneFewer: nil, recounts: recounts
                ))
                continue
            }
            while working - failing > 1 {
                let middle = failing + (working - failing) / 2
                let result = try elected(adding: middle, for: candidate)
                recounts += 1
                if result.contains(candidate) { working = middle; winners = result } else { failing = middle }
            }
            var before = working > 1 ? try elected(adding: working - 1, for: candidate) : record.elected
            recounts += 1
            // Close a small gap to the lower bound by recounting every number in it, smallest first.
            var lowerBound = min(bound, working)
            if working - lowerBound <= STVMargins.scanLimit {
                var previous = lowerBound > 1 ? nil : record.elected as [Int]?
                for number in lowerBound..<max(lowerBound, working - 1) {
                    let result = try elected(adding: number, for: candidate)
                    recounts += 1
                    if result.contains(candidate) {
                        working = number
                        winners = result
                        before = try previous ?? elected(adding: number - 1, for: candidate)
                        break
                    }
                    previous = result
                }
                lowerBound = working
            }
            toElect.append(ToElect(
                candidate: candidate, ballots: working, lowerBound: lowerBound, boundByVotes: bound,
                electedWith: winners, electedWithOneFewer: before, recounts: recounts
            ))
        }
        self.toElect = toElect

        var gaps: [ExclusionGap] = []
        for (index, stage) in record.stages.enumerated() where index > 0 && !stage.excluded.isEmpty {
            let before = record.stages[index - 1]
            let staying = before.status.indices.filter { before.status[$0] == .continuing && !stage.excluded.contains($0) }
            let highestExcluded = stage.excluded.map { before.votes.units[$0] }.max() ?? 0
            let next = staying.min { (before.votes.units[$0], $0) < (before.votes.units[$1], $1) }
            gaps.append(ExclusionGap(
                stage: stage.label, excluded: stage.excluded, nextLowest: next,
                gap: next.map { DecimalValue(units: before.votes.units[$0] - highestExcluded, places: before.votes.places) }
            ))
        }
        exclusionGaps = gaps
    }

    /// For each candidate, the fewest ballots ranking them first that the first-stage votes
    /// allow to elect them (docs/margins.md, "Lower bound"); 1 where the votes show nothing.
    ///
    /// With k such ballots, a candidate c holds at most k + W(c) votes at any stage, W(c) being
    /// the ballots that mention c (no paper is worth more than one vote), and every other
    /// continuing candidate x at least their first-stage votes F(x) (a continuing candidate never
    /// loses a paper). If `seats` others have F(x) > k + W(c), each stays above c while both
    /// continue, so none is excluded before c, and whatever elects c (the quota, the share of
    /// the active vote, the remaining places) elects them first or with c: more winners than
    /// seats. So k ≥ F − W(c), F being the `seats`-th highest F(x). Minimums can elect a
    /// candidate below others and exclude one above them, so with minimums no bound is shown.
    static func boundsByVotes(profile: BallotProfile, method: STV, record: STVRecord) -> [Int64] {
        let count = profile.candidates.count
        guard method.minimums.isEmpty, let first = record.stages.first, method.seats > 0 else {
            return Array(repeating: 1, count: count)
        }
        var mentioning = Array(repeating: Int64(0), count: count)
        profile.withRankings { entries, starts, weights in
            var seen = Array(repeating: -1, count: count)
            for ballot in 0..<weights.count {
                for position in starts[ballot]..<starts[ballot + 1] {
                    let candidate = entries[position].candidate
                    if seen[candidate] != ballot { seen[candidate] = ballot; mentioning[candidate] += weights[ballot] }
                }
            }
        }
        var scale: Int64 = 1
        for _ in 0..<first.votes.places { scale *= 10 }
        let standing = (0..<count).filter { !profile.withdrawn.contains($0) }
        return (0..<count).map { candidate in
            let others = standing.filter { $0 != candidate }.map { first.votes.units[$0] }.sorted(by: >)
            guard others.count >= method.seats else { return 1 }
            // k ≥ F − W(c), in whole ballots: the smallest whole number at or above it.
            let needed = others[method.seats - 1] - mentioning[candidate] * scale
            let ballots = needed <= 0 ? 0 : (needed + scale - 1) / scale
            return max(1, ballots)
        }
    }
}
