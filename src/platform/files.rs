//! File reads and writes that never lose key material.
//!
//! - Every write goes to a temporary file in the target folder and is renamed into place; a
//!   command writing several files stages all of them first, and if a rename fails the files
//!   already replaced are put back from hard-link backups.
//! - Key and counter files are never replaced without an explicit yes (`force`), and outputs
//!   such as certificates or ids never replace a file that holds a key or a counter at all.
//! - Targets are resolved through symbolic links, so a counter kept on a USB stick and linked
//!   into the pool folder is updated where it lives.
//! - Signing keys are created readable by the owner only.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::core::keys::KeyKind;
use crate::core::recognise::{classify, FileKind};
use crate::core::secret::SecretBytes;

#[derive(Debug, Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {reason}")]
    Read { path: String, reason: String },
    #[error("{path}: cannot write the file: {reason}")]
    Write { path: String, reason: String },
    #[error("{path}: the file already exists; it holds {what} and is not replaced without --force (move it away or pass --force)")]
    Exists { path: String, what: String },
    #[error("{path}: the file holds {what}; an output never replaces a key or counter file (choose another output name)")]
    WouldDestroy { path: String, what: String },
    #[error("{path}: is a folder; give a file name")]
    IsFolder { path: String },
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
    /// A signing key: mode 0600, never replaces an existing file unless forced.
    SigningKey,
    /// A verification key or a new issue counter: never replaces an existing file unless forced.
    Guarded,
    /// The issue counter rewritten by `issue-op-cert`: replaces only an issue counter.
    CounterUpdate,
    /// Certificates, hashes, ids: replace an earlier output, never a key or a counter.
    Output,
}

/// One file to write.
pub struct Output<'a> {
    pub path: &'a Path,
    pub bytes: &'a [u8],
    pub protection: Protection,
}

/// What an existing file holds, if it is key material or a counter.
fn precious(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    if meta.len() > 64 * 1024 {
        return None;
    }
    let bytes = SecretBytes::new(fs::read(path).ok()?);
    match classify(bytes.expose())? {
        FileKind::Key(k) if k.is_signing() => Some(format!("a {}", k.human())),
        FileKind::Key(k) => Some(format!("a {}", KeyKind::human(k))),
        FileKind::IssueCounter => Some("an operational certificate issue counter".to_owned()),
        _ => None,
    }
}

/// The file a path really names: symbolic links followed, the folder made absolute.
fn resolve(path: &Path) -> Result<PathBuf, FileError> {
    if path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR)
        || path.file_name().is_none()
    {
        return Err(FileError::IsFolder { path: shown(path) });
    }
    if fs::symlink_metadata(path).is_ok() {
        if let Ok(real) = fs::canonicalize(path) {
            if real.is_dir() {
                return Err(FileError::IsFolder { path: shown(path) });
            }
            return Ok(real);
        }
    }
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = fs::canonicalize(&parent).map_err(|_| FileError::Write {
        path: shown(path),
        reason: format!("the folder {} does not exist", parent.display()),
    })?;
    Ok(dir.join(path.file_name().unwrap_or_default()))
}

fn check(o: &Output<'_>, target: &Path, force: bool) -> Result<(), FileError> {
    if !target.exists() {
        return Ok(());
    }
    let path = shown(o.path);
    match o.protection {
        Protection::SigningKey | Protection::Guarded if !force => Err(FileError::Exists {
            path,
            what: precious(target)
                .unwrap_or_else(|| "data this tool does not recognise".to_owned()),
        }),
        Protection::CounterUpdate => match classify(&fs::read(target).unwrap_or_default()) {
            Some(FileKind::IssueCounter) => Ok(()),
            _ => Err(FileError::WouldDestroy {
                path,
                what: "something other than an issue counter".to_owned(),
            }),
        },
        Protection::Output => match precious(target) {
            Some(what) => Err(FileError::WouldDestroy { path, what }),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Writes several files as one step: every check and every temporary file first, then the
/// renames. If anything fails before the renames, nothing has changed on disk; if a rename
/// fails, the files already replaced are restored.
pub fn write_all(outputs: &[Output<'_>], force: bool) -> Result<(), FileError> {
    let mut targets: Vec<PathBuf> = Vec::with_capacity(outputs.len());
    for o in outputs {
        let target = resolve(o.path)?;
        if targets.contains(&target) {
            return Err(FileError::SameTarget {
                path: shown(o.path),
            });
        }
        check(o, &target, force)?;
        targets.push(target);
    }
    let mut temps: Vec<PathBuf> = Vec::with_capacity(outputs.len());
    for (o, target) in outputs.iter().zip(&targets) {
        match write_temp(o, target) {
            Ok(tmp) => temps.push(tmp),
            Err(e) => {
                remove_all(&temps);
                return Err(e);
            }
        }
    }
    // Hard-link backups of what is about to be replaced, so a failed rename can be undone.
    let backups: Vec<Option<PathBuf>> = targets
        .iter()
        .map(|t| {
            let b = sibling(t, "bak");
            (t.exists() && fs::hard_link(t, &b).is_ok()).then_some(b)
        })
        .collect();
    for i in 0..targets.len() {
        if let Err(e) = fs::rename(&temps[i], &targets[i]) {
            for j in 0..i {
                match &backups[j] {
                    Some(b) => {
                        let _ = fs::rename(b, &targets[j]);
                    }
                    None => {
                        let _ = fs::remove_file(&targets[j]);
                    }
                }
            }
            remove_all(&temps[i..]);
            remove_all(
                &backups
                    .iter()
                    .skip(i)
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            return Err(FileError::Write {
                path: shown(outputs[i].path),
                reason: describe_io(&e),
            });
        }
    }
    remove_all(&backups.into_iter().flatten().collect::<Vec<_>>());
    sync_folders(&targets);
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

fn remove_all(paths: &[PathBuf]) {
    for p in paths {
        let _ = fs::remove_file(p);
    }
}

/// A hidden name next to `target`, unique to this process.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    dir.join(format!(".{name}.{what}-{}", std::process::id()))
}

/// Makes the renames themselves durable (the folder entries), where the platform allows.
fn sync_folders(targets: &[PathBuf]) {
    let mut done: Vec<&Path> = Vec::new();
    for t in targets {
        if let Some(dir) = t.parent() {
            if !done.contains(&dir) {
                if let Ok(f) = File::open(dir) {
                    let _ = f.sync_all();
                }
                done.push(dir);
            }
        }
    }
}

fn write_temp(o: &Output<'_>, target: &Path) -> Result<PathBuf, FileError> {
    let err = |reason: String| FileError::Write {
        path: shown(o.path),
        reason,
    };
    let mut attempt = 0u32;
    loop {
        let tmp = sibling(target, &format!("tmp{attempt}"));
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
