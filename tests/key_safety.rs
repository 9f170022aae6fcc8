//! Key safety: one test per defect class found when the command line was attacked (issue 10),
//! each named after the class, reproducing its recipe and asserting the safe behaviour.
//! docs/SECURITY.md names the test that holds each promise.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use pool_console::core::keys::accept;
use pool_console::ops::opcert::IssueRequest;
use pool_console::platform::load;
use std::path::Path;

// Shared by the files below: a command's stderr, and what a write left in a pool folder.

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
            unlock: load::Unlock::LOCKED,
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
    let cert = pool_console::core::kes::opcert::OpCert::from_envelope(&cert).unwrap();
    (counter.next_issue_number, cert.issue_number)
}

/// Whether the folder holds a write's journal that has decided it (state "commit").
fn decided(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(".pool-console-journal"))
        .is_ok_and(|t| t.contains("\"state\": \"commit\""))
}

#[path = "key_safety/attacks.rs"]
mod attacks;
#[path = "key_safety/console.rs"]
mod console;
#[path = "key_safety/crashes.rs"]
mod crashes;
#[path = "key_safety/leaks.rs"]
mod leaks;
#[path = "key_safety/messages.rs"]
mod messages;
#[path = "key_safety/reads.rs"]
mod reads;
#[path = "key_safety/writes.rs"]
mod writes;
