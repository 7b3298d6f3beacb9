import Foundation
import Testing
import TallyBallotFiles
import TallyCounting
import TallyModel

/// Real Scottish counts: every official stage figure (each candidate's votes and the
/// non-transferable total, to 5 decimals), who was elected, excluded or had a surplus transferred
/// at each stage, must come out of Tally's Scottish STV count exactly.
@Suite struct OfficialStageTests {
    static let fixtures = Fixture.all.filter { $0.json["official_stages"] != nil }

    @Test(arguments: fixtures)
    func scottishCountReproducesEveryOfficialStage(_ fixture: Fixture) throws {
        let profile = try BallotFileLoader().load(path: fixture.ballotsPath).profile
        let official = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.file("official_stages")!)) as? [String: Any])
        let seats = try #require(official["seats"] as? Int)
        let record = try STV(rule: .scottish, seats: seats).count(profile)

        #expect(record.quota.description == "\(official["quota"] as! String)" || record.quota.description == "\(official["quota"] as! String).00000")
        let stages = try #require(official["stages"] as? [[String: Any]])
        #expect(record.stages.count == stages.count, "number of stages")
        let names = profile.candidates.map(\.name)
        for (index, expected) in stages.enumerated() where index < record.stages.count {
            let stage = record.stages[index]
            let label = "\(fixture.name) stage \(index + 1)"
            let votes = try #require(expected["votes"] as? [String: Any])
            for (candidate, name) in names.enumerated() {
                let figure = votes[name] as? String ?? "0.00000" // null: excluded earlier
                #expect(stage.votes[candidate].description == figure, "\(label): \(name)")
            }
            #expect(stage.nonTransferable.description == expected["non_transferable"] as? String, "\(label): non-transferable")
            #expect(Set(stage.elected.map { names[$0] }) == Set(expected["elected"] as? [String] ?? []), "\(label): elected")
            #expect(stage.excluded.map { names[$0] } == expected["excluded"] as? [String] ?? [], "\(label): excluded")
            if case let .surplus(transfer) = stage.event {
                #expect(names[transfer.candidate] == expected["surplus"] as? String, "\(label): surplus")
            } else {
                #expect(expected["surplus"] is NSNull, "\(label): no surplus")
            }
        }
        let winners = Set(stages.flatMap { $0["elected"] as? [String] ?? [] })
        #expect(Set(record.elected.map { names[$0] }) == winners)
    }
}
