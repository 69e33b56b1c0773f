import Foundation
import MLMDProtos
import MLMetadata
import ProtoWire
import Testing

/// The SQLite file format: what our store writes opens in ml-metadata 1.17.1 and reads back the
/// same, and the other way round; files we cannot serve are refused without being touched.
@Suite struct SQLiteFileCompatibilityTests {
    static func fileConfig(_ path: String) -> ConnectionConfig {
        .with { $0.sqlite = .with { $0.filenameURI = path } }
    }

    /// Every type and node as `kind<TAB>id<TAB>hex of deterministic bytes`, as
    /// Oracle/mlmd_file_check.py dumps them.
    static func dump(_ store: MetadataStore) throws -> String {
        let ids = Array(Int64(1)...99)
        var types: [(String, Int64, [UInt8])] = []
        types += try store.getArtifactTypes(ids: ids).map { ("artifact", $0.id, $0.serializedBytes()) }
        types += try store.getExecutionTypes(ids: ids).map { ("execution", $0.id, $0.serializedBytes()) }
        types += try store.getContextTypes(ids: ids).map { ("context", $0.id, $0.serializedBytes()) }
        var rows = types.sorted { $0.1 < $1.1 }
        rows += try store.getArtifacts().map { ("Artifact", $0.id, $0.serializedBytes()) }
        rows += try store.getExecutions().map { ("Execution", $0.id, $0.serializedBytes()) }
        rows += try store.getContexts().map { ("Context", $0.id, $0.serializedBytes()) }
        return rows.map { kind, id, bytes in
            "\(kind)\t\(id)\t" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "\n"
        }.joined()
    }

    static func writeTypes(_ store: MetadataStore) throws {
        _ = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.version = "v1"; $0.description = "rows"; $0.externalID = "ds"
                $0.properties = ["day": .int, "split": .string]
                $0.baseType = .dataset
            })
        _ = try store.putExecutionType(
            .with {
                $0.name = "Trainer"; $0.baseType = .train; $0.properties = ["epochs": .int]
                $0.inputType.dict.properties["examples"] = .with {
                    $0.simple = .with {
                        $0.name = "Examples"; $0.id = 3; $0.properties = ["span": .int]; $0.baseType = .dataset
                    }
                }
                $0.inputType.dict.properties["model"] = .with { $0.unionType.candidates = [.with { $0.none = NoneArtifactStructType() }] }
                $0.inputType.dict.noneTypeNotRequired = true
                $0.outputType.list.element = .with { $0.any = AnyArtifactStructType() }
            })
        _ = try store.putContextType(.with { $0.name = "Experiment" })
        _ = try store.putArtifacts([
            .with {
                $0.typeID = 10; $0.name = "train.csv"; $0.uri = "/data/train.csv"; $0.externalID = "a1"; $0.state = .live
                $0.properties = ["day": .with { $0.intValue = 3 }, "split": .with { $0.stringValue = "train" }]
                $0.customProperties = [
                    "rows": .with { $0.doubleValue = 0.5 },
                    // Beyond ASCII: ml-metadata's MySQL client sends UTF-8 over a latin1 connection.
                    "note": .with { $0.stringValue = "naïve café ✓" },
                    "ok": .with { $0.boolValue = true },
                    "meta": .with { $0.structValue = .with { $0.fields["k"] = .with { $0.stringValue = "v" } } },
                    "any": .with {
                        $0.protoValue = .with {
                            $0.typeURL = "type.googleapis.com/ml_metadata.Artifact"
                            $0.value = Artifact.with { $0.id = 5 }.serializedBytes()
                        }
                    },
                ]
            },
            .with { $0.typeID = 10 },
        ])
        _ = try store.putExecutions([
            .with {
                $0.typeID = 11; $0.lastKnownState = .complete
            }
        ])
        _ = try store.putContexts([
            .with {
                $0.typeID = 12; $0.name = "run-1"
            }
        ])
    }

    @Test func aReopenedFileHasEverythingThatWasCommitted() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let before = try { () throws -> String in
            let store = try MetadataStore(config: Self.fileConfig(path))
            try Self.writeTypes(store)
            return try Self.dump(store)
        }()
        #expect(try Self.dump(MetadataStore(config: Self.fileConfig(path))) == before)
    }

    @Test func aFileOfAnotherSchemaVersionIsRefusedAndLeftUntouched() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        _ = try MetadataStore(config: Self.fileConfig(path))
        try SQLiteShell.run(path, #"UPDATE "MLMDEnv" SET "schema_version" = 9"#)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        expectStoreError(.failedPrecondition) { try MetadataStore(config: Self.fileConfig(path)) }
        do {
            _ = try MetadataStore(config: Self.fileConfig(path))
        } catch let error as MetadataStoreError {
            #expect(error.message.contains("schema version 9"))
            #expect(error.message.contains("version 10"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func aFileWithOnlySomeTablesIsAborted() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        try SQLiteShell.run(path, #"CREATE TABLE "Type" ("id" INTEGER PRIMARY KEY)"#)
        expectStoreError(.aborted) { try MetadataStore(config: Self.fileConfig(path)) }
    }

    @Test(.enabled(if: Oracle.isAvailable || Oracle.isRequired))
    func mlMetadataReadsWhatWeWrote() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        let store = try MetadataStore(config: Self.fileConfig(path))
        try Self.writeTypes(store)
        let ours = try Self.dump(store)
        #expect(try Oracle.run(script: "mlmd_file_check.py", ["dump", path]) == ours)
    }

    @Test(.enabled(if: Oracle.isAvailable || Oracle.isRequired))
    func weReadWhatMLMetadataWrote() throws {
        let path = TemporaryFile.make(suffix: ".sqlite")
        _ = try Oracle.run(script: "mlmd_file_check.py", ["write", path])
        let theirs = try Oracle.run(script: "mlmd_file_check.py", ["dump", path])
        let store = try MetadataStore(config: Self.fileConfig(path))
        #expect(try Self.dump(store) == theirs)
        // And the next type continues their id sequence.
        #expect(try store.putContextType(.with { $0.name = "Pipeline" }) == 13)
    }
}

/// Raw SQL on a file, for setting up files the store must refuse.
enum SQLiteShell {
    static func run(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MetadataStoreError(.internal, "sqlite3 failed on \(path)") }
    }
}
