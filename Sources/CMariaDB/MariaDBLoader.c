#include "CMariaDB.h"

#include <dlfcn.h>
#include <stdio.h>

// The names the library goes by: the runtime package's file first (Debian's libmariadb3), then
// the development link that libmariadb-dev adds, then macOS's names.
static const char *const library_names[] = {
    "libmariadb.so.3",
    "libmariadb.so",
    "libmariadb.3.dylib",
    "libmariadb.dylib",
};

// Each entry of mdb_functions, in order, with the library's name for it.
static const char *const symbol_names[] = {
    "mysql_server_init",
    "mysql_init",
    "mysql_options",
    "mysql_ssl_set",
    "mysql_real_connect",
    "mysql_close",
    "mysql_errno",
    "mysql_error",
    "mysql_sqlstate",
    "mysql_get_server_info",
    "mysql_get_server_version",
    "mariadb_get_info",
    "mysql_real_query",
    "mysql_store_result",
    "mysql_free_result",
    "mysql_num_fields",
    "mysql_fetch_fields",
    "mysql_stmt_init",
    "mysql_stmt_prepare",
    "mysql_stmt_attr_set",
    "mysql_stmt_param_count",
    "mysql_stmt_bind_param",
    "mysql_stmt_bind_result",
    "mysql_stmt_execute",
    "mysql_stmt_result_metadata",
    "mysql_stmt_store_result",
    "mysql_stmt_num_rows",
    "mysql_stmt_fetch",
    "mysql_stmt_insert_id",
    "mysql_stmt_free_result",
    "mysql_stmt_reset",
    "mysql_stmt_close",
    "mysql_stmt_errno",
    "mysql_stmt_error",
    "mysql_stmt_sqlstate",
};

_Static_assert(sizeof(mdb_functions) == sizeof(symbol_names) / sizeof(symbol_names[0]) * sizeof(void (*)(void)),
               "one symbol name for each function pointer");

const mdb_functions *mdb_load(const char *path, char *reason, size_t reason_size) {
    static mdb_functions functions;
    void *library = dlopen(path != NULL ? path : library_names[0], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL && path != NULL) {
        snprintf(reason, reason_size, "%s", dlerror());
        return NULL;
    }
    if (library == NULL) {
        // The first name's failure is the one worth reporting: it names the file the package installs.
        snprintf(reason, reason_size, "%s", dlerror());
        for (size_t i = 1; i < sizeof(library_names) / sizeof(library_names[0]) && library == NULL; i++) {
            library = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
        }
        if (library == NULL) return NULL;
    }
    // Filled into a local table first, so that a library missing a function leaves nothing half set.
    void (*found[sizeof(symbol_names) / sizeof(symbol_names[0])])(void);
    for (size_t i = 0; i < sizeof(symbol_names) / sizeof(symbol_names[0]); i++) {
        void *symbol = dlsym(library, symbol_names[i]);
        if (symbol == NULL) {
            snprintf(reason, reason_size, "the library has no %s", symbol_names[i]);
            dlclose(library);
            return NULL;
        }
        found[i] = (void (*)(void))symbol;
    }
    __builtin_memcpy(&functions, found, sizeof(functions));
    return &functions;
}
