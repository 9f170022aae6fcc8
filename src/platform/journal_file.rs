//! The rotation journal on disk: `rotation-journal.jsonl` in the pool folder.
//!
//! Entries are only ever appended: the file is opened in append mode (never truncated or
//! rewritten), each entry goes out in one write, and the data is synced before the issue is
//! reported done, so a record of an issued opcert survives a power cut straight after.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::files::FileError;
use super::read;
use crate::core::kes::journal::{self, JournalEntry, FILE_NAME};

/// Appends one entry to `dir/rotation-journal.jsonl`, creating the file when needed.
pub fn append(dir: &Path, entry: &JournalEntry) -> Result<(), String> {
    let path = dir.join(FILE_NAME);
    let shown = path.display();
    let mut file = OpenOptions::new()
        .read(true)
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|e| {
            format!("{shown}: cannot open the rotation journal for appending: {e}; check that the folder exists and is writable")
        })?;
    // A line cut short by an earlier crash has no newline; start on a fresh line so the new
    // entry is not glued to it (the damaged line stays as it is, and is reported on reading).
    let mut line = entry.to_line();
    let length = file
        .metadata()
        .map_err(|e| format!("{shown}: cannot read the rotation journal's size: {e}"))?
        .len();
    if length > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::End(-1))
            .and_then(|_| file.read_exact(&mut last))
            .map_err(|e| format!("{shown}: cannot read the end of the rotation journal: {e}"))?;
        if last[0] != b'\n' {
            line.insert(0, '\n');
        }
    }
    file.write_all(line.as_bytes())
        .map_err(|e| format!("{shown}: cannot append to the rotation journal: {e}; the opcert was issued, so note its issue number and KES period by hand"))?;
    file.sync_all().map_err(|e| {
        format!("{shown}: cannot flush the rotation journal to disk: {e}; check the disk, and that the last entry is in the file")
    })
}

/// Every readable entry and one message per unreadable line; a missing file is an empty
/// journal. Bytes that are not UTF-8 spoil only their own line.
pub fn read(dir: &Path) -> Result<(Vec<JournalEntry>, Vec<String>), String> {
    let path = dir.join(FILE_NAME);
    // Never made by anyone but us, so only a regular file is read: a pipe or device put in
    // its place is reported, not waited on.
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        _ => {}
    }
    match read::read_regular(&path, read::JOURNAL) {
        Ok(bytes) => Ok(journal::parse(&String::from_utf8_lossy(bytes.expose()))),
        Err(FileError::Read { reason, .. }) => Err(format!(
            "{}: cannot read the rotation journal: {reason}",
            path.display()
        )),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chain::clock::parse_time;

    fn entry(issue_number: u64) -> JournalEntry {
        JournalEntry::new(
            parse_time("2026-09-01T08:30:05Z").unwrap(),
            "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv".to_owned(),
            issue_number,
            1031,
            &[issue_number as u8; 32],
        )
    }

    #[test]
    fn appends_keep_earlier_bytes() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(dir.path()), Ok((vec![], vec![])));
        append(dir.path(), &entry(1)).unwrap();
        let first = fs::read(dir.path().join(FILE_NAME)).unwrap();
        assert_eq!(first, entry(1).to_line().into_bytes());
        append(dir.path(), &entry(2)).unwrap();
        let both = fs::read(dir.path().join(FILE_NAME)).unwrap();
        assert!(both.starts_with(&first));
        assert_eq!(
            both,
            format!("{}{}", entry(1).to_line(), entry(2).to_line()).into_bytes()
        );
        assert_eq!(read(dir.path()), Ok((vec![entry(1), entry(2)], vec![])));
    }

    #[test]
    fn a_cut_line_does_not_swallow_the_next_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, "{\"recordedAt\":\"2026").unwrap();
        append(dir.path(), &entry(3)).unwrap();
        let (entries, problems) = read(dir.path()).unwrap();
        assert_eq!(entries, vec![entry(3)]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("line 1: "), "{}", problems[0]);
        assert!(fs::read_to_string(&path)
            .unwrap()
            .starts_with("{\"recordedAt\":\"2026\n{"));
    }

    #[test]
    fn missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("no-such-folder");
        let err = append(&gone, &entry(1)).unwrap_err();
        let path = gone.join(FILE_NAME).display().to_string();
        assert!(
            err.starts_with(&format!(
                "{path}: cannot open the rotation journal for appending: "
            )),
            "{err}"
        );
        assert!(err.ends_with("; check that the folder exists and is writable"));
    }

    #[test]
    fn unreadable_journal_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(
            err.starts_with(&format!(
                "{}: cannot read the rotation journal: ",
                dir.path().join(FILE_NAME).display()
            )),
            "{err}"
        );
    }
}
