//! Finishing an interrupted transaction: forward, back, or (before it was decided) away.

use std::fs;
use std::path::{Path, PathBuf};

use super::{
    hash_of, io_error, path_from_hex, unfinished, Entry, Journal, Located, State, FORMAT,
    JOURNAL_NAME, NEW_MARK, OLD_MARK,
};
use crate::platform::disk::Disk;
use crate::platform::files::FileError;
use crate::platform::lock::FolderLock;

/// Finishes an interrupted transaction recorded in `dir`, then removes hidden files left by
/// a write that crashed before it was decided. Callers hold the lock of every folder in
/// `held` (`dir` among them); other folders a transaction names are locked here.
pub fn recover(disk: &dyn Disk, dir: &Path, held: &[PathBuf]) -> Result<Vec<String>, FileError> {
    let mut notes = Vec::new();
    let Some(journal) = read_journal(dir)? else {
        notes.extend(sweep(disk, dir));
        return Ok(notes);
    };
    let mut locks: Vec<FolderLock> = Vec::new();
    let mut held_now = held.to_vec();
    let (primary_dir, primary) = match &journal.primary {
        None => (dir.to_path_buf(), journal),
        Some(p) => {
            let p = path_from_hex(p).ok_or_else(|| unfinished(dir, "its journal is damaged"))?;
            if !p.is_dir() {
                return Err(gone(dir, &p));
            }
            locks.push(lock_more(std::slice::from_ref(&p), &mut held_now)?);
            match read_journal(&p)? {
                Some(pj)
                    if pj.primary.is_none()
                        && pj.pid == journal.pid
                        && pj.entries == journal.entries =>
                {
                    (p, pj)
                }
                _ => {
                    return Err(unfinished(
                        dir,
                        &format!("the journal in {} that decides that write is missing or different (removed by hand?). If that folder was moved, run pool-console in it at its new place", p.display()),
                    ))
                }
            }
        }
    };
    let mut folders = vec![primary_dir.clone()];
    let mut present = vec![true];
    for f in primary.folders.iter().skip(1) {
        let f =
            path_from_hex(f).ok_or_else(|| unfinished(&primary_dir, "its journal is damaged"))?;
        if !f.is_dir() {
            return Err(gone(&primary_dir, &f));
        }
        locks.push(lock_more(std::slice::from_ref(&f), &mut held_now)?);
        // Another folder takes part only while it holds the matching pointer.
        let matching = read_journal(&f)?.is_some_and(|j| {
            j.primary.is_some() && j.pid == primary.pid && j.entries == primary.entries
        });
        folders.push(f);
        present.push(matching);
    }
    let at = Located {
        journal: primary,
        folders,
        present,
    };
    let names: Vec<String> = at
        .journal
        .entries
        .iter()
        .filter_map(|e| at.target(e))
        .map(|t| t.display().to_string())
        .collect();
    let how = match at.journal.state {
        State::Pending => {
            drop_undecided(disk, &at);
            "cleaned up: it had changed nothing yet"
        }
        State::Commit | State::Rollback => {
            let moved = finish(disk, &at)?.len();
            notes.push(format!(
                "an earlier write to {} was interrupted; it has now been {} ({moved} of {} files moved: {})",
                primary_dir.display(),
                if at.journal.state == State::Commit { "completed" } else { "undone" },
                names.len(),
                names.join(", ")
            ));
            ""
        }
    };
    if !how.is_empty() {
        notes.push(format!(
            "an earlier write to {} was interrupted and has been {how}",
            primary_dir.display()
        ));
    }
    for (f, p) in at.folders.iter().zip(&at.present) {
        if *p {
            notes.extend(sweep(disk, f));
        }
    }
    drop(locks);
    Ok(notes)
}

fn gone(dir: &Path, other: &Path) -> FileError {
    unfinished(
        dir,
        &format!("that write also went to {}, which is not there now: plug the stick back in or mount it where it was (if the folder was moved, run pool-console in it at its new place), then run the command again", other.display()),
    )
}

/// Locks the folders this process does not hold yet, and counts them as held.
fn lock_more(folders: &[PathBuf], held: &mut Vec<PathBuf>) -> Result<FolderLock, FileError> {
    let mut others: Vec<PathBuf> = folders
        .iter()
        .filter(|f| !held.contains(f))
        .cloned()
        .collect();
    others.sort();
    others.dedup();
    held.extend(others.iter().cloned());
    FolderLock::acquire(&others)
}

pub(super) fn read_journal(dir: &Path) -> Result<Option<Journal>, FileError> {
    let path = dir.join(JOURNAL_NAME);
    match fs::symlink_metadata(&path) {
        Err(_) => return Ok(None),
        Ok(m) if !m.file_type().is_file() => {
            return Err(unfinished(dir, "its journal is not a regular file"))
        }
        Ok(_) => {}
    }
    crate::platform::read::read_regular(&path, crate::platform::read::ENVELOPE)
        .ok()
        .and_then(|b| serde_json::from_slice::<Journal>(b.expose()).ok())
        .filter(|j| j.format == FORMAT && !j.folders.is_empty())
        .map(Some)
        .ok_or_else(|| unfinished(dir, "its journal cannot be read"))
}

/// A write that never decided: its staged files, backups and journals go; nothing moved.
fn drop_undecided(disk: &dyn Disk, at: &Located) {
    for e in at.journal.entries.iter().filter(|e| at.is_present(e)) {
        for mark in [NEW_MARK, OLD_MARK] {
            if let Some(p) = at.staged(e, mark) {
                let _ = disk.remove(&p);
            }
        }
    }
    remove_journals(disk, at);
}

/// Pointers of the folders taking part, then the primary journal.
fn remove_journals(disk: &dyn Disk, at: &Located) {
    for (f, p) in at.folders.iter().zip(&at.present).skip(1) {
        if *p {
            let _ = disk.remove(&f.join(JOURNAL_NAME));
        }
    }
    let _ = disk.remove(&at.folders[0].join(JOURNAL_NAME));
}

/// Brings a decided transaction to its end (forward or back), after checking that every file
/// it would move holds what the journal says; then removes its traces, the primary journal
/// last. A folder without its pointer has finished its part: its targets are checked, not
/// touched. Idempotent: a crash in here is finished by running it again. Callers hold the
/// locks of every folder. Returns the files put in place or back.
pub(super) fn finish(disk: &dyn Disk, at: &Located) -> Result<Vec<PathBuf>, FileError> {
    let primary = &at.folders[0];
    let mut plan: Vec<(PathBuf, Option<PathBuf>)> = Vec::new(); // (from, to): None removes
    for e in &at.journal.entries {
        let (Some(target), Some(temp), Some(backup)) =
            (at.target(e), at.staged(e, NEW_MARK), at.staged(e, OLD_MARK))
        else {
            return Err(unfinished(primary, "its journal is damaged"));
        };
        let now = hash_of(&target);
        let differs = |what: &Path| {
            let how = if what.exists() {
                "does not hold what that write recorded"
            } else {
                "is missing"
            };
            unfinished(
                primary,
                &format!(
                    "{} {how}, so it cannot be finished safely (is the right stick mounted there?)",
                    what.display()
                ),
            )
        };
        if !at.is_present(e) {
            let done = match at.journal.state {
                State::Commit => now.as_deref() == Some(e.new_hash.as_str()),
                _ => now == e.old_hash,
            };
            if !done {
                return Err(differs(&target));
            }
            continue;
        }
        let staged = hash_of(&temp);
        match at.journal.state {
            State::Pending => {}
            State::Commit => match staged {
                Some(h) if h == e.new_hash => plan.push((temp, Some(target))),
                Some(_) => return Err(differs(&temp)),
                None if now.as_deref() == Some(e.new_hash.as_str()) => {}
                None => return Err(differs(&target)),
            },
            State::Rollback => plan_rollback(e, &temp, &backup, &target, staged, now, &mut plan)
                .map_err(|p| differs(&p))?,
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
    for (dir, p) in at.folders.iter().zip(&at.present) {
        if *p {
            let _ = disk.sync_folder(dir);
        }
    }
    for e in at.journal.entries.iter().filter(|e| at.is_present(e)) {
        if let Some(b) = at.staged(e, OLD_MARK).filter(|b| b.exists()) {
            let _ = disk.remove(&b);
        }
    }
    remove_journals(disk, at);
    Ok(touched)
}

/// What undoing one entry takes; Err names the file that does not agree with the journal.
fn plan_rollback(
    e: &Entry,
    temp: &Path,
    backup: &Path,
    target: &Path,
    staged: Option<String>,
    now: Option<String>,
    plan: &mut Vec<(PathBuf, Option<PathBuf>)>,
) -> Result<(), PathBuf> {
    if staged.is_some() {
        plan.push((temp.to_path_buf(), None));
        return Ok(());
    }
    match &e.old_hash {
        Some(old) => match hash_of(backup) {
            Some(h) if h == *old => plan.push((backup.to_path_buf(), Some(target.to_path_buf()))),
            Some(_) => return Err(backup.to_path_buf()),
            None if now.as_ref() == Some(old) => {}
            None => return Err(target.to_path_buf()),
        },
        None if now.as_deref() == Some(e.new_hash.as_str()) => {
            plan.push((target.to_path_buf(), None));
        }
        None if now.is_some() => return Err(target.to_path_buf()),
        None => {}
    }
    Ok(())
}

/// With no journal in the folder: removes staged files (a write that crashed before it was
/// decided), and backups identical to their target. A backup that differs is kept and named:
/// it may be the only copy of an old key (a journal removed by hand).
fn sweep(disk: &dyn Disk, dir: &Path) -> Vec<String> {
    let mut kept = Vec::new();
    if dir.join(JOURNAL_NAME).exists() {
        return kept;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return kept;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().is_ok_and(|t| t.is_file()) || !super::is_staged_name(&name) {
            continue;
        }
        let path = entry.path();
        let target = name
            .rsplit_once(OLD_MARK)
            .and_then(|(head, _)| head.strip_prefix('.'))
            .map(|t| dir.join(t));
        match target {
            Some(t) if hash_of(&t) != hash_of(&path) => kept.push(format!(
                "kept {}: a copy of an earlier {} that differs from it (a write was interrupted and its journal removed); look at it before removing it",
                path.display(),
                t.display()
            )),
            _ => {
                let _ = disk.remove(&path);
            }
        }
    }
    kept
}
