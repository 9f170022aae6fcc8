//! Every cardano-cli golden and derived vector, reproduced byte for byte through the command
//! line, with the arguments MANIFEST.md names.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_same_file, ok, vector, vector_str};
use std::path::Path;
use tempfile::TempDir;

/// Runs a command that writes `--out-file out` and compares `out` with a vector.
fn writes(args: &[&str], expected: &str) {
    let dir = TempDir::new().unwrap();
    let mut full: Vec<&str> = args.to_vec();
    full.extend(["--out-file", "out"]);
    ok(dir.path(), &full);
    assert_same_file(&dir.path().join("out"), &vector(expected));
}

fn v(rel: &str) -> String {
    vector_str(rel)
}

#[test]
fn vectors_are_present() {
    // Guards against a partial copy of tests/data: every vector the modules below name exists.
    assert!(Path::new(&vector("MANIFEST.md")).is_file());
    assert!(Path::new(&vector("third-party/dingo-devnet/kes.skey")).is_file());
}

// One file per command family, so each stays readable.
#[path = "cli_golden/keys.rs"]
mod keys;
#[path = "cli_golden/node.rs"]
mod node;
#[path = "cli_golden/stake_address.rs"]
mod stake_address;
#[path = "cli_golden/stake_pool.rs"]
mod stake_pool;
#[path = "cli_golden/transactions.rs"]
mod transactions;
