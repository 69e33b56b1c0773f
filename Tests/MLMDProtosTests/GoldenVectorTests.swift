import MLMDProtos
import ProtoWire
import Testing

/// Our codec against bytes and text made by the real protobuf and protoc.
@Suite struct GoldenVectorTests {
    @Test func manifestCoversEveryMessageType() {
        let covered = Set(GoldenCase.all.map(\.typeName))
        let missing = ProtoTypeRegistry.mlmd.names.filter { !covered.contains($0) && !$0.hasPrefix("google.protobuf.") }
        #expect(missing == [])
    }

    @Test(arguments: GoldenCase.all)
    func decodeThenEncodeIsByteIdentical(_ golden: GoldenCase) throws {
        let canonical = golden.bytes(".bin")
        let input = golden.kind == .binaryInput ? golden.bytes(".input.bin") : canonical
        guard golden.kind != .textInput else { return }
        try checkBinary(golden.messageType, input: input, canonical: canonical)
    }

    @Test(arguments: GoldenCase.all)
    func printedTextMatchesProtoc(_ golden: GoldenCase) throws {
        try checkPrint(golden.messageType, bytes: golden.bytes(".bin"), expected: golden.text(".txt"))
    }

    @Test(arguments: GoldenCase.all)
    func parsedTextEncodesToCanonicalBytes(_ golden: GoldenCase) throws {
        let text = golden.kind == .textInput ? golden.text(".input.txt") : golden.text(".txt")
        try checkParse(golden.messageType, text: text, canonical: golden.bytes(".bin"))
    }

    private func checkBinary<M: ProtoMessage>(_ type: M.Type, input: [UInt8], canonical: [UInt8]) throws {
        let message = try M(serializedBytes: input)
        #expect(message.serializedBytes() == canonical)
    }

    private func checkPrint<M: ProtoMessage>(_ type: M.Type, bytes: [UInt8], expected: String) throws {
        let message = try M(serializedBytes: bytes)
        #expect(message.textFormatString() == expected)
    }

    private func checkParse<M: ProtoMessage>(_ type: M.Type, text: String, canonical: [UInt8]) throws {
        let decoded = try M(serializedBytes: canonical)
        // Unknown fields print by number, which no text parser reads back (protoc neither).
        guard decoded.unknownFields.isEmpty, !containsUnknownFields(text) else { return }
        let parsed = try M(textFormatString: text, registry: .mlmd)
        #expect(parsed.serializedBytes() == canonical)
    }

    private func containsUnknownFields(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            line.drop { $0 == " " }.first?.isNumber == true
        }
    }
}
