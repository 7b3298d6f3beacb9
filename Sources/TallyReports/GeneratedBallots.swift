import TallyModel
import TallySimulation

/// One synthetic electorate written as a ballot file any command (and other STV programs, via
/// BLT) reads: CSV with rank columns (and a region column when the scenario has regions), or BLT.
public struct GeneratedBallots: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, blt
    }

    public let simulation: Simulation
    public let trial: Int
    /// With BLT (one section per file): the section to write.
    public let section: Int?

    public init(simulation: Simulation, trial: Int, section: Int?) {
        self.simulation = simulation
        self.trial = trial
        self.section = section
    }

    private var scenario: Scenario { simulation.scenario }

    /// The ballots as CSV: `region` (when there are regions), then `rank1`…`rankK`, one row per
    /// voter in the order drawn. Rank columns name only the candidates someone ranked, so an
    /// electorate in which a candidate got no preference at all cannot be written this way (a
    /// count of it would leave the candidate out): that is refused, and BLT, which lists every
    /// candidate, can be written instead.
    public func csv() throws(Unwritable) -> String {
        let sections = section.map { [$0] } ?? Array(scenario.sections.indices)
        let withRegion = scenario.sections.count > 1
        let names = scenario.sections.indices.map { index in scenario.profileCandidates(section: index).map { CSVWriter.escape($0.name) } }
        let regionNames = scenario.sections.map { CSVWriter.escape($0.name) }
        let longest = sections.map { section in
            scenario.blocs.map { min($0.ballotLength.upperBound, scenario.sections[section].candidates.count) }.max() ?? 0
        }.max() ?? 0
        var text = ((withRegion ? ["region"] : []) + (1...max(longest, 1)).map { "rank\($0)" }).joined(separator: ",") + "\n"
        var ranked = names.map { Array(repeating: false, count: $0.count) }
        simulation.drawElectorate(trial: trial) { index, ranking, _ in
            guard sections.contains(index) else { return }
            var fields: [String] = withRegion ? [regionNames[index]] : []
            for candidate in ranking {
                fields.append(names[index][Int(candidate)])
                ranked[index][Int(candidate)] = true
            }
            text += fields.joined(separator: ",") + "\n"
        }
        for section in sections {
            if let missing = ranked[section].firstIndex(of: false) {
                let name = scenario.profileCandidates(section: section)[missing].name
                throw Unwritable(message: "'\(Excerpt.of(name))' got no preference from the \(scenario.sections[section].voters) voter\(scenario.sections[section].voters == 1 ? "" : "s"), so a CSV of rank columns cannot name them (a count of it would leave them out); draw more voters with --voters, or write BLT, which lists every candidate")
            }
        }
        return text
    }

    /// The ballots of one section as BLT: one line per voter, names with their slates as party
    /// strings, the scenario's title (and region) as the title.
    public func blt() throws(Unwritable) -> String {
        let index = section ?? 0
        let candidates = scenario.profileCandidates(section: index)
        let title = scenario.sections.count > 1 ? "\(scenario.title): \(scenario.sections[index].name)" : scenario.title
        for text in candidates.flatMap({ [$0.name] + ($0.affiliation.map { [$0] } ?? []) }) + [title] where text.contains("\"") || text.contains(where: \.isNewline) {
            throw Unwritable(message: "BLT cannot hold '\(Excerpt.of(text))': it has a double quote or a line break; write CSV instead")
        }
        var text = "\(candidates.count) \(scenario.sections[index].seats)\n"
        simulation.drawElectorate(trial: trial) { drawn, ranking, _ in
            guard drawn == index else { return }
            text += "1"
            for candidate in ranking { text += " \(Int(candidate) + 1)" }
            text += " 0\n"
        }
        text += "0\n"
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        for candidate in candidates {
            text += quoted(candidate.name) + (candidate.affiliation.map { " " + quoted($0) } ?? "") + "\n"
        }
        text += quoted(title) + "\n"
        return text
    }

    /// The candidates as a candidate-attributes CSV (docs/formats.md): name, slate, categories.
    public func candidateAttributes() -> String {
        var writer = CSVWriter(header: ["name", "slate", "categories"])
        let slateOf = scenario.slateOfCandidate
        for (index, candidate) in scenario.candidates.enumerated() {
            writer.append([candidate.name, slateOf[index].map { scenario.slates[$0].name } ?? "", candidate.categories.sorted().joined(separator: ";")])
        }
        return writer.text
    }
}
