//! Bad-input cases: key files. A file that is not the key a command needs (another kind,
//! truncated, too short, bad hex, an unknown type, missing, a folder) is named with what it is.
//!
//! Damaged extended (BIP32) signing keys: a secret scalar whose highest
//! bit is set made the curve arithmetic panic (exit 101) in `inspect`, `transaction witness`
//! and `key convert-cardano-address-key`; every such key is now refused when it is read,
//! with a message naming the file, and nothing is written.

use super::common::ok;
use super::*;
use pool_console::core::encoding::bech32;

/// What every command says about a damaged extended payment key.
const MALFORMED: &str = "is not a valid extended (BIP32) payment signing key: its secret scalar is malformed (the file is damaged)";

/// The 128 bytes (kL ‖ kR ‖ public key ‖ chain code) of cardano-cli's extended payment key.
fn extended_payment_key() -> Vec<u8> {
    let text = String::from_utf8(read(&vector(
        "input/keys/extended_payment_keys/signing_key",
    )))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cbor = hex::decode(v["cborHex"].as_str().unwrap()).unwrap();
    assert_eq!(&cbor[..2], &[0x58, 0x80]);
    cbor[2..].to_vec()
}

/// A workspace holding the key with byte 31 of kL (the secret scalar's top byte) set to
/// 0xff: as an envelope, as bech32 text, and as a cardano-address `xprv` (kL ‖ kR ‖ chain
/// code), next to the good `xprv` it was spoiled from.
fn damaged_keys() -> TempDir {
    let w = workspace();
    let d = w.path();
    let good = extended_payment_key();
    let mut bad = good.clone();
    bad[31] = 0xff;
    let envelope = format!(
        "{{\n    \"type\": \"PaymentExtendedSigningKeyShelley_ed25519_bip32\",\n    \"description\": \"Payment Signing Key\",\n    \"cborHex\": \"5880{}\"\n}}\n",
        hex::encode(&bad)
    );
    std::fs::write(d.join("badpay.skey"), envelope).unwrap();
    let bech = bech32::encode("addr_xsk", &bad).unwrap();
    std::fs::write(d.join("badpay.addr_xsk"), format!("{bech}\n")).unwrap();
    let xprv = |key: &[u8]| {
        let mut raw = key[..64].to_vec();
        raw.extend_from_slice(&key[96..]);
        format!("{}\n", bech32::encode("xprv", &raw).unwrap())
    };
    std::fs::write(d.join("good.xprv"), xprv(&good)).unwrap();
    std::fs::write(d.join("bad.xprv"), xprv(&bad)).unwrap();
    w
}

fn witness(key: &str) -> Vec<String> {
    s(&[
        "transaction",
        "witness",
        "--tx-body-file",
        "tx.raw",
        "--signing-key-file",
        key,
        "--mainnet",
        "--out-file",
        "tx.witness",
    ])
}

fn convert(key: &str) -> Vec<String> {
    s(&[
        "key",
        "convert-cardano-address-key",
        "--shelley-stake-key",
        "--signing-key-file",
        key,
        "--out-file",
        "stake.skey",
    ])
}

#[test]
fn a_malformed_extended_secret_scalar_is_refused_not_a_panic() {
    let w = damaged_keys();
    let d = w.path();
    case(
        d,
        &s(&["inspect", "badpay.skey"]),
        "inspect",
        &format!("badpay.skey: the key {MALFORMED}"),
    );
    case(
        d,
        &witness("badpay.skey"),
        "transaction witness",
        &format!("badpay.skey: {MALFORMED}"),
    );
    case(
        d,
        &witness("badpay.addr_xsk"),
        "transaction witness",
        &format!("badpay.addr_xsk: {MALFORMED}"),
    );
    case(
        d,
        &convert("bad.xprv"),
        "key convert-cardano-address-key",
        "bad.xprv: is not a valid extended signing key: its secret scalar is malformed (the file is damaged)",
    );
    // Bech32 text given to inspect: refused (whatever it is called), never a panic.
    let out = run_in(d, &["inspect", "badpay.addr_xsk"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The check refuses only damaged keys: the good `xprv` converts, and the undamaged extended
/// payment key still witnesses a transaction.
#[test]
fn a_good_extended_key_still_converts_and_signs() {
    let w = damaged_keys();
    let d = w.path();
    ok(
        d,
        &[
            "key",
            "convert-cardano-address-key",
            "--shelley-stake-key",
            "--signing-key-file",
            "good.xprv",
            "--out-file",
            "stake.skey",
        ],
    );
    let text = String::from_utf8(read(&d.join("stake.skey"))).unwrap();
    assert!(
        text.contains("StakeExtendedSigningKeyShelley_ed25519_bip32"),
        "{text}"
    );
    std::fs::copy(
        vector("input/keys/extended_payment_keys/signing_key"),
        d.join("goodpay.skey"),
    )
    .unwrap();
    let args = witness("goodpay.skey");
    ok(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(d.join("tx.witness").is_file());
}

#[test]
fn bad_key_files() {
    let w = workspace();
    let d = w.path();
    let id = |file: &str| {
        s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            file,
            "--out-file",
            "id",
        ])
    };
    case(d, &id("vrf.vkey"), "stake-pool id", &format!("vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but {COLD_KINDS} is needed here"));
    case(d, &id("truncated.vkey"), "stake-pool id", "truncated.vkey: key payload is not a CBOR byte string: the CBOR ends early (truncated data) while reading the key bytes");
    case(
        d,
        &id("short.vkey"),
        "stake-pool id",
        "short.vkey: holds a stake pool cold verification key of 16 bytes; it must be 32 bytes",
    );
    case(
        d,
        &id("badhex.vkey"),
        "stake-pool id",
        "badhex.vkey: \"cborHex\" is not valid hexadecimal: Invalid character 'z' at position 2",
    );
    case(
        d,
        &id("unknown.vkey"),
        "stake-pool id",
        "unknown.vkey: has the unknown key type \"MysteryKey_ed25519\"",
    );
    case(d, &id("hello.vkey"), "stake-pool id", "hello.vkey: is not a key file: it is neither a cardano-cli text envelope (JSON) nor a bech32 key");
    case(
        d,
        &id("missing.vkey"),
        "stake-pool id",
        "missing.vkey: cannot read the file: no such file",
    );
    case(
        d,
        &id("folder"),
        "stake-pool id",
        "folder: cannot read the file: it is a folder, not a file",
    );
    case(d, &id("random.bin"), "stake-pool id", "random.bin: is not a key file: it is neither a cardano-cli text envelope (JSON) nor a bech32 key");
    case(
        d,
        &s(&["node", "key-hash-VRF", "--verification-key-file", "kes.vkey"]),
        "node key-hash-VRF",
        "kes.vkey: is a KES verification key (KesVerificationKey_ed25519_kes_2^6), but a VRF verification key (VrfVerificationKey_PraosVRF) is needed here",
    );
}
