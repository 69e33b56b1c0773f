// MariaDB Connector/C (Debian's libmariadb-dev), the client library of the MySQL backend. It speaks
// to MySQL 5.7 and 8.x servers as well as to MariaDB.
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
