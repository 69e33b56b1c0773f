import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGTERM and SIGINT into one call of `onSignal`, instead of the default of dying on the
/// spot, so the server can finish its calls and close the store.
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    init(onSignal: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onSignal)
            source.resume()
            return source
        }
    }

    /// Stops listening; the signals are ignored from then on.
    func cancel() {
        for source in sources { source.cancel() }
    }
}
