//! Shared helpers for the command-line tests: run the real binary, find test vectors.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod aion;
pub mod governance;
pub mod metrics_server;
pub mod review;
pub mod ui;
pub mod wallet_tx;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A vector under `tests/data/cardano-cli/` (copied from shared/vectors/cardano-cli; see
/// tests/data/README.md for where each came from).
pub fn vector(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cardano-cli")
        .join(rel)
}

pub fn vector_str(rel: &str) -> String {
    vector(rel).to_str().unwrap().to_owned()
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Runs `pool-console` with the arguments (split on whitespace; `{name}` placeholders are
/// vector paths) in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pool-console"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// Runs and asserts success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = run_in(dir, args);
    assert!(
        out.status.success(),
        "pool-console {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs and asserts failure with exit code 1 and no panic; returns stderr.
pub fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run_in(dir, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(1),
        "pool-console {args:?} should fail with 1; stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "panic in {args:?}:\n{stderr}");
    stderr
}

/// Every file in `dir`, sorted, as (name, bytes).
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = if e.path().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (name, bytes)
        })
        .collect();
    v.sort();
    v
}

pub fn assert_same_file(actual: &Path, expected: &Path) {
    let a = read(actual);
    let e = read(expected);
    assert!(
        a == e,
        "{} differs from {}:\n--- ours\n{}\n--- expected\n{}",
        actual.display(),
        expected.display(),
        String::from_utf8_lossy(&a),
        String::from_utf8_lossy(&e)
    );
}

/// `node key-gen` in `p`: cold.vkey, cold.skey, cold.counter.
pub fn cold_key_gen(p: &Path) {
    ok(
        p,
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
}

/// Fills `p` through the command line: a plain cold key pair and counter (`node key-gen`:
/// cold.vkey, cold.skey, cold.counter) and a CIP-1853 extended one (`key derive` from a fresh
/// phrase: x.vkey, x.skey).
pub fn plain_and_extended_cold_keys(p: &Path) {
    cold_key_gen(p);
    ok(
        p,
        &[
            "key",
            "mnemonic-gen",
            "--size",
            "24",
            "--out-file",
            "phrase.txt",
        ],
    );
    ok(
        p,
        &[
            "key",
            "derive",
            "--mnemonic-file",
            "phrase.txt",
            "--path",
            "1853H/1815H/0H/0H",
            "--signing-key-file",
            "x.skey",
            "--verification-key-file",
            "x.vkey",
        ],
    );
}

/// Fills `p` through the command line: cold keys, a counter set to `n`, a KES pair, and an
/// opcert with issue number `n` for KES period `period` (the counter then reads n + 1).
pub fn issued_pool(p: &Path, period: u64, n: u64) {
    cold_key_gen(p);
    ok(
        p,
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "kes.skey",
        ],
    );
    if n > 0 {
        std::fs::remove_file(p.join("cold.counter")).unwrap();
        ok(
            p,
            &[
                "node",
                "new-counter",
                "--cold-verification-key-file",
                "cold.vkey",
                "--counter-value",
                &n.to_string(),
                "--operational-certificate-issue-counter-file",
                "cold.counter",
            ],
        );
    }
    ok(
        p,
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
            "--kes-period",
            &period.to_string(),
            "--out-file",
            "node.opcert",
        ],
    );
}

/// `node issue-op-cert` on the standard names of [`issued_pool`] (kes.vkey, cold.skey,
/// cold.counter), for `period` into `out`, with the flags in `extra` first.
pub fn issue_args(extra: &[&str], period: &str, out: &str) -> Vec<String> {
    let mut v: Vec<String> = ["node", "issue-op-cert"].map(str::to_owned).to_vec();
    v.extend(extra.iter().map(|s| (*s).to_owned()));
    v.extend(
        [
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
            "--kes-period",
            period,
            "--out-file",
            out,
        ]
        .map(str::to_owned),
    );
    v
}

/// Makes a named pipe (nobody writes to it).
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}
