import MLMDProtos
import ProtoWire
import Testing

/// The example in README.md, kept compiling and true.
@Test func readmeExampleRoundTrips() throws {
    var artifact = Artifact()
    artifact.uri = "/data/train.csv"
    artifact.properties["split"] = .with { $0.stringValue = "train" }
    let bytes = artifact.serializedBytes()
    #expect(
        bytes == [0x1a, 0x0f] + Array("/data/train.csv".utf8)
            + [0x22, 0x10, 0x0a, 0x05] + Array("split".utf8) + [0x12, 0x07, 0x1a, 0x05] + Array("train".utf8))
    let back = try Artifact(serializedBytes: bytes)
    #expect(back == artifact)
    #expect(
        back.textFormatString() == """
            uri: "/data/train.csv"
            properties {
              key: "split"
              value {
                string_value: "train"
              }
            }

            """)
}
