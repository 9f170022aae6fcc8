#!/usr/bin/env bash
# Console start-up time, memory and idle CPU per tab: release build, software rendering under Xvfb.
# Usage: scripts/measure-console.sh [pool-folder]   (needs: xvfb, mesa-vulkan-drivers)
# Without a folder, a fresh mainnet pool is made with the console's own command line (its opcert
# starts at the current KES period), so the KES and Watch tabs have a countdown to draw.
# IDLE_SECONDS (default 60) sets how long each tab is watched idle: at least a minute, since an
# idle tab redraws about once a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/pool-console-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/pool-console"
folder=${1:-}
idle=${IDLE_SECONDS:-60}
display=:93
Xvfb $display -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  kill $xvfb 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
home=$(mktemp -d)
# No desktop bus: the file dialogs' portal is not wanted here, and a stale address only delays.
unset DBUS_SESSION_BUS_ADDRESS
export DISPLAY=$display HOME=$home XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$home}
if [ -z "$folder" ]; then
  folder=$home/pool
  mkdir -p "$folder"
  period=$("$bin" kes period --mainnet --output-json | sed -n 's/.*"kesPeriod": \([0-9]*\).*/\1/p')
  (cd "$folder" &&
    "$bin" node key-gen --cold-verification-key-file cold.vkey --cold-signing-key-file cold.skey \
      --operational-certificate-issue-counter-file cold.counter >/dev/null &&
    "$bin" node key-gen-KES --verification-key-file kes.vkey --signing-key-file kes.skey >/dev/null &&
    "$bin" node issue-op-cert --kes-verification-key-file kes.vkey --cold-signing-key-file cold.skey \
      --operational-certificate-issue-counter-file cold.counter --kes-period "$period" \
      --out-file node.opcert >/dev/null)
fi
echo "== first frame (5 runs)"
for i in 1 2 3 4 5; do
  POOL_CONSOLE_MEASURE_STARTUP=1 "$bin" open "$folder" 2>&1 | grep 'first frame' || true
done
echo "== resident memory after 5 s idle on the Pool tab"
POOL_CONSOLE_TAB=pool "$bin" open "$folder" >/dev/null 2>&1 &
pid=$!
pids+=("$pid")
sleep 5
grep -E 'VmRSS|VmHWM' /proc/$pid/status
kill $pid
echo "== CPU used while idle, per tab: $idle s each after 8 s to settle, one tab at a time"
# One window at a time: on a bare X server a window under another one is not redrawn at all.
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
for tab in Pool Keys KES Watch "Op cert" Registration Review Sign Retire Inspect; do
  POOL_CONSOLE_TAB="$tab" "$bin" open "$folder" >/dev/null 2>&1 &
  pid=$!
  pids+=("$pid")
  sleep 8
  before=$(ticks "$pid")
  sleep "$idle"
  ms=$(( ($(ticks "$pid") - before) * 1000 / hz ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v t="$tab" -v ms="$ms" -v s="$idle" \
    'BEGIN { printf "%-13s %6d ms of CPU in %d s = %.2f %% of a core\n", t, ms, s, ms / (s * 10) }'
done
