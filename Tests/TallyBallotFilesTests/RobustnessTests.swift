import Testing
import TallyModel
import TallyCounting
@testable import TallyBallotFiles
import TallyTestSupport

/// Garbage and damaged files must give an error or a profile: never a crash, trap or hang.
@Suite struct RobustnessTests {
    static let samples: [(String, [UInt8])] = {
        let blt = Array("3 2\n# c\n2 1 2=3 0\n(id) 3 - 1\n1 3\n0\n\"A\" \"P\"\n\"B\"\n\"C\"\n\"T\"\n".utf8)
        let csv = Array("id,weight,region,Ann,Bob,Cat\n\"a,1\",2,North,1,2,\nb,1,South,X,,\n".utf8)
        let ranks = Array("rank1,rank2\r\nAnn,Bob\r\n\"B\"\"o\",\r\n".utf8)
        let preflib = Array("# TITLE: T\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n4: 1,{2,3}\n2: 3\n".utf8)
        let scot = Array("3,1,\n4,1,2,\n2,3,\n\"Candidate 1\",\"A\",\"P\",\n\"Candidate 2\",\"B\",\"Q\",\n\"Candidate 3\",\"C\",\"R\",\n\"W\",\n".utf8)
        let votekit = Array("VoteKit RankProfile\nCandidates\n(A:A),(B:B)\nMax Ranking Length\n2\nIncludes Voter Set\nFalse\n=,=,=,=,=,=,=,=,=,=\nRanking_1,Ranking_2,&,Weight,&\n{'A'},\"{'A', 'B'}\",&,2.0,&\n{},{'B'},&,1,&\n".utf8)
        let loomio = Array("poll\ntitle,poll_type\nT,stv\nvotes\nid,reason,reason_format,A,B\n1,\"x, y\",md,1,2\n2,,md,,1\n3,,md,,\n".utf8)
        return [("x.blt", blt), ("x.csv", csv), ("r.csv", ranks), ("x.txt", blt), ("p.toi", preflib), ("s.csv", scot), ("v.csv", votekit), ("l.csv", loomio)]
    }()

    @Test(arguments: 0..<8)
    func survivesRandomMutationsOfValidFiles(_ sample: Int) {
        let (name, original) = Self.samples[sample]
        var draw = SeededDraw(seed: UInt64(sample))
        let alphabet = Array("0123456789 -=\"(),;#/*[]\n\r\tXx".utf8) + [0, 0xFF, 0xC3, 0xEF]
        for _ in 0..<1_500 {
            var bytes = original
            for _ in 0...draw.uniform(below: 4) {
                let position = Int(draw.uniform(below: UInt64(bytes.count + 1)))
                switch draw.uniform(below: 3) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(draw.uniform(below: UInt64(alphabet.count)))], at: position)
                default: if position < bytes.count { bytes[position] = alphabet[Int(draw.uniform(below: UInt64(alphabet.count)))] }
                }
            }
            exercise(bytes, name: name)
        }
    }

    @Test func survivesRandomBytes() {
        var draw = SeededDraw(seed: 2026)
        for length in 0..<600 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: draw.next()) }
            exercise(bytes, name: length % 2 == 0 ? "g.blt" : "g.csv")
        }
    }

    /// Reads, and when the file reads, counts by block vote, which must also end cleanly.
    func exercise(_ bytes: [UInt8], name: String) {
        do {
            let profile = try read(bytes: bytes, name: name)
            let standing = profile.candidates.count - profile.withdrawn.count
            if standing > 0 {
                let record = try BlockVote(seats: min(profile.seats ?? 1, standing)).count(profile)
                #expect(record.countedBallots + record.overVotes.ballots == profile.validBallots)
            }
        } catch is BallotFileError {
        } catch is CountError {
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
