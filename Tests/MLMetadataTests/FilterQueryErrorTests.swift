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
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unknown name bogus at offset 0") { try Self.list("bogus = 1") }
        expectStoreError(
            .invalidArgument,
            message: """
                Invalid `filter_query`: LAUNCHED at offset 8 is not a value of state; \
                expected one of DELETED, LIVE, MARKED_FOR_DELETION, PENDING, UNKNOWN
                """
        ) {
            try Self.list("state = LAUNCHED")
        }
        expectStoreError(
            .invalidArgument,
            message: """
                Invalid `filter_query`: name at offset 13 holds strings; it cannot be compared with the integer 5
                """
        ) { try Self.list("id > 0 AND  (name = 5)") }
        expectStoreError(
            .invalidArgument,
            message: """
                Invalid `filter_query`: properties.day.int_value at offset 0 holds integers; it cannot be compared with the string 'x'
                """
        ) { try Self.list("properties.day.int_value = 'x'") }
        expectStoreError(
            .invalidArgument,
            message: """
                Invalid `filter_query`: properties.day.number: expected int_value, double_value, string_value or bool_value at offset 10
                """
        ) { try Self.list("id = 1 OR properties.day.number = 1") }
        expectStoreError(.invalidArgument, message: "Invalid `filter_query`: unknown name last_known_state at offset 0") {
            try Self.list("last_known_state = COMPLETE")  // not an artifact attribute
        }
    }

    @Test func quotesInValuesAreData() throws {
        #expect(try Self.list(#"name = 'x\' OR 1=1 --'"#) == [])
        #expect(try Self.list(#"uri = "a\"b""#) == [])
    }
}
