import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// The migration example in README.md, kept compiling and true.
@Test func readmeMigrationExampleWorks() throws {
    let path = TemporaryFile.make(suffix: ".sqlite")
    let config = ConnectionConfig.with { $0.sqlite = .with { $0.filenameURI = path } }
    _ = try MetadataStore(config: config)
    _ = try MetadataStore.migrate(config: config, toSchemaVersion: 4)

    let store = try MetadataStore(config: config, migration: .with { $0.enableUpgradeMigration = true })
    #expect(try store.putArtifactType(.with { $0.name = "DataSet" }) == 10)
    let report = try MetadataStore.migrate(config: config, toSchemaVersion: 7)
    #expect("schema version \(report.versionBefore) → \(report.versionAfter)" == "schema version 10 → 7")
}
