#!/usr/bin/env python3
"""Summarises a `perf record -g` profile of `saksgang run` (see Benchmarks/README.md, "Throughput").

    python3 Benchmarks/perf_groups.py PERF_DATA [--by-stage]

Each sample counts once (self time): by stage, from the call stack (the outermost of
NightlyRun.publish, DisclosureControl, NightlyRun.ingest, the measure code; a sample on any
thread but the main one is the measure scan's second thread's when its stack says so, else the
export reader's: decompress, parse, map), and by what its leaf
symbol is (retain/release, String, Dictionary hashing, malloc, SQLite, libxml2, SHA-256, ...;
the first pattern that matches wins). C libraries without frame pointers (SQLite, CLP, zlib,
the HMAC) break the stack, so their samples land in "unattributed" with their leaf group.
A rough grouping by name patterns, for before/after comparisons, not an exact accounting."""
import re, subprocess, sys, collections
data = sys.argv[1]
out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,ip,sym,dso"], capture_output=True, text=True).stdout
samples = [s for s in out.split("\n\n") if s.strip()]
LEAF = [  # first match wins, on "symbol (dso)"
    ("kernel", r"\[kernel|\(\[unknown\]\)$|^\s*ffffffff"),
    ("SHA-256 / HMAC", r"(?i)sha256|hmac|SHA2|CSaksgangCrypto|libcrypto"),
    ("libxml2", r"libxml2|xmlParse|xmlSAX|xmlCurrentChar|xmlDict|htmlParse|xmlStr"),
    ("zlib", r"libz\.so|inflate|crc32|adler32"),
    ("SQLite", r"sqlite3|libsqlite"),
    ("CLP (disclosure LP)", r"Clp|Coin|libClp|libCoin|libOsi"),
    ("retain/release", r"swift_retain|swift_release|swift_bridgeObjectRe|swift_unknownObjectRe|RefCounts|swift_isUniquelyReferenced|swift_tryRetain|swift_nonatomic"),
    ("malloc/free", r"malloc|_int_free|cfree|free@|__libc_free|swift_slowAlloc|swift_slowDealloc|swift_allocObject|swift_deallocObject|swift_deallocClassInstance|malloc_consolidate|_int_realloc|realloc|calloc|tcache"),
    ("Dictionary/Set hashing", r"Hasher|_RawDictionaryStorage|_NativeDictionary|_NativeSet|_HashTable|__RawSetStorage|hashValue|SH4hash|4hash4into|Dictionary|SD[a-z]|Sh[A-Z]|_findEntry|sSD|sSh"),
    ("String / Character", r"String|SS[A-Z0-9]|sSS|sSs|Substring|_StringGuts|stringCompare|UTF8|_allASCII|Unicode|Character|sSJ|_uncheckedFromUTF8|lexicographicallyPrecedes|_SmallString|StringObject"),
    ("memcpy/memcmp", r"mem(move|cpy|cmp|set)|__memcmp|__memmove|__memset|__memcpy|strlen"),
    ("JSON encoding", r"JSON|Codable|Encoder|encode\(to|Coding"),
    ("dynamic casts / metadata", r"tryCast|swift_dynamicCast|getGenericMetadata|getCache|swift_conformsTo|swift_getWitness|Metadata|swift_beginAccess|swift_endAccess"),
    ("CSV tokenizer", r"CSVReader|CSVTokenizer"),
    ("Ingest (mapping etc.)", r"s6Ingest"),
    ("Pseudonymize", r"s12Pseudonymize"),
    ("Store (Swift)", r"s5Store"),
    ("Measure", r"s7Measure"),
    ("Disclose", r"s8Disclose"),
    ("Publish", r"s7Publish"),
    ("SaksgangCore", r"s12SaksgangCore"),
    ("Foundation", r"Foundation"),
    ("Swift stdlib other", r"libswiftCore|\$s[s]|sS[a-z]|\$ss"),
]
STAGE = [  # first match from the root down
    ("publish", r"NightlyRun.?7publish"),
    ("disclose", r"DisclosureControl"),
    ("ingest: caller (pseudonymise, store)", r"NightlyRun.?6ingest|FileIngestion"),
    ("measure", r"CaseMeasurements|forEachCase|s7Measure"),
]
main_tid = collections.Counter(s.strip().split()[1] for s in samples).most_common(1)[0][0]
leaf_c = collections.Counter(); stage_c = collections.Counter(); pair = collections.Counter()
for s in samples:
    lines = s.strip().split("\n")
    frames = [l.strip() for l in lines[1:]]
    if not frames: continue
    leaf = frames[0]
    leafsym = re.sub(r"^[0-9a-f]+\s+", "", leaf)
    cat = next((n for n, p in LEAF if re.search(p, leafsym)), "other")
    st = "other / unattributed stack"
    head = lines[0].split()
    if len(head) >= 2 and head[0] == "saksgang" and head[1] != main_tid:
        # Other threads: the measure scan's second thread, else ingest's reading and mapping ones.
        if any(re.search(r"MeasuringScan|CaseMeasurements", f) for f in frames):
            st = "measure"
        else:
            st = "ingest: reader thread (decompress, parse, map)"
        frames = []
    for f in reversed(frames):
        m = next((n for n, p in STAGE if re.search(p, f)), None)
        if m: st = m; break
    leaf_c[cat] += 1; stage_c[st] += 1; pair[(st, cat)] += 1
n = sum(leaf_c.values())
print(f"{n} samples")
print("\nby stage (from the stack):")
for k, v in stage_c.most_common(): print(f"  {100*v/n:5.1f} %  {k}")
print("\nby leaf (self time):")
for k, v in leaf_c.most_common(): print(f"  {100*v/n:5.1f} %  {k}")
if "--by-stage" in sys.argv[2:]:
    print("\nleaf groups within each stage:")
    for st, sv in stage_c.most_common():
        row = sorted(((v, c) for (s2, c), v in pair.items() if s2 == st), reverse=True)[:8]
        print(f"  {st} ({100*sv/n:.1f} %): " + ", ".join(f"{c} {100*v/n:.1f}" for v, c in row))
