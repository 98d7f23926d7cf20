#!/usr/bin/env python3
"""The peer a researcher would write instead of `saksgang run` over SMC deltas (DuckDB).

    python3 Benchmarks/duckdb_peer.py EXPORT_DIR [--threads 2] [--json]

Reads the SMC files of an export folder (smc_*.csv and smc_*.csv.gz, as in
Pipelines/mappings/smc.yml: `;`-separated, header row, quoted fields may hold `;`, `""` and
line breaks), keeps the latest row per case (case number within its school, by `sist_endret`;
a tie goes to the later export, i.e. the later file name), hashes the pupil id with SHA-256
(`elev_fnr`, or `elev_lokal_id` when it is blank) and prints, by immigrant category
(`innvandringskategori`), the cases, the distinct pupils and the median hours from
knowledge (`meldt_dato`) to the first contact with the home (`forste_kontakt_hjem`).

Encoding as the mapping's `encoding: auto` decides it: a UTF-8 byte order mark means UTF-8;
without one, a file that is valid UTF-8 is UTF-8 and any other is Windows-1252 (SMC version 2
files). DuckDB reads UTF-8 only, so Windows-1252 files are transcoded to UTF-8 first (into a
temporary folder, decompressed); UTF-8 files, gzipped or not, are read as they are.

Needs `duckdb==1.5.6` from PyPI (see Benchmarks/README.md). Phase times go to stderr; the
whole process is what Benchmarks/throughput.sh times. This is a comparison, not a second
implementation: it does no validation, quarantine, disclosure control or pseudonymisation
with a key, so its figures are not Saksgang's.
"""
import argparse
import glob
import gzip
import json
import os
import sys
import tempfile
import time

import duckdb

WANTED = "1.5.6"
BOM = b"\xef\xbb\xbf"
TIME = "coalesce(try_strptime({c}, '%d.%m.%Y %H:%M'), try_strptime({c}, '%d.%m.%Y'))"


def read_bytes(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return f.read()
    with open(path, "rb") as f:
        return f.read()


def is_utf8(data):
    if data.startswith(BOM):
        return True
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def prepare(folder, scratch):
    """The files DuckDB reads: UTF-8 ones as they are, Windows-1252 ones transcoded."""
    paths = sorted(glob.glob(os.path.join(folder, "smc_*.csv")) + glob.glob(os.path.join(folder, "smc_*.csv.gz")))
    if not paths:
        sys.exit(f"no smc_*.csv or smc_*.csv.gz in {folder}")
    readable, transcoded = [], 0
    for path in paths:
        data = read_bytes(path)
        if is_utf8(data):
            readable.append(path)
            continue
        name = os.path.basename(path)
        name = name[:-3] if name.endswith(".gz") else name
        out = os.path.join(scratch, name)  # same base name: the export date stays in it
        with open(out, "wb") as f:
            f.write(data.decode("cp1252").encode("utf-8"))
        readable.append(out)
        transcoded += 1
    return readable, transcoded


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if duckdb.__version__ != WANTED:
        print(f"warning: duckdb {duckdb.__version__}, the comparison is made with {WANTED}", file=sys.stderr)

    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="duckdb-peer-") as scratch:
        files, transcoded = prepare(args.folder, scratch)
        t1 = time.perf_counter()
        con = duckdb.connect()
        con.execute(f"SET threads = {args.threads}")
        con.execute("""
            CREATE TEMP TABLE rows AS
            SELECT *, regexp_extract(filename, 'smc_[0-9]{4}_([0-9]{8})', 1) AS export_date
            FROM read_csv(?, delim = ';', quote = '"', escape = '"', header = true,
                          all_varchar = true, filename = true, union_by_name = true)
        """, [files])
        rows = con.execute("SELECT count(*) FROM rows").fetchone()[0]
        latest = f"""
            WITH latest AS (
                SELECT * FROM rows
                QUALIFY row_number() OVER (PARTITION BY saksnr, skole_orgnr
                                           ORDER BY {TIME.format(c='sist_endret')} DESC NULLS LAST,
                                                    export_date DESC) = 1
            ), timed AS (
                SELECT coalesce(nullif(innvandringskategori, ''), '(blank)') AS category,
                       sha256(coalesce(nullif(trim(elev_fnr), ''), nullif(trim(elev_lokal_id), ''))) AS pupil,
                       date_diff('minute', {TIME.format(c='meldt_dato')},
                                 {TIME.format(c='forste_kontakt_hjem')}) / 60.0 AS hours
                FROM latest
            )
            SELECT category, count(*) AS cases, count(DISTINCT pupil) AS pupils,
                   count(hours) FILTER (WHERE hours >= 0) AS timed,
                   median(hours) FILTER (WHERE hours >= 0) AS median_hours
            FROM timed GROUP BY ALL ORDER BY category
        """
        table = con.execute(latest).fetchall()
        t2 = time.perf_counter()

    cases = sum(r[1] for r in table)
    print(f"files {len(files)} ({transcoded} transcoded from Windows-1252), rows {rows}, cases {cases}; "
          f"transcode {t1 - t0:.2f} s, query {t2 - t1:.2f} s", file=sys.stderr)
    if args.json:
        print(json.dumps({"files": len(files), "rows": rows, "cases": cases,
                          "by_category": [dict(zip(["category", "cases", "pupils", "timed", "median_hours"], r))
                                          for r in table]}, indent=1))
    else:
        print("category  cases  pupils  timed  median hours knowledge→first home contact")
        for category, n, pupils, timed, median in table:
            m = "" if median is None else f"{median:.2f}"
            print(f"{category:<9} {n:>6} {pupils:>7} {timed:>6}  {m}")
        print(f"total     {cases:>6}")


if __name__ == "__main__":
    main()
