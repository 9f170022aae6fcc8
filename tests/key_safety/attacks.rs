//! Key-safety tests from an attack on the write layer: writes across two folders, a folder
//! moved after a crash, a failed standard output, reserved and hard-linked names.

use std::path::Path;
use std::process::{Command, Stdio};

use super::common::*;
use super::{decided, numbers};
use pool_console::core::kes::opcert::OpCert;
use pool_console::core::keys::accept;
use pool_console::ops::opcert::{self as opcert_ops, IssueRequest, PeriodCheck};
use pool_console::platform::disk::{FaultyDisk, OsDisk};
use pool_console::platform::{files, load};
use tempfile::TempDir;

fn opcert_number(path: &Path) -> u64 {
    OpCert::from_envelope(&load::envelope(path).unwrap())
        .unwrap()
        .issue_number
}

fn counter_next(path: &Path) -> u64 {
    load::counter(path).unwrap().next_issue_number
}

fn kes_of(dir: &Path) -> [u8; 32] {
    load::verification_key(&dir.join("kes.vkey"), accept::KES_VERIFICATION)
        .unwrap()
        .public_key()
}

/// Hidden files a write leaves while it runs, in any of the folders.
fn traces(dirs: &[&Path]) -> Vec<String> {
    dirs.iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".pc-") || n.starts_with(".pool-console"))
        .collect()
}

#[test]
fn a_counter_in_another_folder_is_one_transaction_with_its_opcert() {
    // The counter lives on a "USB stick" (another folder). Power goes after each step in
    // turn; then the next issue runs. Never two opcerts with one number, never a counter
    // ahead of the newest opcert, nothing left behind.
    let mut step = 0;
    loop {
        let pool = TempDir::new().unwrap();
        let usb = TempDir::new().unwrap();
        issued_pool(pool.path(), 0, 5);
        std::fs::rename(
            pool.path().join("cold.counter"),
            usb.path().join("cold.counter"),
        )
        .unwrap();
        let (cold, counter) = (
            pool.path().join("cold.skey"),
            usb.path().join("cold.counter"),
        );
        let kes = kes_of(pool.path());
        let (first, second) = (
            pool.path().join("node.opcert"),
            pool.path().join("next.opcert"),
        );
        let request = |out| IssueRequest {
            kes_vkey: &kes,
            cold_signing_key: &cold,
            counter: &counter,
            kes_period: 1031,
            out,
            unlock: load::Unlock::LOCKED,
        };
        let disk = FaultyDisk::crashing_at(step);
        let crashed = opcert_ops::issue_on(&disk, &request(&first), &PeriodCheck::Any);
        if step % 2 == 0 {
            // Sometimes the stick is the first folder a later write touches.
            files::recover(usb.path()).unwrap();
        }
        opcert_ops::issue_on(&OsDisk, &request(&second), &PeriodCheck::Any).unwrap();
        let (a, b) = (opcert_number(&first), opcert_number(&second));
        assert_ne!(a, b, "step {step}: two opcerts with number {a}");
        assert_eq!(counter_next(&counter), b + 1, "step {step}");
        assert!(b == a + 1, "step {step}: {a} then {b}");
        assert_eq!(
            traces(&[pool.path(), usb.path()]),
            Vec::<String>::new(),
            "step {step}"
        );
        if !disk.crashed() {
            assert!(crashed.is_ok());
            break;
        }
        step += 1;
        assert!(step < 60, "the write never finished");
    }
    assert!(step >= 8, "only {step} steps");
}

#[test]
fn a_folder_moved_after_a_crash_still_recovers() {
    let root = TempDir::new().unwrap();
    let before = root.path().join("pool");
    std::fs::create_dir(&before).unwrap();
    issued_pool(&before, 0, 5);
    let mut step = 0;
    // Find the first step at which the write is decided (its journal is in place).
    loop {
        let probe = TempDir::new().unwrap();
        issued_pool(probe.path(), 0, 5);
        let kes = kes_of(probe.path());
        let (c, n, o) = (
            probe.path().join("cold.skey"),
            probe.path().join("cold.counter"),
            probe.path().join("node.opcert"),
        );
        let r = IssueRequest {
            kes_vkey: &kes,
            cold_signing_key: &c,
            counter: &n,
            kes_period: 1031,
            out: &o,
            unlock: load::Unlock::LOCKED,
        };
        let _ = opcert_ops::issue_on(&FaultyDisk::crashing_at(step), &r, &PeriodCheck::Any);
        if decided(probe.path()) {
            break;
        }
        step += 1;
    }
    let kes = kes_of(&before);
    let (c, n, o) = (
        before.join("cold.skey"),
        before.join("cold.counter"),
        before.join("node.opcert"),
    );
    let r = IssueRequest {
        kes_vkey: &kes,
        cold_signing_key: &c,
        counter: &n,
        kes_period: 1031,
        out: &o,
        unlock: load::Unlock::LOCKED,
    };
    let _ = opcert_ops::issue_on(&FaultyDisk::crashing_at(step), &r, &PeriodCheck::Any);
    let after = root.path().join("moved");
    std::fs::rename(&before, &after).unwrap();
    let notes = files::recover(&after).unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(numbers(&after), (7, 6));
    assert_eq!(traces(&[&after]), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn a_failed_standard_output_moves_no_counter() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 5);
    let before = snapshot(d.path());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pool-console"))
        .args(issue_args(
            &["--allow-distant-kes-period"],
            "0",
            "/dev/stdout",
        ))
        .current_dir(d.path())
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/dev/stdout: cannot write the file: No space left on device"),
        "{err}"
    );
    assert_eq!(snapshot(d.path()), before, "the counter did not move");
}

#[test]
fn names_the_write_layer_keeps_are_refused_as_outputs() {
    let d = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    let before = snapshot(d.path());
    for name in [
        ".pool-console-journal",
        ".pool-console.pid",
        ".kes.vkey.pc-new-42",
        ".x.pc-old-1",
    ] {
        let err = fails(
            d.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "cold.vkey",
                "--out-file",
                name,
            ],
        );
        assert!(
            err.ends_with(&format!("Error: {name}: cannot write the file: pool-console keeps this name for itself while it writes; choose another name\n")),
            "{err}"
        );
    }
    for name in ["newdir/.", "node.opcert/.", ".."] {
        let err = fails(
            d.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "cold.vkey",
                "--out-file",
                name,
            ],
        );
        assert!(
            err.ends_with(&format!("Error: {name}: is a folder; give a file name\n")),
            "{err}"
        );
    }
    assert_eq!(snapshot(d.path()), before);
    assert!(!d.path().join("newdir").exists());
}

#[cfg(unix)]
#[test]
fn a_hard_linked_counter_is_not_split() {
    let d = TempDir::new().unwrap();
    let other = TempDir::new().unwrap();
    issued_pool(d.path(), 0, 0);
    std::fs::hard_link(
        d.path().join("cold.counter"),
        other.path().join("cold.counter"),
    )
    .unwrap();
    let before = snapshot(d.path());
    let err = fails(
        d.path(),
        &issue_args(&["--allow-distant-kes-period"], "0", "next.opcert")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    assert!(
        err.contains("cold.counter: cannot write the file: the file has 2 names (hard links)"),
        "{err}"
    );
    assert_eq!(snapshot(d.path()), before);
}
