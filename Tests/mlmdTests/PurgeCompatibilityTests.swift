import Foundation
import MLMDProtos
import ProtoWire
import Testing

/// After `mlmd purge`, ml-metadata 1.17.1 (from PyPI) opens the store and reads every record,
/// event and relation that was not purged exactly as it read them before, on an SQLite file and
/// on the test's PostgreSQL and MySQL servers. The store is made by ml-metadata itself
/// (`Oracle/deployment_switch.py prepare DB 10`): six DataSets (split eval for 1, 3, 5),
/// executions 1 and 2, runs 1–3 (artifacts 2 and 5 only in run 2, id 2), runs 2 and 3 children
/// of run 1.
@Suite(.serialized, .enabled(if: ConformanceSuiteTests.isEnabled))
struct PurgeCompatibilityTests {
    @Test(arguments: TestDatabase.available)
    func mlMetadataReadsEverythingThePurgeLeftAsBefore(_ backend: TestDatabase) throws {
        let store = backend.newStore()
        _ = try DeploymentSwitchTests.python(["prepare", store, "10"])
        let before = try DeploymentSwitchTests.python(["dump", store])

        let dryRun = try MLMDProcess.run(["purge", "contexts", "--filter", "name = 'run-1'", "--include-members", "--db", store])
        #expect(dryRun.status == 0, "\(dryRun.error)")
        #expect(try DeploymentSwitchTests.python(["dump", store]) == before, "the dry run changed what ml-metadata reads")

        let contexts = try MLMDProcess.run([
            "purge", "contexts", "--filter", "name = 'run-1'", "--include-members", "--force", "--db", store,
        ])
        #expect(
            contexts.text == dryRun.text.replacingOccurrences(of: "dry run: nothing was deleted; add --force to delete", with: "deleted"))
        #expect(
            contexts.text
                == "artifacts: 2\nexecutions: 0\ncontexts: 1\nevents: 2\nattributions: 2\nassociations: 0\nparent links: 1\nsample ids: 2\ndeleted\n"
        )
        let artifacts = try MLMDProcess.run(
            ["purge", "artifacts", "--filter", "properties.split.string_value = 'eval'", "--force", "--compact", "--db", store])
        #expect(
            artifacts.text
                == "artifacts: 2\nexecutions: 0\ncontexts: 0\nevents: 2\nattributions: 2\nassociations: 0\nparent links: 0\nsample ids: 1 3\ndeleted, and the store compacted\n"
        )

        let after = try DeploymentSwitchTests.python(["dump", store])
        let expected = try Self.withoutPurged(before, artifacts: [1, 2, 3, 5], executions: [], contexts: [2])
        #expect(after == expected)
        #expect(after.split(separator: "\n").filter { $0.hasPrefix("artifact\t") }.count == 2)
    }

    /// The dump's lines (`kind<TAB>id<TAB>hex`) without the purged nodes and what referred to them.
    static func withoutPurged(_ dump: String, artifacts: Set<Int64>, executions: Set<Int64>, contexts: Set<Int64>) throws -> String {
        try dump.split(separator: "\n").filter { line in
            let fields = line.split(separator: "\t")
            let id = Int64(fields[1])!
            let bytes = stride(from: 0, to: fields[2].count, by: 2).map { offset -> UInt8 in
                let start = fields[2].index(fields[2].startIndex, offsetBy: offset)
                return UInt8(fields[2][start..<fields[2].index(start, offsetBy: 2)], radix: 16)!
            }
            switch fields[0] {
            case "artifact": return !artifacts.contains(id)
            case "execution": return !executions.contains(id)
            case "context": return !contexts.contains(id)
            case "event":
                let event = try Event(serializedBytes: bytes)
                return !artifacts.contains(event.artifactID) && !executions.contains(event.executionID)
            case "member artifact": return try !contexts.contains(id) && !artifacts.contains(Artifact(serializedBytes: bytes).id)
            case "member execution": return try !contexts.contains(id) && !executions.contains(Execution(serializedBytes: bytes).id)
            case "parent": return try !contexts.contains(id) && !contexts.contains(Context(serializedBytes: bytes).id)
            default: return true
            }
        }.map { $0 + "\n" }.joined()
    }
}
