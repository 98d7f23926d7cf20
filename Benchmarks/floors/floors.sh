#!/usr/bin/env bash
# The floors of a night's work that the issue's targets are measured against, on generated
# exports, in one invocation: gzip -dc (+ cat) of every file, libxml2's SAX2 parser over the XML
# files with every callback empty, and SQLite storing as many rows as the run stores cases, with
# the store's schema (FLOORS_SCHEMA=old: the index by place with the case id in it, as before
# schema version 3; lean: no index by place), journal and synchronous setting, one transaction
# per file's worth of rows. Then each floor as a multiple of gzip -dc.
#   bash Benchmarks/floors/floors.sh EXPORTS CASES [ROWS_PER_TRANSACTION]
# EXPORTS is a folder of `saksgang generate` (or Benchmarks/throughput.sh) exports, CASES the
# number of cases a run stores from them (its log's `run finished cases=`).
# Needs cc and the -dev packages the product builds with (libxml2, zlib, SQLite).
set -euo pipefail
exports=$1; cases=$2; per=${3:-100000}
here=$(cd "$(dirname "$0")" && pwd)
bin=$(mktemp -d)/floors
trap 'rm -rf "$(dirname "$bin")"' EXIT
cc -O2 -o "$bin" "$here/floors.c" $(pkg-config --cflags --libs libxml-2.0 sqlite3 zlib)
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'; }
gunzip=$(secs bash -c 'cd "$1"; for f in *.gz; do gzip -dc "$f"; done; for f in *; do case $f in *.gz) ;; *) cat "$f" ;; esac; done' _ "$exports")
xml=$("$bin" xml "$exports"/*.xml*)
db=$(dirname "$bin")/floor.sqlite
store=$("$bin" sqlite "$db" "$cases" "$per")
store_old=$(FLOORS_SCHEMA=old "$bin" sqlite "$db" "$cases" "$per")
store_lean=$(FLOORS_SCHEMA=lean "$bin" sqlite "$db" "$cases" "$per")
ratio() { awk -v a="$1" -v b="$gunzip" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-62s %8s %8s\n' "floor ($cases cases, $per rows per transaction)" "seconds" "× gzip"
printf '%-62s %8s %8s\n' "gzip -dc + cat, every file" "$gunzip" "1.00"
printf '%-62s %8s %8s\n' "libxml2 SAX2, empty callbacks, the XML files" "$xml" "$(ratio "$xml")"
printf '%-62s %8s %8s\n' "SQLite, the store's schema (index by school)" "$store" "$(ratio "$store")"
printf '%-62s %8s %8s\n' "SQLite, index by place with the case id (before version 3)" "$store_old" "$(ratio "$store_old")"
printf '%-62s %8s %8s\n' "SQLite, no index by place" "$store_lean" "$(ratio "$store_lean")"
