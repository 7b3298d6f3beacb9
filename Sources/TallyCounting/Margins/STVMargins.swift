import TallyArithmetic
import TallyModel

/// What it would have taken under STV (docs/margins.md): for each candidate not elected, the
/// fewest ballots ranking them first and no one after that a search found to elect them, each
/// proved by a recount; and for each exclusion, how far the excluded candidate was from the next
/// lowest. STV is not monotonic, so a searched figure is an upper bound: the recount proves it
/// elects, and the recount with one fewer that it is the fewest among the numbers tried next to it.
public struct STVMargins: Sendable {
    /// One candidate's figure.
    public struct ToElect: Sendable, Equatable {
        public let candidate: Int
        /// The fewest ballots found; nil when none up to twice the valid ballots elects them.
        public let ballots: Int64?
        /// Who the recount with `ballots` elects, and with one fewer.
        public let electedWith: [Int]
        public let electedWithOneFewer: [Int]?
        /// Recounts made in the search.
        public let recounts: Int
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
        var toElect: [ToElect] = []
        let standing = profile.candidates.indices.filter { !profile.withdrawn.contains($0) && !record.elected.contains($0) }
        for candidate in standing {
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
                toElect.append(ToElect(candidate: candidate, ballots: nil, electedWith: [], electedWithOneFewer: nil, recounts: recounts))
                continue
            }
            while working - failing > 1 {
                let middle = failing + (working - failing) / 2
                let result = try elected(adding: middle, for: candidate)
                recounts += 1
                if result.contains(candidate) { working = middle; winners = result } else { failing = middle }
            }
            let before = working > 1 ? try elected(adding: working - 1, for: candidate) : record.elected
            recounts += 1
            toElect.append(ToElect(candidate: candidate, ballots: working, electedWith: winners, electedWithOneFewer: before, recounts: recounts))
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
}
