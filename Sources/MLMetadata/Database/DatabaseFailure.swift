import MLMDProtos

/// A failed database call, whatever the database: what kind of failure it is, for the access
/// objects that handle some of them, and the database's own message.
package struct DatabaseFailure: Error {
    package enum Kind: Sendable {
        /// A UNIQUE or PRIMARY KEY constraint refused a row.
        case uniqueViolation
        /// Another connection holds a lock past the wait, or the transaction lost a conflict
        /// with another one: the call can be retried.
        case busy
        /// No space left to store the change.
        case diskFull
        /// The database was opened read-only, or its file cannot be written.
        case readOnly
        /// The database file (or one SQLite keeps beside it) cannot be opened.
        case cannotOpen
        /// The database went away: the connection broke or the server is shutting down.
        case unavailable
        /// A value the database cannot hold: a NUL byte in PostgreSQL text, an integer past its
        /// column's range.
        case invalidValue
        /// A table or index of that name exists already (another process set up the same
        /// database meanwhile).
        case duplicateName
        case other
    }

    package var kind: Kind
    /// The database's own code, e.g. `SQLite error 2067` or `SQLSTATE 23505`.
    package var code: DatabaseErrorCode
    package var message: String

    package init(kind: Kind, code: DatabaseErrorCode, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    var isUniqueViolation: Bool { kind == .uniqueViolation }

    /// The store error a caller sees when nothing more specific applies: busy → ABORTED (retry),
    /// a full disk → RESOURCE_EXHAUSTED, a read-only database → FAILED_PRECONDITION, a lost
    /// database → UNAVAILABLE, anything else → INTERNAL.
    package var storeError: MetadataStoreError {
        switch kind {
        case .busy: MetadataStoreError(.aborted, "database is busy; retry the call (\(message))")
        case .diskFull: MetadataStoreError(.resourceExhausted, "disk full: \(message)")
        case .readOnly: MetadataStoreError(.failedPrecondition, "the store is read-only: \(message)")
        case .cannotOpen:
            MetadataStoreError(
                .failedPrecondition,
                "cannot open the database file or the files beside it (a store in "
                    + "write-ahead-log mode makes FILE-shm beside the file, even to read; a read-only folder prevents it): \(message)")
        case .unavailable: MetadataStoreError(.unavailable, "database unavailable: \(message)")
        case .invalidValue: MetadataStoreError(.invalidArgument, "the database cannot store a value given: \(message)")
        case .uniqueViolation, .duplicateName, .other: MetadataStoreError(.internal, "\(code): \(message)")
        }
    }
}
