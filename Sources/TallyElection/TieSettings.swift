import TallyCounting
import TallyModel

/// How ties that a rule's own criteria leave open are decided: the seeded draw, or an order of
/// candidates given by name (to replay an official lot); without one, the ballot file's own
/// `[tie]` order if it has one (docs/ties.md).
public struct TieSettings: Sendable, Equatable {
    public var seed: UInt64
    /// Candidate names, most favoured first.
    public var order: [String]?

    /// Checks that the order names no candidate twice (as names match, docs/formats.md).
    public init(seed: UInt64 = TieBreaker.defaultSeed, order: [String]? = nil) throws(ElectionFailure) {
        self.seed = seed
        self.order = order
        if let order {
            var seen = Set<String>()
            for name in order {
                let key = Candidate.matchingKey(for: name)
                guard !key.isEmpty else { throw ElectionFailure(.request, "--tie-order needs candidate names separated by commas; found an empty name") }
                guard seen.insert(key).inserted else { throw ElectionFailure(.request, "--tie-order names '\(Excerpt.of(name))' twice") }
            }
        }
    }

    /// The tie breaker for `profile`: the order given, by candidate index, else the file's.
    public func breaker(for profile: BallotProfile) throws(ElectionFailure) -> TieBreaker {
        guard let order else { return TieBreaker(explicitOrder: profile.tieOrder, seed: seed) }
        var indices: [Int] = []
        for name in order {
            guard let index = profile.candidateIndex(named: name) else {
                let names = profile.candidates.map { $0.name.contains(",") ? "\"\($0.name)\"" : $0.name }
                throw ElectionFailure(.request, "--tie-order names '\(Excerpt.of(name))', who is not a candidate; the candidates are: \(Excerpt.list(names))")
            }
            indices.append(index)
        }
        return TieBreaker(explicitOrder: indices, seed: seed)
    }
}
