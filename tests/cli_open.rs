//! `pool-console open FOLDER [--create]`: a missing folder is refused with the command that
//! creates it; `--create` makes it (readable only by its owner) before the console opens.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsString;

use common::fails;
use pool_console::cli::{self, Exit, Streams};
use tempfile::TempDir;

/// Runs the command line in-process (the console itself is not started): what it would do
/// next, and what it wrote to standard error.
fn open(args: &[&str]) -> (Exit, String) {
    let args: Vec<OsString> = std::iter::once("pool-console")
        .chain(args.iter().copied())
        .map(OsString::from)
        .collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = cli::main_with(
        args,
        &mut Streams {
            out: &mut out,
            err: &mut err,
        },
    );
    assert!(out.is_empty());
    (exit, String::from_utf8(err).unwrap())
}

#[test]
fn a_missing_folder_is_refused_with_the_command_that_creates_it() {
    let dir = TempDir::new().unwrap();
    let stderr = fails(dir.path(), &["open", "alice-pool"]);
    assert_eq!(
        stderr,
        "Command failed: open\nError: alice-pool does not exist. To start a new pool there, create it with: pool-console open --create alice-pool\n"
    );
    assert!(!dir.path().join("alice-pool").exists());
    // A name the shell would split is quoted in the suggestion.
    let stderr = fails(dir.path(), &["open", "my pool"]);
    assert!(
        stderr.ends_with("create it with: pool-console open --create 'my pool'\n"),
        "{stderr}"
    );
}

#[test]
fn a_file_is_not_a_pool_folder() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
    assert_eq!(
        fails(dir.path(), &["open", "notes.txt"]),
        "Command failed: open\nError: notes.txt is a file, not a folder; give the pool folder (the folder that holds, or will hold, the pool's keys)\n"
    );
    assert_eq!(
        fails(dir.path(), &["open", "--create", "notes.txt/pool"]),
        "Command failed: open\nError: notes.txt is a file, not a folder, so no folder can be created inside it\n"
    );
}

#[test]
fn create_makes_the_folder_private_and_opens_the_console_on_it() {
    let dir = TempDir::new().unwrap();
    let pool = dir.path().join("pools").join("alice-pool");
    let shown = pool.to_str().unwrap();
    let (exit, stderr) = open(&["open", "--create", shown]);
    assert_eq!(exit, Exit::Console(Some(pool.clone())));
    assert_eq!(
        stderr,
        format!("Created the pool folder {shown} (readable only by you).\n")
    );
    assert!(pool.is_dir());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pool).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
    // Once it exists, --create changes nothing and says nothing.
    let (exit, stderr) = open(&["open", "--create", shown]);
    assert_eq!(exit, Exit::Console(Some(pool.clone())));
    assert_eq!(stderr, "");
    let (exit, _) = open(&["open", shown]);
    assert_eq!(exit, Exit::Console(Some(pool.clone())));
}
