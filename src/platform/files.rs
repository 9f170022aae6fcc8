//! File reads and writes that never lose key material: every write goes to a temporary file in
//! the target folder and is renamed into place, key and counter files are never replaced without
//! an explicit yes, and signing keys are created readable by the owner only.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::core::secret::SecretBytes;

#[derive(Debug, Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}: cannot write the file: {reason}")]
    Write { path: String, reason: String },
    #[error("{path}: the file already exists; it holds {what} and is not replaced without --force (move it away or pass --force)")]
    Exists { path: String, what: &'static str },
    #[error("{path}: the same file is named twice for different outputs")]
    SameTarget { path: String },
}

/// Largest file we read as a key, certificate or metadata (real ones are under 4 KiB).
const MAX_READ: u64 = 16 * 1024 * 1024;

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a whole file into a buffer that is wiped on drop.
pub fn read(path: &Path) -> Result<SecretBytes, FileError> {
    let err = |reason: String| FileError::Read {
        path: shown(path),
        reason,
    };
    let mut f = File::open(path).map_err(|e| err(describe_io(&e)))?;
    let meta = f.metadata().map_err(|e| err(describe_io(&e)))?;
    if meta.is_dir() {
        return Err(err("it is a folder, not a file".to_owned()));
    }
    if meta.len() > MAX_READ {
        return Err(err(format!(
            "it is {} bytes, far larger than any key or certificate",
            meta.len()
        )));
    }
    let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    f.read_to_end(&mut buf).map_err(|e| err(describe_io(&e)))?;
    Ok(SecretBytes::new(buf))
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// How a file may be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// A signing key: mode 0600, never replaced unless forced.
    SigningKey,
    /// A verification key or an issue counter: never replaced unless forced.
    Guarded(&'static str),
    /// Certificates, hashes, ids: replaced like cardano-cli does.
    Plain,
}

/// One file to write.
pub struct Output<'a> {
    pub path: &'a Path,
    pub bytes: &'a [u8],
    pub protection: Protection,
}

/// Writes several files as one step: every check and every temporary file first, then the
/// renames. If anything fails before the renames, nothing has changed on disk.
pub fn write_all(outputs: &[Output<'_>], force: bool) -> Result<(), FileError> {
    for (i, o) in outputs.iter().enumerate() {
        if outputs[..i].iter().any(|p| p.path == o.path) {
            return Err(FileError::SameTarget {
                path: shown(o.path),
            });
        }
        if !force && o.path.exists() {
            match o.protection {
                Protection::SigningKey => {
                    return Err(FileError::Exists {
                        path: shown(o.path),
                        what: "a signing key or other file",
                    })
                }
                Protection::Guarded(what) => {
                    return Err(FileError::Exists {
                        path: shown(o.path),
                        what,
                    })
                }
                Protection::Plain => {}
            }
        }
    }
    let mut temps: Vec<(PathBuf, &Path)> = Vec::with_capacity(outputs.len());
    for o in outputs {
        match write_temp(o) {
            Ok(tmp) => temps.push((tmp, o.path)),
            Err(e) => {
                for (tmp, _) in &temps {
                    let _ = fs::remove_file(tmp);
                }
                return Err(e);
            }
        }
    }
    for (i, (tmp, target)) in temps.iter().enumerate() {
        if let Err(e) = fs::rename(tmp, target) {
            for (tmp, _) in &temps[i..] {
                let _ = fs::remove_file(tmp);
            }
            return Err(FileError::Write {
                path: shown(target),
                reason: describe_io(&e),
            });
        }
    }
    Ok(())
}

/// Writes one file atomically.
pub fn write_one(
    path: &Path,
    bytes: &[u8],
    protection: Protection,
    force: bool,
) -> Result<(), FileError> {
    write_all(
        &[Output {
            path,
            bytes,
            protection,
        }],
        force,
    )
}

fn write_temp(o: &Output<'_>) -> Result<PathBuf, FileError> {
    let err = |reason: String| FileError::Write {
        path: shown(o.path),
        reason,
    };
    let dir = match o.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(err(format!("the folder {} does not exist", dir.display())));
    }
    let name = o
        .path
        .file_name()
        .ok_or_else(|| err("it names a folder, not a file".to_owned()))?
        .to_string_lossy()
        .into_owned();
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.tmp-{}-{attempt}", std::process::id()));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(if o.protection == Protection::SigningKey {
                0o600
            } else {
                0o644
            });
        }
        match opts.open(&tmp) {
            Ok(mut f) => {
                let written = f.write_all(o.bytes).and_then(|()| f.sync_all());
                if let Err(e) = written {
                    let _ = fs::remove_file(&tmp);
                    return Err(err(describe_io(&e)));
                }
                return Ok(tmp);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(err(describe_io(&e))),
        }
    }
}
