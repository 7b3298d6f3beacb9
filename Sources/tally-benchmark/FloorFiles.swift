// The files issue 15's targets are measured on (scripts/bench-floor), written by
// `tally-benchmark --floor-files`: seeded, so every machine measures the same bytes.
import Foundation
import TallyCounting

/// Writes `lines` to `path` through a buffer, a block at a time (the files run to hundreds of MB).
func writeLines(to path: String, header: String, count: Int, _ line: (inout SeededDraw, Int) -> String, seed: UInt64) throws {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { fatalError("cannot write \(path)") }
    defer { try? handle.close() }
    var draw = SeededDraw(seed: seed)
    var block = header + "\n"
    for number in 0..<count {
        block += line(&draw, number)
        block += "\n"
        if block.utf8.count > 1 << 22 {
            try handle.write(contentsOf: Data(block.utf8))
            block = ""
        }
    }
    try handle.write(contentsOf: Data(block.utf8))
}

/// Twelve candidates in three slates of four, in ballot-paper (alphabetical) order.
let slateNames = [
    "Ada Ellis", "Ben Okafor", "Cara Nolan", "Dev Mistry", "Ella Price", "Finn Walsh",
    "Gita Rao", "Hal Brennan", "Iris Quinn", "Joe Stamp", "Kay Lennox", "Liam Byrne",
]
/// Each slate's candidates, in the order its how-to-vote card ranks them.
let slates = [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]]

/// One member's ranking in a three-slate contest: a faction (42%, 38%, 20%); the slate's card
/// order (70%) or the slate shuffled; then truncated: 15% stop after one, 10% after two or three,
/// half rank exactly their slate, a quarter go on into the other slates (1 to 8 more, the next
/// slate's card order first).
func slateRanking(_ draw: inout SeededDraw) -> [Int] {
    let roll = draw.uniform(below: 100)
    let faction = roll < 42 ? 0 : roll < 80 ? 1 : 2
    var order = slates[faction]
    if draw.uniform(below: 10) >= 7 {
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(draw.uniform(below: UInt64(i + 1)))) }
    }
    let length = draw.uniform(below: 100)
    if length < 15 { return Array(order.prefix(1)) }
    if length < 25 { return Array(order.prefix(2 + Int(draw.uniform(below: 2)))) }
    if length < 75 { return order }
    let next = (faction + 1 + Int(draw.uniform(below: 2))) % 3
    let others = slates[next] + slates[3 - faction - next]
    return order + others.prefix(1 + Int(draw.uniform(below: 8)))
}

/// The realistic file: a voter id, then one column per candidate holding a rank number or
/// nothing (25 bytes a ballot; 25 MB a million).
func writeRealisticFile(path: String, ballots: Int) throws {
    try writeLines(to: path, header: "voter id," + slateNames.joined(separator: ","), count: ballots, { draw, number in
        var cells = Array(repeating: "", count: slateNames.count)
        for (rank, candidate) in slateRanking(&draw).enumerated() { cells[candidate] = String(rank + 1) }
        let id = String(number)
        return "v" + String(repeating: "0", count: max(0, 7 - id.count)) + id + "," + cells.joined(separator: ",")
    }, seed: 15)
}

/// Twelve long names (22 to 28 bytes), for the worst case.
let longNames = [
    "Alexandra Fitzwilliam-Hart", "Benedict Okonkwo-Sinclair", "Catherine Montgomery-Reid",
    "Dominic Ashworth-Pemberton", "Eleanor Vasquez-Whitfield", "Francesca Delacroix-Moore",
    "Gwendolyn Abernathy-Cole", "Humphrey Castellanos-Wood", "Isadora Kowalczyk-Grant",
    "Jonathan Featherstonehaugh", "Katherine Ravensworth-Ames", "Leopold Drummond-Whitaker",
]

/// The worst case: every ballot ranks all twelve long names in a uniformly random order, so a
/// million ballots are almost a million distinct rankings (12! is 479 million).
func writeWorstFile(path: String, ballots: Int) throws {
    try writeLines(to: path, header: (1...12).map { "rank\($0)" }.joined(separator: ","), count: ballots, { draw, _ in
        var order = Array(0..<12)
        for i in stride(from: 11, to: 0, by: -1) { order.swapAt(i, Int(draw.uniform(below: UInt64(i + 1)))) }
        return order.map { longNames[$0] }.joined(separator: ",")
    }, seed: 16)
}

/// 300 candidates, rank columns `rank1,…,rank20`: each ballot ranks 1 to 20 of them, picked by a
/// popularity falling as 1/√(position) half the time and uniformly otherwise (as the
/// many-candidates file), names "Candidate 1" … "Candidate 300".
func writeManyCandidatesFile(path: String, ballots: Int) throws {
    let count = 300
    let weights: [UInt64] = (1...count).map { rank in
        var root: UInt64 = 1
        while (root + 1) * (root + 1) <= UInt64(rank) { root += 1 }
        return 1_000_000 / root
    }
    let total = weights.reduce(0, +)
    try writeLines(to: path, header: (1...20).map { "rank\($0)" }.joined(separator: ","), count: ballots, { draw, _ in
        let length = Int(draw.uniform(below: 20)) + 1
        var chosen: [Int] = []
        while chosen.count < length {
            var pick = 0
            if draw.uniform(below: 2) == 0 {
                var target = draw.uniform(below: total)
                while target >= weights[pick] { target -= weights[pick]; pick += 1 }
            } else {
                pick = Int(draw.uniform(below: UInt64(count)))
            }
            if !chosen.contains(pick) { chosen.append(pick) }
        }
        return chosen.map { "Candidate \($0 + 1)" }.joined(separator: ",") + String(repeating: ",", count: 20 - length)
    }, seed: 17)
}

/// Writes whichever of the floor files is missing to `directory`, and lists them.
func writeFloorFiles(directory: URL) throws {
    let files: [(String, (String) throws -> Void)] = [
        ("realistic-1000000.csv", { try writeRealisticFile(path: $0, ballots: 1_000_000) }),
        ("realistic-5000000.csv", { try writeRealisticFile(path: $0, ballots: 5_000_000) }),
        ("worst-1000000.csv", { try writeWorstFile(path: $0, ballots: 1_000_000) }),
        ("candidates-300.csv", { try writeManyCandidatesFile(path: $0, ballots: 100_000) }),
    ]
    for (name, write) in files {
        let path = directory.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) { try write(path) }
        print(path)
    }
}
