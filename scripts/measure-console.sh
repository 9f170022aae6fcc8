#!/usr/bin/env bash
# Console start-up time and memory, release build, software rendering under Xvfb.
# Usage: scripts/measure-console.sh [pool-folder]   (needs: xvfb, mesa-vulkan-drivers)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/pool-console-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/pool-console"
folder=${1:-}
display=:93
Xvfb $display -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
home=$(mktemp -d)
export DISPLAY=$display HOME=$home XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$home}
echo "== first frame (5 runs)"
for i in 1 2 3 4 5; do
  POOL_CONSOLE_MEASURE_STARTUP=1 "$bin" ${folder:+open "$folder"} 2>&1 | grep 'first frame' || true
done
echo "== resident memory after 5 s idle on the Pool tab"
"$bin" ${folder:+open "$folder"} >/dev/null 2>&1 &
pid=$!
sleep 5
grep -E 'VmRSS|VmHWM' /proc/$pid/status
echo "== CPU used while idle for 10 s on the Pool tab (it repaints once a minute; the KES tab once a second)"
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
sleep 10
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "$(( (t1 - t0) * 1000 / $(getconf CLK_TCK) )) ms of CPU in 10 s"
kill $pid
