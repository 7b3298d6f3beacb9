import Testing
import TallyTestSupport
@testable import TallySimulation

/// The sensitivity run varies only what the fit cannot know, across the stated range, and
/// simulates each variation.
@Suite struct FitSensitivityTests {
    @Test func variesLoyaltyDisciplineAndBallotLengthOfSlateBlocsOnly() throws {
        let scenario = try SimulationTests.bundled("two-slates-12")
        let variations = FitSensitivity.variations(of: scenario)
        #expect(variations.map(\.parameter) == ["loyalty", "loyalty", "discipline", "discipline", "ballot length", "ballot length"])
        #expect(variations.map(\.value) == ["0.6", "0.95", "0.1", "0.9", "1–3", "6–12"])
        let low = variations[0].scenario
        for (index, bloc) in low.blocs.enumerated() {
            if bloc.slate != nil { #expect(bloc.loyalty.millionths == 600_000) } else { #expect(bloc.loyalty == scenario.blocs[index].loyalty) }
            #expect(bloc.share == scenario.blocs[index].share) // shares, cohesion and popularity are the fit's: untouched
            #expect(bloc.cohesion == scenario.blocs[index].cohesion)
        }
        #expect(low.candidates.map(\.popularity) == scenario.candidates.map(\.popularity))
        #expect(variations[5].scenario.blocs.filter { $0.slate != nil }.allSatisfy { $0.ballotLength == 6...12 })
    }

    @Test func simulatesEachVariation() throws {
        let scenario = try SimulationTests.bundled("two-slates-12").withVoters(500)
        let sensitivity = try FitSensitivity(scenario: scenario, rule: nil, seed: 3, trials: 4, threads: 2)
        #expect(sensitivity.variants.count == 6)
        #expect(sensitivity.variants.allSatisfy { $0.result.trials == 4 })
    }
}
