//! Every write Pool Console makes goes through here. The promises (docs/SECURITY.md):
//!
//! - An output replaces only a regular file positively recognised as the same kind of
//!   output; keys and counters of the same kind only with `force` (an explicit yes). Anything
//!   else (an unrecognised file, a key of another kind, anything too large to recognise, a
//!   device, pipe, socket or folder) is refused. `force` never lifts the kind check.
//! - `-`, `/dev/stdout` and `/dev/stderr` are written as streams, for outputs with no secret.
//! - A symbolic link is written through to the file it names, never replaced.
//! - Several files are written as one transaction ([`super::txn`]): after a crash at any
//!   instant the next write to the folder completes it, or a failed rename rolls it back from
//!   copies (no hard links, so FAT USB sticks work). A lock keeps two writers apart.
//! - Signing keys are created 0600, and so are their temporary copies and backups.

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::disk::{Disk, OsDisk, PUBLIC_MODE, SECRET_MODE};
use super::target::{self, shown, Existing, Holding, Target};
use super::txn::{self, Step};
use crate::core::keys::KeyKind;

pub use super::read::read;

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
    #[error("{path}: the file holds {what}; it is never replaced by {wanted}, even with --force (move it away or choose another name)")]
    OtherKind {
        path: String,
        what: String,
        wanted: String,
    },
    #[error("{path}: is {what}, not a regular file; give the name of a file to write")]
    NotRegular { path: String, what: String },
    #[error("{path}: is a folder; give a file name")]
    IsFolder { path: String },
    #[error("{}", same_target(path, other))]
    SameTarget { path: String, other: String },
    #[error("{path}: {what} is never written to a terminal or pipe; give a file name")]
    SecretToStream { path: String, what: String },
    #[error("{path}: the folder is in use by another pool-console (pid {pid}); wait for it to finish, then try again")]
    Locked { path: String, pid: String },
    #[error("{0}")]
    Unfinished(String),
}

fn same_target(path: &str, other: &str) -> String {
    if path == other {
        format!("{path}: the same file is named twice for different outputs")
    } else {
        format!("{path} and {other} name the same file; give each output its own file")
    }
}

/// What an output is: decides whether it may replace an existing file and its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// A key file of this kind (signing keys are written 0600). Replaces only the same kind
    /// of key, and only with `force`.
    Key(KeyKind),
    /// A fresh issue counter: replaces only a counter, and only with `force`.
    NewCounter,
    /// The counter `issue-op-cert` moves on: replaces only a counter.
    CounterUpdate,
    OpCert,
    Certificate,
    Witness,
    Transaction,
    Metadata,
    Plan,
    SignOffSheet,
    Calendar,
    /// An id, hash or address written by `key-hash`, `id`, `build`, `metadata-hash`.
    TextValue,
    /// A vote file (`governance vote create`): replaces only a vote.
    Vote,
    /// `governance vote view`'s JSON or YAML: replaces only such a view.
    VoteView,
    /// A vote's rationale, a CIP-100 JSON-LD document: replaces only a rationale.
    Rationale,
    /// A signed Aion transaction (`aion transaction sign`): its raw hex, or the JSON with it;
    /// replaces only such a transaction.
    AionTransaction,
    /// A BIP-39 recovery phrase (`key mnemonic-gen`): secret, and replaced only with `force`.
    RecoveryPhrase,
    /// An Aion private key (one line of hex, 0600); replaces only one, and only with `force`.
    AionSigningKey,
    /// An Aion verification key (JSON); replaces only one, and only with `force`.
    AionVerificationKey,
    /// Aion pool metadata as Pool Console writes it: replaces only such metadata.
    AionMetadata,
    /// The marker that opens a folder with the Aion Unity tabs: replaces only a marker.
    AionProfileMarker,
    /// `text-view decode-cbor` output; `secret` when it decodes secret key material.
    Decoded {
        secret: bool,
    },
}

impl OutputKind {
    /// Holds a secret: mode 0600, never to a stream.
    pub fn is_secret(self) -> bool {
        match self {
            Self::Key(k) => k.is_signing(),
            Self::RecoveryPhrase | Self::AionSigningKey => true,
            Self::Decoded { secret } => secret,
            _ => false,
        }
    }

    /// Replacing one needs an explicit yes.
    fn needs_force(self) -> bool {
        matches!(
            self,
            Self::Key(_)
                | Self::NewCounter
                | Self::RecoveryPhrase
                | Self::AionSigningKey
                | Self::AionVerificationKey
        )
    }

    /// How much of an existing file is read to recognise it: Aion metadata carries its logo
    /// as base64, so the console's own file may be up to the 1 MiB the chain allows.
    pub fn recognise_limit(self) -> u64 {
        match self {
            Self::AionMetadata => crate::core::aion::metadata::MAX_BYTES as u64,
            _ => target::RECOGNISE_LIMIT,
        }
    }

    /// The kind of existing file this output is the same as (decodings have no such kind).
    pub(super) fn holding(self) -> Option<Holding> {
        use crate::core::describe::recognise::FileKind as F;
        Some(match self {
            Self::Key(k) => Holding::File(F::Key(k)),
            Self::NewCounter | Self::CounterUpdate => Holding::File(F::IssueCounter),
            Self::OpCert => Holding::File(F::OpCert),
            Self::Certificate => Holding::CertificateEnvelope,
            Self::Witness => Holding::File(F::Witness),
            Self::Transaction => Holding::File(F::Transaction),
            Self::Metadata => Holding::File(F::PoolMetadata),
            Self::Plan => Holding::Plan,
            Self::SignOffSheet => Holding::SignOffSheet,
            Self::Calendar => Holding::Calendar,
            Self::TextValue => Holding::TextValue,
            Self::Vote => Holding::Vote,
            Self::VoteView => Holding::VoteView,
            Self::Rationale => Holding::Rationale,
            Self::AionTransaction => Holding::AionTransaction,
            Self::RecoveryPhrase => Holding::RecoveryPhrase,
            Self::AionSigningKey => Holding::AionSigningKey,
            Self::AionVerificationKey => Holding::AionVerificationKey,
            Self::AionMetadata => Holding::AionMetadata,
            Self::AionProfileMarker => Holding::AionProfileMarker,
            Self::Decoded { .. } => return None,
        })
    }

    fn human(self) -> String {
        match (self, self.holding()) {
            (_, Some(h)) => h.human(),
            (Self::Decoded { secret: true }, None) => "a decoded signing key".to_owned(),
            _ => "decoded CBOR".to_owned(),
        }
    }
}

/// One file to write.
pub struct Output<'a> {
    pub path: &'a Path,
    pub bytes: &'a [u8],
    pub kind: OutputKind,
}

/// Writes several files as one transaction on the real disk; returns what recovery of an
/// earlier, interrupted write did, for the caller to say.
pub fn write_all(outputs: &[Output<'_>], force: bool) -> Result<Vec<String>, FileError> {
    write_all_on(&OsDisk, outputs, force)
}

/// [`write_all`] on a given disk (tests put a failing one under it).
pub fn write_all_on(
    disk: &dyn Disk,
    outputs: &[Output<'_>],
    force: bool,
) -> Result<Vec<String>, FileError> {
    let paths: Vec<&Path> = outputs.iter().map(|o| o.path).collect();
    let session = Session::begin_on(disk, &paths)?;
    match session.write(outputs, force) {
        Ok(()) => Ok(session.notes),
        Err(e) => Err(session.with_notes(e)),
    }
}

/// Writes one file.
pub fn write_one(
    path: &Path,
    bytes: &[u8],
    kind: OutputKind,
    force: bool,
) -> Result<Vec<String>, FileError> {
    write_all(&[Output { path, bytes, kind }], force)
}

/// The folders a command will write to, locked, with any interrupted write in them finished.
/// A command that reads a file it then rewrites (the issue counter) reads it inside a
/// session, so no other writer can change it in between.
pub struct Session<'d> {
    disk: &'d dyn Disk,
    folders: Vec<PathBuf>,
    _lock: Option<super::lock::FolderLock>,
    /// What recovery did, in words; empty when nothing was pending.
    pub notes: Vec<String>,
}

impl Session<'static> {
    /// Begins a session on the real disk for outputs at these paths.
    pub fn begin(paths: &[&Path]) -> Result<Self, FileError> {
        Session::begin_on(&OsDisk, paths)
    }
}

impl<'d> Session<'d> {
    /// Begins a session on `disk` (a test double, or the real one).
    pub fn begin_on(disk: &'d dyn Disk, paths: &[&Path]) -> Result<Self, FileError> {
        let mut reals = Vec::new();
        for p in paths {
            if let Target::File(real) = target::resolve(p)? {
                reals.push(real);
            }
        }
        let folders = folders_of(reals.iter().map(PathBuf::as_path));
        if folders.is_empty() {
            return Ok(Self {
                disk,
                folders,
                _lock: None,
                notes: Vec::new(),
            });
        }
        let lock = super::lock::FolderLock::acquire(&folders)?;
        let mut notes: Vec<String> = Vec::new();
        for dir in &folders {
            match txn::recover(disk, dir, &folders) {
                Ok(n) => notes.extend(n),
                // What an earlier folder's recovery did is said even when a later one fails.
                Err(e) => return Err(with_notes(e, &notes)),
            }
        }
        Ok(Self {
            disk,
            folders,
            _lock: Some(lock),
            notes,
        })
    }

    /// An error that also says what recovery did first (so it is never lost when the command
    /// then fails).
    pub fn with_notes(&self, e: FileError) -> FileError {
        with_notes(e, &self.notes)
    }

    /// Writes the outputs as one transaction: every check and every staged copy first, then
    /// the renames in the order given (put a counter after its opcert).
    pub fn write(&self, outputs: &[Output<'_>], force: bool) -> Result<(), FileError> {
        let mut files: Vec<(&Output<'_>, PathBuf)> = Vec::new();
        let mut streams: Vec<(&Output<'_>, Target)> = Vec::new();
        for o in outputs {
            match target::resolve(o.path)? {
                Target::File(real) => {
                    // Through a link too: the write layer's own files are never an output.
                    target::refuse_reserved(o.path, &real)?;
                    if let Some((first, _)) = files.iter().find(|(_, t)| *t == real) {
                        return Err(FileError::SameTarget {
                            path: shown(o.path),
                            other: shown(first.path),
                        });
                    }
                    if !real
                        .parent()
                        .is_some_and(|d| self.folders.iter().any(|f| f == d))
                    {
                        return Err(FileError::Write {
                            path: shown(o.path),
                            reason: "its folder changed while the command ran".to_owned(),
                        });
                    }
                    files.push((o, real));
                }
                stream => {
                    if o.kind.is_secret() {
                        return Err(FileError::SecretToStream {
                            path: shown(o.path),
                            what: o.kind.human(),
                        });
                    }
                    streams.push((o, stream));
                }
            }
        }
        for (o, real) in &files {
            check(o, real, force)?;
        }
        // Streams before files: a failed standard output must not leave a counter moved
        // for an opcert that went nowhere. (An opcert printed before its counter moves is
        // harmless: the counter only ever has to catch up.)
        for (o, stream) in &streams {
            write_stream(o, stream)?;
        }
        if !files.is_empty() {
            let steps: Vec<Step<'_>> = files
                .iter()
                .map(|(o, real)| Step {
                    shown: shown(o.path),
                    target: real.clone(),
                    bytes: o.bytes,
                    mode: if o.kind.is_secret() {
                        SECRET_MODE
                    } else {
                        PUBLIC_MODE
                    },
                })
                .collect();
            txn::commit(self.disk, &steps)?;
        }
        Ok(())
    }
}

/// `e`, followed by what recovery did (the one wording of "(Note: …)" for every error).
pub fn noted(e: impl std::fmt::Display, notes: &[String]) -> String {
    if notes.is_empty() {
        e.to_string()
    } else {
        format!("{e} (Note: {})", notes.join("; "))
    }
}

fn with_notes(e: FileError, notes: &[String]) -> FileError {
    if notes.is_empty() {
        e
    } else {
        FileError::Unfinished(noted(e, notes))
    }
}

/// Completes or rolls back an interrupted write in `dir`, under the folder lock; returns what
/// was done, in words (empty when nothing was pending).
pub fn recover(dir: &Path) -> Result<Vec<String>, FileError> {
    // Journals name folders as the file layer resolved them: absolute, links followed.
    let dir = std::fs::canonicalize(dir).map_err(|e| FileError::Write {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let lock = super::lock::FolderLock::acquire(std::slice::from_ref(&dir))?;
    let notes = txn::recover(&OsDisk, &dir, std::slice::from_ref(&dir));
    drop(lock);
    notes
}

/// The distinct folders of the targets, sorted so two writers lock them in the same order.
fn folders_of<'a>(targets: impl Iterator<Item = &'a Path>) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = targets
        .filter_map(|t| t.parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

/// The replace rule for one output.
fn check(o: &Output<'_>, real: &Path, force: bool) -> Result<(), FileError> {
    let path = shown(o.path);
    // A new file is renamed into place, so other hard links would keep the old contents:
    // a counter linked into two folders would then hand out the same number twice.
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = std::fs::metadata(real) {
            if m.nlink() > 1 {
                return Err(FileError::Write {
                    path,
                    reason: format!(
                        "the file has {} names (hard links), and replacing it would leave the others with the old contents; keep one file and point to it with a symbolic link (ln -s) instead",
                        m.nlink()
                    ),
                });
            }
        }
    }
    match target::existing_within(real, o.kind.recognise_limit())? {
        Existing::Nothing => Ok(()),
        Existing::TooLarge(n) => Err(FileError::OtherKind {
            path,
            what: format!("{n} bytes, more than any pool file"),
            wanted: o.kind.human(),
        }),
        Existing::Unknown => Err(FileError::OtherKind {
            path,
            what: "data this tool does not recognise".to_owned(),
            wanted: o.kind.human(),
        }),
        Existing::Holds(h) if target::same_kind(o.kind, h) => {
            if o.kind.needs_force() && !force {
                Err(FileError::Exists {
                    path,
                    what: h.human(),
                })
            } else {
                Ok(())
            }
        }
        Existing::Holds(h) if h.is_key_or_counter() && !o.kind.needs_force() => {
            Err(FileError::WouldDestroy {
                path,
                what: h.human(),
            })
        }
        Existing::Holds(h) => Err(FileError::OtherKind {
            path,
            what: h.human(),
            wanted: o.kind.human(),
        }),
    }
}

fn write_stream(o: &Output<'_>, stream: &Target) -> Result<(), FileError> {
    let result = match stream {
        Target::Stderr => {
            let mut e = std::io::stderr().lock();
            e.write_all(o.bytes).and_then(|()| e.flush())
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(o.bytes).and_then(|()| out.flush())
        }
    };
    result.map_err(|e| FileError::Write {
        path: shown(o.path),
        reason: e.to_string(),
    })
}
