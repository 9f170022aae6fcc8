//! Key-safety tests: a write of several files that is interrupted or raced (power lost after
//! each step in turn, a real kill -9, a failed rename, two writers at once) leaves a consistent
//! folder: the counter one past the newest opcert's number, the KES pair a pair, no hidden copy.

use std::process::{Command, Stdio};

use super::common::*;
use super::{kes_of, leftovers, numbers, stderr_of, Folder};
use pool_console::core::keys::accept;
use pool_console::ops::opcert::{self as opcert_ops, PeriodCheck, RotationPaths};
use pool_console::platform::disk::FaultyDisk;
use pool_console::platform::load;
use tempfile::TempDir;

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
            unlock: load::Unlock::LOCKED,
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
