//! Writing several files as one transaction that survives kill -9 at any instant.
//!
//! 1. Every new file is staged as a hidden temporary file beside its target, and every file
//!    about to be replaced is copied to a hidden backup (a copy, not a hard link: FAT and exFAT
//!    USB sticks have none). A crash here leaves only hidden files the next write removes.
//! 2. A journal naming each target, temporary file and backup is renamed into place in every
//!    folder touched. From then on the write is decided: a crash is completed by the next write
//!    (roll forward: each temporary file still there is renamed over its target).
//! 3. The temporary files are renamed over their targets in the order given.
//! 4. If a rename fails, the journal is switched to "rollback" and every replaced file is put
//!    back from its backup; a crash during that is finished the same way by the next write.
//! 5. The journal and backups are removed. No secret temporary file outlives the command.
//!
//! A single file needs none of this: one rename is atomic, and a crash leaves at most a
//! hidden temporary file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk::Disk;
use super::files::FileError;

/// The journal's name in each folder of a write.
pub const JOURNAL_NAME: &str = ".pool-console-journal";
/// Markers in the names of staged and backup files.
const NEW_MARK: &str = ".pc-new-";
const OLD_MARK: &str = ".pc-old-";

/// One file of a transaction.
pub struct Step<'a> {
    /// The name the person gave, for messages.
    pub shown: String,
    /// The real path (links resolved).
    pub target: PathBuf,
    pub bytes: &'a [u8],
    pub mode: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum State {
    Commit,
    Rollback,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    target: PathBuf,
    temp: PathBuf,
    /// The copy of what `target` held before, or none when it did not exist.
    backup: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Journal {
    format: String,
    state: State,
    folders: Vec<PathBuf>,
    entries: Vec<Entry>,
}

const FORMAT: &str = "pool-console write journal 1";

impl Journal {
    /// Only what a write of ours records: found in one of its folders, every target in one of
    /// them, and every staged copy and backup a hidden sibling of its target with our marks.
    /// A journal planted in a pool folder must not move files anywhere else.
    fn is_well_formed(&self, found_in: &Path) -> bool {
        let sibling_of = |file: &Path, target: &Path, mark: &str| {
            let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
            file.parent() == target.parent()
                && name.is_some_and(|n| {
                    file.file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .is_some_and(|f| f.starts_with(&format!(".{n}{mark}")))
                })
        };
        self.folders.iter().any(|f| f == found_in)
            && self.entries.iter().all(|e| {
                e.target
                    .parent()
                    .is_some_and(|d| self.folders.iter().any(|f| f == d))
                    && sibling_of(&e.temp, &e.target, NEW_MARK)
                    && e.backup
                        .as_ref()
                        .is_none_or(|b| sibling_of(b, &e.target, OLD_MARK))
            })
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> FileError {
    FileError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// A hidden name next to `target`.
fn sibling(target: &Path, mark: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    dir.join(format!(".{name}{mark}{}", std::process::id()))
}

/// Writes the steps as one transaction. Callers hold the folder locks.
pub fn commit(disk: &dyn Disk, steps: &[Step<'_>], folders: &[PathBuf]) -> Result<(), FileError> {
    let mut entries: Vec<Entry> = Vec::with_capacity(steps.len());
    let staged = stage(disk, steps, &mut entries);
    if let Err(e) = staged {
        discard(disk, &entries);
        return Err(e);
    }
    if let [single] = steps {
        let done = disk.rename(&entries[0].temp, &single.target);
        if let Err(e) = done {
            discard(disk, &entries);
            return Err(io_error(Path::new(&single.shown), &e));
        }
        let _ = disk.sync_folder(folders.first().map_or(Path::new("."), PathBuf::as_path));
        return Ok(());
    }
    let mut journal = Journal {
        format: FORMAT.to_owned(),
        state: State::Commit,
        folders: folders.to_vec(),
        entries,
    };
    if let Err(e) = write_journal(disk, &journal) {
        remove_journals(disk, &journal.folders);
        discard(disk, &journal.entries);
        return Err(e);
    }
    for (i, step) in steps.iter().enumerate() {
        if let Err(e) = disk.rename(&journal.entries[i].temp, &step.target) {
            let cause = io_error(Path::new(&step.shown), &e);
            journal.state = State::Rollback;
            return match write_journal(disk, &journal).and_then(|()| finish(disk, &journal, None)) {
                Ok(_) => Err(cause),
                Err(undo) => Err(FileError::Unfinished(format!(
                    "{cause}; putting back the files already replaced failed too ({undo}). Nothing is lost: the old files are kept as hidden backups, and the next pool-console command that writes to this folder puts them back"
                ))),
            };
        }
    }
    for dir in folders {
        let _ = disk.sync_folder(dir);
    }
    finish(disk, &journal, None).map(|_| ())
}

/// Temporary copies of the new files, and backups of the files they replace.
fn stage(disk: &dyn Disk, steps: &[Step<'_>], entries: &mut Vec<Entry>) -> Result<(), FileError> {
    let keep_backups = steps.len() > 1;
    for step in steps {
        let temp = sibling(&step.target, NEW_MARK);
        entries.push(Entry {
            target: step.target.clone(),
            temp: temp.clone(),
            backup: None,
        });
        disk.create_new(&temp, step.bytes, step.mode)
            .map_err(|e| io_error(Path::new(&step.shown), &e))?;
        if keep_backups && step.target.exists() {
            let backup = sibling(&step.target, OLD_MARK);
            let old = super::read::read(&step.target)?;
            disk.create_new(&backup, old.expose(), mode_of(&step.target))
                .map_err(|e| io_error(Path::new(&step.shown), &e))?;
            if let Some(last) = entries.last_mut() {
                last.backup = Some(backup);
            }
        }
    }
    Ok(())
}

fn mode_of(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = fs::metadata(path) {
            return m.permissions().mode() & 0o777;
        }
    }
    let _ = path;
    super::disk::SECRET_MODE
}

/// Removes staged files and backups of a transaction that never started its renames.
fn discard(disk: &dyn Disk, entries: &[Entry]) {
    for e in entries {
        let _ = disk.remove(&e.temp);
        if let Some(b) = &e.backup {
            let _ = disk.remove(b);
        }
    }
}

fn write_journal(disk: &dyn Disk, journal: &Journal) -> Result<(), FileError> {
    let text = serde_json::to_vec_pretty(journal).map_err(|e| FileError::Write {
        path: JOURNAL_NAME.to_owned(),
        reason: e.to_string(),
    })?;
    for dir in &journal.folders {
        let path = dir.join(JOURNAL_NAME);
        let temp = sibling(&path, NEW_MARK);
        let _ = disk.remove(&temp);
        disk.create_new(&temp, &text, super::disk::PUBLIC_MODE)
            .and_then(|()| disk.rename(&temp, &path))
            .and_then(|()| disk.sync_folder(dir))
            .map_err(|e| io_error(&path, &e))?;
    }
    Ok(())
}

fn remove_journals(disk: &dyn Disk, folders: &[PathBuf]) {
    for dir in folders {
        let _ = disk.remove(&dir.join(JOURNAL_NAME));
    }
}

/// Brings a decided transaction to its end (forward or back) and removes its traces; with
/// `only`, just the files in that folder and its copy of the journal (recovery works folder by
/// folder, under that folder's lock; each folder has its own copy of the journal).
/// Idempotent: a crash in here is finished by running it again. Returns the files touched.
fn finish(
    disk: &dyn Disk,
    journal: &Journal,
    only: Option<&Path>,
) -> Result<Vec<String>, FileError> {
    let mut touched = Vec::new();
    let mine = |e: &&Entry| only.is_none_or(|dir| e.target.parent() == Some(dir));
    for e in journal.entries.iter().filter(mine) {
        let staged = e.temp.exists();
        match journal.state {
            State::Commit if staged => {
                disk.rename(&e.temp, &e.target)
                    .map_err(|err| io_error(&e.target, &err))?;
                touched.push(e.target.display().to_string());
            }
            State::Commit => {}
            State::Rollback if staged => {
                disk.remove(&e.temp)
                    .map_err(|err| io_error(&e.temp, &err))?;
            }
            State::Rollback => {
                // Renamed into place: put back what was there, or remove what was not.
                match &e.backup {
                    Some(b) if b.exists() => {
                        disk.rename(b, &e.target)
                            .map_err(|err| io_error(&e.target, &err))?;
                        touched.push(e.target.display().to_string());
                    }
                    Some(_) => {}
                    None if e.target.exists() => {
                        disk.remove(&e.target)
                            .map_err(|err| io_error(&e.target, &err))?;
                        touched.push(e.target.display().to_string());
                    }
                    None => {}
                }
            }
        }
    }
    let folders: Vec<PathBuf> = match only {
        Some(dir) => vec![dir.to_path_buf()],
        None => journal.folders.clone(),
    };
    for dir in &folders {
        let _ = disk.sync_folder(dir);
    }
    remove_journals(disk, &folders);
    for e in journal.entries.iter().filter(mine) {
        if let Some(b) = &e.backup {
            if b.exists() {
                let _ = disk.remove(b);
            }
        }
    }
    Ok(touched)
}

/// Finishes an interrupted transaction recorded in `dir`, then removes hidden files left by
/// a write that crashed before it was decided. Callers hold the folder lock.
pub fn recover(disk: &dyn Disk, dir: &Path) -> Result<Vec<String>, FileError> {
    let mut notes = Vec::new();
    let path = dir.join(JOURNAL_NAME);
    if path.exists() {
        let journal: Journal = super::read::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice(b.expose()).ok())
            .filter(|j: &Journal| j.format == FORMAT)
            .ok_or_else(|| {
                FileError::Unfinished(format!(
                    "{}: an earlier write was interrupted, and its journal cannot be read; look at the hidden .pc-new- and .pc-old- files in the folder, then remove {JOURNAL_NAME}",
                    path.display()
                ))
            })?;
        if !journal.is_well_formed(dir) {
            return Err(FileError::Unfinished(format!(
                "{}: names files that no write of pool-console makes (outside its folders, or not its staged copies): it was not made by pool-console, or it is damaged. Nothing was done; look at it, then remove it",
                path.display()
            )));
        }
        let touched = finish(disk, &journal, Some(dir))?;
        let how = match journal.state {
            State::Commit => "completed",
            State::Rollback => "undone",
        };
        let names: Vec<String> = journal
            .entries
            .iter()
            .filter(|e| e.target.parent() == Some(dir))
            .map(|e| e.target.display().to_string())
            .collect();
        if !names.is_empty() {
            notes.push(format!(
                "an earlier write to {} was interrupted; it has now been {how} ({} of {}: {})",
                dir.display(),
                touched.len(),
                names.len(),
                names.join(", ")
            ));
        }
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && (name.contains(NEW_MARK) || name.contains(OLD_MARK)) {
                let _ = disk.remove(&entry.path());
            }
        }
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::disk::OsDisk;

    #[test]
    fn a_planted_journal_moves_nothing_outside_its_folder() {
        let pool = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let (pool_dir, other) = (
            fs::canonicalize(pool.path()).unwrap(),
            fs::canonicalize(elsewhere.path()).unwrap(),
        );
        let victim = other.join("passwd");
        fs::write(&victim, "root:x:0:0").unwrap();
        let planted = pool_dir.join(".evil");
        fs::write(&planted, "owned").unwrap();
        // A staged copy that is not its target's sibling, a target outside the journal's
        // folders: refused. A well-formed entry for another folder: left to that folder.
        for (target, temp, refused) in [
            (victim.clone(), planted.clone(), true),
            (
                pool_dir.join("../x/passwd"),
                pool_dir.join(".passwd.pc-new-1"),
                true,
            ),
            (victim.clone(), other.join(".passwd.pc-new-1"), false),
        ] {
            let journal = Journal {
                format: FORMAT.to_owned(),
                state: State::Commit,
                folders: vec![pool_dir.clone(), other.clone()],
                entries: vec![Entry {
                    target,
                    temp,
                    backup: None,
                }],
            };
            fs::write(
                pool_dir.join(JOURNAL_NAME),
                serde_json::to_vec(&journal).unwrap(),
            )
            .unwrap();
            match recover(&OsDisk, &pool_dir) {
                Err(e) if refused => assert!(
                    e.to_string()
                        .contains("names files that no write of pool-console makes"),
                    "{e}"
                ),
                Ok(notes) if !refused => assert!(notes.is_empty()),
                other => panic!("{other:?}"),
            }
            assert_eq!(fs::read_to_string(&victim).unwrap(), "root:x:0:0");
        }
        assert!(planted.exists());
    }
}
