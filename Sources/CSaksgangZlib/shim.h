#ifndef CSAKSGANG_ZLIB_SHIM_H
#define CSAKSGANG_ZLIB_SHIM_H
#include <zlib.h>
/// inflateInit2 is a macro; Swift cannot call it. windowBits 16+15: gzip wrapper only.
static inline int saksgang_inflate_init_gzip(z_streamp strm) {
    return inflateInit2(strm, 16 + MAX_WBITS);
}
/// deflateInit2 for writers of gzip members (the generator, tests).
static inline int saksgang_deflate_init_gzip(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
#endif
