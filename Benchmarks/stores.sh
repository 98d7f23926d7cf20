#!/usr/bin/env bash
# A night on each state store: the same generated exports through `saksgang run` on SQLite
# (the state folder's store.sqlite) and on PostgreSQL (a fresh database on the server the
# URL names; the role must be allowed to create databases), first run and a second with
# nothing new, wall time and peak RSS of the saksgang process.
#   bash Benchmarks/stores.sh postgresql://USER@HOST:PORT/DB [CASES]     (default 100000)
# Needs psql (Debian postgresql-client). Writes under ${BENCH_DIR:-/tmp/saksgang-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:?usage: bash Benchmarks/stores.sh postgresql://USER@HOST:PORT/DB [CASES]}
n=${2:-100000}
work=${BENCH_DIR:-/tmp/saksgang-bench}/stores-$n
swift build -c release --product saksgang >/dev/null
bin="$PWD/.build/release/saksgang"
rm -rf "$work"; mkdir -p "$work"
"$bin" generate --cases "$n" --seed 1 --output "$work/exports" --no-truth-cases >/dev/null
rm -f "$work/exports/truth.json"
"$bin" key init "$work/k.key" >/dev/null
database="saksgang_bench_$$"
psql -q "$server" -c "CREATE DATABASE $database"
trap 'psql -q "$server" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"' EXIT
pg_url=$(echo "$server" | sed -E "s|/[^/?]*(\?.*)?$|/$database\1|")
echo "== $n cases: $(ls "$work/exports" | wc -l) files, $(du -sb "$work/exports" | cut -f1) bytes"
for store in sqlite postgresql; do
  args=(run Pipelines/demo.yml --input "$work/exports" --output "$work/$store-out" --state "$work/$store-state" --key "$work/k.key" --quiet)
  [ "$store" = postgresql ] && args+=(--store "$pg_url")
  /usr/bin/time -f "$store: saksgang run: %e s, peak RSS %M KB" "$bin" "${args[@]}"
  /usr/bin/time -f "$store: saksgang run again (nothing new): %e s, peak RSS %M KB" "$bin" "${args[@]}"
done
for f in tables.json tables.csv report.html; do
  cmp -s "$work/sqlite-out/$f" "$work/postgresql-out/$f" && echo "$f: identical" || echo "$f: DIFFERS"
done
