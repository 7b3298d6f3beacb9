// Benchmarks for Tally: `swift run -c release tally-benchmark [--ballots N] [--runs R] [--keep DIR]
// [--simulation-only | --many-candidates-only]`.
//
// Writes synthetic ballot files (seeded, so every machine measures the same files), then times
// the whole of `tally count` in-process (read + count + report) R times and prints the median
// and the range, with the process's peak resident memory. Figures go in docs/performance.md.
import Foundation
import TallyCommands
import TallyCounting

struct Options {
    var ballots = 1_000_000
    var runs = 5
    var keep: String?
    var simulationOnly = false
    var manyCandidatesOnly = false
    /// Only the cost of the HTML report against the text sheet, on the million-ballot file.
    var htmlOnly = false
    /// Only margins and resampling, on 130,000 ballots of 20 candidates for 9 seats.
    var marginsOnly = false
    /// Only write the files scripts/bench-floor measures (issue 15), and print their paths.
    var floorFiles = false
    /// Only the text sheet against the count, on the 300-candidate file.
    var sheetOnly = false
    /// Another file for `--sheet-only`, and its seats.
    var sheetFile: String?
    var sheetSeats = 30

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--ballots": ballots = Int(value) ?? ballots; index += 1
            case "--runs": runs = Int(value) ?? runs; index += 1
            case "--keep": keep = value; index += 1
            case "--simulation-only": simulationOnly = true
            case "--many-candidates-only": manyCandidatesOnly = true
            case "--html-only": htmlOnly = true
            case "--margins-only": marginsOnly = true
            case "--floor-files": floorFiles = true
            case "--sheet-only": sheetOnly = true
            case "--sheet-file": sheetFile = value; index += 1
            case "--sheet-seats": sheetSeats = Int(value) ?? sheetSeats; index += 1
            default: fatalError("usage: tally-benchmark [--ballots N] [--runs R] [--keep DIR] [--simulation-only | --many-candidates-only | --html-only | --margins-only | --floor-files | --sheet-only [--sheet-file F --sheet-seats N]]")
            }
            index += 1
        }
    }
}

let candidates = ["Abbott", "Baker", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis"]
/// Popularity weights for a Plackett–Luce draw: earlier candidates are more popular.
let popularity: [UInt64] = [30, 24, 20, 16, 13, 11, 9, 7, 6, 5, 4, 3]

/// One ranking: candidates drawn one by one with probability proportional to `weights` among
/// those left (Plackett–Luce), stopping after a length drawn uniformly from 1 to all of them.
func ranking(_ draw: inout SeededDraw, weights: [UInt64] = popularity) -> [Int] {
    var left = Array(0..<weights.count)
    let length = Int(draw.uniform(below: UInt64(weights.count))) + 1
    var result: [Int] = []
    while result.count < length {
        let total = left.reduce(0) { $0 + weights[$1] }
        var pick = draw.uniform(below: total)
        var position = 0
        while pick >= weights[left[position]] { pick -= weights[left[position]]; position += 1 }
        result.append(left.remove(at: position))
    }
    return result
}

/// Rank columns: `rank1,…,rank12`, names in the cells.
func rankColumnsFile(ballots: Int, seed: UInt64) -> String {
    var draw = SeededDraw(seed: seed)
    var text = (1...candidates.count).map { "rank\($0)" }.joined(separator: ",") + "\n"
    text.reserveCapacity(ballots * 60)
    for _ in 0..<ballots {
        let order = ranking(&draw)
        text += order.map { candidates[$0] }.joined(separator: ",")
        text += String(repeating: ",", count: candidates.count - order.count) + "\n"
    }
    return text
}

/// A BLT file of `candidates` candidates and `ballots` ballots, 10 seats: each ballot ranks 1 to
/// 15 candidates, half of its picks by a popularity falling as 1/√rank, half uniformly, so that
/// the count runs to about one stage per candidate (the case whose cost grew with the square).
func manyCandidatesFile(candidates count: Int, ballots: Int, seed: UInt64) -> String {
    var draw = SeededDraw(seed: seed)
    // Popularity weights in whole numbers: 1,000,000 ÷ √(rank), by integer square root.
    let weights: [UInt64] = (1...count).map { rank in
        var root: UInt64 = 1
        while (root + 1) * (root + 1) <= UInt64(rank) { root += 1 }
        return 1_000_000 / root
    }
    let total = weights.reduce(0, +)
    var text = "\(count) 10\n"
    for _ in 0..<ballots {
        let length = Int(draw.uniform(below: 15)) + 1
        var chosen: [Int] = []
        while chosen.count < length {
            var pick: Int
            if draw.uniform(below: 2) == 0 {
                var target = draw.uniform(below: total)
                pick = 0
                while target >= weights[pick] { target -= weights[pick]; pick += 1 }
            } else {
                pick = Int(draw.uniform(below: UInt64(count)))
            }
            if !chosen.contains(pick) { chosen.append(pick) }
        }
        text += "1 " + chosen.map { String($0 + 1) }.joined(separator: " ") + " 0\n"
    }
    text += "0\n" + (1...count).map { "\"Candidate \($0)\"\n" }.joined() + "\"Many candidates\"\n"
    return text
}

/// Candidate columns with X marks for block vote: each voter marks the first 1–6 of a ranking.
func markColumnsFile(ballots: Int, seed: UInt64) -> String {
    var draw = SeededDraw(seed: seed)
    var text = "id," + candidates.joined(separator: ",") + "\n"
    text.reserveCapacity(ballots * 40)
    for number in 0..<ballots {
        let marked = Set(ranking(&draw).prefix(6))
        text += "v\(number)," + (0..<candidates.count).map { marked.contains($0) ? "X" : "" }.joined(separator: ",") + "\n"
    }
    return text
}

func peakResidentMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) / 1024 // Linux reports kilobytes
}

func measure(_ label: String, _ arguments: [String], runs: Int) {
    var milliseconds: [Int64] = []
    var output = ""
    for _ in 0..<runs {
        let start = ContinuousClock.now
        let outcome = TallyCLI.run(arguments)
        let elapsed = ContinuousClock.now - start
        guard outcome.exitCode == .success else { fatalError("\(label) failed: \(outcome.standardError)") }
        output = outcome.standardOutput
        milliseconds.append(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
    milliseconds.sort()
    func seconds(_ value: Int64) -> String {
        let fraction = String(value % 1000)
        return "\(value / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
    }
    let padded = label + String(repeating: " ", count: max(0, 44 - label.count))
    print("\(padded) median \(seconds(milliseconds[milliseconds.count / 2]))  (min \(seconds(milliseconds.first!)), max \(seconds(milliseconds.last!)), \(runs) runs)")
    let lines = output.split(separator: "\n")
    let elected = lines.first { $0.contains("Elected, in order:") } ?? lines.first { $0.contains("Elected:") } ?? lines.first { $0.contains("Clean sweep") } ?? ""
    print("    \(elected.trimmingCharacters(in: .whitespaces))")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let benchmarkDirectory = options.keep.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("tally-benchmark")
try FileManager.default.createDirectory(at: benchmarkDirectory, withIntermediateDirectories: true)
if options.floorFiles {
    try writeFloorFiles(directory: benchmarkDirectory)
    exit(0)
}
if options.sheetOnly {
    try writeFloorFiles(directory: benchmarkDirectory)
    try compareSheetWithCount(path: options.sheetFile ?? benchmarkDirectory.appendingPathComponent("candidates-300.csv").path, seats: options.sheetSeats, runs: options.runs)
    exit(0)
}
if options.manyCandidatesOnly {
    print("Timing `tally count` in-process on many candidates: 20,000 ballots, 10 seats, text sheet unless JSON:")
    for count in [500, 1_000, 2_000, 2_500] {
        let file = benchmarkDirectory.appendingPathComponent("candidates-\(count).blt")
        if !FileManager.default.fileExists(atPath: file.path) {
            try manyCandidatesFile(candidates: count, ballots: 20_000, seed: 3).write(to: file, atomically: true, encoding: .utf8)
        }
        measure("STV ERS97, \(count) candidates", ["count", file.path], runs: max(1, options.runs / 2))
        measure("STV Scottish, \(count) candidates", ["count", file.path, "--rule", "scottish"], runs: max(1, options.runs / 2))
        measure("STV Meek, \(count) candidates", ["count", file.path, "--rule", "meek"], runs: max(1, options.runs / 2))
        measure("STV ERS97, \(count) candidates, JSON", ["count", file.path, "--format", "json"], runs: max(1, options.runs / 2))
        measure("STV ERS97, \(count) candidates, CSV", ["count", file.path, "--format", "csv"], runs: max(1, options.runs / 2))
    }
    print("Peak resident memory of this process: \(peakResidentMegabytes()) MB")
    exit(0)
}
/// Runs `base` and `variant` in turn, `runs` times each, and prints both medians and their ratio.
func compareInterleaved(_ label: String, base: [String], variant: [String], runs: Int) {
    func time(_ arguments: [String]) -> Int64 {
        let start = ContinuousClock.now
        let outcome = TallyCLI.run(arguments)
        let elapsed = ContinuousClock.now - start
        guard outcome.exitCode == .success else { fatalError("\(label) failed: \(outcome.standardError)") }
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
    var baseTimes: [Int64] = [], variantTimes: [Int64] = []
    for _ in 0..<runs {
        baseTimes.append(time(base))
        variantTimes.append(time(variant))
    }
    let baseMedian = baseTimes.sorted()[runs / 2], variantMedian = variantTimes.sorted()[runs / 2]
    let percent = baseMedian > 0 ? (variantMedian - baseMedian) * 1000 / baseMedian : 0
    let sign = percent < 0 ? "-" : "+"
    print("\(label): text \(baseMedian) ms, HTML \(variantMedian) ms (medians of \(runs) interleaved runs): HTML \(sign)\(abs(percent) / 10).\(abs(percent) % 10)%")
}

/// 130,000 ballots ranking 1 to 20 of 20 candidates (Plackett–Luce, popularity falling by
/// candidate): the shape of an NEC count, with mostly distinct rankings.
func marginsFile(ballots: Int, seed: UInt64) -> String {
    let names = (1...20).map { "Candidate \($0)" }
    let weights: [UInt64] = (0..<20).map { UInt64(40 - $0 * 3 / 2) }
    var draw = SeededDraw(seed: seed)
    var lines: [String] = []
    for _ in 0..<ballots {
        let order = ranking(&draw, weights: weights)
        lines.append("1 " + order.map { String($0 + 1) }.joined(separator: " ") + " 0")
    }
    return "20 9\n" + lines.joined(separator: "\n") + "\n0\n" + names.map { "\"\($0)\"" }.joined(separator: "\n") + "\n\"Margins benchmark\"\n"
}

if options.marginsOnly {
    let file = benchmarkDirectory.appendingPathComponent("margins-130000.blt")
    if !FileManager.default.fileExists(atPath: file.path) {
        try marginsFile(ballots: 130_000, seed: 12).write(to: file, atomically: true, encoding: .utf8)
    }
    print("Margins and resampling: 130,000 ballots, 20 candidates, 9 seats, ERS97:")
    measure("count (baseline)", ["count", file.path], runs: options.runs)
    measure("margins --method stv", ["margins", file.path, "--method", "stv"], runs: max(1, options.runs / 2))
    measure("margins --method stv --resample 1000", ["margins", file.path, "--method", "stv", "--resample", "1000"], runs: 1)
    measure("margins --method block", ["margins", file.path, "--method", "block"], runs: max(1, options.runs / 2))
    exit(0)
}

if options.htmlOnly {
    let ranked = benchmarkDirectory.appendingPathComponent("ranked-\(options.ballots).csv")
    if !FileManager.default.fileExists(atPath: ranked.path) {
        try rankColumnsFile(ballots: options.ballots, seed: 1).write(to: ranked, atomically: true, encoding: .utf8)
    }
    print("The HTML report against the text sheet, \(options.ballots) ballots, read + count + report:")
    compareInterleaved("STV ERS97, 6 seats", base: ["count", ranked.path, "--seats", "6"], variant: ["count", ranked.path, "--seats", "6", "--format", "html"], runs: options.runs)
    compareInterleaved("STV Meek, 6 seats", base: ["count", ranked.path, "--seats", "6", "--rule", "meek"], variant: ["count", ranked.path, "--seats", "6", "--rule", "meek", "--format", "html"], runs: max(1, options.runs / 2))
    compareInterleaved("block, 6 seats", base: ["count", ranked.path, "--method", "block", "--seats", "6"], variant: ["count", ranked.path, "--method", "block", "--seats", "6", "--format", "html"], runs: options.runs)
    exit(0)
}
let scenario = "Fixtures/scenarios/two-slates-12/scenario.json"
guard FileManager.default.fileExists(atPath: scenario) else { fatalError("run from the package's directory: \(scenario) is needed") }
print("Timing `tally simulate` in-process: 1,000 trials of 10,000 voters, 12 candidates, 6 seats, STV and block vote:")
let cores = ProcessInfo.processInfo.activeProcessorCount
measure("simulate, \(cores) threads", ["simulate", scenario, "--trials", "1000", "--voters", "10000", "--quiet"], runs: max(1, options.runs / 2))
measure("simulate, 1 thread", ["simulate", scenario, "--trials", "1000", "--voters", "10000", "--quiet", "--threads", "1"], runs: max(1, options.runs / 2))
if options.simulationOnly {
    print("Peak resident memory of this process: \(peakResidentMegabytes()) MB")
    exit(0)
}
let directory = benchmarkDirectory
let ranked = directory.appendingPathComponent("ranked-\(options.ballots).csv")
let marked = directory.appendingPathComponent("marks-\(options.ballots).csv")
print("Writing \(options.ballots) ballots, \(candidates.count) candidates, to \(directory.path) …")
if !FileManager.default.fileExists(atPath: ranked.path) {
    try rankColumnsFile(ballots: options.ballots, seed: 1).write(to: ranked, atomically: true, encoding: .utf8)
}
if !FileManager.default.fileExists(atPath: marked.path) {
    try markColumnsFile(ballots: options.ballots, seed: 2).write(to: marked, atomically: true, encoding: .utf8)
}
print("Timing `tally count` in-process (read + count + report), \(options.runs) runs each:")
measure("block, 6 seats, rank-column CSV", ["count", ranked.path, "--method", "block", "--seats", "6"], runs: options.runs)
measure("block, 6 seats, X-mark candidate-column CSV", ["count", marked.path, "--method", "block", "--seats", "6"], runs: options.runs)
measure("check, rank-column CSV", ["check", ranked.path], runs: options.runs)
measure("STV ERS97, 6 seats, rank-column CSV", ["count", ranked.path, "--seats", "6"], runs: options.runs)
measure("STV Scottish, 6 seats, rank-column CSV", ["count", ranked.path, "--seats", "6", "--rule", "scottish"], runs: options.runs)
measure("STV Meek, 6 seats, rank-column CSV", ["count", ranked.path, "--seats", "6", "--rule", "meek"], runs: max(1, options.runs / 2))
print("Peak resident memory of this process: \(peakResidentMegabytes()) MB")
