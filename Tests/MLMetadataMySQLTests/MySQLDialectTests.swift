import Testing

@testable import MLMetadataMySQL

/// The store's SQL (SQLite's spelling) as MySQL reads it.
@Suite struct MySQLDialectTests {
    @Test func identifiersGetBackquotesAndLiteralsStayAsTheyAre() {
        #expect(
            MySQLDialect.translate(#"SELECT "id" FROM "Type" WHERE "name" = 'a "b" ''c''' AND "x" = ?"#)
                == #"SELECT `id` FROM `Type` WHERE `name` = 'a "b" ''c''' AND `x` = ?"#)
    }

    @Test func insertOrIgnoreBecomesInsertIgnore() {
        #expect(
            MySQLDialect.translate(#"INSERT OR IGNORE INTO "Attribution" ("context_id", "artifact_id") VALUES (?, ?)"#)
                == "INSERT IGNORE INTO `Attribution` (`context_id`, `artifact_id`) VALUES (?, ?)")
    }
}
