#!/usr/bin/env bash
# Throughput targets of the open issue, measured in one invocation on generated exports:
# the floor (gzip -dc of every .gz, cat of the plain files), a full `saksgang run`, an
# SMC-only `saksgang run` and the DuckDB peer script (Benchmarks/duckdb_peer.py) over the same
# SMC files; wall time, CPU time and peak RSS of each, then run/gunzip and SMC-run/DuckDB.
#   bash Benchmarks/throughput.sh [CASES...]     (default: 100000)
# Env: SEED (default 1), PYTHON (default python3; needs duckdb==1.5.6, see README),
# BENCH_DIR (default /tmp/saksgang-bench). Prefix with `nice -n 15` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_DIR:-/tmp/saksgang-bench}
seed=${SEED:-1}
python=${PYTHON:-python3}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000)
"$python" -c 'import duckdb, sys; v = duckdb.__version__; sys.exit(0 if v == "1.5.6" else "duckdb " + v + ", want 1.5.6")' \
  || { echo "needs duckdb 1.5.6: $python -m pip install duckdb==1.5.6 (or PYTHON=a venv's python)"; exit 2; }
swift build -c release --product saksgang >/dev/null
bin="$root/.build/release/saksgang"

# measure NAME COMMAND...: wall, user+sys CPU and peak RSS of COMMAND into $times/NAME.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$times/$name" "$@" >"$times/$name.out" 2>"$times/$name.err" || {
    local rc=$?; [ "$rc" -eq 3 ] || { echo "$name failed ($rc):"; cat "$times/$name.err"; exit 1; }; }
  # /usr/bin/time reports a non-zero exit on its first line; keep the figures line only.
  tail -n 1 "$times/$name" >"$times/$name.t" && mv "$times/$name.t" "$times/$name"
}
field() { awk -v i="$2" '{print $i}' "$times/$1"; }
cpu() { awk '{printf "%.2f", $2 + $3}' "$times/$1"; }
mb() { awk '{printf "%.0f", $4 / 1024}' "$times/$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for n in "${sizes[@]}"; do
  d="$work/throughput-$n"; rm -rf "$d"; mkdir -p "$d/smc" "$d/times"
  times="$d/times"
  "$bin" generate --cases "$n" --seed "$seed" --output "$d/exports" --no-truth-cases >/dev/null
  rm -f "$d/exports/truth.json"
  ln "$d/exports"/smc_* "$d/smc/"
  "$bin" key init "$d/k.key" >/dev/null
  files=$(ls "$d/exports" | wc -l); smc_files=$(ls "$d/smc" | wc -l)
  echo "== $n cases (seed $seed): $files files, $(du -sbL "$d/exports" | cut -f1) bytes; SMC: $smc_files files, $(du -sbL "$d/smc" | cut -f1) bytes"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

  measure gunzip bash -c 'cd "$1"; for f in *.gz; do gzip -dc "$f"; done >/dev/null; for f in *; do case $f in *.gz) ;; *) cat "$f" ;; esac; done >/dev/null' _ "$d/exports"
  measure gunzip_smc bash -c 'cd "$1"; for f in *.gz; do gzip -dc "$f"; done >/dev/null; for f in *; do case $f in *.gz) ;; *) cat "$f" ;; esac; done >/dev/null' _ "$d/smc"
  measure run "$bin" run Pipelines/demo.yml --input "$d/exports" --output "$d/run/out" --state "$d/run/state" --key "$d/k.key" --quiet
  measure run_smc "$bin" run Pipelines/demo.yml --input "$d/smc" --output "$d/run-smc/out" --state "$d/run-smc/state" --key "$d/k.key" --quiet
  measure duckdb "$python" Benchmarks/duckdb_peer.py "$d/smc" --threads 2 --json

  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-40s %8s %10s %9s\n' "" "wall s" "CPU s" "peak MB"
  for row in "gunzip:floor: gzip -dc + cat, all files" "gunzip_smc:floor: gzip -dc + cat, SMC files" \
             "run:saksgang run, all files" "run_smc:saksgang run, SMC files" "duckdb:DuckDB peer, SMC files"; do
    name=${row%%:*}
    printf '%-40s %8s %10s %9s\n' "${row#*:}" "$(field "$name" 1)" "$(cpu "$name")" "$(mb "$name")"
  done
  stored=$("$python" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM cases").fetchone()[0])' "$d/run-smc/state/store.sqlite")
  stored_all=$("$python" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM cases").fetchone()[0])' "$d/run/state/store.sqlite")
  peer=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["cases"])' "$times/duckdb.out")
  echo "cases stored: $stored_all (all files), $stored (SMC files); DuckDB peer: $peer (SMC files)$([ "$stored" = "$peer" ] && echo ", same" || echo ", DIFFERENT")"
  echo "ratios: run/gunzip $(ratio "$(field run 1)" "$(field gunzip 1)") (target <= 3), SMC-run/DuckDB $(ratio "$(field run_smc 1)" "$(field duckdb 1)") (target <= 1), peak RSS of run $(mb run) MB (target at 1M <= 500)"
  echo "(outputs, logs and timings under $d)"
done
