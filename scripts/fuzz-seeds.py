#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/.

Seeds come from the test vectors in tests/data (text envelopes as they are, their CBOR as
binary, hex golden files turned into bytes, the bodies inside transactions) plus a few inputs
written here for the text parsers and the transaction body fields no vector has. Seeds are
named by their content hash, so running this again adds nothing twice.

Usage: scripts/fuzz-seeds.py            (from anywhere; rewrites the seeds, keeps other files)
"""

import hashlib
import json
import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "cardano-cli"
CORPUS = ROOT / "fuzz" / "corpus"
MAX_SEED = 16 * 1024

seeds: dict[str, dict[str, bytes]] = {}


def add(target: str, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    seeds.setdefault(target, {})[name] = data


# ------------------------------------------------------------------------------- tiny CBOR


def item_end(b: bytes, i: int) -> int:
    """Byte offset just after the CBOR item starting at i (definite lengths only)."""
    pending = 1
    while pending:
        pending -= 1
        first = b[i]
        major, info = first >> 5, first & 0x1F
        i += 1
        if info < 24:
            arg = info
        elif info in (24, 25, 26, 27):
            n = 1 << (info - 24)
            arg = int.from_bytes(b[i : i + n], "big")
            i += n
        else:
            raise ValueError("indefinite or malformed")
        if major in (2, 3):
            i += arg
        elif major == 4:
            pending += arg
        elif major == 5:
            pending += 2 * arg
        elif major == 6:
            pending += 1
    return i


def head(major: int, arg: int) -> bytes:
    m = major << 5
    if arg < 24:
        return bytes([m | arg])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if arg < 1 << (8 * struct.calcsize(fmt)):
            return bytes([m | info]) + struct.pack(fmt, arg)
    raise ValueError(arg)


def enc(v) -> bytes:
    """Python values to CBOR: int, bytes, str, list, dict, bool, None, ('tag', n, v)."""
    if v is None:
        return b"\xf6"
    if isinstance(v, bool):
        return b"\xf5" if v else b"\xf4"
    if isinstance(v, int):
        return head(0, v) if v >= 0 else head(1, -1 - v)
    if isinstance(v, bytes):
        return head(2, len(v)) + v
    if isinstance(v, str):
        return head(3, len(v.encode())) + v.encode()
    if isinstance(v, list):
        return head(4, len(v)) + b"".join(enc(x) for x in v)
    if isinstance(v, dict):
        return head(5, len(v)) + b"".join(enc(k) + enc(x) for k, x in v.items())
    if isinstance(v, tuple) and v[0] == "tag":
        return head(6, v[1]) + enc(v[2])
    if isinstance(v, tuple) and v[0] == "raw":
        return v[1]
    raise TypeError(v)


def tx_parts(tx: bytes) -> list[bytes]:
    """The four items of a transaction [body, witnesses, valid, aux] as raw spans."""
    assert tx[0] == 0x84
    out, i = [], 1
    for _ in range(4):
        j = item_end(tx, i)
        out.append(tx[i:j])
        i = j
    return out


# ------------------------------------------------------------------------------ the vectors

envelopes: list[tuple[str, dict, bytes]] = []
for path in sorted(DATA.rglob("*")):
    if not path.is_file() or path.name == "MANIFEST.md":
        continue
    raw = path.read_bytes()
    text = raw.decode("utf-8", "replace").strip()
    if text.startswith("{"):
        try:
            doc = json.loads(text)
        except ValueError:
            continue
        if isinstance(doc, dict) and "cborHex" in doc:
            envelopes.append((path.name, doc, raw))
        elif isinstance(doc, dict) and "name" in doc and "ticker" in doc:
            add("metadata", raw)
            add("envelope", raw)
        elif "relays" in path.name:
            add("relay", raw)
        continue
    if re.fullmatch(r"[0-9a-fA-F]+", text):
        data = bytes.fromhex(text)
        if path.name.endswith(".cbor.hex"):  # a bare transaction body
            add("tx_view", data)
            add("transaction", data)
            add("transaction", text)
            add("cbor_reader", data)
            add("cbor_text", data)
        elif len(data) in (28, 29, 32):  # pool ids, key hashes, reward accounts, hashes
            add("address", data if len(data) == 29 else text)
            add("metadata", text)
            add("key_file", text)
        continue
    if re.fullmatch(r"[a-z_]+1[02-9ac-hj-np-z]+", text):  # bech32: addresses, keys, pool ids
        add("bech32", text)
        add("key_file", text)
        if text.startswith(("stake", "pool")):
            add("address", text)

for name, doc, raw in envelopes:
    cbor = bytes.fromhex(doc["cborHex"])
    ty = doc.get("type", "")
    add("envelope", raw)
    add("cbor_reader", cbor)
    add("cbor_text", cbor)
    if ty.startswith(("Tx ", "Unwitnessed Tx ", "Witnessed Tx ")):
        add("transaction", raw)
        add("transaction", cbor)
        body = tx_parts(cbor)[0]
        add("tx_view", body)
        add("cbor_reader", body)
    elif ty.startswith("TxWitness "):
        add("transaction", raw)
    elif ty.startswith("Certificate"):
        add("certificate", raw)
        add("certificate", cbor)
    elif ty.startswith("NodeOperationalCertificate"):
        add("key_file", raw)
        add("key_file", cbor)
    else:
        add("key_file", raw)

# --------------------------------------------------------- transaction bodies, every field

h28, h32 = bytes(range(28)), bytes(range(32))
tx_in = [h32, 0]
addr_base = bytes([0x01]) + h28 + h28
addr_enterprise = bytes([0x61]) + h28
reward = bytes([0xE1]) + h28
certs = [c for _, d, _ in envelopes if d.get("type", "").startswith("Certificate")
         for c in [bytes.fromhex(d["cborHex"])]]
body = {
    0: ("tag", 258, [tx_in]),
    1: [
        {0: addr_base, 1: [2_000_000, {h28: {b"tok": 5}}], 2: [0, h32], 3: ("tag", 24, b"\x82\x00")},
        [addr_enterprise, 1_000_000, h32],
    ],
    2: 170_000,
    3: 99_999_999,
    4: ("tag", 258, [("raw", c) for c in certs[:4]]),
    5: {reward: 0},
    7: h32,
    8: 12,
    9: {h28: {b"": -1}},
    11: h32,
    13: [tx_in],
    14: ("tag", 258, [h28]),
    15: 1,
    16: [addr_enterprise, 5_000_000],
    17: 5_000_000,
    18: [tx_in],
    19: {},
    20: [],
    21: 0,
    22: 1,
    23: 0,
}
full_body = enc(body)
small_body = enc({0: [tx_in], 1: [[addr_enterprise, 1]], 2: 0})
for b in (full_body, small_body):
    add("tx_view", b)
    add("cbor_reader", b)
    add("cbor_text", b)
witness_set = {0: ("tag", 258, [[h32, bytes(64)]]), 1: [[0, h28]]}
for b in (full_body, small_body):
    tx = enc([("raw", b), witness_set, True, None])
    add("transaction", tx)
    add("transaction", tx.hex())
    add("transaction", json.dumps({"type": "Tx ConwayEra", "description": "", "cborHex": tx.hex()}))
# Edge shapes for the reader: indefinite items, floats, simple values, tags, deep nesting.
for hexed in ["9f01ff", "5f4101ff", "7f6161ff", "bf0102ff", "f97e00", "fa47c35000",
              "fb3ff199999999999a", "f820", "f7", "c249010000000000000000", "d9010280",
              "8181818181818181818180", "3bffffffffffffffff", "1bffffffffffffffff", "60", "40"]:
    add("cbor_reader", bytes.fromhex(hexed))
    add("cbor_text", bytes.fromhex(hexed))

# --------------------------------------------------------------------------- text parsers

plan_tests = (ROOT / "src/core/review/plan/tests.rs").read_text()
m = re.search(r'const SAMPLE: &str = r#"(.*?)"#;', plan_tests, re.S)
if m:
    add("plan", m.group(1))
    sample = json.loads(m.group(1))
    sample.update(network="testnet", network_magic=42)
    add("plan", json.dumps(sample))

kes_info = {"qKesCurrentKesPeriod": 1571, "qKesEndKesInterval": 1627, "qKesMaxKESEvolutions": 62,
            "qKesNodeStateOperationalCertificateNumber": 3,
            "qKesOnDiskOperationalCertificateNumber": 4, "qKesSlotsPerKesPeriod": 129600,
            "qKesStartKesInterval": 1565}
add("period_info", "✓ Operational certificate's KES period is within the correct KES period interval\n"
    "✓ The operational certificate counter agrees with the node protocol state counter\n"
    + json.dumps(kes_info, indent=4))
add("period_info", json.dumps(dict(kes_info, qKesNodeStateOperationalCertificateNumber=None)))
add("period_info", "7")

add("node_metrics", "# TYPE cardano_node_metrics_currentKESPeriod_int gauge\n"
    "cardano_node_metrics_currentKESPeriod_int 1571\n"
    "cardano_node_metrics_remainingKESPeriods_int 52\n"
    "cardano_node_metrics_operationalCertificateStartKESPeriod_int 1562\n"
    "cardano_node_metrics_operationalCertificateExpiryKESPeriod_int 1624\n"
    "cardano_node_metrics_slotNum_int 135782400\n")
add("node_metrics", 'cardano_node_Forge_metrics_remainingKESPeriods_int{network="mainnet",a="x}\\" y"} 5.5e1 1700000000000\n'
    "# HELP x\nrts_gc_bytes_copied 123\n")

shelley = {"systemStart": "2022-06-01T00:00:00Z", "networkMagic": 1, "epochLength": 432000,
           "slotLength": 1, "slotsPerKESPeriod": 129600, "maxKESEvolutions": 62, "securityParam": 2160}
byron = {"startTime": 1654041600, "protocolConsts": {"k": 2160},
         "blockVersionData": {"slotDuration": "20000"}}
numbers = bytes([1]) + struct.pack("<QQQ", 4, 80_000_000, 400)
add("genesis", json.dumps(shelley).encode() + b"\0" + json.dumps(byron).encode() + b"\0" + numbers)
shelley.update(systemStart="2017-09-23T21:44:51Z", networkMagic=764824073, slotLength=0.2)
byron.update(startTime=1506203091, blockVersionData={"slotDuration": 20000})
add("genesis", json.dumps(shelley).encode() + b"\0" + json.dumps(byron).encode() + b"\0" + bytes(25))

pool = "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv"
line = {"recordedAt": "2026-09-01T08:30:05Z", "pool": pool, "issueNumber": 7, "kesPeriod": 1031,
        "kesVkeyHash": "89eb0d6a8a691dae2cd15ed0369931ce0a949ecafa5c3f93f8121833646e15c3"}
add("journal", json.dumps(line, separators=(",", ":")) + "\n"
    + json.dumps(dict(line, issueNumber=8, recordedAt="2026-10-01T08:30:05+02:00")) + "\n\n"
    + '{"recordedAt":"2026-09')

for text in ["relay1.example.com", "_cardano._tcp.example.com", "203.0.113.10", "[2001:db8::1]",
             "2001:db8::ffff:1.2.3.4", "3001", "relay.example.com:3001", "https://relay.example.com"]:
    add("relay", text)
for value in [[0, 3001, bytes([203, 0, 113, 10]), None], [0, None, None, bytes(16)],
              [1, 3001, "relay1.example.com"], [2, "_cardano._tcp.example.com"]]:
    add("relay", enc(value))

for text in ["0.015", "3/200", "1.5%", "1", "0", "1/3", "0.1000000000000000000000000001", "100%"]:
    add("margin", text)
add("margin", struct.pack("<QQ", 1, 3))
for text in ["250000", "340.5", "250,000 ADA", "0.000001", "18446744073709.551615", "1 000 000"]:
    add("amount", text)
add("amount", struct.pack("<Q", 2**64 - 1))
add("address", pool)
add("bech32", pool)
add("metadata", "https://example.com/pool.json")

add("message", "cannot read \"x\": expected `y`, found \x1b[31mred\u202e")
add("message", "the key ed25519_sk1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq was given\0--signing-key\0"
    "ed25519_sk1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")
add("message", "hash " + "ab" * 32 + "\0--metadata-hash\0" + "ab" * 32)

# ------------------------------------------------------------------- regression findings
# Inputs behind fixed findings (docs/RELIABILITY.md), kept so every run tries them again. The
# fuzzer cannot forge bech32 checksums, so these two were made by hand.
for text in ["pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9088vrm7",  # padding bit set
             "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9wqfgm34z"]:  # an extra group
    add("bech32", text)
    add("address", text)
add("journal", json.dumps(dict(line, recordedAt="9999-12-31T23:59:59-23:59")) + "\n")

# ------------------------------------------------------------------------------------ write

total = 0
for target, files in sorted(seeds.items()):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    for name, data in files.items():
        (folder / name).write_bytes(data)
        total += len(data)
    print(f"{target:14} {len(files):4} seeds")
print(f"total {total} bytes")
