#ifndef CSAKSGANG_PQ_SHIM_H
#define CSAKSGANG_PQ_SHIM_H
#include <libpq-fe.h>
#endif
