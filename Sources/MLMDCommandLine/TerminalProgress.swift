#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line percentage or status on standard error, redrawn in place, shown only when standard
/// error is a terminal: output that is piped or redirected stays clean.
struct TerminalProgress {
    private let label: String
    private let isShown: Bool
    private var lastPercent = -1
    private var drawn = false
    private var lastStatusDrawn: ContinuousClock.Instant?

    /// A progress line starting with `label`, e.g. `mlmd infer-schema: data.csv`; never shown
    /// unless `isShown` (the caller's choice) and standard error is a terminal.
    init(label: String, isShown: Bool = true) {
        self.label = label
        self.isShown = isShown && isatty(STDERR_FILENO) == 1
    }

    /// Shows `done` out of `total`, redrawing only when the whole percentage changes.
    mutating func update(done: Int, total: Int) {
        guard isShown, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        drawn = true
        emit("\r\u{1B}[K\(label): \(percent)%")
    }

    /// Shows `status` (e.g. `artifacts 1200`) after the label, at most ten times a second, so that
    /// a fast loop does not spend its time drawing.
    mutating func update(status: String) {
        guard isShown else { return }
        let now = ContinuousClock.now
        if let last = lastStatusDrawn, now - last < .milliseconds(100) { return }
        lastStatusDrawn = now
        drawn = true
        emit("\r\u{1B}[K\(label): \(status)")
    }

    /// Erases the progress line, so that what follows starts on a clean line.
    func finish() {
        guard isShown, drawn else { return }
        emit("\r\u{1B}[K")
    }

    private func emit(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
