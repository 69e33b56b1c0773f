// sqlite-floor: what plain SQLite does with store-bench's batched workload in ml-metadata's file
// layout, with no store at all: one prepared INSERT per row, 1,000 artifacts per transaction.
// It is the floor for any store that writes this file format, and shows how much of the slowdown
// at a million artifacts belongs to the format itself (its property indexes) rather than to a store.
//
// Usage: sqlite-floor FILE N [CHECKPOINT_PAGES]
//   FILE  an empty ml-metadata store (schema version 10) whose first artifact type has id 10,
//         for instance made by `swift run mlmd types put --db FILE types.txt`; it is written to.
//   N     artifacts to put; CHECKPOINT_PAGES is SQLite's wal_autocheckpoint (default 1,000).
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static sqlite3 *db;

static void require(int code, const char *what) {
    if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return;
    fprintf(stderr, "sqlite-floor: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/// The three property rows store-bench gives artifact `i`: split and span, and custom accuracy.
static void put_properties(sqlite3_stmt *insert, sqlite3_int64 id, long i) {
    for (int k = 0; k < 3; k++) {
        sqlite3_clear_bindings(insert);
        sqlite3_bind_int64(insert, 1, id);
        switch (k) {
        case 0:
            sqlite3_bind_text(insert, 2, "split", -1, SQLITE_STATIC);
            sqlite3_bind_int(insert, 3, 0);
            sqlite3_bind_text(insert, 6, i % 10 == 0 ? "eval" : "train", -1, SQLITE_STATIC);
            break;
        case 1:
            sqlite3_bind_text(insert, 2, "span", -1, SQLITE_STATIC);
            sqlite3_bind_int(insert, 3, 0);
            sqlite3_bind_int64(insert, 4, i % 100);
            break;
        default:
            sqlite3_bind_text(insert, 2, "accuracy", -1, SQLITE_STATIC);
            sqlite3_bind_int(insert, 3, 1);
            sqlite3_bind_double(insert, 5, (double)(i % 1000) / 1000);
        }
        require(sqlite3_step(insert), "insert a property");
        sqlite3_reset(insert);
    }
}

int main(int argc, char **argv) {
    if (argc < 3 || atol(argv[2]) <= 0) {
        fprintf(stderr, "usage: sqlite-floor FILE N [CHECKPOINT_PAGES]\n");
        return 2;
    }
    long count = atol(argv[2]);
    int checkpoint = argc > 3 ? atoi(argv[3]) : 1000;
    require(sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL), argv[1]);
    sqlite3_wal_autocheckpoint(db, checkpoint);
    require(sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL), "temp_store");

    sqlite3_stmt *artifact, *property;
    require(sqlite3_prepare_v2(db,
        "INSERT INTO Artifact (type_id, uri, create_time_since_epoch, last_update_time_since_epoch) "
        "VALUES (10, ?, ?, ?)", -1, &artifact, NULL), "prepare");
    require(sqlite3_prepare_v2(db,
        "INSERT INTO ArtifactProperty (artifact_id, name, is_custom_property, int_value, double_value, "
        "string_value) VALUES (?, ?, ?, ?, ?, ?)", -1, &property, NULL), "prepare");

    double start = seconds();
    char uri[64];
    for (long i = 0; i < count; i++) {
        if (i % 1000 == 0) require(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), "begin");
        snprintf(uri, sizeof uri, "/data/artifacts/%ld", i);
        sqlite3_int64 millis = 1700000000000LL + i;
        sqlite3_bind_text(artifact, 1, uri, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(artifact, 2, millis);
        sqlite3_bind_int64(artifact, 3, millis);
        require(sqlite3_step(artifact), "insert an artifact");
        sqlite3_reset(artifact);
        put_properties(property, sqlite3_last_insert_rowid(db), i);
        if (i % 1000 == 999 || i == count - 1) require(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
    }
    double elapsed = seconds() - start;
    printf("%ld artifacts in %.3f s: %.0f artifacts/s (checkpoint after %d pages)\n",
           count, elapsed, count / elapsed, checkpoint);
    sqlite3_finalize(artifact);
    sqlite3_finalize(property);
    return sqlite3_close(db) == SQLITE_OK ? 0 : 1;
}
