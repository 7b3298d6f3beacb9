extension String {
    /// The string without the spaces at its end (lines of a result sheet).
    func trimmingTrailingSpaces() -> String { String(reversed().drop { $0 == " " }.reversed()) }
}
