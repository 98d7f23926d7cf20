#ifndef CSAKSGANG_SQLITE_SHIM_H
#define CSAKSGANG_SQLITE_SHIM_H
#include <sqlite3.h>
/// SQLITE_TRANSIENT is a macro over a cast function pointer; Swift cannot import it.
static inline sqlite3_destructor_type saksgang_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
