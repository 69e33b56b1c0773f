import Foundation

/// A store file in a fresh temporary directory, filled through `mlmd import` with a small pipeline:
/// a DataSet read by a Trainer run that wrote a Schema, in context Demo (child of All).
struct StoreFixture {
    let directory: URL
    var path: String { directory.appendingPathComponent("mlmd.sqlite").path }

    static let dump = """
        artifact_types { id: 10 name: "DataSet" properties { key: "split" value: STRING } }
        artifact_types { id: 11 name: "Schema" }
        execution_types { id: 12 name: "Trainer" properties { key: "state" value: STRING } }
        context_types { id: 13 name: "Experiment" }
        artifacts { id: 1 type_id: 10 uri: "data/train.csv" name: "train" state: LIVE properties { key: "split" value { string_value: "train" } } }
        artifacts { id: 2 type_id: 11 uri: "schema.pbtxt" }
        executions { id: 1 type_id: 12 name: "run \\"1\\"" last_known_state: COMPLETE }
        contexts { id: 1 type_id: 13 name: "Demo" }
        contexts { id: 2 type_id: 13 name: "All" }
        events { artifact_id: 1 execution_id: 1 type: DECLARED_INPUT milliseconds_since_epoch: 5 }
        events { artifact_id: 2 execution_id: 1 type: DECLARED_OUTPUT milliseconds_since_epoch: 6 }
        attributions { artifact_id: 2 context_id: 1 }
        associations { execution_id: 1 context_id: 1 }
        parent_contexts { child_id: 1 parent_id: 2 }

        """

    init(filled: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if filled {
            let result = try MLMDProcess.run(["import", "--db", path], input: Array(Self.dump.utf8))
            precondition(result.status == 0, result.error)
        }
    }

    /// Runs `mlmd ARGUMENTS --db THIS_STORE`.
    func run(_ arguments: [String], input: [UInt8] = []) throws -> MLMDProcess.Result {
        try MLMDProcess.run(arguments + ["--db", path], input: input)
    }

    func file(_ name: String, _ contents: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(contents).write(to: url)
        return url.path
    }
}

extension MLMDProcess.Result {
    var text: String { String(decoding: output, as: UTF8.self) }
}

/// Text format with the store's clock readings replaced, so that outputs compare exactly.
func maskingTimes(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        guard let colon = line.firstIndex(of: ":"), line[..<colon].hasSuffix("time_since_epoch") else { return String(line) }
        return line[..<colon] + ": TIME"
    }.joined(separator: "\n")
}
