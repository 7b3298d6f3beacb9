import TallyBallotFiles
import TallyModel

/// The one way ballots are made ready to count, for `count`, `compare` and every section of a
/// contest: read the file, narrow it to a region, apply the candidates' categories and slates,
/// leave standing only the candidates who stand, and check that the minimums' categories exist.
public enum BallotPreparation {
    /// The CSV-only reading options, by option name.
    static let csvOptionNames = ["--layout", "--cells", "--weight-column", "--id-column", "--region-column"]

    /// Reads the ballot file at `path`.
    public static func read(_ path: String, with loader: BallotFileLoader, observer: BallotLineObserver? = nil) throws(ElectionFailure) -> PreparedBallots {
        do {
            return PreparedBallots(try loader.load(path: path, observer: observer))
        } catch let error as BallotFileError {
            throw ElectionFailure(error)
        } catch let failure as ElectionFailure {
            throw failure
        } catch {
            throw ElectionFailure(.badData, "\(path): \(error)")
        }
    }

    /// Whose ballots are being prepared, for the wording and kind of an error: a request on the
    /// command line (its faults are usage errors), or a contest's section (the contest file's).
    enum Context {
        case request(attributesOption: String)
        /// `place`: "contest.json: section \"North\"".
        case section(place: String)
    }

    /// Reads and prepares the ballots `selection` names. A file with regions needs a region,
    /// unless `wholeFile`.
    /// `observer` is told what became of each ballot line as the file is read.
    public static func prepare(_ selection: BallotSelection, wholeFile: Bool = false, observer: BallotLineObserver? = nil) throws(ElectionFailure) -> PreparedBallots {
        try prepare(read(selection, observer: observer), selection, wholeFile: wholeFile)
    }

    /// Reads the ballot file `selection` names, refusing CSV reading options for a file read as
    /// BLT (they would do nothing).
    static func read(_ selection: BallotSelection, observer: BallotLineObserver? = nil) throws(ElectionFailure) -> PreparedBallots {
        let ballots = try read(selection.path, with: selection.reading, observer: observer)
        if ballots.format == .blt, let option = csvOptionsGiven(selection.reading.csvOptions).first {
            throw ElectionFailure(.request, "\(option) is for CSV files; \(selection.path) was read as BLT")
        }
        return ballots
    }

    /// Prepares ballots read for `selection`.
    static func prepare(_ read: PreparedBallots, _ selection: BallotSelection, wholeFile: Bool = false) throws(ElectionFailure) -> PreparedBallots {
        try prepare(
            read, region: selection.region, wholeFile: wholeFile, attributes: selection.attributes.map(attributes), standing: nil,
            minimums: selection.minimums, in: .request(attributesOption: selection.attributesOption)
        )
    }

    /// The one preparation of ballots already read: narrowed to `region` (a file with regions
    /// needs one, unless `wholeFile`), with `attributes` applied, only the `standing` candidates
    /// kept (nil: everyone, or for one region of a shared file, the candidates its ballots name;
    /// the others are left out of the profile, for a section and a `--region` request alike), and a check that a standing candidate has each
    /// minimum's category.
    static func prepare(
        _ read: PreparedBallots, region: String?, wholeFile: Bool = false, attributes: CandidateAttributes?, onlyListedHere: Bool = false,
        standing: [String]?, minimums: [Minimum], in context: Context
    ) throws(ElectionFailure) -> PreparedBallots {
        var ballots = wholeFile ? read : try narrow(read, toRegion: region, in: context)
        if let attributes {
            ballots = try apply(attributes, to: ballots, onlyListedHere: onlyListedHere)
        }
        if let standing, !standing.isEmpty {
            ballots = ballots.with(ballots.profile.standing(only: try indices(of: standing, in: ballots, context: context)))
        } else if ballots.region != nil {
            // One file for every region: the candidates named on this region's ballots stand
            // (a section's or a --region count's sheet lists only them).
            var named = Set<Int>()
            for ballot in ballots.profile.ballots { for entry in ballot.ranking.entries { named.insert(entry.candidate) } }
            ballots = ballots.with(ballots.profile.standing(only: named))
        }
        try checkCategories(of: minimums, in: ballots, context: context, attributesFile: attributes?.file)
        return ballots
    }

    /// The CSV-only options `options` sets, by name.
    static func csvOptionsGiven(_ options: CSVOptions) -> [String] {
        let given = [options.layout != nil, options.cells != nil, options.weightColumn != nil, options.idColumn != nil, options.regionColumn != nil]
        return zip(csvOptionNames, given).filter(\.1).map(\.0)
    }

    /// The ballots of one region, which a file with several regions needs.
    static func narrow(_ ballots: PreparedBallots, toRegion name: String?, in context: Context) throws(ElectionFailure) -> PreparedBallots {
        let profile = ballots.profile
        let list = Excerpt.list(profile.regions)
        switch context {
        case .request:
            if profile.regions.isEmpty {
                guard name == nil else { throw ElectionFailure(.request, "\(ballots.path) has no region column; leave out --region") }
                return ballots
            }
            guard let name else {
                throw ElectionFailure(.request, "\(ballots.path) holds ballots from \(profile.regions.count) region(s) (\(list)); count one with --region NAME")
            }
            guard let index = profile.regionIndex(named: name) else {
                throw ElectionFailure(.request, "no region '\(Excerpt.of(name))' in \(ballots.path); its regions are: \(list)")
            }
            return ballots.with(profile.restricted(toRegion: index), region: profile.regions[index])
        case let .section(place):
            guard let name, !profile.regions.isEmpty else { return ballots }
            guard let index = profile.regionIndex(named: name) else {
                throw ElectionFailure(.badData, "\(place): no ballots for region \"\(Excerpt.of(name))\" in \(ballots.path); its regions are \(list)")
            }
            return ballots.with(profile.restricted(toRegion: index), region: profile.regions[index])
        }
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

    /// The candidates `names` names in `ballots`; a name that is none of them is an error.
    static func indices(of names: [String], in ballots: PreparedBallots, context: Context) throws(ElectionFailure) -> Set<Int> {
        var found = Set<Int>()
        for name in names {
            guard let index = ballots.profile.candidateIndex(named: name) else {
                let place = switch context {
                case .request: ballots.path
                case let .section(place): place
                }
                throw ElectionFailure(.badData, "\(place): '\(Excerpt.of(name))' is not a candidate in \(ballots.path)")
            }
            found.insert(index)
        }
        return found
    }

    /// Checks that some standing candidate has each minimum's category.
    static func checkCategories(of minimums: [Minimum], in ballots: PreparedBallots, context: Context, attributesFile: String?) throws(ElectionFailure) {
        let profile = ballots.profile
        let withdrawn = Set(profile.withdrawn)
        let known = Set(profile.candidates.indices.filter { !withdrawn.contains($0) }.flatMap { profile.candidates[$0].categories })
        for minimum in minimums where !known.contains(minimum.category) {
            let list = known.isEmpty ? "none" : Excerpt.list(known.sorted())
            let category = Excerpt.of(minimum.category)
            switch context {
            case let .request(option):
                throw ElectionFailure(.request, "no candidate has the category '\(category)' in --min; the categories in \(attributesFile ?? option) are: \(list)")
            case let .section(place):
                throw ElectionFailure(.badData, "\(place): no standing candidate has the category '\(category)'; the categories there are: \(list)")
            }
        }
    }
}
