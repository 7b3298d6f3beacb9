import Foundation
import Synchronization

/// "simulate: 340 of 1,000 trials" on standard error while a long run works: nothing for the first
/// second; then, on a terminal, one line rewritten in place (at most five times a second), and
/// elsewhere (a log) a line at each tenth of the run. Standard output is never touched.
final class ProgressLine: Sendable {
    private struct State {
        var lastShown: ContinuousClock.Instant?
        var tenthsShown = 0
        var shown = false
    }

    private let label: String
    private let total: Int
    private let start = ContinuousClock.now
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let state = Mutex(State())

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    /// Reports that `finished` of the total are done (from any thread).
    func update(_ finished: Int) {
        let now = ContinuousClock.now
        guard now - start >= .seconds(1) else { return }
        let text: String? = state.withLock { state in
            let line = "\(label): \(finished) of \(total) (\(finished * 100 / max(total, 1))%), \(Self.seconds(now - start)) s"
            if isTerminal {
                if let last = state.lastShown, now - last < .milliseconds(200), finished < total { return nil }
                state.lastShown = now
                state.shown = true
                return "\r" + line + "\u{1B}[K"
            }
            let tenths = finished * 10 / max(total, 1)
            guard tenths > state.tenthsShown else { return nil }
            state.tenthsShown = tenths
            state.shown = true
            return line + "\n"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Ends the line, if one was shown, so that what follows starts on a line of its own.
    func finish() {
        let shown = state.withLock { $0.shown }
        if shown, isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private static func seconds(_ duration: Duration) -> String {
        let tenths = duration.components.seconds * 10 + duration.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
