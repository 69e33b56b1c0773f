import Foundation
import Testing

/// `mlmd infer-schema`, run as a user runs it.
@Suite struct InferSchemaCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let chicagoTaxi = repository.appendingPathComponent("Sources/MLMDCommandLine/Resources/chicago_taxi/data.csv").path
    static let tfdvSchema = repository.appendingPathComponent("Tests/SchemaInferenceTests/Golden/chicago_taxi.schema.pbtxt")

    private func temporaryFile(_ name: String, _ contents: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-infer-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        if let contents { try Data(contents.utf8).write(to: URL(fileURLWithPath: path)) }
        return path
    }

    @Test func printsTFDVsSchemaOfTheChicagoTaxiTripsWithCleanPipedStderr() throws {
        let result = try MLMDProcess.run(["infer-schema", Self.chicagoTaxi])
        #expect(result.status == 0)
        #expect(result.output == [UInt8](try Data(contentsOf: Self.tfdvSchema)))
        #expect(result.error == "")
    }

    @Test func writesTheSchemaAndTheStatisticsToFiles() throws {
        let csv = try temporaryFile("small.csv", "n,pay\n1,Cash\n2,Card\n")
        let schema = csv + ".pbtxt", stats = csv + ".pb"
        let result = try MLMDProcess.run(["infer-schema", csv, "-o", schema, "--stats", stats])
        #expect(result.status == 0)
        #expect(result.output == [])
        #expect(result.error == "")
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        #expect(text.hasPrefix("feature {\n  name: \"n\"\n  type: INT\n"))
        #expect(text.hasSuffix("string_domain {\n  name: \"pay\"\n  value: \"Card\"\n  value: \"Cash\"\n}\n"))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: stats)))
        // DatasetFeatureStatisticsList.datasets (field 1), whose num_examples (field 2) is 2.
        #expect(bytes.starts(with: [0x0a]))
        #expect(bytes.contains(0x10) && bytes.count > 40)
    }

    @Test func raggedRowIsOneLineNamingFileAndLine() throws {
        let csv = try temporaryFile("ragged.csv", "a,b\n1,2\n3\n")
        let result = try MLMDProcess.run(["infer-schema", csv])
        #expect(result.status == 1)
        #expect(result.output == [])
        #expect(result.error == "mlmd: \(csv): line 3: expected 2 cells as in the header, found 1\n")
    }

    @Test func badQuotingIsOneLineNamingFileAndLine() throws {
        let csv = try temporaryFile("quotes.csv", "a,b\n\"1\"x,2\n")
        let result = try MLMDProcess.run(["infer-schema", csv])
        #expect(result.status == 1)
        #expect(result.error == "mlmd: \(csv): line 2: text after the closing quote of a cell\n")
    }

    @Test func missingFileIsOneLine() throws {
        let result = try MLMDProcess.run(["infer-schema", "/nonexistent/trips.csv"])
        #expect(result.status == 1)
        #expect(result.error == "mlmd: /nonexistent/trips.csv: cannot read the file\n")
    }

    @Test func unwritableOutputIsOneLine() throws {
        let csv = try temporaryFile("ok.csv", "a\n1\n")
        let result = try MLMDProcess.run(["infer-schema", csv, "-o", "/nonexistent/schema.pbtxt"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("mlmd: /nonexistent/schema.pbtxt: cannot write the file: "))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
    }

    @Test func missingFileArgumentIsAUsageError() throws {
        let result = try MLMDProcess.run(["infer-schema"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: Missing expected argument '<file>'\n"))
    }
}
