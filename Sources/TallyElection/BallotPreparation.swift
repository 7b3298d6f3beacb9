import TallyBallotFiles
import TallyModel

/// The one way ballots are made ready to count, for `count`, `compare` and every section of a
/// contest: read the file, narrow it to a region, apply the candidates' categories and slates,
/// leave standing only the candidates who stand, and check that the minimums' categories exist.
public enum BallotPreparation {
    /// The CSV-only reading options, by option name.
    static let csvOptionNames = ["--layout", "--cells", "--weight-column", "--id-column", "--region-column"]

    /// Reads the ballot file at `path`.
    public static func read(_ path: String, with loader: BallotFileLoader) throws(ElectionFailure) -> PreparedBallots {
        do {
            return PreparedBallots(try loader.load(path: path))
        } catch let error as BallotFileError {
            throw ElectionFailure(error)
        } catch {
            throw ElectionFailure(.badData, "\(path): \(error)")
        }
    }

    /// Reads and prepares the ballots `selection` names. A file with regions needs a region,
    /// unless `allRegions` (the file is taken whole); CSV reading options are refused for a file
    /// read as BLT (they would do nothing). `attributesOption` names the option that gives the
    /// attributes file, for messages.
    public static func prepare(_ selection: BallotSelection, attributesOption: String = "--candidates", allRegions: Bool = false) throws(ElectionFailure) -> PreparedBallots {
        var ballots = try read(selection.path, with: selection.reading)
        if ballots.format == .blt, let option = csvOptionsGiven(selection.reading.csvOptions).first {
            throw ElectionFailure(.request, "\(option) is for CSV files; \(selection.path) was read as BLT")
        }
        if !allRegions { ballots = try narrow(ballots, toRegion: selection.region) }
        if let file = selection.attributes {
            ballots = try apply(try attributes(file), to: ballots)
        }
        try checkCategories(of: selection.minimums, in: ballots) { category, list in
            ElectionFailure(.request, "no candidate has the category '\(Excerpt.of(category))' in --min; the categories in \(selection.attributes ?? attributesOption) are: \(list)")
        }
        return ballots
    }

    /// The CSV-only options `options` sets, by name.
    static func csvOptionsGiven(_ options: CSVOptions) -> [String] {
        let given = [options.layout != nil, options.cells != nil, options.weightColumn != nil, options.idColumn != nil, options.regionColumn != nil]
        return zip(csvOptionNames, given).filter(\.1).map(\.0)
    }

    /// The ballots of one region (`--region`), which a file with several regions needs.
    static func narrow(_ ballots: PreparedBallots, toRegion name: String?) throws(ElectionFailure) -> PreparedBallots {
        let profile = ballots.profile
        if profile.regions.isEmpty {
            guard name == nil else { throw ElectionFailure(.request, "\(ballots.path) has no region column; leave out --region") }
            return ballots
        }
        let list = Excerpt.list(profile.regions)
        guard let name else {
            throw ElectionFailure(.request, "\(ballots.path) holds ballots from \(profile.regions.count) region(s) (\(list)); count one with --region NAME")
        }
        guard let index = profile.regionIndex(named: name) else {
            throw ElectionFailure(.request, "no region '\(Excerpt.of(name))' in \(ballots.path); its regions are: \(list)")
        }
        return ballots.with(profile.restricted(toRegion: index), region: profile.regions[index])
    }

    /// Reads a candidate-attributes file.
    public static func attributes(_ file: String) throws(ElectionFailure) -> CandidateAttributes {
        do {
            return try CandidateAttributes.load(path: file)
        } catch let error as BallotFileError {
            throw ElectionFailure(error)
        } catch {
            throw ElectionFailure(.badData, "\(file): \(error)")
        }
    }

    /// `ballots` with the candidates' categories and slates from `attributes`; with
    /// `onlyListedHere`, entries naming candidates not in the file are passed over (a contest's
    /// list covers every section).
    static func apply(_ attributes: CandidateAttributes, to ballots: PreparedBallots, onlyListedHere: Bool = false) throws(ElectionFailure) -> PreparedBallots {
        do {
            return ballots.with(try attributes.apply(to: ballots.profile, onlyListedHere: onlyListedHere))
        } catch let error as BallotFileError {
            throw ElectionFailure(error)
        } catch {
            throw ElectionFailure(.badData, "\(attributes.file): \(error)")
        }
    }

    /// `ballots` counted as if only the candidates named in `names` stood (the others withdrawn).
    static func standing(_ names: [String], in ballots: PreparedBallots, context: String) throws(ElectionFailure) -> PreparedBallots {
        var standing = Set<Int>()
        for name in names {
            guard let index = ballots.profile.candidateIndex(named: name) else {
                throw ElectionFailure(.badData, "\(context): '\(Excerpt.of(name))' is not a candidate in \(ballots.path)")
            }
            standing.insert(index)
        }
        return ballots.with(ballots.profile.standing(only: standing))
    }

    /// Checks that some standing candidate has each minimum's category; `failure` makes the error
    /// from the missing category and the list of those there are.
    static func checkCategories(of minimums: [Minimum], in ballots: PreparedBallots, _ failure: (String, String) -> ElectionFailure) throws(ElectionFailure) {
        let profile = ballots.profile
        let withdrawn = Set(profile.withdrawn)
        let known = Set(profile.candidates.indices.filter { !withdrawn.contains($0) }.flatMap { profile.candidates[$0].categories })
        for minimum in minimums where !known.contains(minimum.category) {
            let list = known.sorted()
            throw failure(minimum.category, list.isEmpty ? "none" : Excerpt.list(list))
        }
    }
}
