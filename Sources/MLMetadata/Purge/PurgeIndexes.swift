/// Indexes that ml-metadata's schema lacks and a purge needs: ml-metadata keys `Attribution` and
/// `Association` by context first, so finding an artifact's attributions or an execution's
/// associations would scan the whole table, once per batch. The first purge that deletes adds
/// them; ml-metadata reads and writes a store with them as before.
enum PurgeIndexes {
    private static let indexes = [
        (name: "idx_swift_attribution_artifact_id", table: "Attribution", column: "artifact_id"),
        (name: "idx_swift_association_execution_id", table: "Association", column: "execution_id"),
    ]

    /// Creates the indexes that are missing. DDL commits on its own on MySQL, so this runs
    /// outside a store call's transaction.
    static func create(on connection: any DatabaseConnection) throws {
        for index in indexes {
            let create = #"CREATE INDEX "\#(index.name)" ON "\#(index.table)" ("\#(index.column)")"#
            switch connection.dialect {
            case .sqlite, .postgresql:
                try connection.execute(create.replacingOccurrences(of: "CREATE INDEX", with: "CREATE INDEX IF NOT EXISTS"))
            case .mysql:
                // MySQL has no CREATE INDEX IF NOT EXISTS (MariaDB has).
                let exists = try connection.statement(
                    "SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?")
                exists.bind([.text(index.table), .text(index.name)])
                let found = try exists.step()
                exists.reset()
                if !found { try connection.execute(create) }
            }
        }
    }
}
