import MLMDProtos
import ProtoWire

/// What the fuzz targets share: the message types an input byte chooses among, and the checks.
///
/// A check that fails calls `fatalError` with what differed, which libFuzzer reports as a crash
/// and saves the input: the decoders may throw on any input, but must never crash, hang, or
/// decode something they cannot write back and read again unchanged.
public enum FuzzSupport {
    /// Every request and response type of `ml_metadata.MetadataStoreService` (52 methods), then
    /// of our `swift_ml_metadata.MetadataPurgeService` (3), in .proto order: 110 types.
    public static let messageTypes: [any ProtoMessage.Type] =
        (MetadataStoreService.methods + MetadataPurgeService.methods).flatMap { [$0.requestType, $0.responseType] }

    /// The type `data[0]` names, and the rest of the input.
    public static func split(_ data: UnsafePointer<UInt8>, _ size: Int) -> (any ProtoMessage.Type, [UInt8])? {
        guard size > 0 else { return nil }
        let type = messageTypes[Int(data[0]) % messageTypes.count]
        return (type, Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    }

    /// Decodes `bytes` as `type`; if that succeeds, the message must survive the binary round
    /// trip and print as text.
    public static func binaryRoundTrip<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) {
        guard let first = try? M(serializedBytes: bytes) else { return }
        checkBinaryRoundTrip(first)
        checkTextRoundTrip(first, strict: false)
        _ = first.textFormatString(expandingAny: true, registry: .mlmd)
    }

    /// Parses `bytes` as the text format of `type`; if that succeeds, the message must survive
    /// the text round trip (print, parse, compare) and the binary one.
    public static func textRoundTrip<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) {
        guard let first = try? M(textFormatBytes: bytes, registry: .mlmd) else { return }
        checkTextRoundTrip(first, strict: true)
        checkBinaryRoundTrip(first)
        // An Any printed expanded must parse back too (its value re-encoded, so no equality),
        // unless the packed message has unknown fields: they print as numbers, as protoc's do,
        // which no text parser accepts.
        let expanded = first.textFormatString(expandingAny: true, registry: .mlmd)
        do { _ = try M(textFormatString: expanded, registry: .mlmd) } catch {
            if containsUnknownFieldLine(expanded) { return }
            fail("\(M.protoMessageName): expanded text does not parse: \(error)\n\(expanded)")
        }
    }

    /// Parses `bytes` as the proto3 JSON of `type`; if that succeeds, the message must print as
    /// JSON (nothing parsed can lack a JSON form), parse back equal, print the same JSON again,
    /// and survive the binary round trip.
    public static func jsonRoundTrip<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) {
        guard let first = try? M(jsonUTF8Bytes: bytes, registry: .mlmd) else { return }
        checkBinaryRoundTrip(first)
        let json: [UInt8]
        do { json = try first.jsonUTF8Bytes(registry: .mlmd) } catch {
            fail("\(M.protoMessageName): parsed JSON does not print: \(error)")
        }
        let text = String(decoding: json, as: UTF8.self)
        let second: M
        do { second = try M(jsonUTF8Bytes: json, registry: .mlmd) } catch {
            fail("\(M.protoMessageName): printed JSON does not parse: \(error)\n\(text)")
        }
        if second != first, isComparable(first) {
            fail("\(M.protoMessageName): JSON print → parse differs\n\(text)")
        }
        let reprinted = (try? second.jsonUTF8Bytes(registry: .mlmd)) ?? []
        if reprinted != json {
            fail("\(M.protoMessageName): JSON printing is not stable\n\(text)\n---\n\(String(decoding: reprinted, as: UTF8.self))")
        }
    }

    /// False if the message holds a NaN, which makes it unequal to an identical copy. (Not
    /// `message == message`: arrays and dictionaries that share storage compare equal without
    /// looking at their elements.) Two separate decodes of its bytes share nothing.
    public static func isComparable<M: ProtoMessage>(_ message: M) -> Bool {
        let bytes = message.serializedBytes()
        guard let one = try? M(serializedBytes: bytes), let other = try? M(serializedBytes: bytes) else { return true }
        return one == other
    }

    /// encode → decode → encode: the second decode equals the first, the two encodings are the
    /// same bytes. (A message holding a NaN is not equal to any copy; then only the bytes count.)
    public static func checkBinaryRoundTrip<M: ProtoMessage>(_ message: M) {
        let encoded = message.serializedBytes()
        let second: M
        do { second = try M(serializedBytes: encoded) } catch {
            fail("\(M.protoMessageName): re-encoded message does not decode: \(error)\n\(encoded)")
        }
        if second != message, isComparable(message) {
            fail(
                "\(M.protoMessageName): decode → encode → decode differs\n\(message.textFormatString())\n---\n\(second.textFormatString())")
        }
        let reencoded = second.serializedBytes()
        if reencoded != encoded {
            fail("\(M.protoMessageName): encoding is not stable\n\(encoded)\n\(reencoded)")
        }
    }

    /// print → parse → print. `strict`: the message came from text, so the printed text must
    /// parse and equal it; otherwise (from binary) it may hold unknown fields, which print as
    /// numbers that the text parser rejects, so only a parse that succeeds is compared.
    public static func checkTextRoundTrip<M: ProtoMessage>(_ message: M, strict: Bool) {
        let text = message.textFormatString()
        let second: M
        do { second = try M(textFormatString: text) } catch {
            if strict || message.unknownFields.isEmpty && !containsUnknownFieldLine(text) {
                fail("\(M.protoMessageName): printed text does not parse: \(error)\n\(text)")
            }
            return
        }
        if second != message, isComparable(message) {
            // From binary, a NaN prints as `nan` and parses back as the canonical NaN: only text.
            fail("\(M.protoMessageName): print → parse differs\n\(text)\n---\n\(second.textFormatString())")
        }
        let reprinted = second.textFormatString()
        if reprinted != text {
            fail("\(M.protoMessageName): printing is not stable\n\(text)\n---\n\(reprinted)")
        }
    }

    /// True if some line of printed text starts (after indentation) with a field number, as
    /// unknown fields print.
    static func containsUnknownFieldLine(_ text: String) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "\n")).contains { line in
            line.first { $0 != UInt8(ascii: " ") }.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
        }
    }

    static func fail(_ message: String) -> Never {
        fatalError(message)
    }
}
