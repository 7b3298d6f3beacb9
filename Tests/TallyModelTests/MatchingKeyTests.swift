import Testing
@testable import TallyModel

/// Names of ASCII characters are matched by a byte-wise path; it must give exactly what the
/// general rule (split on whitespace, join with one space, lower-case) gives.
@Suite struct MatchingKeyTests {
    static func general(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    @Test func theASCIIPathAgreesWithTheGeneralRule() {
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}aZ9-'.,Ab")
        var state: UInt64 = 7
        for _ in 0..<5_000 {
            var name = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for shift in stride(from: 0, to: Int(state >> 60) * 4, by: 4) {
                name.append(alphabet[Int((state >> UInt64(shift % 60)) & 0xF) % alphabet.count])
            }
            #expect(Candidate.matchingKey(for: name) == Self.general(name), "\(name.debugDescription)")
        }
        for name in ["  Kevin   LANG ", "\r\nA\u{0B}B\u{0C}", "", "   ", "ÉLISE Smith", "Ann\u{A0}Black"] {
            #expect(Candidate.matchingKey(for: name) == Self.general(name), "\(name.debugDescription)")
        }
    }
}
