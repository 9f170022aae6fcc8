//! `kes check` and `kes status`: exact output and exit codes, against files made by the
//! command line itself and metrics servers on 127.0.0.1.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::metrics_server::{serve, silent};
use common::ok;
use tempfile::TempDir;

const NOW: &str = "2026-11-21T12:00:00Z"; // mainnet KES period 1571

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pool-console"))
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// cold keys + counter, a KES pair, and an opcert with issue number 0 for period 1571.
fn pool() -> TempDir {
    let d = TempDir::new().unwrap();
    common::issued_pool(d.path(), 1571, 0);
    d
}

const CHECK: [&str; 9] = [
    "kes",
    "check",
    "--kes-signing-key-file",
    "kes.skey",
    "--op-cert-file",
    "node.opcert",
    "--cold-verification-key-file",
    "cold.vkey",
    "--mainnet",
];

#[test]
fn check_passes_for_a_matching_set() {
    let d = pool();
    let mut args = CHECK.to_vec();
    args.extend([
        "--at",
        NOW,
        "--operational-certificate-issue-counter-file",
        "cold.counter",
    ]);
    let out = run(d.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "PASS  KES key: kes.skey is the key this opcert certifies\n\
         PASS  Cold signature: signed by this pool's cold key, and the signature verifies\n\
         PASS  KES period window: current period 1571 is inside 1571–1632: 62 KES periods left, this one included, until 2027-02-21T09:44:51Z\n\
         PASS  Issue counter: issue number 0; the counter file is at 1, so this is the latest opcert issued from it\n"
    );
}

#[test]
fn check_fails_for_another_kes_key_and_a_bad_counter() {
    let d = pool();
    ok(
        d.path(),
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "other.vkey",
            "--signing-key-file",
            "other.skey",
        ],
    );
    let mut args = CHECK.to_vec();
    args[3] = "other.skey";
    args.extend(["--at", NOW, "--on-chain-counter", "2"]);
    let out = run(d.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("FAIL  KES key: kes.skey is not the key this opcert certifies"),
        "{stdout}"
    );
    assert!(stdout.contains("PASS  Cold signature"));
    assert!(
        stdout.contains(
            "FAIL  Issue counter: issue number 0 is too small: the chain has already seen 2"
        ),
        "{stdout}"
    );
    assert_eq!(
        text(&out.stderr),
        "Command failed: kes check\nError: 2 of 4 checks failed: do not deploy these files\n"
    );
}

#[test]
fn check_without_counter_evidence_skips_that_check_and_fails_an_expired_window() {
    let d = pool();
    let mut args = CHECK.to_vec();
    args.extend(["--at", "2027-02-21T09:44:51Z"]);
    let out = run(d.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("FAIL  KES period window: the window 1571–1632 ended at 2027-02-21T09:44:51Z (current period 1633)"), "{stdout}");
    assert!(
        stdout.contains("SKIP  Issue counter: issue number 0; not compared with the chain"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("Error: 1 of 4 checks failed"));
}

fn status(dir: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec!["kes", "status", "--mainnet"];
    args.extend_from_slice(extra);
    let out = run(dir, &args);
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn status_exit_codes_follow_urgency() {
    let d = pool();
    let (code, out, err) = status(d.path(), &["--op-cert-file", "node.opcert", "--at", NOW]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "fine          node.opcert: 62 KES periods left, this one included (KES period 1571 of 1571–1632), expires 2027-02-21T09:44:51Z (2027-02-21 09:44:51 +00:00), 91d 21h left\n"
    );
    assert_eq!(err, "");
    // 10 days before expiry: warn; 2 days: alert; after: expired.
    for (at, code, word) in [
        ("2027-02-11T09:44:51Z", 1, "warn "),
        ("2027-02-19T09:44:51Z", 2, "alert "),
        ("2027-02-21T09:44:51Z", 3, "expired "),
        ("2026-11-20T00:00:00Z", 3, "not-yet-valid "),
    ] {
        let (c, out, err) = status(d.path(), &["--op-cert-file", "node.opcert", "--at", at]);
        assert_eq!(c, Some(code), "at {at}: {out}{err}");
        assert!(out.starts_with(word), "at {at}: {out}");
        assert!(
            err.starts_with("Command failed: kes status\nError: "),
            "{err}"
        );
    }
}

#[test]
fn status_json_and_an_unreadable_file() {
    let d = pool();
    let (code, out, _) = status(
        d.path(),
        &[
            "--op-cert-file",
            "node.opcert",
            "--op-cert-file",
            "missing.opcert",
            "--at",
            NOW,
            "--output-json",
        ],
    );
    assert_eq!(code, Some(3));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["exitCode"], 3);
    assert_eq!(v["pools"][0]["status"], "fine");
    assert_eq!(v["pools"][0]["periodsLeft"], 62);
    assert_eq!(v["pools"][0]["expiresUtc"], "2027-02-21T09:44:51Z");
    assert_eq!(v["pools"][1]["status"], "unreadable");
    assert_eq!(
        v["pools"][1]["error"],
        "missing.opcert: cannot read the file: no such file"
    );
}

#[test]
fn status_with_a_broken_command_line_is_critical_not_a_warning() {
    let d = TempDir::new().unwrap();
    let (code, _, err) = status(d.path(), &["--warn-days", "many"]);
    assert_eq!(code, Some(3), "{err}");
}

const METRICS: &str = "# TYPE cardano_node_metrics_currentKESPeriod_int gauge\n\
cardano_node_metrics_currentKESPeriod_int 1571\n\
cardano_node_metrics_remainingKESPeriods_int 53\n\
cardano_node_metrics_operationalCertificateStartKESPeriod_int 1562\n\
cardano_node_metrics_operationalCertificateExpiryKESPeriod_int 1624\n";

#[test]
fn status_reads_a_node_and_reports_one_that_never_answers_within_the_timeout() {
    let d = TempDir::new().unwrap();
    let (good, quiet) = (serve(METRICS), silent());
    let started = Instant::now();
    let (code, out, err) = status(
        d.path(),
        &[
            "--metrics-url",
            &good,
            "--metrics-url",
            &quiet,
            "--timeout-seconds",
            "1",
            "--at",
            NOW,
        ],
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(code, Some(3), "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("fine          {good}: 53 KES periods left, this one included (KES period 1571 of 1562–1623), expires 2027-02-07T21:44:51Z (2027-02-07 21:44:51 +00:00), 78d 9h left")
    );
    assert!(
        lines[1].starts_with(&format!(
            "unreachable   {quiet}: no answer from {quiet} within 1 s"
        )),
        "{}",
        lines[1]
    );
    assert!(err.contains(&quiet), "{err}");
}

#[test]
fn bad_inputs_get_a_clear_message_and_write_nothing() {
    let d = pool();
    let before = common::snapshot(d.path());
    // A cold signing key where the KES signing key belongs.
    let mut args = CHECK.to_vec();
    args[3] = "cold.skey";
    let out = run(d.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("Command failed: kes check\nError: cold.skey: "),
        "{err}"
    );
    assert!(err.contains("KES"), "names what was expected: {err}");
    assert!(!err.contains("panicked"));
    // A metrics URL over https: refused by name, counted as unreachable.
    let (code, out, _) = status(
        d.path(),
        &[
            "--metrics-url",
            "https://127.0.0.1:12798/metrics",
            "--at",
            NOW,
        ],
    );
    assert_eq!(code, Some(3));
    assert!(
        out.starts_with("unreachable   https://127.0.0.1:12798/metrics: "),
        "{out}"
    );
    assert!(out.contains("http://"), "{out}");
    assert_eq!(common::snapshot(d.path()), before, "nothing written");
}
