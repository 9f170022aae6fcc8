#!/usr/bin/env bash
# The README's and the user guide's pictures: the real program (release build) under Xvfb with
# software rendering and no desktop bus, as on an offline machine, on a demo pool made with the
# console's own command line (scripts/demo-pool.sh).
# Usage: scripts/screenshots.sh [out-dir]   (default docs/screenshots; needs xvfb, imagemagick,
# xdotool, mesa-vulkan-drivers). REVIEW_CLICK / SIGN_CLICK: "X Y" of the button that loads
# the folder's certificate / transaction on those tabs; GOVERNANCE_CLICK: "Read pasted JSON".
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/pool-console-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/pool-console"
out=${1:-docs/screenshots}
mkdir -p "$out"
display=:94
width=1180 height=780
Xvfb $display -screen 0 ${width}x${height}x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill $xvfb 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
home=$(mktemp -d)
unset DBUS_SESSION_BUS_ADDRESS
export DISPLAY=$display HOME=$home XDG_RUNTIME_DIR=$home TZ=UTC
folder=$home/pools/alice-bob-pool
scripts/demo-pool.sh "$bin" "$folder" >/dev/null

# shot NAME TAB [X Y | type TEXT]...: opens the console on TAB, clicks each X Y or types TEXT
# and Enter (after the window settles), and saves the window as NAME.png.
shot() {
  local name=$1 tab=$2
  shift 2
  POOL_CONSOLE_TAB="$tab" "$bin" open "$folder" >/dev/null 2>&1 &
  app=$!
  sleep 4
  # No window manager: give the window the keyboard, or typed text goes nowhere.
  xdotool search --sync --name "Pool Console" windowfocus --sync >/dev/null 2>&1 || true
  while [ $# -ge 2 ]; do
    if [ "$1" = type ]; then
      xdotool type --delay 20 "$2"
      xdotool key Return
    else
      xdotool mousemove "$1" "$2" click 1
    fi
    sleep 1.5
    shift 2
  done
  xdotool mousemove $((width - 1)) $((height - 1))
  sleep 1
  import -window root "$out/$name.png"
  kill "$app"
  wait "$app" 2>/dev/null || true
  app=
  echo "$out/$name.png"
}

shot pool Pool
shot keys Keys
shot kes KES
shot watch Watch
shot opcert "Op cert"
shot registration Registration
# The folder's metadata, then its certificate; then the folder's transaction on Sign (where the
# buttons are at 1180×780; REVIEW_CLICK / SIGN_CLICK override them when the layout moves).
shot review Review ${REVIEW_CLICK:-442 292 414 162}
shot sign Sign ${SIGN_CLICK:-235 212}
# The path field, then the folder's registration certificate typed into it.
shot inspect Inspect 488 118 type "$folder/pool.cert"
# The test fixture's proposals (one line), typed into the paste box, then "Read pasted JSON".
shot governance Governance 660 175 type "$(tr -d '\n' < tests/data/governance/proposals.json | tr -s ' ')" ${GOVERNANCE_CLICK:-234 268}

# An Aion Unity pool (scripts/demo-aion-pool.sh): the checklist, the metadata read back from the
# folder, and registerPool with the folder's signing key and metadata hash used, commission 2 %.
folder=$home/pools/frites-aion
scripts/demo-aion-pool.sh "$bin" "$folder" >/dev/null
shot aion-pool Pool
shot aion-metadata Pool 85 142
shot aion-actions Pool 85 185 260 439 449 439 490 246 type 2
