//! Bad-input cases: reads. Endless devices, pipes with no writer, files over each cap,
//! folders, and numbers at the edge of their type, as every kind of input: each fails with
//! its exact message (or works, where saturating is the right answer) and writes nothing.

use super::common::{issued_pool, mkfifo, ok};
use super::*;
use std::time::{Duration, Instant};

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;
const MAX: &str = "18446744073709551615";

fn endless(dev: &str, what: &str) -> String {
    format!("{dev}: cannot read the file: it is a device that never ends (like /dev/zero or /dev/urandom), not a file; give the name of a {what}")
}

fn too_large(file: &str, cap: usize, what: &str) -> String {
    format!("{file}: cannot read the file: it is more than {cap} bytes, far larger than any {what}; is it the right file?")
}

fn no_writer(file: &str) -> String {
    format!("{file}: cannot read the file: nothing arrived within 5 seconds: it is a named pipe with no writer (give a regular file, or start the program that writes it)")
}

fn write_size(path: &Path, len: usize) {
    std::fs::write(path, vec![b' '; len]).unwrap();
}

/// A pool made through the command line whose opcert is valid now (for `kes check`).
fn pool_valid_now() -> TempDir {
    let dir = TempDir::new().unwrap();
    let out = run_in(dir.path(), &["kes", "period", "--mainnet", "--output-json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    issued_pool(dir.path(), v["kesPeriod"].as_u64().unwrap(), 0);
    dir
}

fn kes_check(extra: &[&str]) -> Vec<String> {
    let mut v = s(&[
        "kes",
        "check",
        "--kes-signing-key-file",
        "kes.skey",
        "--op-cert-file",
        "node.opcert",
        "--cold-verification-key-file",
        "cold.vkey",
        "--mainnet",
    ]);
    v.extend(s(extra));
    v
}

/// Every kind of input, given an endless device: refused at once by name.
#[cfg(target_os = "linux")]
#[test]
fn endless_devices_as_every_input() {
    let w = workspace();
    let d = w.path();
    let pool = pool_valid_now();
    let p = pool.path();
    for dev in ["/dev/zero", "/dev/urandom"] {
        let started = Instant::now();
        let cases: Vec<(Vec<String>, &str, &str)> = vec![
            (
                s(&[
                    "stake-pool",
                    "id",
                    "--cold-verification-key-file",
                    dev,
                    "--out-file",
                    "id",
                ]),
                "stake-pool id",
                "key file",
            ),
            (
                s(&["node", "key-hash-VRF", "--verification-key-file", dev]),
                "node key-hash-VRF",
                "key file",
            ),
            (
                s(&["kes", "expiry", "--op-cert-file", dev, "--mainnet"]),
                "kes expiry",
                "cardano-cli text envelope file",
            ),
            (
                s(&[
                    "stake-pool",
                    "metadata-hash",
                    "--pool-metadata-file",
                    dev,
                    "--out-file",
                    "hash",
                ]),
                "stake-pool metadata-hash",
                "pool metadata file",
            ),
            (
                s(&["plan", "check", "--plan-file", dev]),
                "plan check",
                "pool plan file",
            ),
            (
                s(&[
                    "transaction",
                    "witness",
                    "--tx-body-file",
                    dev,
                    "--signing-key-file",
                    "payment.skey",
                    "--out-file",
                    "w",
                ]),
                "transaction witness",
                "transaction file",
            ),
            (
                s(&[
                    "transaction",
                    "assemble",
                    "--tx-body-file",
                    "tx.raw",
                    "--witness-file",
                    dev,
                    "--out-file",
                    "signed",
                ]),
                "transaction assemble",
                "cardano-cli text envelope file",
            ),
            (
                s(&[
                    "kes",
                    "period",
                    "--shelley-genesis-file",
                    dev,
                    "--byron-genesis-file",
                    "meta.json",
                ]),
                "kes period",
                "genesis file",
            ),
            (
                s(&["inspect", dev]),
                "inspect",
                "key, counter, certificate or metadata file",
            ),
            (
                s(&["text-view", "decode-cbor", "--in-file", dev]),
                "text-view decode-cbor",
                "cardano-cli text envelope file",
            ),
            (
                s(&["review", "--cert-file", dev]),
                "review",
                "cardano-cli text envelope file",
            ),
            (
                s(&[
                    "key",
                    "convert-cardano-address-key",
                    "--shelley-stake-key",
                    "--signing-key-file",
                    dev,
                    "--out-file",
                    "x",
                ]),
                "key convert-cardano-address-key",
                "key file",
            ),
            (
                s(&[
                    "stake-address",
                    "build",
                    "--stake-script-file",
                    dev,
                    "--mainnet",
                ]),
                "stake-address build",
                "key, counter, certificate or metadata file",
            ),
        ];
        for (args, command, what) in &cases {
            case(d, args, command, &endless(dev, what));
        }
        // The counter and the kes-period-info file come after the checks' other inputs.
        case(
            p,
            &kes_check(&["--operational-certificate-issue-counter-file", dev]),
            "kes check",
            &endless(dev, "cardano-cli text envelope file"),
        );
        case(
            p,
            &kes_check(&["--kes-period-info-file", dev]),
            "kes check",
            &endless(dev, "kes-period-info JSON file"),
        );
        // Capped while reading: even 32 MiB of a genesis cap is a moment, not memory.
        assert!(started.elapsed() < Duration::from_secs(60), "{dev}");
    }
}

/// A named pipe nobody writes, as a key, metadata, a genesis file and an opcert: each ends
/// after the pipe deadline instead of hanging. The cases run side by side.
#[cfg(unix)]
#[test]
fn pipes_with_no_writer() {
    let w = workspace();
    let d = w.path().to_path_buf();
    mkfifo(&d.join("fifo"));
    let cases = vec![
        (
            s(&[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "fifo",
                "--out-file",
                "id",
            ]),
            "stake-pool id",
        ),
        (
            s(&[
                "stake-pool",
                "metadata-hash",
                "--pool-metadata-file",
                "fifo",
            ]),
            "stake-pool metadata-hash",
        ),
        (
            s(&[
                "kes",
                "period",
                "--shelley-genesis-file",
                "fifo",
                "--byron-genesis-file",
                "fifo",
            ]),
            "kes period",
        ),
        (
            s(&["kes", "expiry", "--op-cert-file", "fifo", "--mainnet"]),
            "kes expiry",
        ),
        (
            s(&[
                "transaction",
                "witness",
                "--tx-body-file",
                "fifo",
                "--signing-key-file",
                "payment.skey",
                "--out-file",
                "w",
            ]),
            "transaction witness",
        ),
    ];
    let started = Instant::now();
    let runs: Vec<_> = cases
        .into_iter()
        .map(|(args, command)| {
            let d = d.clone();
            std::thread::Builder::new()
                .name(format!("case {command}"))
                .spawn(move || case(&d, &args, command, &no_writer("fifo")))
                .unwrap()
        })
        .collect();
    for r in runs {
        r.join().unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

/// One byte over each cap: refused with the cap and the kind named. Exactly at the cap is
/// read, and judged on what it holds.
#[test]
fn files_over_each_cap() {
    let w = workspace();
    let d = w.path();
    write_size(&d.join("big.vkey"), 64 * KIB + 1);
    write_size(&d.join("big.json"), 64 * KIB + 1);
    write_size(&d.join("cap.json"), 64 * KIB);
    write_size(&d.join("big.opcert"), MIB + 1);
    write_size(&d.join("big.tx"), MIB + 1);
    write_size(&d.join("big.plan"), MIB + 1);
    let key = "key file";
    case(
        d,
        &s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "big.vkey",
            "--out-file",
            "id",
        ]),
        "stake-pool id",
        &too_large("big.vkey", 64 * KIB, key),
    );
    case(
        d,
        &s(&["inspect", "big.vkey"]),
        "inspect",
        &too_large(
            "big.vkey",
            64 * KIB,
            "key, counter, certificate or metadata file",
        ),
    );
    case(
        d,
        &s(&[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            "big.json",
        ]),
        "stake-pool metadata-hash",
        &too_large("big.json", 64 * KIB, "pool metadata file"),
    );
    case(
        d,
        &s(&["stake-pool", "metadata-hash", "--pool-metadata-file", "cap.json"]),
        "stake-pool metadata-hash",
        "cap.json: Stake pool metadata must consist of at most 512 bytes, but it consists of 65536 bytes.",
    );
    case(
        d,
        &s(&["kes", "expiry", "--op-cert-file", "big.opcert", "--mainnet"]),
        "kes expiry",
        &too_large("big.opcert", MIB, "cardano-cli text envelope file"),
    );
    case(
        d,
        &s(&[
            "transaction",
            "witness",
            "--tx-body-file",
            "big.tx",
            "--signing-key-file",
            "payment.skey",
            "--out-file",
            "w",
        ]),
        "transaction witness",
        &too_large("big.tx", MIB, "transaction file"),
    );
    case(
        d,
        &s(&["plan", "check", "--plan-file", "big.plan"]),
        "plan check",
        &too_large("big.plan", MIB, "pool plan file"),
    );
    let pool = pool_valid_now();
    let p = pool.path();
    write_size(&p.join("big-info.json"), 64 * KIB + 1);
    case(
        p,
        &kes_check(&["--kes-period-info-file", "big-info.json"]),
        "kes check",
        &too_large("big-info.json", 64 * KIB, "kes-period-info JSON file"),
    );
    // The genesis cap is 32 MiB; the file is sparse, so this costs no disk.
    let g = TempDir::new().unwrap();
    let file = std::fs::File::create(g.path().join("genesis.json")).unwrap();
    file.set_len(32 * MIB as u64 + 1).unwrap();
    drop(file);
    case(
        g.path(),
        &s(&[
            "kes",
            "period",
            "--shelley-genesis-file",
            "genesis.json",
            "--byron-genesis-file",
            "genesis.json",
        ]),
        "kes period",
        &too_large("genesis.json", 32 * MIB, "genesis file"),
    );
}

#[test]
fn folders_as_inputs() {
    let w = workspace();
    let d = w.path();
    let folder = "folder: cannot read the file: it is a folder, not a file";
    case(
        d,
        &s(&[
            "kes",
            "period",
            "--shelley-genesis-file",
            "folder",
            "--byron-genesis-file",
            "meta.json",
        ]),
        "kes period",
        folder,
    );
    case(
        d,
        &s(&[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            "folder",
        ]),
        "stake-pool metadata-hash",
        folder,
    );
    case(d, &s(&["inspect", "folder"]), "inspect", folder);
    case(
        d,
        &s(&["plan", "check", "--plan-file", "folder"]),
        "plan check",
        folder,
    );
}

/// Numbers at the top of their type: saturate where that is the answer, refuse with a
/// message where it is not, and never panic.
#[test]
fn huge_numbers_in_flags() {
    let pool = pool_valid_now();
    let p = pool.path();
    // The largest counter value is written; the opcert after it cannot be numbered.
    ok(
        p,
        &[
            "node",
            "new-counter",
            "--force",
            "--cold-verification-key-file",
            "cold.vkey",
            "--counter-value",
            MAX,
            "--operational-certificate-issue-counter-file",
            "max.counter",
        ],
    );
    let issue = |counter: &str, period: &str, out: &str| {
        s(&[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            counter,
            "--kes-period",
            period,
            "--out-file",
            out,
        ])
    };
    case(
        p,
        &issue("max.counter", "0", "late.opcert"),
        "node issue-op-cert",
        "max.counter: the issue counter is at its maximum value and cannot be incremented",
    );
    // An opcert for the last KES period there is: issued, then reported as out of reach.
    let far = issue("cold.counter", MAX, "far.opcert");
    ok(p, &far.iter().map(String::as_str).collect::<Vec<_>>());
    case(
        p,
        &s(&["kes", "expiry", "--op-cert-file", "far.opcert", "--mainnet"]),
        "kes expiry",
        &format!("far.opcert: starts at KES period {MAX}, too far in the future to count in slots; is it the right opcert?"),
    );
    // The chain has seen the largest issue number: the check says what to use, no overflow.
    case(
        p,
        &kes_check(&["--on-chain-counter", MAX]),
        "kes check",
        "1 of 4 checks failed: do not deploy these files",
    );
    ok(
        p,
        &[
            "stake-pool",
            "deregistration-certificate",
            "--cold-verification-key-file",
            "cold.vkey",
            "--epoch",
            MAX,
            "--out-file",
            "retire.cert",
        ],
    );
    let w = workspace();
    let d = w.path();
    usage_case(
        d,
        &s(&[
            "node",
            "new-counter",
            "--cold-verification-key-file",
            "cold.vkey",
            "--counter-value",
            "18446744073709551616",
            "--operational-certificate-issue-counter-file",
            "c",
        ]),
        "invalid value '18446744073709551616'",
    );
    case(
        d,
        &s(&["kes", "period", "--mainnet", "--at", "+275760-09-13T00:00:00Z"]),
        "kes period",
        "--at: \"+275760-09-13T00:00:00Z\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: input contains invalid characters",
    );
    ok(
        d,
        &["kes", "period", "--mainnet", "--at", "9999-12-31T23:59:59Z"],
    );
}

/// `kes status` exits by urgency, not 1: its huge numbers are checked by code and stderr.
#[test]
fn huge_numbers_in_kes_status() {
    let pool = pool_valid_now();
    let p = pool.path();
    let before = snapshot(p);
    let status = |extra: &[&str]| {
        let mut args = vec![
            "kes",
            "status",
            "--op-cert-file",
            "node.opcert",
            "--mainnet",
        ];
        args.extend(extra);
        let out = run_in(p, &args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        (out.status.code(), stderr)
    };
    let (code, err) = status(&["--timeout-seconds", MAX]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, format!("note: --timeout-seconds {MAX} is taken as 3600 (one hour), the longest kes status waits\n"));
    let (code, err) = status(&["--warn-days", "4294967295", "--alert-days", "4294967295"]);
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err,
        "Command failed: kes status\nError: a KES key urgently needs attention: node.opcert\n"
    );
    // Past the type: a usage error, with the "cannot tell" code monitoring expects.
    let (code, err) = status(&["--timeout-seconds", "18446744073709551616"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("invalid value '18446744073709551616' for '--timeout-seconds <SECONDS>'"),
        "{err}"
    );
    assert_eq!(snapshot(p), before);
}
