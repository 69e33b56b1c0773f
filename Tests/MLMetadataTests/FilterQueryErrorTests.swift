import MLMDProtos
import MLMetadata
import Testing

/// A bad `filter_query` is INVALID_ARGUMENT saying what was expected and where.
@Suite struct FilterQueryErrorTests {
    static func list(_ query: String) throws -> [Int64] {
        let store = try StoreBackend.inMemory.makeStore()
        return try store.getArtifacts(.with { $0.options = .with { $0.filterQuery = query } }).artifacts.map(\.id)
    }

    @Test func syntaxErrorsNameTheOffset() {
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: expected a value, found end of query at offset 5") {
            try Self.list("id = ")
        }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: expected \")\", found end of query at offset 11") {
            try Self.list("id IN (1, 2")
        }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unterminated ' at offset 11") {
            try Self.list("name = 'abc")
        }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unexpected character \";\" at offset 6") {
            try Self.list("id = 1; DROP TABLE Artifact")
        }
    }

    @Test func namesAndTypesAreChecked() {
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unknown name bogus") { try Self.list("bogus = 1") }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: LAUNCHED is not a value of state") {
            try Self.list("state = LAUNCHED")
        }
        expectStoreError(.invalidArgument) { try Self.list("name = 5") }
        expectStoreError(.invalidArgument) { try Self.list("last_known_state = COMPLETE") }  // not an artifact attribute
    }

    @Test func quotesInValuesAreData() throws {
        #expect(try Self.list(#"name = 'x\' OR 1=1 --'"#) == [])
        #expect(try Self.list(#"uri = "a\"b""#) == [])
    }
}
