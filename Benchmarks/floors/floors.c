/* Floors of the work a nightly run cannot leave out, each measured alone with the same C
   libraries the pipeline uses (see Benchmarks/floors/floors.sh):

     floors xml FILE...        libxml2's SAX2 push parser over each file, every callback
                               empty (gzip through zlib, 64 KiB chunks): what parsing alone
                               costs before a single value is captured.
     floors sqlite DB N K      N rows like the store's cases (a 26-character random id, one
                               of 300 9-digit orgnrs, a 340-byte body) upserted into a fresh store
                               file with the store's schema, journal and synchronous setting,
                               one transaction (and so one fsync) per K rows.

   Prints seconds of wall time on stdout. Not part of the product: nothing here is linked into
   saksgang. */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <sqlite3.h>
#include <zlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void start(void *c, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn, const xmlChar **ns,
                  int na, int nd, const xmlChar **a) {
    (void)c; (void)l; (void)p; (void)u; (void)nn; (void)ns; (void)na; (void)nd; (void)a;
}
static void end(void *c, const xmlChar *l, const xmlChar *p, const xmlChar *u) { (void)c; (void)l; (void)p; (void)u; }
static void chars(void *c, const xmlChar *s, int n) { (void)c; (void)s; (void)n; }

static int xml(int argc, char **argv) {
    xmlInitParser();
    static char buf[1 << 16];
    double t0 = now();
    for (int i = 0; i < argc; i++) {
        gzFile f = gzopen(argv[i], "rb"); /* reads plain files as they are */
        if (!f) { perror(argv[i]); return 1; }
        gzbuffer(f, 1 << 17);
        xmlSAXHandler sax;
        memset(&sax, 0, sizeof sax);
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = start;
        sax.endElementNs = end;
        sax.characters = chars;
        xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, argv[i]);
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
        int n;
        while ((n = gzread(f, buf, sizeof buf)) > 0) {
            if (xmlParseChunk(ctxt, buf, n, 0) != 0) { fprintf(stderr, "%s: not well-formed\n", argv[i]); return 1; }
        }
        xmlParseChunk(ctxt, NULL, 0, 1);
        xmlFreeParserCtxt(ctxt);
        gzclose(f);
    }
    printf("%.3f\n", now() - t0);
    return 0;
}

static int check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
    return rc;
}

static int store(const char *path, long rows, long perTransaction) {
    char name[4096];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) { snprintf(name, sizeof name, "%s%s", path, suffix[i]); unlink(name); }
    sqlite3 *db;
    check(sqlite3_open(path, &db), db, "open");
    /* The store's schema (version 3: the index by school); FLOORS_SCHEMA=old indexes
       (municipality, orgnr, id) as before version 3, FLOORS_SCHEMA=lean leaves the index by
       place out: the least a keyed upsert needs. */
    const char *schema = getenv("FLOORS_SCHEMA");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"
                           "CREATE TABLE cases(id TEXT NOT NULL, orgnr TEXT NOT NULL, municipality TEXT NOT NULL,"
                           " source TEXT NOT NULL, last_changed INTEGER NOT NULL, export_time INTEGER NOT NULL,"
                           " body BLOB NOT NULL, PRIMARY KEY(id, orgnr));", 0, 0, 0), db, "schema");
    if (schema && !strcmp(schema, "old"))
        check(sqlite3_exec(db, "CREATE INDEX cases_by_place ON cases(municipality, orgnr, id);", 0, 0, 0), db, "index");
    else if (!schema || strcmp(schema, "lean"))
        check(sqlite3_exec(db, "CREATE INDEX cases_by_school ON cases(municipality, orgnr);", 0, 0, 0), db, "index");
    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db, "INSERT INTO cases VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id, orgnr) DO NOTHING",
                             -1, &insert, 0), db, "prepare");
    unsigned char body[340];
    for (int i = 0; i < 340; i++) body[i] = (unsigned char)(i * 37);
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    unsigned long long x = 88172645463325252ULL;
    double t0 = now();
    for (long r = 0; r < rows; r++) {
        if (r % perTransaction == 0) {
            if (r > 0) check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
            check(sqlite3_exec(db, "BEGIN", 0, 0, 0), db, "begin");
        }
        char id[26], orgnr[10];
        for (int i = 0; i < 26; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; id[i] = alphabet[x & 31]; }
        snprintf(orgnr, sizeof orgnr, "97%07d", (int)(x % 300));
        sqlite3_bind_text(insert, 1, id, 26, SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, orgnr, 9, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, "0301", 4, SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, "smx", 3, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 5, 1700000000 + r);
        sqlite3_bind_int64(insert, 6, 1700000000);
        sqlite3_bind_blob(insert, 7, body, sizeof body, SQLITE_STATIC);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
    }
    check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
    printf("%.3f\n", now() - t0);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 3 && !strcmp(argv[1], "xml")) return xml(argc - 2, argv + 2);
    if (argc == 5 && !strcmp(argv[1], "sqlite")) return store(argv[2], atol(argv[3]), atol(argv[4]));
    fprintf(stderr, "usage: floors xml FILE... | floors sqlite DB ROWS ROWS_PER_TRANSACTION\n");
    return 2;
}
