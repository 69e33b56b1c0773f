import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The pipe's write end, for the signal handler (a C function, which can capture nothing).
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// Turns SIGTERM and SIGINT into calls of `onSignal`, instead of the default of dying on the spot,
/// so the server can finish its calls and close the store.
///
/// The handler is installed with `sigaction` before `init` returns, and only writes a byte to a
/// pipe, which a thread of its own reads. Not a dispatch signal source: it is armed
/// asynchronously, so a SIGTERM sent right after the server said it listens, on a busy machine, can
/// come while the signal is ignored and before the source is armed, and is lost.
final class ShutdownSignals: @unchecked Sendable {
    private static let signals = [SIGTERM, SIGINT]
    private let readEnd: Int32

    init(onSignal: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { fatalError("mlmd serve: cannot make a pipe for signals: \(String(cString: strerror(errno)))") }
        readEnd = ends[0]
        signalPipeWriteEnd = ends[1]
        for number in Self.signals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = { _ in
                var byte: UInt8 = 1; _ = write(signalPipeWriteEnd, &byte, 1)
            }
            #else
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1; _ = write(signalPipeWriteEnd, &byte, 1)
            }
            #endif
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        let readEnd = readEnd
        Thread.detachNewThread {
            var byte: UInt8 = 0
            // Each signal is one byte; the pipe's closing (cancel) ends the loop.
            while read(readEnd, &byte, 1) == 1 { onSignal() }
            close(readEnd)
        }
    }

    /// Stops listening; the signals are ignored from then on.
    func cancel() {
        for number in Self.signals { signal(number, SIG_IGN) }
        close(signalPipeWriteEnd)
    }
}
