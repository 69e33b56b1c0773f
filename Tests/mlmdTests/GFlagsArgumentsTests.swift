import ArgumentParser
import Testing

@testable import MLMDCommandLine

/// ml-metadata's server reads its flags with gflags; `mlmd serve` takes the same spellings.
@Suite struct GFlagsArgumentsTests {
    @Test func booleansArePresentOrAbsent() throws {
        for (given, expected) in [
            (["--enable_database_upgrade"], ["--enable_database_upgrade"]),
            (["--enable_database_upgrade=true"], ["--enable_database_upgrade"]),
            (["--enable_database_upgrade=TRUE"], ["--enable_database_upgrade"]),
            (["--enable_database_upgrade=1"], ["--enable_database_upgrade"]),
            (["--enable_database_upgrade=false"], []),
            (["--enable_database_upgrade=0"], []),
            (["--noenable_database_upgrade"], []),
            (["-postgres_config_skip_db_creation=yes"], ["--postgres_config_skip_db_creation"]),
        ] {
            #expect(try GFlagsArguments.normalized(given) == expected, "\(given)")
        }
    }

    @Test func singleDashNamesAreDoubledAndEverythingElsePasses() throws {
        #expect(
            try GFlagsArguments.normalized(["-grpc_port=8080", "-mysql_config_host", "db", "--db", "memory:"])
                == ["--grpc_port=8080", "--mysql_config_host", "db", "--db", "memory:"])
        #expect(
            try GFlagsArguments.normalized(["--downgrade_db_schema_version", "-1", "-h"])
                == ["--downgrade_db_schema_version", "-1", "-h"])
        #expect(
            try GFlagsArguments.normalized(["--", "-grpc_port=1", "--enable_database_upgrade=false"])
                == ["--", "-grpc_port=1", "--enable_database_upgrade=false"])
    }

    @Test func aBooleanWithAnotherValueIsAUsageError() {
        #expect(throws: ValidationError.self) { try GFlagsArguments.normalized(["--enable_database_upgrade=maybe"]) }
    }
}
