//! Key-safety tests: what files are written and what they may replace: devices, unrecognised
//! secrets, --force and kinds, dangling links, distant KES periods, 0600 decodings (defect
//! classes 1, 2, 5, 6, 7, 11, 12, 13, 14 together with crashes.rs).

use std::path::Path;

#[allow(unused_imports)]
use super::common::*;
use super::stderr_of;
use tempfile::TempDir;

const DEREG: [&str; 8] = [
    "stake-pool",
    "deregistration-certificate",
    "--cold-verification-key-file",
    "cold.vkey",
    "--epoch",
    "300",
    "--out-file",
    "OUT",
];

fn dereg(out: &str) -> Vec<&str> {
    DEREG
        .iter()
        .map(|a| if *a == "OUT" { out } else { a })
        .collect()
}

#[cfg(unix)]
#[test]
fn device_files_are_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    for dev in ["/dev/null", "/dev/full", "/dev/zero"] {
        let out = run_in(d.path(), &dereg(dev));
        assert_eq!(out.status.code(), Some(1), "{dev}");
        assert_eq!(
            stderr_of(&out),
            format!("Command failed: stake-pool deregistration-certificate\nError: {dev}: is a device, not a regular file; give the name of a file to write\n")
        );
        let meta = std::fs::metadata(dev).unwrap();
        assert!(meta.file_type().is_char_device(), "{dev} is still a device");
    }
    // cardano-cli's idiom for printing: written as a stream, so `| cat` ends.
    for stream in ["/dev/stdout", "-"] {
        let out = run_in(d.path(), &dereg(stream));
        assert!(out.status.success(), "{}", stderr_of(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with("{\n    \"type\": \"Certificate\""),
            "{text}"
        );
    }
    // A signing key never goes to a stream.
    let out = run_in(
        d.path(),
        &[
            "node",
            "key-gen-VRF",
            "--verification-key-file",
            "vrf.vkey",
            "--signing-key-file",
            "/dev/stdout",
        ],
    );
    assert_eq!(
        stderr_of(&out),
        "Command failed: node key-gen-VRF\nError: /dev/stdout: a VRF signing key is never written to a terminal or pipe; give a file name\n"
    );
    assert!(out.stdout.is_empty());
    assert!(!d.path().join("vrf.vkey").exists());
}

/// Files an output must never replace: keys this tool reads only as "something secret", and
/// keys it knows, in forms it cannot recognise as an output.
fn unrecognised_secrets(dir: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let bech = |hrp: &str, len: usize| {
        let hrp = bech32::Hrp::parse(hrp).unwrap();
        bech32::encode::<bech32::Bech32>(hrp, &vec![7u8; len]).unwrap()
    };
    let cold = std::fs::read(dir.join("cold.skey")).unwrap();
    let mut padded = cold.clone();
    padded.extend(std::iter::repeat_n(b' ', 70 * 1024));
    let mut bom_crlf = b"\xef\xbb\xbf".to_vec();
    bom_crlf.extend(
        String::from_utf8(cold)
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    let utxo = format!(
        "{{\"type\": \"GenesisUTxOSigningKey_ed25519\", \"description\": \"\", \"cborHex\": \"5820{}\"}}",
        "42".repeat(32)
    );
    vec![
        ("xprv.key", bech("xprv", 96).into_bytes()),
        ("stake.xsk", bech("stake_xsk", 96).into_bytes()),
        ("root.xsk", bech("root_xsk", 96).into_bytes()),
        ("addr.xsk", bech("addr_xsk", 96).into_bytes()),
        ("phrase.txt", b"abandon ability able about above absent absorb abstract absurd abuse access accident\n".to_vec()),
        ("utxo.skey", utxo.into_bytes()),
        ("byron.key", vec![0x82, 0x58, 0x40, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ("padded.skey", padded),
        ("bom.skey", bom_crlf),
    ]
}

#[test]
fn outputs_never_replace_key_files_they_do_not_recognise() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    for (name, bytes) in unrecognised_secrets(d.path()) {
        std::fs::write(d.path().join(name), &bytes).unwrap();
        for args in [
            dereg(name),
            vec![
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "cold.vkey",
                "--out-file",
                name,
            ],
        ] {
            let out = run_in(d.path(), &args);
            assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr_of(&out));
            let err = stderr_of(&out);
            assert!(
                err.contains(&format!("Error: {name}: the file holds "))
                    && err.contains("never replace"),
                "{name}: {err}"
            );
            assert_eq!(std::fs::read(d.path().join(name)).unwrap(), bytes, "{name}");
        }
    }
}

#[test]
fn force_never_replaces_another_kind() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let cold = std::fs::read(d.path().join("cold.skey")).unwrap();
    let out = run_in(
        d.path(),
        &[
            "node",
            "new-counter",
            "--force",
            "--cold-verification-key-file",
            "cold.vkey",
            "--counter-value",
            "7",
            "--operational-certificate-issue-counter-file",
            "cold.skey",
        ],
    );
    assert_eq!(
        stderr_of(&out),
        "Command failed: node new-counter\nError: cold.skey: the file holds a stake pool cold signing key; it is never replaced by an operational certificate issue counter, even with --force (move it away or choose another name)\n"
    );
    let out = run_in(
        d.path(),
        &[
            "node",
            "key-gen-KES",
            "--force",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "cold.skey",
        ],
    );
    assert_eq!(
        stderr_of(&out),
        "Command failed: node key-gen-KES\nError: cold.skey: the file holds a stake pool cold signing key; it is never replaced by a KES signing key, even with --force (move it away or choose another name)\n"
    );
    assert_eq!(std::fs::read(d.path().join("cold.skey")).unwrap(), cold);
    // The same kind is replaced with --force, and then as a pair.
    let before = std::fs::read(d.path().join("kes.skey")).unwrap();
    ok(
        d.path(),
        &[
            "node",
            "key-gen-KES",
            "--force",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "kes.skey",
        ],
    );
    assert_ne!(std::fs::read(d.path().join("kes.skey")).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_output_is_written_through() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let d = TempDir::new().unwrap();
    let usb = TempDir::new().unwrap();
    symlink(usb.path().join("cold.skey"), d.path().join("cold.skey")).unwrap();
    ok(
        d.path(),
        &[
            "node",
            "key-gen",
            "--cold-verification-key-file",
            "cold.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
        ],
    );
    let link = std::fs::symlink_metadata(d.path().join("cold.skey")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    let real = std::fs::metadata(usb.path().join("cold.skey")).unwrap();
    assert!(real.is_file());
    assert_eq!(real.permissions().mode() & 0o777, 0o600);
    // A link into a folder that is not there (the stick is not plugged in) writes nothing.
    symlink("/nonexistent-usb/kes.skey", d.path().join("kes.skey")).unwrap();
    let err = fails(
        d.path(),
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "kes.skey",
        ],
    );
    assert_eq!(
        err,
        "Command failed: node key-gen-KES\nError: kes.skey: cannot write the file: the folder /nonexistent-usb does not exist\n"
    );
    assert!(!d.path().join("kes.vkey").exists());
}

#[test]
fn kes_period_far_from_now_is_refused() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let before = snapshot(d.path());
    for period in ["0", "15770", "18446744073709551615"] {
        let args = issue_args(&[], period, "node.opcert");
        let err = fails(
            d.path(),
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert!(
            err.starts_with(&format!("Command failed: node issue-op-cert\nError: KES period {period} is far from the current one (")),
            "{err}"
        );
        assert!(
            err.contains(" on mainnet, ") && err.contains("--allow-distant-kes-period"),
            "{err}"
        );
        assert_eq!(snapshot(d.path()), before, "the counter did not move");
    }
    // The current period (by the same clock) is accepted.
    let now = String::from_utf8(ok(
        d.path(),
        &["kes", "period", "--mainnet", "--output-json"],
    ))
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&now).unwrap();
    let period = json["kesPeriod"]
        .as_u64()
        .or(json["kes_period"].as_u64())
        .unwrap()
        .to_string();
    let args = issue_args(&[], &period, "node.opcert");
    ok(
        d.path(),
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[cfg(unix)]
#[test]
fn decoded_signing_keys_are_written_0600() {
    use std::os::unix::fs::PermissionsExt;
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    for (flag, out) in [
        ("--output-text", "skey.txt"),
        ("--output-json", "skey.json"),
    ] {
        ok(
            d.path(),
            &[
                "text-view",
                "decode-cbor",
                "--in-file",
                "cold.skey",
                flag,
                "--out-file",
                out,
            ],
        );
        let mode = std::fs::metadata(d.path().join(out))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{out}");
    }
    ok(
        d.path(),
        &[
            "text-view",
            "decode-cbor",
            "--in-file",
            "cold.vkey",
            "--out-file",
            "vkey.txt",
        ],
    );
    let mode = std::fs::metadata(d.path().join("vkey.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[cfg(unix)]
#[test]
fn decoded_secrets_of_types_we_do_not_know_are_0600_too() {
    use std::os::unix::fs::PermissionsExt;
    let d = TempDir::new().unwrap();
    let env = format!(
        "{{\"type\": \"GenesisUTxOSigningKey_ed25519\", \"description\": \"\", \"cborHex\": \"5820{}\"}}",
        "42".repeat(32)
    );
    std::fs::write(d.path().join("utxo.skey"), env).unwrap();
    ok(
        d.path(),
        &[
            "text-view",
            "decode-cbor",
            "--in-file",
            "utxo.skey",
            "--out-file",
            "utxo.txt",
        ],
    );
    let mode = std::fs::metadata(d.path().join("utxo.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let err = fails(
        d.path(),
        &[
            "text-view",
            "decode-cbor",
            "--in-file",
            "utxo.skey",
            "--out-file",
            "/dev/stdout",
        ],
    );
    assert!(err.ends_with("Error: /dev/stdout: a decoded signing key is never written to a terminal or pipe; give a file name\n"), "{err}");
}
