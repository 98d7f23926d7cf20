#!/bin/sh
# Regenerates the committed research extract from generated data, deterministically: the same
# generator seed, the same synthetic test key (fixture-key.hex: for synthetic data only), the
# demo pipeline. ResearchExtractTests does the same in-process and fails when the result
# differs from the committed files. Then run check_kanonymity.py (pycanon) to refresh
# pycanon_result.json.
#
#   sh Fixtures/extract/make_fixture.sh        (from the repository root, after `swift build`)
set -eu
SAKSGANG=${SAKSGANG:-.build/debug/saksgang}
HERE=Fixtures/extract
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$SAKSGANG" generate --cases 1500 --seed 20251128 --output "$WORK/exports" > /dev/null
cp "$HERE/fixture-key.hex" "$WORK/fixture.key"
chmod 600 "$WORK/fixture.key"
"$SAKSGANG" run Pipelines/demo.yml --input "$WORK/exports" --output "$WORK/out" --state "$WORK/state" \
    --key "$WORK/fixture.key" --quiet
"$SAKSGANG" extract Pipelines/demo.yml --state "$WORK/state" --output "$HERE/extract.csv"
