import MLMDProtos

/// Times our codec (MLMDProtos) on the bytes SwiftProtobuf wrote, and checks that our
/// deterministic re-encoding is byte-identical to them and decodes back to an equal graph.
func benchmarkOurs(reference bytes: [UInt8], runs: Int) throws -> CodecResult {
    let (decodeTime, graph) = try bestOf(runs) {
        try MLMDProtos.LineageGraph(serializedBytes: bytes)
    }
    let (encodeTime, encoded) = bestOf(runs) {
        graph.serializedBytes()
    }
    var check = "re-encode byte-identical to SwiftProtobuf deterministic: " + compareBytes(encoded, bytes)
    let roundTripped = try MLMDProtos.LineageGraph(serializedBytes: encoded)
    check += "; decode(encode(x)) == x: " + (roundTripped == graph ? "OK" : "MISMATCH")
    return CodecResult(
        name: "swift-ml-metadata (ours)",
        decodeMBps: megabytesPerSecond(bytes: bytes.count, seconds: decodeTime.seconds),
        encodeMBps: megabytesPerSecond(bytes: encoded.count, seconds: encodeTime.seconds),
        check: check
    )
}
