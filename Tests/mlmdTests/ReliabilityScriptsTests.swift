import Foundation
import Testing

/// Short runs of the reliability scripts, with the real ml-metadata client (Scripts/mlmd-python.sh):
/// `crash-safety.py` kills `mlmd serve` with SIGKILL under 4 streaming clients and checks that every
/// acknowledged call is whole after a restart and no other call is partly there (on an SQLite file,
/// and on PostgreSQL when the run has a server); `concurrency.py` runs 16 clients mixing writes and
/// reads and checks that nothing failed and every acknowledged write is there. The full runs (20
/// rounds, 60 s) are in the README's Reliability section.
@Suite(.serialized) struct ReliabilityScriptsTests {
    /// Runs `Scripts/SCRIPT` against the built `mlmd`; its exit status and last line.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, summary: String) {
        let result = try MLMetadataPython.run("Scripts/\(script)", [MLMDProcess.executable.path] + arguments)
        return (result.status, result.output.split(separator: "\n").last.map(String.init) ?? "")
    }

    static var crashBackends: [String] { ["sqlite"] + (ConformanceSuiteTests.postgresqlURL.map { [$0] } ?? []) }

    @Test(.enabled(if: ConformanceSuiteTests.isEnabled), arguments: crashBackends)
    func aKilledServerLosesNoAcknowledgedCallAndLeavesNoneHalfDone(_ backend: String) throws {
        let result = try Self.run("crash-safety.py", [backend, "3"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.summary.range(of: #"[,;] 0 violations"#, options: .regularExpression) != nil, "\(result.summary)")
    }

    @Test(.enabled(if: ConformanceSuiteTests.isEnabled))
    func sixteenClientsMixingWritesAndReadsFailNothingAndLoseNothing() throws {
        let result = try Self.run("concurrency.py", ["10", "16"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.summary.range(of: #"[,;] 0 violations"#, options: .regularExpression) != nil, "\(result.summary)")
    }
}
