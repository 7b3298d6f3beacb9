/// The one way candidates are put in order of a figure (votes) in every method: most first, and
/// each run of candidates whose figures are equal handed to the method's own way of ordering
/// equal candidates (earlier stages, then the tie breaker; or the tie breaker only where the run
/// decides something).
enum CandidateOrder {
    /// `candidates` by `figure`, most first. Each run of two or more with equal figures is replaced
    /// by `orderEqual(run, positions)`, the run arriving in ballot-file order; `positions` is where
    /// the run stands in the whole order.
    static func descending<Figure: Comparable>(
        _ candidates: [Int], by figure: (Int) -> Figure, orderEqual: (_ run: [Int], _ positions: Range<Int>) throws -> [Int]
    ) rethrows -> [Int] {
        var ordered = candidates.sorted { figure($0) != figure($1) ? figure($0) > figure($1) : $0 < $1 }
        var start = 0
        while start < ordered.count {
            var end = start + 1
            while end < ordered.count, figure(ordered[end]) == figure(ordered[start]) { end += 1 }
            if end - start > 1 {
                ordered.replaceSubrange(start..<end, with: try orderEqual(Array(ordered[start..<end]), start..<end))
            }
            start = end
        }
        return ordered
    }
}
