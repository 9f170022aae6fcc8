#!/usr/bin/env bash
# Makes a demo Aion Unity pool folder with the console's own command line: the folder marker,
# the management and block-signing keys, and metadata (no logo) the console reads back.
# Usage: scripts/demo-aion-pool.sh BINARY FOLDER   (used by scripts/screenshots.sh)
set -euo pipefail
bin=$1
dir=$2
mkdir -p "$dir"
cd "$dir"
run() { "$bin" "$@" >/dev/null; }
printf '%s\n' '{"profile":"aion-unity","note":"Pool Console opens this folder with its Aion Unity tabs."}' \
  > aion-profile.json
run aion key-gen --signing-key-file management.key --verification-key-file management.pub
run aion key-gen --signing-key-file signing.key --verification-key-file signing.pub
# As the console writes it: compact, Pool Console's key order, no trailing newline.
printf '%s' '{"schemaVersion":"1.0","description":"A community pool run from a home lab, with a low fee and a public status page.","name":"Frites Pool","tags":["low fee","community"],"url":"https://frites.example"}' \
  > aion-metadata.json
"$bin" aion metadata-check --metadata-file aion-metadata.json >/dev/null
