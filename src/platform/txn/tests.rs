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

fn write_journal_file(dir: &Path, j: &Journal) {
    fs::write(dir.join(JOURNAL_NAME), serde_json::to_vec(j).unwrap()).unwrap();
}

fn journal(
    state: State,
    folders: &[&Path],
    entries: Vec<Entry>,
    primary: Option<&Path>,
) -> Journal {
    Journal {
        format: FORMAT.to_owned(),
        pid: 7,
        state,
        folders: folders.iter().map(|f| hex_path(f)).collect(),
        entries,
        primary: primary.map(hex_path),
    }
}

#[test]
fn a_planted_journal_does_not_reach_another_folder() {
    let (evil, usb) = (folder(), folder());
    fs::write(usb.dir.join("cold.counter"), "counter 6").unwrap();
    let mut e = entry("cold.counter", b"counter 6", None);
    e.folder = 1;
    write_journal_file(
        &evil.dir,
        &journal(State::Rollback, &[&evil.dir, &usb.dir], vec![e], None),
    );
    let err = recover(&OsDisk, &evil.dir, std::slice::from_ref(&evil.dir)).unwrap_err();
    assert!(
        err.to_string()
            .contains("cold.counter does not hold what that write recorded"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(usb.dir.join("cold.counter")).unwrap(),
        "counter 6"
    );
    assert_eq!(
        fs::read_dir(&usb.dir).unwrap().count(),
        1,
        "nothing added or swept there"
    );
}

#[test]
fn a_backup_that_differs_from_its_target_is_kept_and_named() {
    let f = folder();
    fs::write(f.dir.join("cold.skey"), "new key").unwrap();
    fs::write(f.dir.join(".cold.skey.pc-old-5"), "old key").unwrap();
    fs::write(f.dir.join("cold.vkey"), "same").unwrap();
    fs::write(f.dir.join(".cold.vkey.pc-old-5"), "same").unwrap();
    fs::write(f.dir.join(".kes.skey.pc-new-5"), "staged").unwrap();
    let notes = recover(&OsDisk, &f.dir, std::slice::from_ref(&f.dir)).unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with(&format!(
        "kept {}",
        f.dir.join(".cold.skey.pc-old-5").display()
    )));
    assert!(f.dir.join(".cold.skey.pc-old-5").exists());
    assert!(!f.dir.join(".cold.vkey.pc-old-5").exists());
    assert!(!f.dir.join(".kes.skey.pc-new-5").exists());
}

#[test]
fn a_pointer_without_its_primary_is_not_dropped() {
    let (a, b) = (folder(), folder());
    fs::write(b.dir.join(".cold.counter.pc-new-7"), "counter 7").unwrap();
    let mut e = entry("cold.counter", b"counter 7", Some(b"counter 6"));
    e.folder = 1;
    write_journal_file(
        &b.dir,
        &journal(State::Commit, &[&a.dir, &b.dir], vec![e], Some(&a.dir)),
    );
    let err = recover(&OsDisk, &b.dir, std::slice::from_ref(&b.dir)).unwrap_err();
    assert!(
        err.to_string()
            .contains("is missing or different (removed by hand?)"),
        "{err}"
    );
    assert!(b.dir.join(".cold.counter.pc-new-7").exists());
}

#[test]
fn an_undecided_write_is_cleaned_up_from_its_moved_primary() {
    let (root, b) = (folder(), folder());
    let a = root.dir.join("pool");
    fs::create_dir(&a).unwrap();
    fs::write(b.dir.join("cold.counter"), "counter 6").unwrap();
    fs::write(b.dir.join(".cold.counter.pc-new-7"), "counter 7").unwrap();
    fs::write(a.join(".node.opcert.pc-new-7"), "cert 6").unwrap();
    let mut counter = entry("cold.counter", b"counter 7", Some(b"counter 6"));
    counter.folder = 1;
    let entries = vec![entry("node.opcert", b"cert 6", None), counter];
    write_journal_file(
        &a,
        &journal(State::Pending, &[&a, &b.dir], entries.clone(), None),
    );
    write_journal_file(
        &b.dir,
        &journal(State::Pending, &[&a, &b.dir], entries, Some(&a)),
    );
    let moved = root.dir.join("moved");
    fs::rename(&a, &moved).unwrap();
    let err = recover(&OsDisk, &b.dir, std::slice::from_ref(&b.dir)).unwrap_err();
    assert!(
        err.to_string()
            .contains("if the folder was moved, run pool-console in it at its new place"),
        "{err}"
    );
    let notes = recover(&OsDisk, &moved, std::slice::from_ref(&moved)).unwrap();
    assert!(
        notes[0].ends_with("was interrupted and has been cleaned up: it had changed nothing yet"),
        "{notes:?}"
    );
    assert_eq!(
        fs::read_dir(&b.dir).unwrap().count(),
        1,
        "only cold.counter is left"
    );
    assert_eq!(
        fs::read_to_string(b.dir.join("cold.counter")).unwrap(),
        "counter 6"
    );
    assert_eq!(fs::read_dir(&moved).unwrap().count(), 0);
}
