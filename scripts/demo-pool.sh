#!/usr/bin/env bash
# Makes a demo pool folder with the console's own command line: two owners (alice, bob), cold,
# VRF and KES keys, an opcert at the current KES period, metadata, the registration and the
# owners' delegation certificates, and the registration transaction the owners sign.
# Usage: scripts/demo-pool.sh BINARY FOLDER   (used by scripts/screenshots.sh)
set -euo pipefail
bin=$1
dir=$2
mkdir -p "$dir"
cd "$dir"
run() { "$bin" "$@" >/dev/null; }
period=$("$bin" kes period --mainnet --output-json | sed -n 's/.*"kesPeriod": \([0-9]*\).*/\1/p')
run node key-gen --cold-verification-key-file cold.vkey --cold-signing-key-file cold.skey \
  --operational-certificate-issue-counter-file cold.counter
run node key-gen-VRF --verification-key-file vrf.vkey --signing-key-file vrf.skey
run node key-gen-KES --verification-key-file kes.vkey --signing-key-file kes.skey
run node issue-op-cert --kes-verification-key-file kes.vkey --cold-signing-key-file cold.skey \
  --operational-certificate-issue-counter-file cold.counter --kes-period "$period" \
  --out-file node.opcert
for owner in alice bob; do
  run stake-address key-gen --verification-key-file "$owner.stake.vkey" \
    --signing-key-file "$owner.stake.skey"
  run stake-address stake-delegation-certificate --stake-verification-key-file "$owner.stake.vkey" \
    --cold-verification-key-file cold.vkey --out-file "$owner.deleg.cert"
done
cat > poolMetaData.json <<'JSON'
{"name":"Alice and Bob Pool","description":"A small independent pool run from a home lab in Lisbon, with two owners who both pledge.","ticker":"ALBO","homepage":"https://alicebob.example"}
JSON
hash=$("$bin" stake-pool metadata-hash --pool-metadata-file poolMetaData.json)
run stake-pool registration-certificate --cold-verification-key-file cold.vkey \
  --vrf-verification-key-file vrf.vkey --pool-pledge 300000000000 --pool-cost 170000000 \
  --pool-margin 0.015 --pool-reward-account-verification-key-file alice.stake.vkey \
  --pool-owner-stake-verification-key-file alice.stake.vkey \
  --pool-owner-stake-verification-key-file bob.stake.vkey \
  --single-host-pool-relay relay1.alicebob.example --pool-relay-port 3001 \
  --single-host-pool-relay relay2.alicebob.example --pool-relay-port 3001 \
  --metadata-url https://alicebob.example/poolMetaData.json --metadata-hash "$hash" \
  --mainnet --out-file pool.cert
# The transaction an online machine would build: one input, one output, fee, ttl, and the
# certificates (CBOR copied from the files above), as `transaction build-raw` writes it.
python3 - <<'PY'
import json
def cbor_hex(name):
    return json.load(open(name))["cborHex"]
certs = [cbor_hex("pool.cert"), cbor_hex("alice.deleg.cert"), cbor_hex("bob.deleg.cert")]
addr = "016b837ca50316ee4e00033482ed128887d72c2bae5b0438d692dc1251b0c8b17595ebdb93c1f974be0a9b1ef26c474649d9c2ae766ed135cf"
body = ("a5"
        + "00" + "d9010281825820" + "23" * 32 + "00"
        + "01" + "8182" + "5839" + addr + "1a3b9aca00"
        + "02" + "1a0002bf20"
        + "03" + "1a0c24a1a0"
        + "04" + "d90102" + "83" + "".join(certs))
tx = {"type": "Tx ConwayEra", "description": "Ledger Cddl Format",
      "cborHex": "84" + body + "a0f5f6"}
open("registration.tx", "w").write(json.dumps(tx, indent=4) + "\n")
PY
echo "$dir"
