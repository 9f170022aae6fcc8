//! Recovery trusts a journal only as far as the bytes on disk agree with it.

use super::*;
use crate::platform::disk::OsDisk;

struct Folder {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn folder() -> Folder {
    let tmp = tempfile::tempdir().unwrap();
    let dir = fs::canonicalize(tmp.path()).unwrap();
    Folder { _tmp: tmp, dir }
}

fn plant(dir: &Path, state: State, entries: Vec<Entry>) {
    let journal = Journal {
        format: FORMAT.to_owned(),
        pid: 7,
        state,
        folders: vec![hex_path(dir)],
        entries,
        primary: None,
    };
    fs::write(
        dir.join(JOURNAL_NAME),
        serde_json::to_vec(&journal).unwrap(),
    )
    .unwrap();
}

fn entry(name: &str, new: &[u8], old: Option<&[u8]>) -> Entry {
    Entry {
        folder: 0,
        name: hex::encode(name),
        new_hash: hash_hex(new),
        old_hash: old.map(hash_hex),
    }
}

fn refused(dir: &Path) -> String {
    let err = recover(&OsDisk, dir, &[dir.to_path_buf()])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("an earlier write to this folder was interrupted"),
        "{err}"
    );
    err
}

#[test]
fn a_name_that_leaves_the_folder_is_damage() {
    let f = folder();
    plant(&f.dir, State::Commit, vec![entry("..", b"x", None)]);
    assert!(refused(&f.dir).contains("its journal is damaged"));
    assert!(
        f.dir.join(JOURNAL_NAME).exists(),
        "kept for a person to look at"
    );
}

#[test]
fn a_staged_file_with_other_bytes_is_not_put_in_place() {
    let f = folder();
    fs::write(f.dir.join("cold.skey"), "the real key").unwrap();
    fs::write(f.dir.join(".cold.skey.pc-new-7"), "attacker bytes").unwrap();
    plant(
        &f.dir,
        State::Commit,
        vec![entry("cold.skey", b"what was staged", None)],
    );
    assert!(refused(&f.dir).contains(".cold.skey.pc-new-7 does not hold what that write recorded"));
    assert_eq!(
        fs::read_to_string(f.dir.join("cold.skey")).unwrap(),
        "the real key"
    );
}

#[test]
fn rollback_never_removes_a_file_it_did_not_write() {
    let f = folder();
    fs::write(f.dir.join("cold.skey"), "the real key").unwrap();
    plant(
        &f.dir,
        State::Rollback,
        vec![entry("cold.skey", b"new", None)],
    );
    refused(&f.dir);
    assert_eq!(
        fs::read_to_string(f.dir.join("cold.skey")).unwrap(),
        "the real key"
    );
    // A backup with other bytes is not put back either.
    fs::write(f.dir.join(".cold.vkey.pc-old-7"), "planted").unwrap();
    fs::write(f.dir.join("cold.vkey"), "new").unwrap();
    plant(
        &f.dir,
        State::Rollback,
        vec![entry("cold.vkey", b"new", Some(b"old"))],
    );
    refused(&f.dir);
    assert_eq!(fs::read_to_string(f.dir.join("cold.vkey")).unwrap(), "new");
}

#[test]
fn a_genuine_journal_is_finished_and_its_traces_removed() {
    let f = folder();
    fs::write(f.dir.join("node.opcert"), "old cert").unwrap();
    fs::write(f.dir.join(".node.opcert.pc-old-7"), "old cert").unwrap();
    fs::write(f.dir.join(".node.opcert.pc-new-7"), "new cert").unwrap();
    fs::write(f.dir.join("cold.counter"), "counter 6").unwrap();
    fs::write(f.dir.join(".cold.counter.pc-old-7"), "counter 5").unwrap();
    plant(
        &f.dir,
        State::Commit,
        vec![
            entry("node.opcert", b"new cert", Some(b"old cert")),
            entry("cold.counter", b"counter 6", Some(b"counter 5")),
        ],
    );
    let notes = recover(&OsDisk, &f.dir, std::slice::from_ref(&f.dir)).unwrap();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].contains("has now been completed (1 of 2 files moved"),
        "{}",
        notes[0]
    );
    assert_eq!(
        fs::read_to_string(f.dir.join("node.opcert")).unwrap(),
        "new cert"
    );
    let left: Vec<_> = fs::read_dir(&f.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn only_our_staged_names_are_swept() {
    assert!(is_staged_name(".cold.skey.pc-new-123"));
    assert!(is_staged_name(".cold.skey.pc-old-9"));
    assert!(!is_staged_name(".cold.skey.pc-old-backup"));
    assert!(!is_staged_name("cold.skey.pc-new-1"));
    assert!(!is_staged_name(".pc-new-1"));
}
