import Foundation
import MLMDProtos
import MLMetadata
import Testing

/// What an attacker or a broken client might send: quotes, backslashes, NUL bytes and SQL in every
/// text field, megabyte strings, deep nesting, huge id lists. Each call works and reads back
/// exactly, or fails with INVALID_ARGUMENT; none crashes, hangs, or changes what it should not.
@Suite struct HostileInputTests {
    static let texts = [
        "it's", #"say "hi""#, #"back\slash\"#, "%_*?", "'; DROP TABLE \"Artifact\"; --", "Robert'); DELETE FROM Type; --",
        "` OR 1=1 --", "naïve ✓ 𝄞", "\u{7f}\u{1}\t\n", String(repeating: "x", count: 1 << 20),
    ]

    static func store(_ backend: StoreBackend) throws -> (MetadataStore, Int64) {
        let store = try backend.makeStore()
        let typeID = try store.putArtifactType(
            .with {
                $0.name = "DataSet"; $0.properties = ["note": .string]
            })
        return (store, typeID)
    }

    @Test(arguments: StoreBackend.allCases)
    func hostileTextIsStoredExactlyOrRefused(_ backend: StoreBackend) throws {
        let (store, typeID) = try Self.store(backend)
        var stored: [Artifact] = []
        for (index, text) in (Self.texts + ["a\u{0}b"]).enumerated() {
            var artifact = Artifact.with {
                $0.typeID = typeID
                $0.uri = text
                $0.name = String(text.prefix(200)) + " \(index)"
                $0.properties["note"] = .with { $0.stringValue = text }
                $0.customProperties[String(text.prefix(200))] = .with { $0.stringValue = text }
            }
            do {
                artifact.id = try store.putArtifacts([artifact])[0]
                stored.append(artifact)
            } catch let error as MetadataStoreError {
                // PostgreSQL text cannot hold a NUL byte, and its B-tree indexes (uri and string
                // values, whole) no entry over 2,704 bytes; MySQL's VARCHAR(255) counts the name's
                // characters after latin1 widening. Anything else must be stored.
                #expect(error.code == .invalidArgument, "\(backend) \(index): \(error)")
                #expect(
                    text.contains("\u{0}") || backend == .mysql || (backend == .postgresql && text.utf8.count > 2_704),
                    "\(backend) \(index): \(error)")
            }
        }
        #expect(stored.count >= Self.texts.count - 2)
        let read = try store.getArtifactsByID(stored.map(\.id))
        #expect(read.map(\.uri) == stored.map(\.uri))
        #expect(read.map(\.name) == stored.map(\.name))
        #expect(read.map(\.properties) == stored.map(\.properties))
        #expect(read.map(\.customProperties) == stored.map(\.customProperties))
        // Nothing else changed: the type is intact, the tables are all there.
        #expect(try store.getArtifactType(named: "DataSet").properties == ["note": .string])
        #expect(try store.getArtifacts().count == stored.count)
    }

    @Test(arguments: StoreBackend.allCases)
    func hostileFilterStringsMatchAsTextOrAreRefused(_ backend: StoreBackend) throws {
        let (store, typeID) = try Self.store(backend)
        let id = try store.putArtifacts([
            .with {
                $0.typeID = typeID; $0.uri = "it's"
            }
        ])[0]
        func filter(_ query: String) throws -> [Int64] {
            try store.getArtifacts(.with { $0.options = .with { $0.filterQuery = query } }).artifacts.map(\.id)
        }
        #expect(try filter(#"uri = "it's""#) == [id])
        #expect(try filter(#"uri = 'it\'s'"#) == [id])
        #expect(try filter(#"uri = '\'; DROP TABLE Artifact; --'"#) == [])
        #expect(try filter(#"uri LIKE '%\'%'"#) == [id])
        for query in [
            "uri = 'unterminated", "uri = '''; DROP TABLE Artifact; --'", "uri = ''; DROP TABLE Artifact", "(((uri = 'a')", "uri = 'a' --",
            "`uri` = 'a' OR",
            "uri = '\u{0}'", String(repeating: "(", count: 100_000) + "uri = 'a'" + String(repeating: ")", count: 100_000),
            String(repeating: "NOT ", count: 100_000) + "uri = 'a'",
            Array(repeating: "uri = 'a'", count: 100_000).joined(separator: " OR "),
        ] {
            do {
                _ = try filter(query)
            } catch let error as MetadataStoreError {
                #expect(error.code == .invalidArgument, "\(query.prefix(40)): \(error)")
            }
        }
        #expect(try store.getArtifacts().map(\.id) == [id])
        // Deep nesting stops at the parser's limit, with where it stopped.
        expectStoreError(
            .invalidArgument,
            message:
                "Invalid `filter_query`: expression nested more than 200 deep (parentheses, NOT, AND and OR terms), found \"(\" at offset 200"
        ) {
            try filter(String(repeating: "(", count: 300) + "uri = 'a'" + String(repeating: ")", count: 300))
        }
        #expect(try filter(String(repeating: "(", count: 150) + "uri = \"it's\"" + String(repeating: ")", count: 150)) == [id])
    }

    @Test(arguments: StoreBackend.allCases)
    func aStructNestedPastTheDecodersLimitIsRefusedAndOneWithinItReadsBack(_ backend: StoreBackend) throws {
        let (store, typeID) = try Self.store(backend)
        func nested(_ depth: Int) -> Value {
            var structure = Value().structValue
            structure.fields["leaf"] = .with { $0.stringValue = "leaf" }
            for _ in 1..<depth {
                let inner = structure
                structure = Value().structValue
                structure.fields["k"] = .with { $0.structValue = inner }
            }
            return .with { $0.structValue = structure }
        }
        expectStoreError(.invalidArgument) {
            try store.putArtifacts([
                .with {
                    $0.typeID = typeID; $0.customProperties["deep"] = nested(1_000)
                }
            ])
        }
        #expect(try store.getArtifacts().isEmpty)
        let shallow = Artifact.with {
            $0.typeID = typeID; $0.customProperties["deep"] = nested(20)
        }
        let id = try store.putArtifacts([shallow])[0]
        #expect(try store.getArtifactsByID([id]).first?.customProperties == shallow.customProperties)
    }

    @Test(arguments: StoreBackend.allCases)
    func aHundredThousandIDsInOneCallWork(_ backend: StoreBackend) throws {
        let (store, typeID) = try Self.store(backend)
        let ids = try store.putArtifacts(
            (0..<1_000).map { index in
                .with {
                    $0.typeID = typeID; $0.uri = "u\(index)"
                }
            })
        let asked = Array(1...100_000).map(Int64.init)
        #expect(try store.getArtifactsByID(asked).map(\.id) == ids)
    }
}
