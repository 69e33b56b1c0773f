import ArgumentParser
import Foundation
import MLMDProtos
import MLMetadata

extension MLMDCommand {
    /// `mlmd demo`: the ML Metadata walkthrough, for real, on the Chicago taxi data.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk through ML Metadata on the Chicago taxi data: record a data set, infer its schema, trace the schema back.",
            discussion: """
                Everything happens in a folder it recreates at each run (mlmd-demo by default): a copy of \
                the data set (15,002 trips), the SQLite store (mlmd.sqlite, a file ml-metadata opens too) \
                and the inferred schema (schema.pbtxt). Each record is printed as the store keeps it.
                """
        )

        @Option(help: "The folder to (re)create for the data, the store and the schema.")
        var dir = "mlmd-demo"

        @Option(help: "A CSV file to use instead of the Chicago taxi data shipped with mlmd.")
        var data: String?

        func run() throws {
            guard let source = data ?? BundledDataSet.chicagoTaxiPath else {
                throw StandardStreams.failure("the Chicago taxi data is not beside this mlmd binary; pass --data FILE.csv")
            }
            let folder = try DemoFolder(path: dir, dataSource: source)
            let store: MetadataStore
            do {
                store = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = folder.storePath } })
            } catch {
                throw StandardStreams.failure("\(folder.storePath): \(error)")
            }
            var walkthrough = Walkthrough(store: store, folder: folder)
            do {
                try walkthrough.run()
            } catch let error as MetadataStoreError {
                throw StandardStreams.failure("the store refused a step: \(error)")
            }
        }
    }
}
