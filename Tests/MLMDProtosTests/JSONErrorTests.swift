import MLMDProtos
import ProtoWire
import Testing

/// JSON that does not parse: each error with its exact path, offset and message.
@Suite struct JSONErrorTests {
    private func message<M: ProtoMessage>(_ type: M.Type, _ json: String, ignoringUnknown: Bool = false) -> String? {
        do {
            _ = try M(jsonString: json, options: JSONDecodingOptions(ignoreUnknownFields: ignoringUnknown), registry: .mlmd)
            return nil
        } catch let error as JSONDecodingError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func wrongKindOfValue() {
        let json = #"{"artifacts": [{}, {}, {}, {"properties": {"split": 5}}]}"#
        #expect(message(PutArtifactsRequest.self, json) == "$.artifacts[3].properties.split: expected an object at byte 52")
        #expect(message(Artifact.self, "[]") == "$: expected an object at byte 0")
        #expect(message(Artifact.self, #"{"name": 5}"#) == "$.name: expected a string at byte 9")
        #expect(message(Artifact.self, #"{"id": true}"#) == "$.id: expected an integer at byte 7")
        #expect(message(PutArtifactsRequest.self, #"{"artifacts": {}}"#) == "$.artifacts: expected an array at byte 14")
        #expect(
            message(PutArtifactsRequest.self, #"{"artifacts": [null]}"#)
                == "$.artifacts[0]: expected a value, not null, in a repeated field or map at byte 15")
    }

    @Test func unknownFields() {
        #expect(
            message(Artifact.self, #"{"id": 1, "nme": "a"}"#)
                == #"$.nme: message type ml_metadata.Artifact has no field named "nme" at byte 10"#)
        #expect(
            message(Event.self, #"{"path": {"steps": [{"idx": 1}]}}"#)
                == #"$.path.steps[0].idx: message type ml_metadata.Event.Path.Step has no field named "idx" at byte 21"#)
        let ignored = try? Artifact(
            jsonString: #"{"nme": {"deep": [1, {"x": null}]}, "id": "4"}"#, options: JSONDecodingOptions(ignoreUnknownFields: true))
        #expect(ignored == Artifact.with { $0.id = 4 })
    }

    @Test func duplicates() {
        #expect(message(Artifact.self, #"{"id": 1, "id": 2}"#) == #"$.id: duplicate key "id" at byte 10"#)
        #expect(
            message(Artifact.self, #"{"typeId": 1, "type_id": 2}"#) == #"$.type_id: field "type_id" is also given as "typeId" at byte 14"#)
        #expect(
            message(Value.self, #"{"intValue": 1, "stringValue": "a"}"#)
                == #"$.stringValue: oneof "value" has more than one member at byte 31"#)
        #expect(message(ProtobufStruct.self, #"{"a": 1, "a": 2}"#) == #"$.a: duplicate key "a" at byte 9"#)
    }

    @Test func numbers() {
        #expect(
            message(ListOperationOptions.self, #"{"maxResultSize": 2147483648}"#)
                == "$.maxResultSize: 2147483648 is out of range for int32 at byte 18")
        #expect(
            message(Artifact.self, #"{"id": "9223372036854775808"}"#) == "$.id: 9223372036854775808 is out of range for int64 at byte 7")
        #expect(message(Artifact.self, #"{"id": 1.5}"#) == "$.id: 1.5 is not an integer at byte 7")
        #expect(message(Artifact.self, #"{"id": "1.0"}"#) == #"$.id: "1.0" is not an integer at byte 7"#)
        #expect(message(Artifact.self, #"{"id": 1e400}"#) == "$.id: 1e400 is out of range for int64 at byte 7")
        #expect(message(Value.self, #"{"doubleValue": 1e400}"#) == "$.doubleValue: 1e400 is out of range for double at byte 16")
        #expect(message(Value.self, #"{"doubleValue": "nan"}"#) == #"$.doubleValue: "nan" is not a number at byte 16"#)
        #expect(message(Value.self, #"{"doubleValue": NaN}"#) == "$.doubleValue: expected a JSON value, found 'N' at byte 16")
        #expect(message(Value.self, #"{"doubleValue": 01}"#) == "$.doubleValue: invalid number at byte 16")
        #expect(message(Value.self, #"{"doubleValue": 1.}"#) == "$.doubleValue: invalid number at byte 16")
        let digits = String(repeating: "9", count: 100_000)
        #expect(message(Artifact.self, #"{"id": \#(digits)}"#) == "$.id: \(digits) is out of range for int64 at byte 7")
    }

    @Test func enums() {
        #expect(message(Artifact.self, #"{"state": "LIVELY"}"#) == #"$.state: unknown value "LIVELY" for enum State at byte 10"#)
        #expect(message(Artifact.self, #"{"state": 99}"#) == "$.state: unknown value 99 for enum State at byte 10")
        #expect(
            message(ArtifactType.self, #"{"properties": {"a": "TEXT"}}"#)
                == #"$.properties.a: unknown value "TEXT" for enum PropertyType at byte 21"#)
    }

    @Test func stringsAndBytes() {
        #expect(message(Artifact.self, #"{"name": "\ud800"}"#) == "$.name: unpaired surrogate in a string at byte 10")
        #expect(message(Artifact.self, #"{"name": "\x"}"#) == #"$.name: invalid escape \x in a string at byte 10"#)
        #expect(message(Artifact.self, "{\"name\": \"a\u{1}\"}") == "$.name: control character byte 0x01 in a string at byte 11")
        let badUTF8: [UInt8] = Array(#"{"name": "ok"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(throws: JSONDecodingError(.invalidString("invalid UTF-8 in a string"), path: "$.name", offset: 12)) {
            try Artifact(jsonUTF8Bytes: badUTF8)
        }
        #expect(
            message(ProtobufUninterpretedOption.self, #"{"stringValue": "a*b="}"#)
                == "$.stringValue: invalid base64 in bytes field at byte 16")
        #expect(
            message(ProtobufUninterpretedOption.self, #"{"stringValue": "abcde"}"#)
                == "$.stringValue: invalid base64 in bytes field at byte 16")
    }

    @Test func syntax() {
        #expect(message(Artifact.self, #"{"id": 1,}"#) == "$: expected a member name in double quotes at byte 9")
        #expect(message(Artifact.self, #"{"id" 1}"#) == "$.id: expected ':' after the member name, found '1' at byte 6")
        #expect(message(Artifact.self, #"{"id": 1 "uri": ""}"#) == "$: expected ',' or '}' after a member at byte 9")
        #expect(message(Artifact.self, #"{} x"#) == "$: unexpected data after the JSON value at byte 3")
        #expect(message(Artifact.self, #"{id: 1}"#) == "$: expected a member name in double quotes at byte 1")
        #expect(message(Value.self, #"{"boolValue": tru}"#) == "$.boolValue: expected true, found '}' at byte 17")
        #expect(message(Artifact.self, "") == "$: unexpected end of input at byte 0")
    }

    @Test func truncatedInputAtEveryByte() throws {
        let json = #"{"id": "1", "properties": {"a": {"structValue": {"k": [1, "x", null, true]}}}, "state": "LIVE"}"#
        let bytes = Array(json.utf8)
        _ = try Artifact(jsonUTF8Bytes: bytes)
        for end in 0..<bytes.count {
            #expect(throws: JSONDecodingError.self) { try Artifact(jsonUTF8Bytes: Array(bytes[..<end])) }
        }
        #expect(message(Artifact.self, #"{"name": "ab"#) == "$.name: unexpected end of input at byte 12")
        #expect(message(Artifact.self, #"{"id": 1"#) == "$: unexpected end of input at byte 8")
    }

    @Test func nestingLimit() {
        let deep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(
            message(ProtobufValue.self, deep)
                == "$[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested more than 100 deep at byte 100"
        )
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(message(ProtobufValue.self, ok) == nil)
        // Far deeper than the stack would allow, in a skipped unknown field too.
        let hostile = #"{"x": "# + String(repeating: #"{"a": ["#, count: 50_000)
        #expect(message(Artifact.self, hostile, ignoringUnknown: true)?.hasSuffix(".a: nested more than 100 deep at byte 355") == true)
    }

    @Test func anyAndFieldMask() {
        #expect(message(ProtobufAny.self, #"{"id": 1}"#) == #"$: Any has no "@type" at byte 0"#)
        #expect(
            message(ProtobufAny.self, #"{"@type": "type.googleapis.com/foo.Bar"}"#)
                == #"$: Any type "type.googleapis.com/foo.Bar" is not in the registry at byte 0"#)
        #expect(message(ProtobufAny.self, #"{"@type": 5}"#) == "$.@type: expected a string at byte 10")
        let wkt = #"{"@type": "type.googleapis.com/google.protobuf.Struct", "value": {}, "extra": 1}"#
        #expect(message(ProtobufAny.self, wkt) == #"$.extra: message type google.protobuf.Struct has no field named "extra" at byte 69"#)
        #expect(message(ProtobufFieldMask.self, #""a_b""#) == #"$: FieldMask path "a_b" contains "_" at byte 0"#)
    }

    @Test func printingErrors() {
        let nan = ProtobufStruct.with { $0.fields["n"] = ProtobufValue.with { $0.numberValue = .nan } }
        #expect(throws: JSONEncodingError(.nonFiniteValue, path: "$.n")) { try nan.jsonString() }
        let unknown = Artifact.with {
            $0.properties["p"] = Value.with { $0.protoValue = ProtobufAny.with { $0.typeURL = "type.googleapis.com/foo.Bar" } }
        }
        #expect(throws: JSONEncodingError(.unknownAnyType("type.googleapis.com/foo.Bar"), path: "$.properties.p.protoValue")) {
            try unknown.jsonString()
        }
        let mask = ProtobufFieldMask.with { $0.paths = ["a", "Upper"] }
        #expect(throws: JSONEncodingError(.invalidFieldMaskPath("Upper"), path: "$")) { try mask.jsonString() }
    }
}
