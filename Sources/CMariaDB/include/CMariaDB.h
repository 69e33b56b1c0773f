// The part of MariaDB Connector/C's binary interface (libmariadb.so.3, Debian's libmariadb3) that
// the MySQL backend calls, declared here so that building needs neither the library nor its
// headers. The library is opened at run time by `mdb_load`; a store that never opens a MySQL
// database never loads it.
//
// The two structures below must match the library's own layout byte for byte (a test compiles
// them against the library's headers where those are installed).

#ifndef CMARIADB_H
#define CMARIADB_H

#include <stddef.h>

// Nullability is clang's; other C compilers (gcc, checking these declarations) skip it.
#if !defined(__clang__)
#define _Nonnull
#define _Nullable
#endif

/// A connection (`MYSQL` in the library), used only through pointers.
typedef struct mdb_connection mdb_connection;
/// A prepared statement (`MYSQL_STMT`), used only through pointers.
typedef struct mdb_statement mdb_statement;
/// A result's metadata (`MYSQL_RES`), used only through pointers.
typedef struct mdb_result mdb_result;

/// The library's one-byte boolean.
typedef char mdb_flag;

/// One parameter or result column of a prepared statement (`MYSQL_BIND`).
typedef struct mdb_bind {
    unsigned long *_Nullable length;
    mdb_flag *_Nullable is_null;
    void *_Nullable buffer;
    mdb_flag *_Nullable error;
    unsigned char *_Nullable row_position;
    void *_Nullable store_parameter;
    void *_Nullable fetch_result;
    void *_Nullable skip_result;
    unsigned long buffer_length;
    unsigned long offset;
    unsigned long length_value;
    unsigned int flags;
    unsigned int pack_length;
    int buffer_type;
    mdb_flag error_value;
    mdb_flag is_unsigned;
    mdb_flag long_data_used;
    mdb_flag is_null_value;
    void *_Nullable extension;
} mdb_bind;

/// One column of a result (`MYSQL_FIELD`); the backend reads `max_length` and `type`.
typedef struct mdb_field {
    char *_Nullable name;
    char *_Nullable original_name;
    char *_Nullable table;
    char *_Nullable original_table;
    char *_Nullable database;
    char *_Nullable catalog;
    char *_Nullable default_value;
    unsigned long length;
    unsigned long max_length;
    unsigned int name_length;
    unsigned int original_name_length;
    unsigned int table_length;
    unsigned int original_table_length;
    unsigned int database_length;
    unsigned int catalog_length;
    unsigned int default_value_length;
    unsigned int flags;
    unsigned int decimals;
    unsigned int character_set;
    int type;
    void *_Nullable extension;
} mdb_field;

/// The library's functions the backend calls, each named as in the library without its
/// `mysql_` prefix.
typedef struct mdb_functions {
    int (*_Nonnull server_init)(int, char *_Nullable *_Nullable, char *_Nullable *_Nullable);
    mdb_connection *_Nullable (*_Nonnull init)(mdb_connection *_Nullable);
    int (*_Nonnull options)(mdb_connection *_Nonnull, int option, const void *_Nullable value);
    int (*_Nonnull ssl_set)(mdb_connection *_Nonnull, const char *_Nullable key, const char *_Nullable cert,
                            const char *_Nullable ca, const char *_Nullable capath, const char *_Nullable cipher);
    mdb_connection *_Nullable (*_Nonnull real_connect)(
        mdb_connection *_Nonnull, const char *_Nullable host, const char *_Nullable user,
        const char *_Nullable password, const char *_Nullable database, unsigned int port,
        const char *_Nullable socket, unsigned long flags);
    void (*_Nonnull close)(mdb_connection *_Nonnull);
    unsigned int (*_Nonnull errno_)(mdb_connection *_Nonnull);
    const char *_Nonnull (*_Nonnull error)(mdb_connection *_Nonnull);
    const char *_Nonnull (*_Nonnull sqlstate)(mdb_connection *_Nonnull);
    const char *_Nonnull (*_Nonnull get_server_info)(mdb_connection *_Nonnull);
    unsigned long (*_Nonnull get_server_version)(mdb_connection *_Nonnull);
    mdb_flag (*_Nonnull get_info)(mdb_connection *_Nonnull, int value, void *_Nonnull result);
    int (*_Nonnull real_query)(mdb_connection *_Nonnull, const char *_Nonnull sql, unsigned long length);
    mdb_result *_Nullable (*_Nonnull store_result)(mdb_connection *_Nonnull);
    void (*_Nonnull free_result)(mdb_result *_Nonnull);
    unsigned int (*_Nonnull num_fields)(mdb_result *_Nonnull);
    mdb_field *_Nonnull (*_Nonnull fetch_fields)(mdb_result *_Nonnull);

    mdb_statement *_Nullable (*_Nonnull stmt_init)(mdb_connection *_Nonnull);
    int (*_Nonnull stmt_prepare)(mdb_statement *_Nonnull, const char *_Nonnull sql, unsigned long length);
    mdb_flag (*_Nonnull stmt_attr_set)(mdb_statement *_Nonnull, int attribute, const void *_Nonnull value);
    unsigned long (*_Nonnull stmt_param_count)(mdb_statement *_Nonnull);
    mdb_flag (*_Nonnull stmt_bind_param)(mdb_statement *_Nonnull, mdb_bind *_Nonnull);
    mdb_flag (*_Nonnull stmt_bind_result)(mdb_statement *_Nonnull, mdb_bind *_Nonnull);
    int (*_Nonnull stmt_execute)(mdb_statement *_Nonnull);
    mdb_result *_Nullable (*_Nonnull stmt_result_metadata)(mdb_statement *_Nonnull);
    int (*_Nonnull stmt_store_result)(mdb_statement *_Nonnull);
    unsigned long long (*_Nonnull stmt_num_rows)(mdb_statement *_Nonnull);
    int (*_Nonnull stmt_fetch)(mdb_statement *_Nonnull);
    unsigned long long (*_Nonnull stmt_insert_id)(mdb_statement *_Nonnull);
    mdb_flag (*_Nonnull stmt_free_result)(mdb_statement *_Nonnull);
    mdb_flag (*_Nonnull stmt_reset)(mdb_statement *_Nonnull);
    mdb_flag (*_Nonnull stmt_close)(mdb_statement *_Nonnull);
    unsigned int (*_Nonnull stmt_errno)(mdb_statement *_Nonnull);
    const char *_Nonnull (*_Nonnull stmt_error)(mdb_statement *_Nonnull);
    const char *_Nonnull (*_Nonnull stmt_sqlstate)(mdb_statement *_Nonnull);
} mdb_functions;

/// Opens the library, the file at `path` or (when NULL) wherever the dynamic loader finds it,
/// and looks up every function above. On failure returns NULL and writes the reason, as the
/// dynamic loader gives it, to `reason` (at most `reason_size` bytes, NUL included). Not
/// thread-safe: the MySQL backend calls it once and keeps the result.
const mdb_functions *_Nullable mdb_load(const char *_Nullable path, char *_Nonnull reason, size_t reason_size);

#endif
