#!/bin/bash
# Byte comparison for a refactor: runs the same ~640 CLI commands with two builds and diffs every
# stdout, stderr, exit code and file written. Each ROOT is a checkout with `npm run build` done.
#   bench/same-outputs.sh OLD_ROOT NEW_ROOT [WORK_DIR]
# The commands: every values-like fixture rated with each of 7 thresholds files, validate, the capped
# and one-thread paths, the long files by period, the example, Fingertips, workbooks; and, when
# bench/data has been generated (npm run bench), slices of the NHS files at CCG and GP level on 1-3
# threads, with and without the prefilter, the full files, and 500,000 bad rows.
set -u
OLD=$1; NEW=$2; WORK=${3:-$(mktemp -d)}
HERE=$(cd "$(dirname "$0")/.." && pwd); F=$HERE/fixtures; D=$HERE/bench/data; S=$WORK/slices
mkdir -p "$S"
if [ -f "$D/nhs-long.csv" ]; then
  [ -f "$S/long200k.csv" ] || head -n 200001 "$D/nhs-long.csv" > "$S/long200k.csv"
  [ -f "$S/practice150k.csv" ] || head -n 150001 "$D/nhs-practice.csv" > "$S/practice150k.csv"
  [ -f "$S/long-bad.csv" ] || (head -n 1 "$D/nhs-long.csv"; tail -n +2 "$D/nhs-long.csv" | head -n 120000 | awk 'NR%997==0{sub(/,[^,]*$/,",notnum")}1') > "$S/long-bad.csv"
fi
outputs() {
  local ROOT=$1 OUT=$2 n=0
  rm -rf "$OUT"; mkdir -p "$OUT"
  run() { n=$((n+1)); local d=$OUT/$n; mkdir -p "$d"; echo "$*" > "$d/cmd"; (cd "$d" && NO_COLOR=1 node "$ROOT/bin/ccg-ratings.js" "$@" > stdout 2> stderr; echo $? > rc); }
  local TH="$F/bad/thresholds.csv $F/formats/thresholds.csv $F/fingertips/thresholds.csv $F/units/thresholds.csv $F/uncertainty/thresholds.csv $F/trend/thresholds.csv $F/example/thresholds.csv"
  local VALS
  VALS=$(ls $F/bad/*.csv $F/formats/* $F/fuzz/*.csv $F/encodings/*.csv $F/fingertips/*.csv $F/units/values.csv $F/uncertainty/values.csv $F/trend/*.csv $F/periods/long-two-periods.csv $F/formula/values.csv $F/example/*synthetic.csv $F/frameworks/*values*.csv $F/nof/*.csv $F/xlsx/*.xlsx | grep -v thresholds)
  for v in $VALS; do
    for t in $TH; do run rate --thresholds "$t" --values "$v" --out o.csv -q; done
    run validate --thresholds "$F/formats/thresholds.csv" --values "$v" --format json
    run rate --thresholds "$F/formats/thresholds.csv" --values "$v" --max-errors 1 --threads 1
  done
  for v in $F/formats/*long*.csv $F/trend/quarters-synthetic.csv $F/periods/long-two-periods.csv; do
    for t in $TH; do
      run rate --thresholds "$t" --values "$v" --period-col period --format json
      run rate --thresholds "$t" --values "$v" --period-col quarter --format json
    done
  done
  run rate --example; run rate --example --format json; run explain --example --org 00C; run validate --example
  run rate --thresholds "$F/formats/thresholds.csv" --values "$F/formats/nhs-digital-long.csv" --org-col ORG_CODE1 --indicator-col MEASURE_ID --value-col MEASURE_VALUE --where GROUP_TYPE=CCG
  run rate --framework nof-2025-26 --values "$F/nof/acute-2025-26-q1-synthetic.csv" --out n.csv -q
  run rate --framework nof-2025-26 --values "$F/nof/acute-2025-26-q2-synthetic.csv" --format json
  run rate --thresholds "$F/fingertips/thresholds.csv" --values "$F/fingertips/export-synthetic.csv" --layout fingertips
  run rate --thresholds "$F/xlsx/thresholds.xlsx" --values "$F/xlsx/ccg-2016-17-mental-health-synthetic.xlsx"
  run rate --thresholds "$F/xlsx/thresholds.xlsx" --values "$F/xlsx/bad-cell.xlsx"
  [ -f "$D/nhs-long.csv" ] || return 0
  local NHS="--framework $D/framework-24.json --org-col ORG_CODE1 --name-col ORG_NAME1 --indicator-col MEASURE_ID --value-col MEASURE_VALUE --period-col REPORTING_PERIOD_START"
  for f in "$S/long200k.csv" "$S/practice150k.csv" "$S/long-bad.csv"; do
    for lvl in CCG GP; do for th in "" "--threads 1" "--threads 2" "--threads 3"; do
      run rate $NHS --values "$f" --where GROUP_TYPE=$lvl $th --out o.csv -q
    done; done
    run validate $NHS --values "$f" --where GROUP_TYPE=CCG --max-errors 0
    run rate $NHS --values "$f" --where GROUP_TYPE=GP --no-prefilter --max-errors 3
  done
  run rate $NHS --values "$D/nhs-practice.csv" --where GROUP_TYPE=GP --out o.csv -q
  run rate $NHS --values "$D/nhs-long.csv" --where GROUP_TYPE=CCG --out o.csv -q
  run rate $NHS --values "$D/nhs-long.csv" --where GROUP_TYPE=GP --out o.csv -q --threads 2
  [ -f "$D/bad-500000.csv" ] && run rate --thresholds "$F/formats/thresholds.csv" --values "$D/bad-500000.csv" --max-errors 5
  [ -f "$D/bad-50000.csv" ] && run validate --thresholds "$F/formats/thresholds.csv" --values "$D/bad-50000.csv" --format json
  return 0
}
outputs "$OLD" "$WORK/old"
outputs "$NEW" "$WORK/new"
total=$(ls "$WORK/old" | wc -l)
if diff -r "$WORK/old" "$WORK/new" > "$WORK/diff.txt"; then
  echo "$total commands: all identical (stdout, stderr, exit code, files written)"
else
  changed=$(grep -c -E '^(diff -r|Only in)' "$WORK/diff.txt")
  echo "$total commands: $changed files differ; see $WORK/diff.txt"
  exit 1
fi
