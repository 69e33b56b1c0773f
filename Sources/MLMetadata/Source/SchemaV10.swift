/// ml-metadata's schema version 10, the one this library reads and writes on every database.
package enum SchemaV10 {
    /// The schema version, kept in the one row of `MLMDEnv`.
    package static let version: Int64 = 10

    /// Every table, in the order ml-metadata creates them.
    package static let tableNames = [
        "Type", "TypeProperty", "ParentType", "Artifact", "ArtifactProperty", "Execution", "ExecutionProperty",
        "Event", "EventPath", "MLMDEnv", "Context", "ContextProperty", "ParentContext", "Association", "Attribution",
    ]
}
