#!/usr/bin/env bash
# Throughput of Saksgang against the floor (gzip -dc, xmllint --stream) on generated exports.
#   bash Benchmarks/run.sh [CASES...]      (default: 100000 1000000)
# Needs xmllint (Debian libxml2-utils) for the XML floor. Writes under ${BENCH_DIR:-/tmp/saksgang-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_DIR:-/tmp/saksgang-bench}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
swift build -c release --product saksgang >/dev/null
(cd Benchmarks && swift build -c release >/dev/null)
bin="$root/.build/release/saksgang"
bench="$root/Benchmarks/.build/release/saksgang-bench"
command -v xmllint >/dev/null || echo "(xmllint missing: apt-get install libxml2-utils for the XML floor)"
for n in "${sizes[@]}"; do
  d="$work/$n"; rm -rf "$d"; mkdir -p "$d/run"
  echo "== $n cases"
  /usr/bin/time -f "generate: %e s, peak RSS %M KB" "$bin" generate --cases "$n" --seed 1 --output "$d/exports" --no-truth-cases >/dev/null
  rm -f "$d/exports/truth.json"
  echo "exports: $(du -sb "$d/exports" | cut -f1) bytes"
  ( cd "$d/exports"
    /usr/bin/time -f "floor gzip -dc (+cat of plain files): %e s" bash -c 'for f in *.gz; do gzip -dc "$f"; done >/dev/null; cat *.xml *.csv >/dev/null 2>&1 || true'
    if command -v xmllint >/dev/null; then
      /usr/bin/time -f "floor xmllint --stream (XML files): %e s" bash -c 'for f in *.xml.gz; do gzip -dc "$f" | xmllint --stream --noout -; done; for f in *.xml; do [ -f "$f" ] && xmllint --stream --noout "$f"; done'
    fi )
  "$bin" key init "$d/run/k.key" >/dev/null
  /usr/bin/time -f "saksgang run: %e s, peak RSS %M KB" "$bin" run Pipelines/demo.yml --input "$d/exports" --output "$d/run/out" --state "$d/run/state" --key "$d/run/k.key" --quiet
  /usr/bin/time -f "saksgang run again (nothing new): %e s, peak RSS %M KB" "$bin" run Pipelines/demo.yml --input "$d/exports" --output "$d/run/out" --state "$d/run/state" --key "$d/run/k.key" --quiet
  echo "-- stages (cumulative):"
  "$bench" "$d/exports" Pipelines/demo.yml "$d/run/k.key"
done
