#ifndef CSAKSGANG_CRYPTO_SHIM_H
#define CSAKSGANG_CRYPTO_SHIM_H
/* HMAC-SHA-256 over the system's libcrypto (Debian libssl-dev), pre-keyed: the inner and
   outer SHA-256 states after the key pads are computed once and copied per value (a plain
   struct copy), which is what makes a pseudonym cost well under a microsecond.
   The low-level SHA256_* calls are deprecated in OpenSSL 3 but stable and exported. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <string.h>

typedef struct {
    SHA256_CTX inner;
    SHA256_CTX outer;
} saksgang_hmac_key;

static inline void saksgang_hmac_prekey(saksgang_hmac_key *k, const unsigned char *key, size_t len) {
    unsigned char block[64];
    unsigned char hashed[32];
    memset(block, 0, sizeof block);
    if (len > 64) {
        SHA256(key, len, hashed);
        memcpy(block, hashed, 32);
    } else if (len > 0) {
        memcpy(block, key, len);
    }
    unsigned char ipad[64], opad[64];
    for (int i = 0; i < 64; i++) { ipad[i] = block[i] ^ 0x36; opad[i] = block[i] ^ 0x5c; }
    SHA256_Init(&k->inner); SHA256_Update(&k->inner, ipad, 64);
    SHA256_Init(&k->outer); SHA256_Update(&k->outer, opad, 64);
    OPENSSL_cleanse(block, sizeof block); OPENSSL_cleanse(ipad, sizeof ipad);
    OPENSSL_cleanse(opad, sizeof opad); OPENSSL_cleanse(hashed, sizeof hashed);
}

/// HMAC(key, prefix || message) into out[32]. The prefix carries the domain separation.
static inline void saksgang_hmac(const saksgang_hmac_key *k,
                                 const unsigned char *prefix, size_t prefix_len,
                                 const unsigned char *msg, size_t len, unsigned char *out) {
    SHA256_CTX c = k->inner;
    SHA256_Update(&c, prefix, prefix_len);
    SHA256_Update(&c, msg, len);
    unsigned char ih[32];
    SHA256_Final(ih, &c);
    c = k->outer;
    SHA256_Update(&c, ih, 32);
    SHA256_Final(out, &c);
}

static inline void saksgang_sha256(const unsigned char *data, size_t len, unsigned char *out) {
    SHA256(data, len, out);
}

/// Streaming SHA-256 for file hashes in the manifest.
typedef SHA256_CTX saksgang_sha256_ctx;
static inline void saksgang_sha256_init(saksgang_sha256_ctx *c) { SHA256_Init(c); }
static inline void saksgang_sha256_update(saksgang_sha256_ctx *c, const void *d, size_t n) { SHA256_Update(c, d, n); }
static inline void saksgang_sha256_final(saksgang_sha256_ctx *c, unsigned char *out) { SHA256_Final(out, c); }

static inline int saksgang_random_bytes(unsigned char *buf, int n) { return RAND_bytes(buf, n); }
static inline void saksgang_cleanse(void *p, size_t n) { OPENSSL_cleanse(p, n); }
#endif
