import MLMDProtos
import ProtoWire
import Testing

/// Damaged and adversarial binary input to the generated messages: it must throw a
/// `BinaryDecodingError` (never crash), and anything that decodes must re-encode stably.
@Suite struct HostileBinaryInputTests {
    /// Two golden Artifacts: `full` (every field set) and `unknown_wire_types_nested` (unknown
    /// fields of every wire type, groups included, inside a map value).
    static let artifacts: [(name: String, bytes: [UInt8])] = [
        "ml_metadata.Artifact.full",
        "ml_metadata.Artifact.unknown_wire_types_nested",
    ].map { name in (name, GoldenCase.all.first { $0.name == name }!.bytes(".bin")) }

    /// The offsets at which a top-level field ends (0 included).
    private func fieldBoundaries(_ bytes: [UInt8]) throws -> Set<Int> {
        try bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer: buffer)
            var ends: Set<Int> = [0]
            while let tag = try reader.readTag() {
                try reader.skipField(tag: tag)
                ends.insert(reader.offset)
            }
            return ends
        }
    }

    @Test func everyTruncationOfAnArtifactDecodesOrThrowsTruncated() throws {
        for (name, full) in Self.artifacts {
            let boundaries = try fieldBoundaries(full)
            for length in 0...full.count {
                let prefix = Array(full.prefix(length))
                do {
                    let artifact = try Artifact(serializedBytes: prefix)
                    #expect(boundaries.contains(length), "\(name): prefix of \(length) bytes decoded")
                    #expect(artifact.serializedBytes() == prefix, "\(name): prefix of \(length) bytes")
                } catch let error as BinaryDecodingError {
                    #expect(!boundaries.contains(length), "\(name): prefix of \(length) bytes: \(error)")
                    #expect(error.kind == .truncated, "\(name): prefix of \(length) bytes: \(error)")
                    #expect(error.offset <= length, "\(name): prefix of \(length) bytes: \(error)")
                }
            }
        }
    }

    @Test func everyBitFlipOfAnArtifactDecodesOrThrows() throws {
        for (name, full) in Self.artifacts {
            for index in full.indices {
                for bit in 0..<8 {
                    var bytes = full
                    bytes[index] ^= 1 << bit
                    do {
                        let encoded = try Artifact(serializedBytes: bytes).serializedBytes()
                        #expect(
                            try Artifact(serializedBytes: encoded).serializedBytes() == encoded,
                            "\(name): byte \(index) bit \(bit)")
                    } catch let error as BinaryDecodingError {
                        #expect(error.offset >= 0 && error.offset <= bytes.count, "\(name): \(error)")
                    }
                }
            }
        }
    }

    @Test func everyByteReplacedBySpecialValuesDecodesOrThrows() throws {
        for (name, full) in Self.artifacts {
            for index in full.indices {
                for replacement: UInt8 in [0x00, 0x7f, 0x80, 0xff] {
                    var bytes = full
                    bytes[index] = replacement
                    do {
                        let encoded = try Artifact(serializedBytes: bytes).serializedBytes()
                        #expect(
                            try Artifact(serializedBytes: encoded).serializedBytes() == encoded,
                            "\(name): byte \(index) = \(replacement)")
                    } catch let error as BinaryDecodingError {
                        #expect(error.offset >= 0 && error.offset <= bytes.count, "\(name): \(error)")
                    }
                }
            }
        }
    }

    // MARK: Recursion depth through ArtifactStructType

    /// `lists` levels of `list { element { ... } }` around `innermost`. The top message is depth
    /// 0, each `list` and each `element` one more, so `innermost` is at depth `2 * lists` and
    /// the member set in it at `2 * lists + 1`.
    private func nestedStructType(lists: Int, innermost: ArtifactStructType) -> ArtifactStructType {
        var type = innermost
        for _ in 0..<lists {
            var list = ListArtifactStructType()
            list.element = type
            type = ArtifactStructType()
            type.list = list
        }
        return type
    }

    @Test func hundredNestedMessagesAreAccepted() throws {
        // The innermost element, an empty ArtifactStructType, is at depth 100.
        let type = nestedStructType(lists: 50, innermost: ArtifactStructType())
        let bytes = type.serializedBytes()
        let decoded = try ArtifactStructType(serializedBytes: bytes)
        #expect(decoded == type)
        #expect(decoded.serializedBytes() == bytes)
    }

    @Test func hundredAndOneNestedMessagesExceedTheLimit() throws {
        // simple { name: "x" } inside the innermost element is at depth 101.
        var innermost = ArtifactStructType()
        innermost.simple.name = "x"
        let bytes = nestedStructType(lists: 50, innermost: innermost).serializedBytes()
        // Thrown on entering `simple`, whose content (name: "x", 3 bytes) ends the input.
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: bytes.count - 3)) {
            try ArtifactStructType(serializedBytes: bytes)
        }
        // One level further down (as the element of a ListArtifactStructType), the innermost
        // element itself is at depth 101: thrown on entering it, before `simple`'s tag and length.
        let wrapped = [0x0a] + lengthPrefix(bytes.count) + bytes
        #expect(throws: BinaryDecodingError(.depthLimitExceeded, at: wrapped.count - 5)) {
            try ListArtifactStructType(serializedBytes: wrapped)
        }
        // A larger limit accepts them.
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = 101
        #expect(try ArtifactStructType(serializedBytes: bytes, options: options).serializedBytes() == bytes)
    }

    private func lengthPrefix(_ count: Int) -> [UInt8] {
        var writer = BinaryWriter()
        writer.writeVarint(UInt64(count))
        return writer.finish()
    }
}
