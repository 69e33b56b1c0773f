import CSQLite

/// When the writer folds the write-ahead log back into the file. SQLite's own rule, every 1,000
/// pages, suits small commits: the log stays small and is rewritten in place, so a commit's fsync
/// never has to extend the file. Large batches are different: at a million artifacts each dirties
/// about a thousand index pages, so that rule checkpointed after nearly every batch and copied the
/// same pages back again and again (20.6k → 32.9k artifacts/s at 1M with a 20,000-page log).
/// So: after a small commit, checkpoint once the log holds 1,000 pages; while commits are large,
/// let it grow to 20,000 pages (80 MB) first.
final class CheckpointPolicy {
    static let smallLogPages: Int32 = 1_000
    static let largeLogPages: Int32 = 20_000
    /// A commit that wrote fewer pages than this is a small one.
    static let smallCommitPages: Int32 = 256

    private var pagesAfterLastCommit: Int32 = 0

    /// Installs the policy on `handle` in place of SQLite's automatic checkpoints. The policy must
    /// outlive the handle (its connection keeps it).
    func install(on handle: OpaquePointer) {
        sqlite3_wal_hook(
            handle,
            { context, database, _, pages in
                guard let context, let database else { return SQLITE_OK }
                let policy = Unmanaged<CheckpointPolicy>.fromOpaque(context).takeUnretainedValue()
                if policy.shouldCheckpoint(logPages: pages) {
                    // PASSIVE: copies what it can without waiting for readers; never fails the commit.
                    sqlite3_wal_checkpoint_v2(database, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called after each commit with the pages now in the log.
    func shouldCheckpoint(logPages pages: Int32) -> Bool {
        // A log shorter than after the last commit was restarted by a checkpoint in between.
        let written = pages >= pagesAfterLastCommit ? pages - pagesAfterLastCommit : pages
        pagesAfterLastCommit = pages
        return pages >= Self.largeLogPages || (pages >= Self.smallLogPages && written < Self.smallCommitPages)
    }
}
