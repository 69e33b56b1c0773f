import Foundation
import Testing

/// Our declarations of MariaDB Connector/C's structures, held against the library's own headers:
/// a C file that includes both must compile, each field at the same offset with the same size.
/// Needs `cc` and the headers (`libmariadb-dev`); required under CI.
@Suite struct MariaDBInterfaceTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let headers = "/usr/include/mariadb"
    static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    static var canCompile: Bool { FileManager.default.fileExists(atPath: headers + "/mysql.h") }

    /// Each of our fields with the library's name for it.
    static let bindFields = [
        ("length", "length"), ("is_null", "is_null"), ("buffer", "buffer"), ("error", "error"),
        ("row_position", "u.row_ptr"), ("store_parameter", "store_param_func"), ("fetch_result", "fetch_result"),
        ("skip_result", "skip_result"), ("buffer_length", "buffer_length"), ("offset", "offset"),
        ("length_value", "length_value"), ("flags", "flags"), ("pack_length", "pack_length"),
        ("buffer_type", "buffer_type"), ("error_value", "error_value"), ("is_unsigned", "is_unsigned"),
        ("long_data_used", "long_data_used"), ("is_null_value", "is_null_value"), ("extension", "extension"),
    ]
    static let fieldFields = [
        ("name", "name"), ("original_name", "org_name"), ("table", "table"), ("original_table", "org_table"),
        ("database", "db"), ("catalog", "catalog"), ("default_value", "def"), ("length", "length"),
        ("max_length", "max_length"), ("name_length", "name_length"), ("original_name_length", "org_name_length"),
        ("table_length", "table_length"), ("original_table_length", "org_table_length"),
        ("database_length", "db_length"), ("catalog_length", "catalog_length"),
        ("default_value_length", "def_length"), ("flags", "flags"), ("decimals", "decimals"),
        ("character_set", "charsetnr"), ("type", "type"), ("extension", "extension"),
    ]

    static func assertions(ours: String, theirs: String, fields: [(String, String)]) -> String {
        var lines = ["_Static_assert(sizeof(\(ours)) == sizeof(\(theirs)), \"size of \(ours)\");"]
        for (our, their) in fields {
            lines.append("_Static_assert(offsetof(\(ours), \(our)) == offsetof(\(theirs), \(their)), \"\(ours).\(our)\");")
            lines.append(
                "_Static_assert(sizeof(((\(ours) *)0)->\(our)) == sizeof(((\(theirs) *)0)->\(their)), \"size of \(ours).\(our)\");")
        }
        return lines.joined(separator: "\n")
    }

    @Test(.enabled(if: canCompile || isRequired))
    func ourStructuresMatchTheLibrarysHeaders() throws {
        let source = """
            #include <stddef.h>
            #include <mysql.h>
            #include "CMariaDB.h"
            \(Self.assertions(ours: "mdb_bind", theirs: "MYSQL_BIND", fields: Self.bindFields))
            \(Self.assertions(ours: "mdb_field", theirs: "MYSQL_FIELD", fields: Self.fieldFields))
            _Static_assert(MYSQL_TYPE_LONGLONG == 8 && MYSQL_TYPE_DOUBLE == 5 && MYSQL_TYPE_NULL == 6, "types");
            _Static_assert(MYSQL_TYPE_BLOB == 252 && MYSQL_TYPE_STRING == 254 && MYSQL_TYPE_YEAR == 13, "types");
            _Static_assert(MYSQL_OPT_CONNECT_TIMEOUT == 0 && MYSQL_SET_CHARSET_NAME == 7, "options");
            _Static_assert(MYSQL_OPT_READ_TIMEOUT == 11 && MYSQL_OPT_WRITE_TIMEOUT == 12, "options");
            _Static_assert(MYSQL_OPT_SSL_VERIFY_SERVER_CERT == 21 && STMT_ATTR_UPDATE_MAX_LENGTH == 0, "options");
            _Static_assert(MARIADB_CONNECTION_SERVER_STATUS == 30 && SERVER_STATUS_IN_TRANS == 1, "status");
            _Static_assert(MYSQL_NO_DATA == 100, "fetch");
            int main(void) { return 0; }
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlmd-mariadb-abi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("check.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let compiler = Process()
        compiler.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compiler.arguments = [
            "cc", "-fsyntax-only", "-I", Self.headers,
            "-I", Self.repository.appendingPathComponent("Sources/CMariaDB/include").path, file.path,
        ]
        let errors = Pipe()
        compiler.standardError = errors
        try compiler.run()
        compiler.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(compiler.terminationStatus == 0, "\(message)")
    }
}
