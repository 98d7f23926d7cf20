#ifndef CSAKSGANG_MALLOC_SHIM_H
#define CSAKSGANG_MALLOC_SHIM_H
/// glibc's allocator controls, which Swift's Glibc module leaves out (<malloc.h>).
#include <malloc.h>
#endif
