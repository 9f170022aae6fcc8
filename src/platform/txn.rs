//! Writing several files as one transaction that survives kill -9 at any instant.
//!
//! 1. Every new file is staged as a hidden sibling of its target, and every file about to be
//!    replaced is copied to a hidden backup (a copy, not a hard link: FAT and exFAT USB sticks
//!    have none). A crash here leaves only hidden files the next write removes.
//! 2. The *primary* journal (in the first output's folder) is written as "pending", then every
//!    other folder the write touches gets a *pointer* journal naming it. A crash here is
//!    cleaned up by the next write: nothing was moved yet.
//! 3. The primary journal is rewritten as "commit": that rename decides the write. From then on
//!    a crash is completed by the next write (each staged file still there is renamed over its
//!    target), started from any of the folders.
//! 4. The staged files are renamed over their targets in the order given.
//! 5. If a rename fails, the primary journal is switched to "rollback" (one atomic rename, so
//!    no folder can disagree) and every replaced file is put back from its backup.
//! 6. Backups and pointers are removed, the primary journal last: a pointer without its
//!    primary therefore only exists if someone removed the primary by hand, and a folder whose
//!    pointer is gone has finished its part.
//!
//! Recovery trusts a journal only as far as the bytes agree: each staged file and backup is
//! named by its target and carries the BLAKE2b-256 of its contents, checked before anything is
//! moved; a target is only removed when it holds exactly what the write staged; another folder
//! is acted on only when it holds the matching pointer. File names are kept relative to their
//! folder, so a pool folder moved after a crash still recovers. A single file needs none of
//! this: one rename is atomic.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk::{Disk, SECRET_MODE};
use super::files::FileError;
use crate::core::encoding::hash::blake2b_256;

/// The journal's name in each folder of a write.
pub const JOURNAL_NAME: &str = ".pool-console-journal";
/// Markers in the names of staged and backup files: `.NAME.pc-new-PID`, `.NAME.pc-old-PID`.
pub const NEW_MARK: &str = ".pc-new-";
pub const OLD_MARK: &str = ".pc-old-";
const FORMAT: &str = "pool-console write journal 2";

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
    Pending,
    Commit,
    Rollback,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    /// Index into the journal's folders (0: the primary).
    folder: usize,
    /// The target's file name (hex of its bytes: any name survives JSON).
    name: String,
    new_hash: String,
    /// The hash of what the target held before, or none when it did not exist.
    old_hash: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Journal {
    format: String,
    /// The process that wrote it: part of every staged and backup name.
    pid: u32,
    state: State,
    /// Absolute paths (hex) of every folder; the primary's entry is ignored on reading, since
    /// the primary is wherever its journal is found now.
    folders: Vec<String>,
    entries: Vec<Entry>,
    /// On a pointer journal: the primary folder (hex of its absolute path).
    primary: Option<String>,
}

fn hex_path(p: &Path) -> String {
    hex::encode(p.as_os_str().as_encoded_bytes())
}

fn path_from_hex(text: &str) -> Option<PathBuf> {
    let bytes = hex::decode(text).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)))
    }
    #[cfg(not(unix))]
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

fn io_error(path: &Path, e: &std::io::Error) -> FileError {
    FileError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn unfinished(dir: &Path, what: &str) -> FileError {
    FileError::Unfinished(format!(
        "{}: an earlier write to this folder was interrupted, and {what}; nothing was changed. Look at the hidden files .pool-console-journal, .*.pc-new-* and .*.pc-old-* in the folder (the staged new files and the copies of the old ones) before removing any of them",
        dir.display()
    ))
}

/// A hidden sibling of `name` in `dir`.
fn hidden(dir: &Path, name: &std::ffi::OsStr, mark: &str, pid: u32) -> PathBuf {
    let mut n = std::ffi::OsString::from(".");
    n.push(name);
    n.push(format!("{mark}{pid}"));
    dir.join(n)
}

/// True for the names this module gives staged files and backups (`.X.pc-new-123`).
pub fn is_staged_name(name: &str) -> bool {
    [NEW_MARK, OLD_MARK].iter().any(|mark| {
        name.starts_with('.')
            && name.rsplit_once(mark).is_some_and(|(head, pid)| {
                head.len() > 1 && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
            })
    })
}

fn hash_hex(bytes: &[u8]) -> String {
    hex::encode(blake2b_256(bytes))
}

/// The hash of a file's contents, or None when it is not there or cannot be read.
fn hash_of(path: &Path) -> Option<String> {
    super::read::read_regular(path, super::read::ENVELOPE)
        .ok()
        .map(|b| hash_hex(b.expose()))
}

/// A transaction, with its folders where they are now, and which of them still hold their
/// part of it (the primary, and each other folder with the matching pointer).
struct Located {
    journal: Journal,
    folders: Vec<PathBuf>,
    present: Vec<bool>,
}

impl Located {
    /// Every folder taking part (the writer itself, before any has finished).
    fn all(journal: Journal, folders: Vec<PathBuf>) -> Self {
        let present = vec![true; folders.len()];
        Self {
            journal,
            folders,
            present,
        }
    }

    fn is_present(&self, e: &Entry) -> bool {
        self.present.get(e.folder).copied().unwrap_or(false)
    }

    fn target(&self, e: &Entry) -> Option<PathBuf> {
        let dir = self.folders.get(e.folder)?;
        Some(dir.join(path_from_hex(&e.name)?.file_name()?))
    }

    fn staged(&self, e: &Entry, mark: &str) -> Option<PathBuf> {
        let dir = self.folders.get(e.folder)?;
        let name = path_from_hex(&e.name)?;
        Some(hidden(dir, name.file_name()?, mark, self.journal.pid))
    }
}

/// Writes the steps as one transaction. Callers hold the folder locks. The primary folder
/// is the first step's.
pub fn commit(disk: &dyn Disk, steps: &[Step<'_>]) -> Result<(), FileError> {
    let pid = std::process::id();
    let mut folders: Vec<PathBuf> = Vec::new();
    for s in steps {
        let dir = s.target.parent().unwrap_or(Path::new(".")).to_path_buf();
        if !folders.contains(&dir) {
            folders.push(dir);
        }
    }
    let mut made: Vec<PathBuf> = Vec::new();
    let mut entries = Vec::with_capacity(steps.len());
    if let Err(e) = stage(disk, steps, &folders, pid, &mut made, &mut entries) {
        remove_all(disk, &made);
        return Err(e);
    }
    if let [single] = steps {
        if let Err(e) = disk.rename(&made[0], &single.target) {
            remove_all(disk, &made);
            return Err(io_error(Path::new(&single.shown), &e));
        }
        let _ = disk.sync_folder(&folders[0]);
        return Ok(());
    }
    let mut journal = Journal {
        format: FORMAT.to_owned(),
        pid,
        state: State::Pending,
        folders: folders.iter().map(|f| hex_path(f)).collect(),
        entries,
        primary: None,
    };
    let pointer = Journal {
        primary: Some(hex_path(&folders[0])),
        ..journal.clone()
    };
    // Primary (pending), pointers, then the primary again as "commit": the decision.
    let mut written: Vec<PathBuf> = Vec::new();
    let undecided = |written: &[PathBuf], e: FileError| {
        remove_all(disk, written);
        remove_all(disk, &made);
        e
    };
    for (dir, j) in std::iter::once((&folders[0], &journal))
        .chain(folders.iter().skip(1).map(|d| (d, &pointer)))
    {
        write_journal(disk, dir, j).map_err(|e| undecided(&written, e))?;
        written.push(dir.join(JOURNAL_NAME));
    }
    journal.state = State::Commit;
    write_journal(disk, &folders[0], &journal).map_err(|e| undecided(&written, e))?;
    let at = Located::all(journal.clone(), folders.clone());
    for (i, step) in steps.iter().enumerate() {
        let staged = at.staged(&at.journal.entries[i], NEW_MARK);
        let renamed = staged.map(|s| disk.rename(&s, &step.target));
        if let Some(Err(e)) = renamed {
            let cause = io_error(Path::new(&step.shown), &e);
            journal.state = State::Rollback;
            let back = Located::all(journal.clone(), folders.clone());
            let undone = write_journal(disk, &folders[0], &journal)
                .and_then(|()| recover::finish(disk, &back));
            return match undone {
                Ok(_) => Err(cause),
                Err(undo) => Err(FileError::Unfinished(format!(
                    "{cause}; putting back the files already replaced failed too ({undo}). Nothing is lost: the old files are kept as hidden copies, and the next pool-console command that writes to this folder puts them back"
                ))),
            };
        }
    }
    for dir in &folders {
        let _ = disk.sync_folder(dir);
    }
    recover::finish(disk, &at).map(|_| ())
}

/// Staged copies of the new files, and backups of the files they replace.
fn stage(
    disk: &dyn Disk,
    steps: &[Step<'_>],
    folders: &[PathBuf],
    pid: u32,
    made: &mut Vec<PathBuf>,
    entries: &mut Vec<Entry>,
) -> Result<(), FileError> {
    let keep_backups = steps.len() > 1;
    for step in steps {
        let err = |e: &std::io::Error| io_error(Path::new(&step.shown), e);
        let dir = step.target.parent().unwrap_or(Path::new("."));
        let name = step.target.file_name().unwrap_or_default();
        let temp = hidden(dir, name, NEW_MARK, pid);
        disk.create_new(&temp, step.bytes, step.mode)
            .map_err(|e| err(&e))?;
        made.push(temp.clone());
        let exists = fs::symlink_metadata(&step.target).is_ok();
        if exists {
            // Keep the owner: root replacing kes.skey must not leave the node's user without it.
            let _ = disk.same_owner(&temp, &step.target);
        }
        let mut old_hash = None;
        if keep_backups && exists {
            let backup = hidden(dir, name, OLD_MARK, pid);
            let old = super::read::read_regular(&step.target, super::read::ENVELOPE)?;
            disk.create_new(&backup, old.expose(), mode_of(&step.target))
                .map_err(|e| err(&e))?;
            let _ = disk.same_owner(&backup, &step.target);
            made.push(backup);
            old_hash = Some(hash_hex(old.expose()));
        }
        entries.push(Entry {
            folder: folders.iter().position(|f| f == dir).unwrap_or(0),
            name: hex::encode(name.as_encoded_bytes()),
            new_hash: hash_hex(step.bytes),
            old_hash,
        });
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
    SECRET_MODE
}

fn remove_all(disk: &dyn Disk, paths: &[PathBuf]) {
    for p in paths {
        let _ = disk.remove(p);
    }
}

fn write_journal(disk: &dyn Disk, dir: &Path, journal: &Journal) -> Result<(), FileError> {
    let path = dir.join(JOURNAL_NAME);
    let text = serde_json::to_vec_pretty(journal).map_err(|e| FileError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let temp = hidden(dir, JOURNAL_NAME.as_ref(), NEW_MARK, journal.pid);
    let _ = disk.remove(&temp);
    // 0600: it names key files and holds hashes of their bytes; nobody else needs to read it.
    disk.create_new(&temp, &text, SECRET_MODE)
        .and_then(|()| disk.rename(&temp, &path))
        .and_then(|()| disk.sync_folder(dir))
        .map_err(|e| {
            let _ = disk.remove(&temp);
            io_error(&path, &e)
        })
}

mod recover;
pub use recover::recover;

#[cfg(test)]
mod tests;
