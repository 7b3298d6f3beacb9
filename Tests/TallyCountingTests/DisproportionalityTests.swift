import Testing
@testable import TallyCounting

@Suite struct DisproportionalityTests {
    /// Seats exactly in proportion: both indices 0.
    @Test func proportionalSeatsScoreZero() throws {
        let index = try Disproportionality(votes: [500, 300, 200], seats: [5, 3, 2], totalVotes: 1000, totalSeats: 10)
        #expect(index.gallagher.description == "0.00")
        #expect(index.loosemoreHanby.description == "0.00")
    }

    /// Two parties, 60% and 40% of votes, 1 seat to the first: differences 40 and −40 points.
    /// Gallagher √(½ (1,600 + 1,600)) = 40.00; Loosemore–Hanby ½ (40 + 40) = 40.00.
    @Test func winnerTakesAll() throws {
        let index = try Disproportionality(votes: [60, 40], seats: [1, 0], totalVotes: 100, totalSeats: 1)
        #expect(index.gallagher.description == "40.00")
        #expect(index.loosemoreHanby.description == "40.00")
    }

    /// Votes 1/3 each, seats 1, 1, 0 of 2: differences −16.67, −16.67, 33.33 points. Gallagher
    /// √(½ (277.78 + 277.78 + 1,111.11)) = √833.33 = 28.867… → 28.86; Loosemore–Hanby 33.33.
    @Test func roundsDown() throws {
        let index = try Disproportionality(votes: [1, 1, 1], seats: [1, 1, 0], totalVotes: 3, totalSeats: 2)
        #expect(index.gallagher.description == "28.86")
        #expect(index.loosemoreHanby.description == "33.33")
    }

    /// A contest of a hundred sections of a billion ballots and 200 seats each (which overflowed
    /// 128 bits when scaled before dividing): 51% of the votes and every seat for one slate gives
    /// differences of 49 points, both indices 49.00.
    @Test func hugeContestsDoNotOverflow() throws {
        let index = try Disproportionality(votes: [51_000_000_000, 49_000_000_000], seats: [20_000, 0], totalVotes: 100_000_000_000, totalSeats: 20_000)
        #expect(index.gallagher.description == "49.00")
        #expect(index.loosemoreHanby.description == "49.00")
    }

    @Test(arguments: [(0, 0), (1, 1), (3, 1), (4, 2), (99, 9), (100, 10), (1_000_000_000_000, 1_000_000)])
    func integerSquareRoot(_ n: Int, _ root: Int) {
        #expect(Disproportionality.squareRoot(Int128(n)) == Int128(root))
    }
}
