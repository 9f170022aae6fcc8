//! `kes period` and `kes expiry`: the OPERATORS.md §3 clock vectors through the command line.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ok, vector};
use tempfile::TempDir;

fn text(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap()
}

#[test]
fn mainnet_epoch_507_start() {
    let d = TempDir::new().unwrap();
    let out = text(ok(
        d.path(),
        &["kes", "period", "--mainnet", "--at", "2024-09-01T21:44:51Z"],
    ));
    assert_eq!(
        out,
        "Network:     mainnet\nTime (UTC):  2024-09-01T21:44:51Z\nSlot:        133660800\nEpoch:       507\nKES period:  1031\n"
    );
}

#[test]
fn preview_vector_as_json() {
    let d = TempDir::new().unwrap();
    // 1694212036 = 2023-09-08T22:27:16Z
    let out = ok(
        d.path(),
        &[
            "kes",
            "period",
            "--testnet-magic",
            "2",
            "--at",
            "2023-09-08T22:27:16Z",
            "--output-json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["slot"], 27_556_036);
    assert_eq!(v["epoch"], 318);
    assert_eq!(v["kesPeriod"], 212);
    assert_eq!(v["network"], "preview");
}

#[test]
fn custom_network_from_genesis_files() {
    let d = TempDir::new().unwrap();
    std::fs::write(
        d.path().join("shelley.json"),
        r#"{"systemStart":"2022-06-01T00:00:00Z","networkMagic":1,"epochLength":432000,"slotLength":1,
            "slotsPerKESPeriod":129600,"maxKESEvolutions":62,"securityParam":2160}"#,
    )
    .unwrap();
    std::fs::write(
        d.path().join("byron.json"),
        r#"{"startTime":1654041600,"protocolConsts":{"k":2160},"blockVersionData":{"slotDuration":"20000"}}"#,
    )
    .unwrap();
    let custom = ok(
        d.path(),
        &[
            "kes",
            "period",
            "--shelley-genesis-file",
            "shelley.json",
            "--byron-genesis-file",
            "byron.json",
            "--at",
            "2026-11-21T12:00:00Z",
            "--output-json",
        ],
    );
    let preprod = ok(
        d.path(),
        &[
            "kes",
            "period",
            "--testnet-magic",
            "1",
            "--at",
            "2026-11-21T12:00:00Z",
            "--output-json",
        ],
    );
    let (c, p): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&custom).unwrap(),
        serde_json::from_slice(&preprod).unwrap(),
    );
    assert_eq!(
        (
            c["slot"].clone(),
            c["epoch"].clone(),
            c["kesPeriod"].clone()
        ),
        (
            p["slot"].clone(),
            p["epoch"].clone(),
            p["kesPeriod"].clone()
        )
    );
    // preprod: slot = unix − 1655683200
    let unix = 1_795_262_400i64; // 2026-11-21T12:00:00Z
    assert_eq!(c["slot"], unix - 1_655_683_200);
}

#[test]
fn expiry_of_an_opcert() {
    let d = TempDir::new().unwrap();
    // The derived n7-p350 opcert starts at KES period 350: valid 350..=411, expiring at the
    // start of period 412 = slot 412 × 129600 = 53395200 on mainnet (unix 53395200 + 1591566291).
    let op = vector("derived/opcert/n7-p350/node.opcert");
    let op = op.to_str().unwrap();
    let at = "2021-01-01T00:00:00Z"; // mainnet KES period 138: not yet valid
    let v: serde_json::Value = serde_json::from_slice(&ok(
        d.path(),
        &[
            "kes",
            "expiry",
            "--op-cert-file",
            op,
            "--mainnet",
            "--at",
            at,
            "--output-json",
        ],
    ))
    .unwrap();
    assert_eq!(v["startKesPeriod"], 350);
    assert_eq!(v["lastValidKesPeriod"], 411);
    assert_eq!(v["expirySlot"], 53_395_200);
    assert_eq!(v["expiresUtc"], "2022-02-15T21:44:51Z");
    assert_eq!(v["status"], "not yet valid");
    assert_eq!(v["validNow"], false);

    let v: serde_json::Value = serde_json::from_slice(&ok(
        d.path(),
        &[
            "kes",
            "expiry",
            "--op-cert-file",
            op,
            "--mainnet",
            "--at",
            "2022-02-15T21:44:50Z",
            "--output-json",
        ],
    ))
    .unwrap();
    assert_eq!(
        (
            v["status"].as_str(),
            v["currentKesPeriod"].as_u64(),
            v["periodsLeft"].as_u64(),
            v["secondsRemaining"].as_i64()
        ),
        (Some("valid"), Some(411), Some(1), Some(1))
    );

    let out = text(ok(
        d.path(),
        &[
            "kes",
            "expiry",
            "--op-cert-file",
            op,
            "--mainnet",
            "--at",
            "2022-02-15T21:44:51Z",
        ],
    ));
    assert!(out.contains("Status:              expired\n"), "{out}");
    assert!(
        out.contains("Expires (UTC):       2022-02-15T21:44:51Z\n"),
        "{out}"
    );
}
