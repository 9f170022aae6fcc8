//! `aion call-data …` and `aion transaction sign`: every call-data row of AION.md §3 and both
//! deterministic signed transactions of §4.2 byte for byte, through the real binary; the
//! warnings; `--out-file` and what it will not replace.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fails, ok, run_in};
use std::path::Path;
use tempfile::TempDir;

const S: &str = "a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15";
const POOL: &str = "a0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0";
const URL: &str = "https://jennijuju.github.io/stakeFrites.json";
const HASH: &str = "558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a365";
const URL_ABI: &str = "11002c68747470733a2f2f6a656e6e696a756a752e6769746875622e696f2f7374616b654672697465732e6a736f6e";
const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";
const PK: &str = "3ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1";
const REGISTER_SIGNED: &str = "f9012d00a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc8893635c9adc5dea00000b88721000c7265676973746572506f6f6c22a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd150500004e2011002c68747470733a2f2f6a656e6e696a756a752e6769746875622e696f2f7374616b654672697465732e6a736f6e110020558729f5c8468f52b1f532ed53de5df98c0b94c66620c9e6f92b90f06f47a3658705af3107a40000831e84808800000002540be40001b8603ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1ee090a290c7cf9aa1e72f7a325a44196993fd62279ba500d62548a54d911eac4924a18e4ded45ea7a43e80ca3c2227d10aa4e5e37beed6b0ca308611e0dc630b";
const REGISTER_HASH: &str = "d17c172e926c85ac7d4473eb0a905fefd0777ec90d921874d0cf6b5dde7a761b";
const COMMISSION_SIGNED: &str = "f8bf01a0a008e42a76e2e779175c589efdb2a0e742b40d8d421df2b93a8a0b13090c7cc800a321001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a88705af3107a40001831e84808800000002540be40001b8603ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1ef73e3b5c3106caae68ed824602b0396864d8e1baf72877be9df25ec1ae1e44379e85e4a81676af005d6ce097f767a3cfffd7600e886a6d3987767b0a78c7903";
const COMMISSION_HASH: &str = "5cd73f5bce94726e7414eeae748cf84e901e9ee46c33fd94939c9f53a1fd27cb";

fn call_data(args: &str) -> String {
    let dir = TempDir::new().unwrap();
    let mut v = vec!["aion", "call-data"];
    v.extend(args.split_whitespace());
    let out = String::from_utf8(ok(dir.path(), &v)).unwrap();
    out.strip_suffix('\n').unwrap().to_owned()
}

#[test]
fn every_call_data_row_of_aion_md() {
    let rows = [
        (
            format!("register-pool --signing-address 0x{S} --commission-rate 2 --metadata-url {URL} --metadata-hash {HASH}"),
            format!("21000c7265676973746572506f6f6c22{S}0500004e20{URL_ABI}110020{HASH}"),
        ),
        (
            format!("update-metadata --metadata-url {URL} --metadata-hash 0x{HASH}"),
            format!("21000e7570646174654d65746144617461{URL_ABI}110020{HASH}"),
        ),
        (
            "request-commission-change --commission-rate 2.5".to_owned(),
            "21001b72657175657374436f6d6d697373696f6e526174654368616e676505000061a8".to_owned(),
        ),
        (
            "request-commission-change --commission-rate 2".to_owned(),
            "21001b72657175657374436f6d6d697373696f6e526174654368616e67650500004e20".to_owned(),
        ),
        (
            "finalize-commission-change --request-id 1".to_owned(),
            "21001c66696e616c697a65436f6d6d697373696f6e526174654368616e6765060000000000000001".to_owned(),
        ),
        (
            "set-signing-address --signing-address a06f640ced8bd31eb9e191887adde74888e9ca31fd8545dae3ae896773ccbc4f".to_owned(),
            "2100117365745369676e696e674164647265737322a06f640ced8bd31eb9e191887adde74888e9ca31fd8545dae3ae896773ccbc4f".to_owned(),
        ),
        (
            format!("delegate --pool {POOL}"),
            format!("21000864656c656761746522{POOL}"),
        ),
        (
            format!("withdraw-rewards --pool 0x{POOL}"),
            format!("21000f77697468647261775265776172647322{POOL}"),
        ),
        (
            format!("undelegate --pool {POOL} --amount-aion 1000 --fee-aion 0"),
            format!("21000a756e64656c656761746522{POOL}23093635c9adc5dea00000230100"),
        ),
        (
            "finalize-undelegate --request-id 258".to_owned(),
            "21001266696e616c697a65556e64656c6567617465060000000000000102".to_owned(),
        ),
    ];
    for (args, want) in rows {
        assert_eq!(call_data(&args), format!("0x{want}"), "{args}");
    }
}

#[test]
fn register_pool_reminds_of_the_self_bond() {
    let dir = TempDir::new().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "aion",
            "call-data",
            "register-pool",
            "--signing-address",
            S,
            "--commission-rate",
            "2",
            "--metadata-url",
            URL,
            "--metadata-hash",
            HASH,
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Warning: send this from the management key with at least 1000 AION as value (--value-aion 1000): the self-bond\n"
    );
}

/// A folder holding the W3 fixture key as Aion's tools export it (seed ‖ public key).
fn key_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("mgmt.key"), format!("0x{SEED}{PK}\n")).unwrap();
    std::fs::write(dir.path().join("seed.key"), SEED).unwrap();
    dir
}

/// AION.md §4.2's requestCommissionRateChange(2.5 %): value 0, nonce 1, at 1600000000000001 µs.
fn sign_commission(dir: &Path, key: &str, extra: &[&str]) -> std::process::Output {
    let commission = call_data("request-commission-change --commission-rate 2.5");
    sign(dir, key, &commission, "0", "1", "1600000000000001", extra)
}

fn sign(
    dir: &Path,
    key: &str,
    data: &str,
    value: &str,
    nonce: &str,
    ts: &str,
    extra: &[&str],
) -> std::process::Output {
    let mut v = vec![
        "aion",
        "transaction",
        "sign",
        "--signing-key-file",
        key,
        "--pool-registry",
        "mainnet",
        "--call-data",
        data,
        "--value-aion",
        value,
        "--nonce",
        nonce,
        "--timestamp-us",
        ts,
    ];
    v.extend(extra);
    run_in(dir, &v)
}

#[test]
fn the_two_deterministic_transactions_of_aion_md() {
    let dir = key_folder();
    let register = call_data(&format!(
        "register-pool --signing-address {S} --commission-rate 2 --metadata-url {URL} --metadata-hash {HASH}"
    ));
    let out = sign(
        dir.path(),
        "mgmt.key",
        &register,
        "1000",
        "0",
        "1600000000000000",
        &[],
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("Raw transaction: 0x{REGISTER_SIGNED}\nTransaction hash: 0x{REGISTER_HASH}\n")
    );
    // The 32-byte seed alone signs the same, and the energy defaults are Aion's own.
    let out = sign_commission(
        dir.path(),
        "seed.key",
        &["--energy-limit", "2000000", "--energy-price", "10000000000"],
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("Raw transaction: 0x{COMMISSION_SIGNED}\nTransaction hash: 0x{COMMISSION_HASH}\n")
    );
    // A fixed 2020 timestamp is far from any clock running these tests: signed with a warning.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("Warning: the timestamp (2020-09-13 12:26:40 UTC) is "),
        "{stderr}"
    );
    assert!(
        stderr.contains(" days behind this machine's clock ("),
        "{stderr}"
    );
    assert!(stderr.ends_with(
        "Warning: broadcast it before 2020-09-13 13:26:40 UTC: the transaction pool drops a transaction about an hour after its timestamp\n"
    ));
}

#[test]
fn json_holds_the_broadcast_request() {
    let dir = key_folder();
    let out = sign_commission(dir.path(), "mgmt.key", &["--output-json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["rawTransaction"], format!("0x{COMMISSION_SIGNED}"));
    assert_eq!(doc["transactionHash"], format!("0x{COMMISSION_HASH}"));
    assert_eq!(doc["from"], format!("0x{POOL}"));
    assert_eq!(doc["nonce"], "1");
    assert_eq!(doc["broadcastBefore"], "2020-09-13 13:26:40 UTC");
    assert_eq!(
        doc["request"],
        serde_json::json!({
            "jsonrpc": "2.0", "method": "eth_sendRawTransaction",
            "params": [format!("0x{COMMISSION_SIGNED}")], "id": 1
        })
    );
}

#[test]
fn register_pool_without_the_self_bond_is_signed_with_a_warning() {
    let dir = key_folder();
    let register = call_data(&format!(
        "register-pool --signing-address {S} --commission-rate 2 --metadata-url {URL} --metadata-hash {HASH}"
    ));
    let out = sign(
        dir.path(),
        "mgmt.key",
        &register,
        "999.5",
        "0",
        "1600000000000000",
        &[],
    );
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains(
        "Warning: registerPool with 999.5 AION as value fails on chain: the self-bond is at least 1000 AION\n"
    ));
}

#[test]
fn out_file_holds_the_raw_transaction_and_never_replaces_a_key() {
    let dir = key_folder();
    let out = sign_commission(dir.path(), "mgmt.key", &["--out-file", "tx.hex"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("Transaction hash: 0x{COMMISSION_HASH}\n")
    );
    let written = std::fs::read_to_string(dir.path().join("tx.hex")).unwrap();
    assert_eq!(written, format!("0x{COMMISSION_SIGNED}\n"));
    // A later transaction replaces it, as JSON too.
    let commission = call_data("request-commission-change --commission-rate 2.5");
    let out = sign(
        dir.path(),
        "mgmt.key",
        &commission,
        "0",
        "2",
        "1600000000000001",
        &["--out-file", "tx.hex", "--output-json"],
    );
    assert!(out.status.success());
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("tx.hex")).unwrap()).unwrap();
    assert_eq!(doc["nonce"], "2");
    // The key itself is never replaced.
    let before = std::fs::read(dir.path().join("mgmt.key")).unwrap();
    let stderr = fails(
        dir.path(),
        &[
            "aion",
            "transaction",
            "sign",
            "--signing-key-file",
            "mgmt.key",
            "--to",
            POOL,
            "--call-data",
            "",
            "--value-aion",
            "1",
            "--nonce",
            "0",
            "--timestamp-us",
            "1600000000000001",
            "--out-file",
            "mgmt.key",
        ],
    );
    assert!(stderr.contains("mgmt.key"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join("mgmt.key")).unwrap(), before);
}
