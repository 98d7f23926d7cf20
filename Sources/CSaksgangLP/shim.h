#ifndef CSAKSGANG_LP_SHIM_H
#define CSAKSGANG_LP_SHIM_H
/* COIN-OR CLP (EPL-2.0), Debian's coinor-libclp-dev: the C interface of the simplex
   solver that Disclose's interval audit uses. Nothing else imports it. */
#include <coin/Clp_C_Interface.h>
#endif
