import MLMDProtos
import ProtoWire
import Testing

/// What the JSON printer writes, exactly: layout, numbers, escapes, the well-known types.
@Suite struct JSONFormatTests {
    @Test func indentedAndCompact() throws {
        let artifact = Artifact.with {
            $0.id = 1
            $0.typeID = -2
            $0.name = "a\"b\n\u{1}é"
            $0.state = .live
            $0.properties["split"] = Value.with { $0.doubleValue = 100 }
            $0.properties["empty"] = Value()
        }
        #expect(
            try artifact.jsonString() == """
                {
                  "id": "1",
                  "typeId": "-2",
                  "properties": {
                    "empty": {},
                    "split": {
                      "doubleValue": 100.0
                    }
                  },
                  "state": "LIVE",
                  "name": "a\\"b\\n\\u0001é"
                }
                """)
        #expect(
            try artifact.jsonString(options: JSONEncodingOptions(indent: nil))
                == #"{"id":"1","typeId":"-2","properties":{"empty":{},"split":{"doubleValue":100.0}},"state":"LIVE","name":"a\"b\n\u0001é"}"#
        )
        #expect(try Artifact().jsonString() == "{}")
    }

    @Test(
        arguments: [
            (0.1, "0.1"), (100, "100.0"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1e-5, "1e-05"), (0.0001, "0.0001"),
            (5e-324, "5e-324"), (-0.0, "-0.0"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789012345678, "1.2345678901234568e+17"),
            (.nan, #""NaN""#), (.infinity, #""Infinity""#), (-.infinity, #""-Infinity""#),
        ] as [(Double, String)])
    func doublesAsPythonPrintsThem(_ value: Double, _ expected: String) throws {
        #expect(
            try Value.with { $0.doubleValue = value }.jsonString(options: JSONEncodingOptions(indent: nil))
                == #"{"doubleValue":\#(expected)}"#)
    }

    @Test func bytesInBase64() throws {
        let option = ProtobufUninterpretedOption.with { $0.stringValue = [0xFB, 0xFF, 0x00, 0x61] }
        #expect(try option.jsonString(options: JSONEncodingOptions(indent: nil)) == #"{"stringValue":"+/8AYQ=="}"#)
        for text in ["+/8AYQ==", "-_8AYQ", "+/8AYQ"] {
            #expect(try ProtobufUninterpretedOption(jsonString: #"{"stringValue":"\#(text)"}"#) == option)
        }
    }

    @Test func wellKnownTypes() throws {
        let value = try ProtobufValue(jsonString: #"{"a": [1, "two", null, true, {"b": {}}]}"#)
        #expect(try value.jsonString(options: JSONEncodingOptions(indent: nil)) == #"{"a":[1.0,"two",null,true,{"b":{}}]}"#)
        let mask = try ProtobufFieldMask(jsonString: #""customProperties,a.bC""#)
        #expect(mask.paths == ["custom_properties", "a.b_c"])
        #expect(try mask.jsonString() == #""customProperties,a.bC""#)
        let any = ProtobufAny.with {
            $0.typeURL = "type.googleapis.com/ml_metadata.Artifact"
            $0.value = Artifact.with { $0.id = 3 }.serializedBytes()
        }
        #expect(
            try any.jsonString(options: JSONEncodingOptions(indent: nil), registry: .mlmd)
                == #"{"@type":"type.googleapis.com/ml_metadata.Artifact","id":"3"}"#)
        let back = try ProtobufAny(jsonString: #"{"id": "3", "@type": "type.googleapis.com/ml_metadata.Artifact"}"#, registry: .mlmd)
        #expect(back == any)
    }
}
