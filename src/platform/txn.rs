//! Writing several files as one transaction that survives kill -9 at any instant.
//!
//! 1. Every new file is staged as a hidden sibling of its target, and every file about to be
//!    replaced is copied to a hidden backup (a copy, not a hard link: FAT and exFAT USB sticks
//!    have none). A crash here leaves only hidden files the next write removes.
//! 2. Every other folder the write touches gets a *pointer* journal naming the primary folder
//!    (the first output's) and its own staged files; then the primary journal is renamed into
//!    place. That rename decides the write: from then on a crash is completed by the next write
//!    (each staged file still there is renamed over its target).
//! 3. The staged files are renamed over their targets in the order given.
//! 4. If a rename fails, the primary journal is switched to "rollback" (one atomic rename, so
//!    no folder can disagree) and every replaced file is put back from its backup.
//! 5. Backups and pointer journals are removed, the primary journal last.
//!
//! Recovery trusts a journal only as far as the bytes agree: each staged file and backup is
//! named by its target and carries the BLAKE2b-256 of its contents, checked before anything is
//! moved, and a target is only ever removed when it holds exactly what the write staged. File
//! names are kept relative to their folder, so a pool folder moved after a crash still
//! recovers. A single file needs none of this: one rename is atomic.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::disk::{Disk, PUBLIC_MODE};
use super::files::FileError;
use super::lock::FolderLock;
use crate::core::hash::blake2b_256;

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

/// A decided transaction, with its folders where they are now.
struct Located {
    journal: Journal,
    folders: Vec<PathBuf>,
}

impl Located {
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
        state: State::Commit,
        folders: folders.iter().map(|f| hex_path(f)).collect(),
        entries,
        primary: None,
    };
    let at = Located {
        journal: journal.clone(),
        folders: folders.clone(),
    };
    // Pointers first, then the primary journal: its rename is the decision.
    let pointer = Journal {
        primary: Some(hex_path(&folders[0])),
        ..journal.clone()
    };
    let mut written = Vec::new();
    for dir in folders.iter().skip(1).chain(folders.first()) {
        let j = if *dir == folders[0] {
            &journal
        } else {
            &pointer
        };
        if let Err(e) = write_journal(disk, dir, j) {
            remove_all(disk, &written);
            remove_all(disk, &made);
            return Err(e);
        }
        written.push(dir.join(JOURNAL_NAME));
    }
    for (i, step) in steps.iter().enumerate() {
        let staged = at.staged(&at.journal.entries[i], NEW_MARK);
        let renamed = staged.map(|s| disk.rename(&s, &step.target));
        if let Some(Err(e)) = renamed {
            let cause = io_error(Path::new(&step.shown), &e);
            journal.state = State::Rollback;
            let undone = write_journal(disk, &folders[0], &journal).and_then(|()| {
                finish(
                    disk,
                    &Located {
                        journal: journal.clone(),
                        folders: folders.clone(),
                    },
                )
            });
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
    finish(disk, &at).map(|_| ())
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
    super::disk::SECRET_MODE
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
    disk.create_new(&temp, &text, PUBLIC_MODE)
        .and_then(|()| disk.rename(&temp, &path))
        .and_then(|()| disk.sync_folder(dir))
        .map_err(|e| io_error(&path, &e))
}

/// Brings a decided transaction to its end (forward or back), after checking that every file
/// it would move holds what the journal says; then removes its traces, the primary journal
/// last. Idempotent: a crash in here is finished by running it again. Callers hold the locks
/// of every folder. Returns the files put in place or back.
fn finish(disk: &dyn Disk, at: &Located) -> Result<Vec<PathBuf>, FileError> {
    let primary = &at.folders[0];
    let mut plan: Vec<(PathBuf, Option<PathBuf>)> = Vec::new(); // (from, to): None removes
    for e in &at.journal.entries {
        let (Some(target), Some(temp), Some(backup)) =
            (at.target(e), at.staged(e, NEW_MARK), at.staged(e, OLD_MARK))
        else {
            return Err(unfinished(primary, "its journal is damaged"));
        };
        let staged = hash_of(&temp);
        let now = hash_of(&target);
        let differs = |what: &Path| {
            unfinished(
                primary,
                &format!(
                    "{} does not hold what that write recorded, so it cannot be finished safely",
                    what.display()
                ),
            )
        };
        match at.journal.state {
            State::Commit => match staged {
                Some(h) if h == e.new_hash => plan.push((temp, Some(target))),
                Some(_) => return Err(differs(&temp)),
                None if now.as_deref() == Some(e.new_hash.as_str()) => {}
                None => return Err(differs(&target)),
            },
            State::Rollback => {
                if staged.is_some() {
                    plan.push((temp, None));
                } else if let Some(old) = &e.old_hash {
                    match hash_of(&backup) {
                        Some(h) if h == *old => plan.push((backup.clone(), Some(target))),
                        Some(_) => return Err(differs(&backup)),
                        None if now.as_ref() == Some(old) => {}
                        None => return Err(differs(&target)),
                    }
                } else if now.as_deref() == Some(e.new_hash.as_str()) {
                    plan.push((target, None));
                } else if now.is_some() {
                    return Err(differs(&target));
                }
            }
        }
    }
    let mut touched = Vec::new();
    for (from, to) in plan {
        match to {
            Some(to) => {
                disk.rename(&from, &to).map_err(|e| io_error(&to, &e))?;
                touched.push(to);
            }
            None => disk.remove(&from).map_err(|e| io_error(&from, &e))?,
        }
    }
    for dir in &at.folders {
        let _ = disk.sync_folder(dir);
    }
    for e in &at.journal.entries {
        if let Some(b) = at.staged(e, OLD_MARK).filter(|b| b.exists()) {
            let _ = disk.remove(&b);
        }
    }
    for dir in at.folders.iter().skip(1).chain(std::iter::once(primary)) {
        let _ = disk.remove(&dir.join(JOURNAL_NAME));
    }
    Ok(touched)
}

fn read_journal(dir: &Path) -> Result<Option<Journal>, FileError> {
    let path = dir.join(JOURNAL_NAME);
    match fs::symlink_metadata(&path) {
        Err(_) => return Ok(None),
        Ok(m) if !m.file_type().is_file() => {
            return Err(unfinished(dir, "its journal is not a regular file"))
        }
        Ok(_) => {}
    }
    super::read::read_regular(&path, super::read::ENVELOPE)
        .ok()
        .and_then(|b| serde_json::from_slice::<Journal>(b.expose()).ok())
        .filter(|j| j.format == FORMAT && !j.folders.is_empty())
        .map(Some)
        .ok_or_else(|| unfinished(dir, "its journal cannot be read"))
}

/// Finishes an interrupted transaction recorded in `dir`, then removes hidden files left by
/// a write that crashed before it was decided. Callers hold the lock of every folder in
/// `held` (`dir` among them); other folders a transaction names are locked here.
pub fn recover(disk: &dyn Disk, dir: &Path, held: &[PathBuf]) -> Result<Vec<String>, FileError> {
    let mut notes = Vec::new();
    if let Some(journal) = read_journal(dir)? {
        let mut held_now: Vec<PathBuf> = held.to_vec();
        let mut extra: Vec<FolderLock> = Vec::new();
        let (primary_dir, primary) = match &journal.primary {
            None => (dir.to_path_buf(), journal),
            Some(p) => {
                let p =
                    path_from_hex(p).ok_or_else(|| unfinished(dir, "its journal is damaged"))?;
                if !p.is_dir() {
                    return Err(unfinished(
                        dir,
                        &format!("that write also went to {}, which is not there now: plug it back in (or mount it where it was), then run the command again", p.display()),
                    ));
                }
                extra.push(lock_others(std::slice::from_ref(&p), &held_now)?);
                held_now.push(p.clone());
                match read_journal(&p)? {
                    Some(j) if j.primary.is_none() && j.pid == journal.pid => (p, j),
                    // The primary finished (or never decided): only this pointer is left.
                    _ => {
                        drop_pointer(disk, dir, &journal);
                        sweep(disk, dir);
                        return Ok(notes);
                    }
                }
            }
        };
        let mut folders = vec![primary_dir.clone()];
        for f in primary.folders.iter().skip(1) {
            let f = path_from_hex(f).ok_or_else(|| unfinished(dir, "its journal is damaged"))?;
            if !f.is_dir() {
                return Err(unfinished(
                    &primary_dir,
                    &format!("that write also went to {}, which is not there now: plug it back in (or mount it where it was), then run the command again", f.display()),
                ));
            }
            folders.push(f);
        }
        extra.push(lock_others(&folders, &held_now)?);
        let at = Located {
            journal: primary,
            folders,
        };
        let touched = finish(disk, &at)?;
        let how = match at.journal.state {
            State::Commit => "completed",
            State::Rollback => "undone",
        };
        let names: Vec<String> = at
            .journal
            .entries
            .iter()
            .filter_map(|e| at.target(e))
            .map(|t| t.display().to_string())
            .collect();
        notes.push(format!(
            "an earlier write to {} was interrupted; it has now been {how} ({} of {} files moved: {})",
            primary_dir.display(),
            touched.len(),
            names.len(),
            names.join(", ")
        ));
        for f in &at.folders {
            sweep(disk, f);
        }
    } else {
        sweep(disk, dir);
    }
    Ok(notes)
}

/// Locks the folders in `folders` this process does not hold yet.
fn lock_others(folders: &[PathBuf], held: &[PathBuf]) -> Result<FolderLock, FileError> {
    let mut others: Vec<PathBuf> = folders
        .iter()
        .filter(|f| !held.contains(f))
        .cloned()
        .collect();
    others.sort();
    others.dedup();
    FolderLock::acquire(&others)
}

/// Removes a pointer journal whose transaction is over, with the staged files it named.
fn drop_pointer(disk: &dyn Disk, dir: &Path, j: &Journal) {
    let mine = j
        .folders
        .iter()
        .position(|f| path_from_hex(f).as_deref() == Some(dir));
    for e in j.entries.iter().filter(|e| Some(e.folder) == mine) {
        if let Some(name) = path_from_hex(&e.name) {
            if let Some(n) = name.file_name() {
                let _ = disk.remove(&hidden(dir, n, NEW_MARK, j.pid));
                let _ = disk.remove(&hidden(dir, n, OLD_MARK, j.pid));
            }
        }
    }
    let _ = disk.remove(&dir.join(JOURNAL_NAME));
}

/// Removes staged files and backups no journal in the folder names: left by a write that
/// crashed before it was decided (under the folder lock, no other write is running here).
fn sweep(disk: &dyn Disk, dir: &Path) {
    if dir.join(JOURNAL_NAME).exists() {
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let is_file = entry.file_type().is_ok_and(|t| t.is_file());
            if is_file && is_staged_name(&entry.file_name().to_string_lossy()) {
                let _ = disk.remove(&entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests;
