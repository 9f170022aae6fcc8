#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/) and runs each one after another, one process at a time.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  time per target (default 60)
#   TARGET   targets to run (default: all of them; `scripts/fuzz.sh 0 list` lists them)
# Environment:
#   RUNS=N            stop a target after N executions instead (SECONDS stays the upper bound),
#                     e.g. RUNS=10000000 scripts/fuzz.sh 3600 cbor_reader
#   FUZZ_SANITIZER    none (default) or address; see docs/RELIABILITY.md
#   FUZZ_TARGET_DIR   the build folder (default $HOME/.cache/pool-console-fuzz-target)
#
# Prints executions, seconds and findings per target, and exits non-zero when any target
# crashed (a panic, a failed assertion, a stack overflow), hung past the per-input timeout,
# or ran out of memory. Crashing inputs are kept in fuzz/artifacts/<target>/; the corpus a run
# grows goes to fuzz/corpus-grown/<target>/ (not committed), the committed seeds stay in
# fuzz/corpus/<target>/.
#
# cargo-fuzz is made for nightly: its sanitizer builds pass -Z flags. The project's machines
# have only the stable toolchain, so the fuzz build alone runs with RUSTC_BOOTSTRAP=1 (stable
# rustc accepting -Z flags); nothing else in the project uses it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-60}
shift || true
runs=${RUNS:-}
sanitizer=${FUZZ_SANITIZER:-none}
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$HOME/.cache/pool-console-fuzz-target}
export CARGO_TERM_COLOR=never

all_targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^pool-console-fuzz$')
if [ "${1:-}" = list ]; then
  echo "$all_targets"
  exit 0
fi
targets=${*:-$all_targets}
for t in $targets; do
  if ! grep -qx "$t" <<<"$all_targets"; then
    echo "unknown target: $t (known: $(echo $all_targets))" >&2
    exit 2
  fi
done

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

echo "== building (sanitizer: $sanitizer, debug assertions on) into $CARGO_TARGET_DIR"
(
  cd fuzz
  # One target: build only it; all: one build for every target.
  if [ "$(wc -w <<<"$targets")" = 1 ]; then
    RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer "$sanitizer" --debug-assertions $targets
  else
    RUSTC_BOOTSTRAP=1 cargo fuzz build --sanitizer "$sanitizer" --debug-assertions
  fi
)
bin_dir="$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release"

mkdir -p fuzz/logs
results=()
failed=0
for t in $targets; do
  grown="fuzz/corpus-grown/$t"
  seeds="fuzz/corpus/$t"
  artifacts="fuzz/artifacts/$t"
  log="fuzz/logs/$t.log"
  mkdir -p "$grown" "$seeds" "$artifacts"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  [ -n "$runs" ] && args+=(-runs="$runs")
  echo "== $t: ${runs:+$runs runs or }${seconds} s"
  start=$(date +%s)
  set +e
  "$bin_dir/$t" "${args[@]}" "$grown" "$seeds" >"$log" 2>&1
  status=$?
  set -e
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs=${execs:-$(grep -o '#[0-9]*' "$log" | tail -1 | tr -d '#')}
  # The corpus as libFuzzer last reported it (the folder also keeps inputs it since reduced).
  corpus=$(grep -oE 'corp: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if grep -q 'ALARM: working on the last Unit' "$log"; then
    result="TIMEOUT"
  elif grep -q 'out-of-memory' "$log"; then
    result="OUT OF MEMORY"
  elif [ "$status" -ne 0 ] || grep -qE 'deadly signal|panicked at|==ERROR' "$log"; then
    result="CRASH"
  else
    result="ok"
  fi
  if [ "$result" != ok ]; then
    failed=1
    echo "   $result: see $log and $artifacts/"
    grep -m3 -E 'panicked at|ERROR|ALARM|Test unit written' "$log" | sed 's/^/   /' || true
  fi
  results+=("$(printf '%-14s %12s %8s %10s %8s  %s' "$t" "${execs:-?}" "$took" \
    "$(( ${execs:-0} / (took > 0 ? took : 1) ))" "${corpus:-?}" "$result")")
done

echo
printf '%-14s %12s %8s %10s %8s  %s\n' target executions seconds "exec/s" corpus result
for r in "${results[@]}"; do
  echo "$r"
done
echo "(logs in fuzz/logs/, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
exit "$failed"
