import MLMDProtos

/// The errors for a database at a schema version this library does not open as it is.
enum SchemaVersionMismatch {
    /// An older database opened without `enable_upgrade_migration`.
    static func older(_ version: Int64, at location: String) -> MetadataStoreError {
        MetadataStoreError(
            .failedPrecondition,
            "\(location) has schema version \(version), older than version \(SchemaV10.version) of this library; nothing was changed: "
                + "open it with MigrationOptions.enable_upgrade_migration (mlmd migrate, or mlmd serve --enable_database_upgrade)")
    }

    /// An older database opened read-only, which an upgrade cannot write.
    static func olderReadOnly(_ version: Int64, at location: String) -> MetadataStoreError {
        MetadataStoreError(
            .failedPrecondition,
            "\(location) has schema version \(version), older than version \(SchemaV10.version) of this library; nothing was changed: "
                + "it is opened read-only, and an upgrade writes; open it read-write with MigrationOptions.enable_upgrade_migration")
    }

    /// A database of a later library, which this one neither opens nor knows how to downgrade.
    static func newer(_ version: Int64, at location: String) -> MetadataStoreError {
        MetadataStoreError(
            .failedPrecondition,
            "\(location) has schema version \(version), newer than version \(SchemaV10.version) of this library; nothing was changed: "
                + "open it with the library that wrote it, or downgrade it there to version \(SchemaV10.version)")
    }
}
