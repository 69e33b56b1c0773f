import Synchronization

/// Whether the server is serving, and the health watchers waiting to hear when that changes.
/// It changes once: from serving to not serving, when shutdown begins.
final class ServingState: Sendable {
    private struct State {
        var isServing = true
        var watchers: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWatcher = 0
    }

    private let state = Mutex(State())

    /// True until `stopServing()`.
    var isServing: Bool { state.withLock { $0.isServing } }

    /// Marks the server as not serving and wakes every watcher.
    func stopServing() {
        let watchers = state.withLock { state in
            state.isServing = false
            defer { state.watchers = [:] }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.resume() }
    }

    /// Returns once the server stops serving, or when the calling task is cancelled.
    func waitUntilNotServing() async {
        let id = state.withLock { state in
            defer { state.nextWatcher += 1 }
            return state.nextWatcher
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    guard state.isServing, !Task.isCancelled else { return true }
                    state.watchers[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.watchers.removeValue(forKey: id) }?.resume()
        }
    }
}
