import MLMetadata
import MLMetadataMySQL
import MLMetadataPostgreSQL

extension DatabaseBackend {
    /// Every database server `mlmd` opens stores on, besides SQLite.
    static let all: [DatabaseBackend] = [.postgreSQL, .mySQL]
}
