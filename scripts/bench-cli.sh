#!/usr/bin/env bash
# Wall time of whole command-line calls (process start to exit), release build.
# Usage: scripts/bench-cli.sh [runs]   (default 200). Prints the mean and the slowest run.
set -euo pipefail
runs=${1:-200}
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/pool-console-target}
cargo build --release --quiet
bin="$CARGO_TARGET_DIR/release/pool-console"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
v=tests/data/cardano-cli

measure() {
  local name=$1; shift
  local total=0 worst=0
  for i in $(seq 1 "$runs"); do
    rm -f "$work"/out-*
    local start end took
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    took=$(( (end - start) / 1000 ))
    total=$(( total + took ))
    (( took > worst )) && worst=$took
  done
  printf '%-34s mean %6d µs   slowest %6d µs   (%d runs)\n' "$name" $(( total / runs )) "$worst" "$runs"
}

measure "node key-gen" "$bin" node key-gen --cold-verification-key-file "$work/out-vk" \
  --cold-signing-key-file "$work/out-sk" --operational-certificate-issue-counter-file "$work/out-c"
measure "node key-gen-KES" "$bin" node key-gen-KES --verification-key-file "$work/out-vk" --signing-key-file "$work/out-sk"
measure "stake-pool registration-certificate" "$bin" stake-pool registration-certificate \
  --cold-verification-key-file $v/input/node-pool/operator.vkey --vrf-verification-key-file $v/input/node-pool/vrf.vkey \
  --mainnet --pool-pledge 100000000000 --pool-cost 170000000 --pool-margin 0.015 \
  --pool-reward-account-verification-key-file $v/input/node-pool/owner.vkey \
  --pool-owner-stake-verification-key-file $v/input/node-pool/owner.vkey \
  --pool-relay-ipv4 203.0.113.10 --pool-relay-port 3001 --out-file "$work/out-cert"
measure "stake-pool id" "$bin" stake-pool id --cold-verification-key-file $v/input/node-pool/operator.vkey
