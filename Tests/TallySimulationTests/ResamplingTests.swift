import Testing
import TallyCounting
import TallyModel
@testable import TallySimulation

/// Bootstrap resampling: seeded, the same on any number of threads, and telling a landslide
/// from a near tie.
@Suite struct ResamplingTests {
    let candidates = ["A", "B", "C"].map { Candidate(name: $0) }

    func block(_ profile: BallotProfile) -> @Sendable (BallotProfile) throws -> [Int] {
        { try BlockVote(seats: 1).count($0, ties: TieBreaker(explicitOrder: [0, 1, 2], seed: 1)).elected }
    }

    /// 200 ballots for A against 20 for B: A wins every resample.
    @Test func aLandslideSurvivesEveryResample() throws {
        let profile = BallotProfile(candidates: candidates, rankings: [([0], 200), ([1], 20), ([2], 5)])
        let resampling = try Resampling(profile: profile, winners: [0], resamples: 200, seed: 7, threads: 2, count: block(profile))
        #expect(resampling.unchanged == 200)
        #expect(resampling.timesElected == [200, 0, 0])
    }

    /// 50 against 50 (ties to A): A keeps the seat in about half the resamples — a little more,
    /// as a resampled tie still goes to A.
    @Test func aNearTieChangesInAboutHalf() throws {
        let profile = BallotProfile(candidates: candidates, rankings: [([0], 50), ([1], 50)])
        let resampling = try Resampling(profile: profile, winners: [0], resamples: 400, seed: 7, threads: 2, count: block(profile))
        #expect((140...280).contains(resampling.unchanged), "\(resampling.unchanged) of 400")
        #expect(resampling.timesElected[0] + resampling.timesElected[1] == 400)
    }

    @Test func theSameOnOneOrTwoThreads() throws {
        let profile = BallotProfile(candidates: candidates, rankings: [([0, 1], 30), ([1, 0], 28), ([2, 1], 9)])
        let one = try Resampling(profile: profile, winners: [0], resamples: 100, seed: 3, threads: 1, count: block(profile))
        let two = try Resampling(profile: profile, winners: [0], resamples: 100, seed: 3, threads: 2, count: block(profile))
        #expect(one.timesElected == two.timesElected)
        #expect(one.unchanged == two.unchanged)
        let other = try Resampling(profile: profile, winners: [0], resamples: 100, seed: 4, threads: 1, count: block(profile))
        #expect(other.timesElected != one.timesElected || other.unchanged != one.unchanged)
    }
}
