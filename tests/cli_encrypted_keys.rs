//! Every command that reads a signing key takes an encrypted one (SPO Scripts' `encrHex`
//! envelope): the passphrase from `--passphrase-file` or a no-echo terminal prompt. The output
//! is byte for byte what the plain key gives; a missing or wrong passphrase changes nothing.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::review as fx;
use common::{fails, issue_args, issued_pool, ok, read, snapshot, vector_str};
use tempfile::TempDir;

const PASSPHRASE: &str = "correct horse battery staple";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/third-party/spo-scripts-encrypted")
        .join(name)
}

/// Replaces `key` in `dir` by its encrypted form (our `key encrypt`, passphrase in pass.txt).
fn encrypt_in_place(dir: &Path, key: &str) {
    std::fs::write(dir.join("pass.txt"), format!("{PASSPHRASE}\n")).unwrap();
    ok(
        dir,
        &[
            "key",
            "encrypt",
            "--signing-key-file",
            key,
            "--passphrase-file",
            "pass.txt",
            "--out-file",
            "sealed.tmp",
        ],
    );
    std::fs::rename(dir.join("sealed.tmp"), dir.join(key)).unwrap();
    assert!(String::from_utf8(read(&dir.join(key)))
        .unwrap()
        .contains("encrHex"));
}

/// Two copies of one issued pool: `plain` as made, `locked` with cold.skey encrypted.
fn twin_pools() -> (TempDir, TempDir) {
    let plain = TempDir::new().unwrap();
    issued_pool(plain.path(), 1571, 0);
    let locked = TempDir::new().unwrap();
    for (name, bytes) in snapshot(plain.path()) {
        std::fs::write(locked.path().join(name), bytes).unwrap();
    }
    encrypt_in_place(locked.path(), "cold.skey");
    (plain, locked)
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

const DISTANT: &str = "--allow-distant-kes-period";

#[test]
fn issue_op_cert_with_an_encrypted_cold_key_gives_the_plain_keys_bytes() {
    let (plain, locked) = twin_pools();
    ok(
        plain.path(),
        &args(&issue_args(&[DISTANT], "1572", "next.opcert")),
    );
    let before = snapshot(locked.path());
    ok(
        locked.path(),
        &args(&issue_args(
            &[DISTANT, "--passphrase-file", "pass.txt"],
            "1572",
            "next.opcert",
        )),
    );
    for file in ["next.opcert", "cold.counter"] {
        assert_eq!(
            read(&locked.path().join(file)),
            read(&plain.path().join(file)),
            "{file}"
        );
    }
    // Only the opcert and the counter changed: no decrypted key reached the folder.
    let after = snapshot(locked.path());
    let changed: Vec<_> = after
        .iter()
        .filter(|f| !before.contains(f))
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(changed, ["cold.counter", "next.opcert"]);
}

#[test]
fn the_gpg_made_sample_issues_the_same_opcert_as_its_plain_key() {
    // One KES key for both runs, so both certify the same key.
    let kes_dir = TempDir::new().unwrap();
    issued_pool(kes_dir.path(), 0, 0);
    let kes = kes_dir.path().join("kes.vkey").to_str().unwrap().to_owned();
    let mut opcerts = Vec::new();
    for (key, extra) in [
        ("node.skey", vec![]),
        (
            "node.encrypted.skey",
            vec!["--passphrase-file", "passphrase.txt"],
        ),
    ] {
        let dir = TempDir::new().unwrap();
        let d = dir.path();
        for name in [
            "node.skey",
            "node.encrypted.skey",
            "node.vkey",
            "passphrase.txt",
        ] {
            std::fs::copy(sample(name), d.join(name)).unwrap();
        }
        ok(
            d,
            &[
                "node",
                "new-counter",
                "--cold-verification-key-file",
                "node.vkey",
                "--counter-value",
                "3",
                "--operational-certificate-issue-counter-file",
                "node.counter",
            ],
        );
        let mut a = vec![
            "node",
            "issue-op-cert",
            DISTANT,
            "--kes-verification-key-file",
            &kes,
            "--cold-signing-key-file",
            key,
            "--operational-certificate-issue-counter-file",
            "node.counter",
            "--kes-period",
            "200",
            "--out-file",
            "node.opcert",
        ];
        a.extend(extra);
        ok(d, &a);
        opcerts.push((read(&d.join("node.opcert")), read(&d.join("node.counter"))));
    }
    assert_eq!(opcerts[0], opcerts[1]);
}

#[test]
fn a_witness_from_an_encrypted_key_is_the_plain_keys_witness() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fx::golden_tx(d);
    let key = vector_str("input/keys/extended_payment_keys/signing_key");
    std::fs::copy(&key, d.join("payment.skey")).unwrap();
    encrypt_in_place(d, "payment.skey");
    let witness = |key: &str, out: &str, extra: &[&str]| {
        let mut a = vec![
            "transaction",
            "witness",
            "--tx-body-file",
            "tx.raw",
            "--signing-key-file",
            key,
            "--mainnet",
            "--out-file",
            out,
        ];
        a.extend(extra);
        ok(d, &a);
        read(&d.join(out))
    };
    let plain = witness(&key, "plain.witness", &[]);
    let locked = witness(
        "payment.skey",
        "locked.witness",
        &["--passphrase-file", "pass.txt"],
    );
    assert_eq!(locked, plain);
}

#[test]
fn kes_check_reads_an_encrypted_kes_key() {
    let (plain, _) = twin_pools();
    let check = |dir: &Path, extra: &[&str]| {
        let mut a = vec![
            "kes",
            "check",
            "--kes-signing-key-file",
            "kes.skey",
            "--op-cert-file",
            "node.opcert",
            "--cold-verification-key-file",
            "cold.vkey",
            "--mainnet",
            "--at",
            "2026-11-21T12:00:00Z",
        ];
        a.extend(extra);
        String::from_utf8(ok(dir, &a)).unwrap()
    };
    let expected = check(plain.path(), &[]);
    assert!(
        expected.starts_with("PASS  KES key: kes.skey is the key"),
        "{expected}"
    );
    encrypt_in_place(plain.path(), "kes.skey");
    assert_eq!(
        check(plain.path(), &["--passphrase-file", "pass.txt"]),
        expected
    );
}

/// The last line of stderr of a failing run, and the folder unchanged.
fn refused(dir: &Path, a: &[&str]) -> String {
    let before = snapshot(dir);
    let err = fails(dir, a);
    assert_eq!(snapshot(dir), before, "the folder changed");
    err.lines().last().unwrap_or_default().to_owned()
}

/// issue-op-cert with the encrypted cold key, a passphrase file holding `contents` (none when
/// `None`): the message it stops with, the folder unchanged (counter included).
fn issue_refused(contents: Option<&str>) -> String {
    let (_, locked) = twin_pools();
    let mut extra = vec![DISTANT];
    if let Some(text) = contents {
        std::fs::write(locked.path().join("given.txt"), text).unwrap();
        extra.extend(["--passphrase-file", "given.txt"]);
    }
    refused(
        locked.path(),
        &args(&issue_args(&extra, "1572", "next.opcert")),
    )
}

#[test]
fn without_a_passphrase_file_or_a_terminal_the_key_is_refused() {
    assert_eq!(
        issue_refused(None),
        "Error: cold.skey: is encrypted with a passphrase; give it with --passphrase-file FILE (there is no terminal to ask on)"
    );
}

#[test]
fn a_wrong_passphrase_changes_nothing() {
    assert_eq!(
        issue_refused(Some("not the passphrase\n")),
        "Error: cold.skey: wrong passphrase, or the encrypted key is damaged: it could not be decrypted (check the passphrase, or restore the file from a backup)"
    );
}

#[test]
fn an_empty_passphrase_file_is_refused() {
    assert_eq!(
        issue_refused(Some("\n")),
        "Error: given.txt: the passphrase is empty; write the passphrase on the first line of the passphrase file"
    );
}

#[test]
fn the_passphrase_file_is_read_only_for_an_encrypted_key() {
    // A plain key never needs it: a missing passphrase file is not even opened.
    let (plain, _) = twin_pools();
    ok(
        plain.path(),
        &args(&issue_args(
            &[DISTANT, "--passphrase-file", "missing.txt"],
            "1572",
            "next.opcert",
        )),
    );
    assert!(plain.path().join("next.opcert").exists());
}

#[test]
fn an_encrypted_key_where_a_verification_key_is_read_asks_for_the_vkey() {
    let (_, locked) = twin_pools();
    assert_eq!(
        refused(
            locked.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "cold.skey"
            ]
        ),
        "Error: cold.skey: is an encrypted signing key; give its verification key file here instead (no passphrase is needed for a public key)"
    );
}

/// Runs `args` under util-linux `script` (a pseudo-terminal), types `typed` after the prompt
/// appears, and returns what the terminal showed.
fn on_a_terminal(dir: &Path, a: &[String], typed: &str) -> String {
    let command = std::iter::once(env!("CARGO_BIN_EXE_pool-console").to_owned())
        .chain(a.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux script runs");
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).unwrap_or(0) == 1 {
            if tx.send(byte[0]).is_err() {
                break;
            }
        }
    });
    let mut shown = Vec::new();
    // Wait for the prompt before typing, as a person would.
    while !String::from_utf8_lossy(&shown).contains("Passphrase for ") || !shown.ends_with(b": ") {
        let Ok(b) = rx.recv_timeout(Duration::from_secs(20)) else {
            panic!(
                "no prompt; the terminal showed {:?}",
                String::from_utf8_lossy(&shown)
            );
        };
        shown.push(b);
    }
    // rpassword turns echo off just after printing the prompt: give it that moment.
    std::thread::sleep(Duration::from_millis(300));
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(format!("{typed}\r").as_bytes()).unwrap();
    while let Ok(b) = rx.recv_timeout(Duration::from_secs(20)) {
        shown.push(b);
    }
    drop(stdin);
    child.wait().unwrap();
    String::from_utf8_lossy(&shown).into_owned()
}

#[test]
fn on_a_terminal_the_passphrase_is_asked_without_echo() {
    let (plain, locked) = twin_pools();
    ok(
        plain.path(),
        &args(&issue_args(&[DISTANT], "1572", "next.opcert")),
    );
    let shown = on_a_terminal(
        locked.path(),
        &issue_args(&[DISTANT], "1572", "next.opcert"),
        PASSPHRASE,
    );
    assert_eq!(shown.trim_end(), "Passphrase for cold.skey:");
    assert_eq!(
        read(&locked.path().join("next.opcert")),
        read(&plain.path().join("next.opcert"))
    );
}

#[test]
fn on_a_terminal_a_wrong_passphrase_changes_nothing() {
    let (_, locked) = twin_pools();
    let before = snapshot(locked.path());
    let shown = on_a_terminal(
        locked.path(),
        &issue_args(&[DISTANT], "1572", "next.opcert"),
        "not it",
    );
    assert!(!shown.contains("not it"), "{shown}");
    assert!(
        shown.contains("cold.skey: wrong passphrase, or the encrypted key is damaged"),
        "{shown}"
    );
    assert_eq!(snapshot(locked.path()), before);
}
