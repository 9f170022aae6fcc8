//! The few file-system operations a write is made of, behind a trait so tests can put a
//! disk under the file layer that has no hard links, fails a rename, or "loses power" after
//! any step (every later operation fails, so the folder is left exactly as at the crash).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Mode of files that hold a secret (signing keys, their backups and temporary copies).
pub const SECRET_MODE: u32 = 0o600;
/// Mode of every other output.
pub const PUBLIC_MODE: u32 = 0o644;

/// The mutating operations of one write, in the order the file layer performs them.
pub trait Disk {
    /// Creates `path` (it must not exist) with `mode`, writes `bytes` and syncs them.
    fn create_new(&self, path: &Path, bytes: &[u8], mode: u32) -> io::Result<()>;
    /// Renames within one folder, replacing `to` atomically.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Makes a folder's entries (renames, creations) durable.
    fn sync_folder(&self, dir: &Path) -> io::Result<()>;
    /// Gives `path` the owner and group of `like` (only root can; others keep their own).
    fn same_owner(&self, path: &Path, like: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsDisk;

impl Disk for OsDisk {
    fn create_new(&self, path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(mode);
        }
        #[cfg(not(unix))]
        let _ = mode;
        let mut f = opts.open(path)?;
        let written = f.write_all(bytes).and_then(|()| f.sync_all());
        if let Err(e) = written {
            drop(f);
            let _ = fs::remove_file(path);
            return Err(e);
        }
        Ok(())
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn same_owner(&self, path: &Path, like: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = fs::metadata(like)?;
            let mine = fs::metadata(path)?;
            if (m.uid(), m.gid()) != (mine.uid(), mine.gid()) {
                std::os::unix::fs::chown(path, Some(m.uid()), Some(m.gid()))?;
            }
        }
        #[cfg(not(unix))]
        let _ = (path, like);
        Ok(())
    }

    fn sync_folder(&self, dir: &Path) -> io::Result<()> {
        // Some file systems (FAT on some kernels) refuse fsync on a folder: not an error.
        if let Ok(f) = File::open(dir) {
            let _ = f.sync_all();
        }
        Ok(())
    }
}

/// A disk for tests: the real one, with faults. Counting starts at 0 with the first
/// mutating operation.
#[derive(Debug, Default)]
pub struct FaultyDisk {
    steps: AtomicUsize,
    /// After this many operations the power goes: this one and every later one fails.
    pub crash_at: Option<usize>,
    /// The n-th rename (0-based) fails with "permission denied", as on a read-only target.
    pub fail_rename: Option<usize>,
    renames: AtomicUsize,
}

impl FaultyDisk {
    pub fn crashing_at(step: usize) -> Self {
        Self {
            crash_at: Some(step),
            ..Self::default()
        }
    }

    pub fn failing_rename(n: usize) -> Self {
        Self {
            fail_rename: Some(n),
            ..Self::default()
        }
    }

    /// How many operations were attempted (the crashed one included).
    pub fn steps(&self) -> usize {
        self.steps.load(Ordering::SeqCst)
    }

    /// True once the simulated power cut has happened.
    pub fn crashed(&self) -> bool {
        self.crash_at.is_some_and(|c| self.steps() > c)
    }

    fn step(&self) -> io::Result<()> {
        let n = self.steps.fetch_add(1, Ordering::SeqCst);
        match self.crash_at {
            Some(c) if n >= c => Err(io::Error::other("simulated power cut")),
            _ => Ok(()),
        }
    }
}

impl Disk for FaultyDisk {
    fn create_new(&self, path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
        self.step()?;
        OsDisk.create_new(path, bytes, mode)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.step()?;
        let n = self.renames.fetch_add(1, Ordering::SeqCst);
        if self.fail_rename == Some(n) {
            return Err(io::Error::from(io::ErrorKind::PermissionDenied));
        }
        OsDisk.rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.step()?;
        OsDisk.remove(path)
    }

    fn sync_folder(&self, dir: &Path) -> io::Result<()> {
        self.step()?;
        OsDisk.sync_folder(dir)
    }

    fn same_owner(&self, path: &Path, like: &Path) -> io::Result<()> {
        self.step()?;
        OsDisk.same_owner(path, like)
    }
}
