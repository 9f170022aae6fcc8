//! One writer per pool folder: an advisory lock on the folder itself, held until the write is
//! done. Two `issue-op-cert` runs on one counter would otherwise both read number n and sign
//! two certificates with it.
//!
//! The standard library's `File::try_lock` (flock on Linux) is used rather than a crate: it is
//! the same call fs4 and fd-lock make, kept by the Rust project. The folder is locked rather
//! than a lock file so nothing is left behind; while the lock is held, `.pool-console.pid`
//! says who holds it, for the next writer's message.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::files::FileError;

/// Names the holder while a write runs.
pub const PID_NAME: &str = ".pool-console.pid";
/// How long a writer waits for another to finish before giving up.
const WAIT: Duration = Duration::from_secs(3);

/// Held locks; released (and the pid files removed) when dropped.
#[derive(Debug)]
pub struct FolderLock {
    held: Vec<(File, Option<PidFile>)>,
}

/// The pid file this process made, known by its inode so only that file is ever removed.
#[derive(Debug)]
struct PidFile {
    path: PathBuf,
    id: (u64, u64),
}

fn file_id(m: &fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (m.dev(), m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        (0, 0)
    }
}

/// Writes `.pool-console.pid` without ever following what is there: the old entry (left by
/// a crash, or planted: a link to cold.skey, a FIFO) is unlinked, never opened, and the new
/// file is created exclusively (O_EXCL neither follows links nor opens pipes).
fn write_pid(dir: &Path) -> Option<PidFile> {
    let path = dir.join(PID_NAME);
    if let Ok(m) = fs::symlink_metadata(&path) {
        if m.is_dir() {
            return None;
        }
        let _ = fs::remove_file(&path);
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .ok()?;
    let _ = write!(file, "{}", std::process::id());
    let id = file_id(&file.metadata().ok()?);
    Some(PidFile { path, id })
}

impl FolderLock {
    /// Locks every folder, in the order given (callers sort them, so two writers never wait
    /// on each other in a circle).
    pub fn acquire(folders: &[PathBuf]) -> Result<Self, FileError> {
        let mut lock = Self { held: Vec::new() };
        let mut seen: Vec<(u64, u64)> = Vec::new();
        for dir in folders {
            // One folder reached by two paths (a bind mount) is locked once, not against itself.
            if let Ok(m) = fs::metadata(dir) {
                if seen.contains(&file_id(&m)) {
                    continue;
                }
                seen.push(file_id(&m));
            }
            let file = lock_one(dir)?;
            // Best effort: the lock is what counts, the pid only improves the message.
            lock.held.push((file, write_pid(dir)));
        }
        Ok(lock)
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        for (file, pid) in self.held.drain(..).rev() {
            if let Some(p) = pid {
                let still_ours = fs::symlink_metadata(&p.path).is_ok_and(|m| file_id(&m) == p.id);
                if still_ours {
                    let _ = fs::remove_file(&p.path);
                }
            }
            drop(file);
        }
    }
}

fn lock_one(dir: &Path) -> Result<File, FileError> {
    let shown = dir.display().to_string();
    let file = File::open(dir).map_err(|e| FileError::Write {
        path: shown.clone(),
        reason: format!("cannot open the folder to lock it: {e}"),
    })?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(FileError::Locked {
                    path: shown,
                    pid: holder(dir),
                })
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(FileError::Write {
                    path: shown,
                    reason: format!("cannot lock the folder: {e}"),
                })
            }
        }
    }
}

/// The pid the holder wrote, or "unknown".
fn holder(dir: &Path) -> String {
    let mut text = String::new();
    let path = dir.join(PID_NAME);
    // Only a regular file is read: a planted FIFO would block the open.
    if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        if let Ok(f) = File::open(&path) {
            let _ = f.take(32).read_to_string(&mut text);
        }
    }
    let pid = text.trim();
    if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) {
        pid.to_owned()
    } else {
        "unknown".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holders_pid_and_nothing_stays() {
        let dir = tempfile::tempdir().unwrap();
        let folders = vec![dir.path().to_path_buf()];
        let held = FolderLock::acquire(&folders).unwrap();
        // flock locks belong to the open file, so a second open in this process conflicts.
        let err = FolderLock::acquire(&folders).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "{}: the folder is in use by another pool-console (pid {}); wait for it to finish, then try again",
                dir.path().display(),
                std::process::id()
            )
        );
        drop(held);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        FolderLock::acquire(&folders).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_pid_file_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("cold.skey");
        fs::write(&key, "secret").unwrap();
        std::os::unix::fs::symlink(&key, dir.path().join(PID_NAME)).unwrap();
        let folders = vec![dir.path().to_path_buf()];
        drop(FolderLock::acquire(&folders).unwrap());
        assert_eq!(fs::read_to_string(&key).unwrap(), "secret");
        assert!(!dir.path().join(PID_NAME).exists());
        // A FIFO there neither blocks nor stays.
        let fifo = dir.path().join(PID_NAME);
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        drop(FolderLock::acquire(&folders).unwrap());
        assert!(fs::symlink_metadata(&fifo).is_err());
    }
}
