//! Key-safety tests: how files are written (defect classes 1, 2, 5, 6, 7, 11, 12, 13, 14).

use std::path::Path;
use std::process::{Command, Stdio};

#[allow(unused_imports)]
use super::common::*;
use pool_console::core::keys::accept;
use pool_console::ops::opcert::{self as opcert_ops, IssueRequest, PeriodCheck, RotationPaths};
use pool_console::platform::disk::FaultyDisk;
use pool_console::platform::load;
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

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Hidden files a write leaves only while it runs (staged copies, backups, its journal).
pub(super) fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".pc-new-") || n.contains(".pc-old-") || n.contains("journal"))
        .filter(|n| n != "rotation-journal.jsonl")
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

/// The paths an issue in `dir` uses: cold.skey, cold.counter, node.opcert.
pub(super) struct Folder {
    cold: std::path::PathBuf,
    counter: std::path::PathBuf,
    out: std::path::PathBuf,
    kes: [u8; 32],
}

impl Folder {
    pub(super) fn of(dir: &Path) -> Self {
        Self {
            cold: dir.join("cold.skey"),
            counter: dir.join("cold.counter"),
            out: dir.join("node.opcert"),
            kes: kes_of(dir),
        }
    }

    pub(super) fn request(&self) -> IssueRequest<'_> {
        IssueRequest {
            kes_vkey: &self.kes,
            cold_signing_key: &self.cold,
            counter: &self.counter,
            kes_period: 1031,
            out: &self.out,
        }
    }
}

pub(super) fn kes_of(dir: &Path) -> [u8; 32] {
    load::verification_key(&dir.join("kes.vkey"), accept::KES_VERIFICATION)
        .unwrap()
        .public_key()
}

/// The counter's next number and the opcert's issue number.
pub(super) fn numbers(dir: &Path) -> (u64, u64) {
    let counter = load::counter(&dir.join("cold.counter")).unwrap();
    let cert = load::envelope(&dir.join("node.opcert")).unwrap();
    let cert = pool_console::core::kes::opcert::OpCert::from_envelope(&cert).unwrap();
    (counter.next_issue_number, cert.issue_number)
}

#[test]
fn a_failed_issue_keeps_the_counter() {
    // The disk has no hard links at all (the Disk trait offers none), and the second rename,
    // the counter's, fails as on a read-only target: the opcert already renamed is put back
    // from its copy and the counter is never touched.
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 5);
    let before = snapshot(d.path());
    let folder = Folder::of(d.path());
    let disk = FaultyDisk::failing_rename(3); // 0, 1: the journal (pending, commit), 2: the opcert
    let err = opcert_ops::issue_on(&disk, &folder.request(), &PeriodCheck::Any).unwrap_err();
    assert_eq!(
        err.0,
        format!(
            "{}: cannot write the file: permission denied",
            d.path().join("cold.counter").display()
        )
    );
    assert_eq!(snapshot(d.path()), before, "the folder is as it was");
    assert_eq!(numbers(d.path()), (6, 5));
}

#[test]
fn multi_file_writes_survive_a_crash_at_every_step() {
    // Power goes after each step in turn; the next write to the folder (here: recovery under
    // its lock) must leave a consistent folder: the counter one past the opcert's number, the
    // KES pair a pair, no hidden copy of a secret left behind.
    let mut step = 0;
    loop {
        let d = TempDir::new().unwrap();
        issued_pool(d.path(), 0, 5);
        let folder = Folder::of(d.path());
        let disk = FaultyDisk::crashing_at(step);
        let result = opcert_ops::issue_on(&disk, &folder.request(), &PeriodCheck::Any);
        let notes = pool_console::platform::files::recover(d.path()).unwrap();
        let (next, issued) = numbers(d.path());
        assert_eq!(
            next,
            issued + 1,
            "step {step}: counter {next}, opcert {issued}"
        );
        assert!(
            issued == 5 || issued == 6,
            "step {step}: issue number {issued}"
        );
        assert_eq!(leftovers(d.path()), Vec::<String>::new(), "step {step}");
        if result.is_ok() {
            assert_eq!(
                issued, 6,
                "step {step}: reported done, so the new opcert is in place"
            );
        }
        if !disk.crashed() {
            assert!(result.is_ok(), "step {step}: {result:?}");
            assert!(notes.is_empty());
            break;
        }
        step += 1;
        assert!(step < 40, "the write never finished");
    }
    assert!(step >= 6, "only {step} steps were tried");
}

#[test]
fn a_rotation_survives_a_crash_at_every_step() {
    let mut step = 0;
    loop {
        let d = TempDir::new().unwrap();
        issued_pool(d.path(), 0, 5);
        let p = |n: &str| d.path().join(n);
        let (cold, counter, kv, ks, oc) = (
            p("cold.skey"),
            p("cold.counter"),
            p("kes.vkey"),
            p("kes.skey"),
            p("node.opcert"),
        );
        let paths = RotationPaths {
            cold_signing_key: &cold,
            counter: &counter,
            kes_verification_key: &kv,
            kes_signing_key: &ks,
            opcert: &oc,
        };
        let disk = FaultyDisk::crashing_at(step);
        let result = opcert_ops::rotate_on(&disk, &paths, 6, 1031, &PeriodCheck::Any);
        pool_console::platform::files::recover(d.path()).unwrap();
        let (next, issued) = numbers(d.path());
        assert_eq!(next, issued + 1, "step {step}");
        // The KES pair is a pair, and the opcert certifies it.
        let sk = load::signing_key(&ks, accept::KES_SIGNING).unwrap();
        let derived = sk.verification_key().unwrap().public_key();
        assert_eq!(
            derived,
            kes_of(d.path()),
            "step {step}: kes.skey and kes.vkey differ"
        );
        let cert = load::envelope(&oc).unwrap();
        let cert = pool_console::core::kes::opcert::OpCert::from_envelope(&cert).unwrap();
        assert_eq!(
            cert.kes_vkey, derived,
            "step {step}: opcert for another KES key"
        );
        assert_eq!(leftovers(d.path()), Vec::<String>::new(), "step {step}");
        if result.is_ok() {
            assert_eq!(issued, 6, "step {step}");
        }
        if !disk.crashed() {
            assert!(result.is_ok(), "step {step}: {result:?}");
            break;
        }
        step += 1;
        assert!(step < 60, "the rotation never finished");
    }
}

#[cfg(unix)]
#[test]
fn kill_9_during_issue_leaves_a_consistent_folder() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let bin = env!("CARGO_BIN_EXE_pool-console");
    for i in 0..25u64 {
        let mut child = Command::new(bin)
            .args(issue_args(
                &["--allow-distant-kes-period"],
                "0",
                "node.opcert",
            ))
            .current_dir(d.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros((i * 397) % 4000));
        let _ = child.kill();
        let _ = child.wait();
        pool_console::platform::files::recover(d.path()).unwrap();
        let (next, issued) = numbers(d.path());
        assert_eq!(next, issued + 1, "run {i}");
        assert_eq!(leftovers(d.path()), Vec::<String>::new(), "run {i}");
    }
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
fn two_writers_never_share_an_issue_number() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let bin = env!("CARGO_BIN_EXE_pool-console");
    let children: Vec<_> = (0..6)
        .map(|i| {
            Command::new(bin)
                .args(issue_args(
                    &["--allow-distant-kes-period"],
                    "0",
                    &format!("n{i}.opcert"),
                ))
                .current_dir(d.path())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut numbers = Vec::new();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        let err = stderr_of(&out);
        if out.status.success() {
            let env = load::envelope(&d.path().join(format!("n{i}.opcert"))).unwrap();
            numbers.push(
                pool_console::core::kes::opcert::OpCert::from_envelope(&env)
                    .unwrap()
                    .issue_number,
            );
        } else {
            assert!(
                err.contains("is in use by another pool-console (pid "),
                "{err}"
            );
        }
    }
    numbers.sort_unstable();
    let expected: Vec<u64> = (1..=numbers.len() as u64).collect();
    assert_eq!(numbers, expected, "every issue took its own number");
    let counter = load::counter(&d.path().join("cold.counter")).unwrap();
    assert_eq!(counter.next_issue_number, numbers.len() as u64 + 1);
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

/// Whether the folder holds a write's journal that has decided it (state "commit").
pub(super) fn decided(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(".pool-console-journal"))
        .is_ok_and(|t| t.contains("\"state\": \"commit\""))
}
