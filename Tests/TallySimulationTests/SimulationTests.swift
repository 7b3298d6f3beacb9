import Testing
import TallyCounting
@testable import TallySimulation
import TallyTestSupport

@Suite("Simulation")
struct SimulationTests {
    static func bundled(_ name: String) throws -> Scenario {
        try Scenario.load(path: Repository.root.appendingPathComponent("Fixtures/scenarios/\(name)/scenario.json").path)
    }

    @Test("the result of a seed is the same on any number of threads")
    func threadsDoNotMatter() throws {
        let simulation = Simulation(scenario: try Self.bundled("two-slates-12").withVoters(2_000), seed: 42)
        let one = try simulation.run(trials: 12, threads: 1)
        let three = try simulation.run(trials: 12, threads: 3)
        #expect(one.methods.map(\.seats) == three.methods.map(\.seats))
        #expect(one.methods.map(\.timesElected) == three.methods.map(\.timesElected))
        #expect(one.methods.map(\.meanGallagher) == three.methods.map(\.meanGallagher))
        #expect(one.firstPreferences == three.firstPreferences)
        // Each trial is the one runTrial draws alone.
        let alone = try (1...12).map { try simulation.runTrial($0) }
        #expect(alone.reduce(0) { $0 + $1.firstPreferences[0] } == one.firstPreferences[0])
        let other = try Simulation(scenario: simulation.scenario, seed: 43).run(trials: 12, threads: 2)
        #expect(other.firstPreferences != one.firstPreferences)
    }

    @Test("a trial's counts are those of tally count on its electorate")
    func trialIsACount() throws {
        let simulation = Simulation(scenario: try Self.bundled("two-slates-12").withVoters(3_000), seed: 9)
        let (profiles, _, tieSeed) = try simulation.electorate(trial: 4)
        let section = simulation.scenario.sections[0]
        let stv = try STV(rule: .ers97, seats: 6, minimums: section.minimums).count(profiles[0], ties: TieBreaker(seed: tieSeed))
        let block = try BlockVote(seats: 6, overVotes: .countFirst, minimums: section.minimums).count(profiles[0], ties: TieBreaker(seed: tieSeed))
        let outcome = try simulation.runTrial(4)
        #expect(outcome.elected == [stv.elected, block.elected])
        #expect(profiles[0].validBallots == 3_000)
        #expect(outcome.votersByBloc.reduce(0, +) == 3_000)
    }

    @Test("nec-2020: STV gives the three factions 5 / 3 / 1 in most trials; block vote gives Grassroots Voice (nearly) every seat")
    func nec2020() throws {
        let result = try Simulation(scenario: try Self.bundled("nec-2020").withVoters(20_000), seed: 2020).run(trials: 40, threads: 2)
        #expect(result.groups == ["Grassroots Voice", "Labour to Win", "Open Labour", "Independents"])
        let stv = result.methods[0]
        let block = result.methods[1]
        let published = stv.splits.first { $0.seats == [5, 3, 1, 0] }?.trials ?? 0
        #expect(published * 2 > result.trials, "5/3/1 in \(published) of \(result.trials); splits \(stv.splits)")
        // The other trials are the nearest splits: no faction more than a seat from 5 / 3 / 1.
        for (faction, seats) in [5, 3, 1].enumerated() {
            #expect(stv.seats[faction].percentile(5) >= seats - 1 && stv.seats[faction].percentile(95) <= seats + 1, "\(result.groups[faction])")
        }
        #expect(block.seats[0].mean.units >= 800, "Grassroots Voice mean \(block.seats[0].mean) of 9 by block vote")
        #expect(block.seats[1].percentile(95) == 0, "Labour to Win, 40% of first preferences, wins nothing by block vote")
        #expect(block.meanGallagher > stv.meanGallagher)
    }

    @Test("ncg-2022: STV splits the 26 regional seats roughly evenly between the two slates")
    func ncg2022() throws {
        let result = try Simulation(scenario: try Self.bundled("ncg-2022"), seed: 2022).run(trials: 30, threads: 2)
        #expect(result.scenario.seats == 26 && result.scenario.voters == 3_380)
        let stv = result.methods[0]
        for slate in 0..<2 {
            #expect((1_100...1_500).contains(stv.seats[slate].mean.units), "\(result.groups[slate]): mean \(stv.seats[slate].mean)")
            #expect(stv.seats[slate].percentile(5) >= 11 && stv.seats[slate].percentile(95) <= 15)
        }
        #expect(stv.sweeps == 0)
    }

    @Test("seat distributions: mean rounded half up, nearest-rank percentiles")
    func distribution() {
        // 10 trials: 0 seats ×1, 1 ×2, 2 ×4, 3 ×3. Mean 19 / 10 = 1.9. 5%: rank ⌈0.5⌉ = 1 → 0;
        // 50%: rank 5 → 2 (1 + 2 < 5 ≤ 7); 95%: rank ⌈9.5⌉ = 10 → 3.
        let seats = SeatDistribution(trialsWith: [1, 2, 4, 3])
        #expect(seats.mean.description == "1.90")
        #expect([seats.percentile(5), seats.percentile(50), seats.percentile(95)] == [0, 2, 3])
        // 3 trials with 1, 1, 2 seats: 4 / 3 = 1.333… → 1.33; 2 trials 0 and 1: 0.5 → 0.50.
        #expect(SeatDistribution(trialsWith: [0, 2, 1]).mean.description == "1.33")
        #expect(SeatDistribution(trialsWith: [1, 1]).mean.description == "0.50")
        #expect(SeatDistribution.ratio(5, 3).description == "1.67") // half up: 1.666… → 1.67
    }
}
