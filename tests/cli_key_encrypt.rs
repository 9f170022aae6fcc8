//! `key encrypt` / `key decrypt`: SPO Scripts' encrypted envelope, opened by stock gpg and
//! opening gpg's files; bad inputs refused with exact messages and nothing written.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fails, ok, read, snapshot};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/third-party/spo-scripts-encrypted")
        .join(name)
}

/// A temporary folder holding the samples this test names.
fn folder(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::copy(sample(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn key_cmd<'a>(verb: &'a str, key: &'a str, pass: &'a str, out: &'a str) -> Vec<&'a str> {
    vec![
        "key",
        verb,
        "--signing-key-file",
        key,
        "--passphrase-file",
        pass,
        "--out-file",
        out,
    ]
}

#[test]
fn decrypts_the_gpg_made_sample_to_the_plain_key_byte_for_byte() {
    let dir = folder(&["node.encrypted.skey", "passphrase.txt"]);
    ok(
        dir.path(),
        &key_cmd(
            "decrypt",
            "node.encrypted.skey",
            "passphrase.txt",
            "node.skey",
        ),
    );
    assert_eq!(
        read(&dir.path().join("node.skey")),
        read(&sample("node.skey"))
    );
    assert_eq!(mode(&dir.path().join("node.skey")), 0o600);
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_bytes() {
    let dir = folder(&["pool-1853.skey", "passphrase.txt"]);
    ok(
        dir.path(),
        &key_cmd("encrypt", "pool-1853.skey", "passphrase.txt", "locked.skey"),
    );
    let locked = String::from_utf8(read(&dir.path().join("locked.skey"))).unwrap();
    assert!(
        locked.contains("\"encrHex\": \"") && !locked.contains("cborHex"),
        "{locked}"
    );
    assert_eq!(mode(&dir.path().join("locked.skey")), 0o600);
    ok(
        dir.path(),
        &key_cmd("decrypt", "locked.skey", "passphrase.txt", "open.skey"),
    );
    assert_eq!(
        read(&dir.path().join("open.skey")),
        read(&sample("pool-1853.skey"))
    );
}

#[test]
fn stock_gpg_opens_our_encrypted_key() {
    if Command::new("gpg").arg("--version").output().is_err() {
        eprintln!("SKIPPED: gpg is not installed (apt-get install gnupg)");
        return;
    }
    let dir = folder(&["node.skey", "passphrase.txt"]);
    ok(
        dir.path(),
        &key_cmd("encrypt", "node.skey", "passphrase.txt", "locked.skey"),
    );
    let locked: serde_json::Value =
        serde_json::from_slice(&read(&dir.path().join("locked.skey"))).unwrap();
    let message = hex::decode(locked["encrHex"].as_str().unwrap()).unwrap();
    std::fs::write(dir.path().join("message.gpg"), message).unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = Command::new("gpg")
        .env("GNUPGHOME", home.path())
        .current_dir(dir.path())
        .args([
            "--batch",
            "--pinentry-mode",
            "loopback",
            "--passphrase-file",
        ])
        .args(["passphrase.txt", "--decrypt", "message.gpg"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plain: serde_json::Value = serde_json::from_slice(&read(&sample("node.skey"))).unwrap();
    let expected = format!("{}\n", plain["cborHex"].as_str().unwrap());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn a_wrong_passphrase_is_refused_and_nothing_is_written() {
    let dir = folder(&["node.encrypted.skey"]);
    std::fs::write(dir.path().join("wrong.txt"), "Vector-Passphrase-1854\n").unwrap();
    let before = snapshot(dir.path());
    let err = fails(
        dir.path(),
        &key_cmd("decrypt", "node.encrypted.skey", "wrong.txt", "node.skey"),
    );
    assert_eq!(err.lines().last().unwrap_or_default(), "Error: node.encrypted.skey: wrong passphrase, or the encrypted key is damaged: it could not be decrypted (check the passphrase, or restore the file from a backup)");
    assert!(!err.contains("1854"));
    assert_eq!(snapshot(dir.path()), before);
}

/// Writes the broken inputs the table below names.
fn broken_inputs(dir: &Path) {
    std::fs::write(dir.join("garbage.skey"), "{\"type\":\"x\"\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "\nsecond line\n").unwrap();
    let sealed = String::from_utf8(read(&dir.join("node.encrypted.skey"))).unwrap();
    let hex_start = sealed.find("\"encrHex\": \"").unwrap() + 12;
    let mut corrupt = sealed.clone().into_bytes();
    corrupt[hex_start + 100] = if corrupt[hex_start + 100] == b'0' {
        b'1'
    } else {
        b'0'
    };
    std::fs::write(dir.join("corrupt.skey"), corrupt).unwrap();
    std::fs::write(
        dir.join("badhex.skey"),
        sealed.replacen("\"encrHex\": \"", "\"encrHex\": \"zz", 1),
    )
    .unwrap();
    let not_pgp = format!("{}00112233\"\n}}\n", &sealed[..hex_start]);
    std::fs::write(dir.join("notpgp.skey"), not_pgp).unwrap();
}

#[test]
fn bad_inputs_are_refused_with_exact_messages_and_nothing_written() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        ("encrypt", "garbage.skey", "passphrase.txt", "o.skey",
         "garbage.skey: is not a cardano-cli text envelope (JSON with \"type\", \"description\" and \"cborHex\"): EOF while parsing an object at line 2 column 0"),
        ("encrypt", "node.encrypted.skey", "passphrase.txt", "o.skey",
         "node.encrypted.skey: is already encrypted (it has \"encrHex\"); nothing to do"),
        ("encrypt", "node.vkey", "passphrase.txt", "o.skey",
         "node.vkey: holds stake pool cold verification key (StakePoolVerificationKey_ed25519); only signing keys are encrypted"),
        ("encrypt", "node.skey", "missing.txt", "o.skey",
         "missing.txt: cannot read the file: no such file"),
        ("encrypt", "node.skey", "empty.txt", "o.skey",
         "empty.txt: the passphrase is empty; write the passphrase on the first line of the passphrase file"),
        ("encrypt", "node.skey", "passphrase.txt", "node.vkey",
         "node.vkey: the file holds a stake pool cold verification key; it is never replaced by a stake pool cold signing key, even with --force (move it away or choose another name)"),
        ("encrypt", "node.skey", "passphrase.txt", "node.skey",
         "node.skey: the file already exists; it holds a stake pool cold signing key and is not replaced without --force (move it away or pass --force)"),
        ("decrypt", "corrupt.skey", "passphrase.txt", "o.skey",
         "corrupt.skey: wrong passphrase, or the encrypted key is damaged: it could not be decrypted (check the passphrase, or restore the file from a backup)"),
        ("decrypt", "badhex.skey", "passphrase.txt", "o.skey",
         "badhex.skey: \"encrHex\" is not valid hexadecimal: Invalid character 'z' at position 0"),
        ("decrypt", "notpgp.skey", "passphrase.txt", "o.skey",
         "notpgp.skey: \"encrHex\" is not an OpenPGP message encrypted with a passphrase (the file is damaged)"),
        ("decrypt", "node.skey", "passphrase.txt", "o.skey",
         "node.skey: is not encrypted (it holds a plain \"cborHex\" key); nothing to decrypt"),
        ("decrypt", "garbage.skey", "passphrase.txt", "o.skey",
         "garbage.skey: is not an encrypted key envelope (JSON with \"type\", \"description\" and \"encrHex\"): EOF while parsing an object at line 1 column 11"),
        ("decrypt", "node.encrypted.skey", "empty.txt", "o.skey",
         "empty.txt: the passphrase is empty; write the passphrase on the first line of the passphrase file"),
        ("decrypt", "node.encrypted.skey", "passphrase.txt", "node.skey",
         "node.skey: the file already exists; it holds a stake pool cold signing key and is not replaced without --force (move it away or pass --force)"),
        ("decrypt", "missing.skey", "passphrase.txt", "o.skey",
         "missing.skey: cannot read the file: no such file"),
    ];
    let dir = folder(&[
        "node.skey",
        "node.vkey",
        "node.encrypted.skey",
        "passphrase.txt",
    ]);
    broken_inputs(dir.path());
    let before = snapshot(dir.path());
    for (verb, key, pass, out, expected) in cases {
        let err = fails(dir.path(), &key_cmd(verb, key, pass, out));
        let message = err.lines().last().unwrap_or_default();
        assert_eq!(
            message,
            format!("Error: {expected}"),
            "key {verb} {key} {pass} {out}"
        );
        assert!(!err.contains("Vector-Passphrase"), "{err}");
        assert_eq!(
            snapshot(dir.path()),
            before,
            "key {verb} {key} changed the folder"
        );
    }
}
