import TallyArithmetic

/// ERS97 STV (placeholder until the rule is written).
struct ERS97STV {
    let seats: Int
    func count(_ ballots: STVBallots, candidateCount: Int, withdrawn: [Int], ties: TieBreaker) throws -> GregoryCount<TwoPlaces> {
        throw CountError.invalidOption("ERS97 STV is not available yet")
    }
}
