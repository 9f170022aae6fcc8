//! One writer per pool folder: an advisory lock on the folder itself, held until the write is
//! done. Two `issue-op-cert` runs on one counter would otherwise both read number n and sign
//! two certificates with it.
//!
//! The standard library's `File::try_lock` (flock on Linux) is used rather than a crate: it is
//! the same call fs4 and fd-lock make, kept by the Rust project. The folder is locked rather
//! than a lock file so nothing is left behind; while the lock is held, `.pool-console.pid`
//! says who holds it, for the next writer's message.

use std::fs::{self, File};
use std::io::Read;
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
    held: Vec<(File, PathBuf)>,
}

impl FolderLock {
    /// Locks every folder, in the order given (callers sort them, so two writers never wait
    /// on each other in a circle).
    pub fn acquire(folders: &[PathBuf]) -> Result<Self, FileError> {
        let mut lock = Self { held: Vec::new() };
        for dir in folders {
            let file = lock_one(dir)?;
            let pid = dir.join(PID_NAME);
            // Best effort: the lock is what counts, the pid only improves the message.
            let _ = fs::write(&pid, std::process::id().to_string());
            lock.held.push((file, pid));
        }
        Ok(lock)
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        for (file, pid) in self.held.drain(..).rev() {
            let _ = fs::remove_file(&pid);
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
    if let Ok(f) = File::open(dir.join(PID_NAME)) {
        let _ = f.take(32).read_to_string(&mut text);
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
}
