import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// The store example in README.md, kept compiling and true.
@Test func readmeStoreExampleWorks() throws {
    let path = TemporaryFile.make(suffix: ".sqlite")
    let store = try MetadataStore(config: .with { $0.sqlite = .with { $0.filenameURI = path } })
    let dataSetType = try store.putArtifactType(
        .with {
            $0.name = "DataSet"; $0.properties = ["split": .string]
        })
    let ids = try store.putArtifacts([
        .with {
            $0.typeID = dataSetType; $0.uri = "data.csv"
        }
    ])
    let dataSets = try store.getArtifactsByType("DataSet")
    #expect(dataSetType == 10 && ids == [1] && dataSets.map(\.uri) == ["data.csv"])
}
