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
    DEREG.iter().map(|a| if *a == "OUT" { out } else { a }).collect()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Hidden files a write leaves only while it runs (staged copies, backups, its journal).
fn leftovers(dir: &Path) -> Vec<String> {
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
struct Folder {
    cold: std::path::PathBuf,
    counter: std::path::PathBuf,
    out: std::path::PathBuf,
    kes: [u8; 32],
}

impl Folder {
    fn of(dir: &Path) -> Self {
        Self {
            cold: dir.join("cold.skey"),
            counter: dir.join("cold.counter"),
            out: dir.join("node.opcert"),
            kes: kes_of(dir),
        }
    }

    fn request(&self) -> IssueRequest<'_> {
        IssueRequest {
            kes_vkey: &self.kes,
            cold_signing_key: &self.cold,
            counter: &self.counter,
            kes_period: 1031,
            out: &self.out,
        }
    }
}

fn kes_of(dir: &Path) -> [u8; 32] {
    load::verification_key(&dir.join("kes.vkey"), accept::KES_VERIFICATION)
        .unwrap()
        .public_key()
}

/// The counter's next number and the opcert's issue number.
fn numbers(dir: &Path) -> (u64, u64) {
    let counter = load::counter(&dir.join("cold.counter")).unwrap();
    let cert = load::envelope(&dir.join("node.opcert")).unwrap();
    let cert = pool_console::core::opcert::OpCert::from_envelope(&cert).unwrap();
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
    let disk = FaultyDisk::failing_rename(2); // 0: the journal, 1: the opcert
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
        assert_eq!(next, issued + 1, "step {step}: counter {next}, opcert {issued}");
        assert!(
            issued == 5 || issued == 6,
            "step {step}: issue number {issued}"
        );
        assert_eq!(leftovers(d.path()), Vec::<String>::new(), "step {step}");
        if result.is_ok() {
            assert_eq!(issued, 6, "step {step}: reported done, so the new opcert is in place");
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
        assert_eq!(derived, kes_of(d.path()), "step {step}: kes.skey and kes.vkey differ");
        let cert = load::envelope(&oc).unwrap();
        let cert = pool_console::core::opcert::OpCert::from_envelope(&cert).unwrap();
        assert_eq!(cert.kes_vkey, derived, "step {step}: opcert for another KES key");
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
            .args([
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
                "0",
                "--out-file",
                "node.opcert",
            ])
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
