//! A pool workspace: one folder per pool. Files are recognised by what they hold, so folders
//! laid out by cardano-cli guides, CNTools (`priv/pool/<name>/`) or SPO Scripts open as they are;
//! files the console writes get the standard names below.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::core::describe::recognise::{classify, FileKind};
use crate::core::kes::journal::JournalEntry;
use crate::core::kes::opcert::{IssueCounter, OpCert};
use crate::core::keys::{encrypted, AnyKey, KeyKind, VerificationKey};
use crate::core::pool_folder::names::generation;
use crate::platform::{journal_file, load, read};

/// The names the console writes (shared with the folder-layout recogniser in the core).
pub use crate::core::pool_folder::names::standard as names;

/// What a file in the workspace is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    ColdVkey,
    ColdSkey,
    Counter,
    VrfVkey,
    VrfSkey,
    KesVkey,
    KesSkey,
    OpCert,
    StakeVkey,
    StakeSkey,
    Metadata,
    PoolCert,
    RetireCert,
    StakeCert,
    /// A transaction (or its body) waiting for witnesses, offered on the Sign tab.
    Transaction,
}

impl Role {
    pub fn of(kind: FileKind) -> Option<Self> {
        use KeyKind as K;
        Some(match kind {
            FileKind::Key(K::ColdVerification | K::ColdExtendedVerification) => Self::ColdVkey,
            FileKind::Key(K::ColdSigning | K::ColdExtendedSigning) => Self::ColdSkey,
            FileKind::Key(K::VrfVerification) => Self::VrfVkey,
            FileKind::Key(K::VrfSigning) => Self::VrfSkey,
            FileKind::Key(K::KesVerification) => Self::KesVkey,
            FileKind::Key(K::KesSigning) => Self::KesSkey,
            FileKind::Key(K::StakeVerification | K::StakeExtendedVerification) => Self::StakeVkey,
            FileKind::Key(K::StakeSigning | K::StakeExtendedSigning) => Self::StakeSkey,
            FileKind::IssueCounter => Self::Counter,
            FileKind::OpCert => Self::OpCert,
            FileKind::PoolMetadata => Self::Metadata,
            FileKind::PoolRegistration => Self::PoolCert,
            FileKind::PoolRetirement => Self::RetireCert,
            FileKind::StakeCertificate => Self::StakeCert,
            FileKind::Transaction => Self::Transaction,
            _ => return None,
        })
    }

    /// The name the console gives this file when it writes one.
    pub fn standard_name(self) -> Option<&'static str> {
        Some(match self {
            Self::ColdVkey => names::COLD_VKEY,
            Self::ColdSkey => names::COLD_SKEY,
            Self::Counter => names::COUNTER,
            Self::VrfVkey => names::VRF_VKEY,
            Self::VrfSkey => names::VRF_SKEY,
            Self::KesVkey => names::KES_VKEY,
            Self::KesSkey => names::KES_SKEY,
            Self::OpCert => names::OPCERT,
            Self::Metadata => names::METADATA,
            Self::PoolCert => names::POOL_CERT,
            Self::RetireCert => names::RETIRE_CERT,
            Self::StakeVkey | Self::StakeSkey | Self::StakeCert | Self::Transaction => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ColdVkey => "Cold verification key",
            Self::ColdSkey => "Cold signing key",
            Self::Counter => "Issue counter",
            Self::VrfVkey => "VRF verification key",
            Self::VrfSkey => "VRF signing key",
            Self::KesVkey => "KES verification key",
            Self::KesSkey => "KES signing key",
            Self::OpCert => "Operational certificate",
            Self::StakeVkey => "Owner stake verification key",
            Self::StakeSkey => "Owner stake signing key",
            Self::Metadata => "Pool metadata",
            Self::PoolCert => "Registration certificate",
            Self::RetireCert => "Retirement certificate",
            Self::StakeCert => "Stake certificate",
            Self::Transaction => "Transaction",
        }
    }
}

/// An owner stake key found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeKeyFile {
    pub path: PathBuf,
    pub key: VerificationKey,
}

/// A scanned workspace folder.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    pub dir: PathBuf,
    pub files: BTreeMap<Role, Vec<PathBuf>>,
    pub cold_vkey: Option<VerificationKey>,
    pub vrf_vkey: Option<VerificationKey>,
    pub kes_vkey: Option<VerificationKey>,
    pub counter: Option<IssueCounter>,
    pub opcert: Option<OpCert>,
    pub stake_keys: Vec<StakeKeyFile>,
    /// Things that look wrong (two cold keys, a counter for another key, …).
    pub problems: Vec<String>,
    /// Past rotations, oldest first (`rotation-journal.jsonl`).
    pub journal: Vec<JournalEntry>,
    /// Key files encrypted with a passphrase (SPO Scripts' `encrHex`), told by their type.
    pub encrypted: BTreeSet<PathBuf>,
}

impl Workspace {
    /// Reads every small regular file in `dir` (not sub-folders, pipes or devices) and sorts
    /// them by role. Each file's bytes, signing keys included, stay in a buffer wiped as
    /// soon as the file is classified; files over the pool-file cap are skipped.
    pub fn scan(dir: &Path) -> Result<Self, String> {
        let paths = read::regular_files(dir)?;
        let mut ws = Self {
            dir: dir.to_path_buf(),
            ..Self::default()
        };
        for path in paths {
            let Ok(bytes) = read::read_regular(&path, read::POOL_FILE) else {
                continue;
            };
            let sealed = encrypted::kind_of(bytes.expose());
            let kind = sealed
                .map(FileKind::Key)
                .or_else(|| classify(bytes.expose()));
            let Some(role) = kind.and_then(Role::of) else {
                continue;
            };
            if sealed.is_some() {
                ws.encrypted.insert(path.clone());
            }
            ws.files.entry(role).or_default().push(path);
        }
        // Prefer the standard name when a role has several files, then the newest SPO
        // Scripts generation (`NAME.kes-NNN.*`, `NAME.node-NNN.opcert`), as `status` does.
        for (role, list) in &mut ws.files {
            let standard = role.standard_name();
            list.sort_by_key(|p| {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                let name = name.unwrap_or_default();
                (
                    standard.is_none_or(|s| s != name),
                    std::cmp::Reverse(generation(&name).map(|(_, n)| n)),
                )
            });
        }
        ws.load_parsed();
        match journal_file::read(dir) {
            Ok((entries, problems)) => {
                ws.journal = entries;
                ws.problems.extend(
                    problems
                        .into_iter()
                        .map(|p| format!("rotation journal, {p}")),
                );
            }
            Err(e) => ws.problems.push(e),
        }
        Ok(ws)
    }

    fn read_key(path: &Path) -> Option<VerificationKey> {
        match load::key(path).ok()? {
            AnyKey::Verification(v) => Some(v),
            AnyKey::Signing(s) => s.verification_key().ok(),
        }
    }

    fn load_parsed(&mut self) {
        self.cold_vkey = self.first(Role::ColdVkey).and_then(|p| Self::read_key(&p));
        self.vrf_vkey = self.first(Role::VrfVkey).and_then(|p| Self::read_key(&p));
        self.kes_vkey = self.first(Role::KesVkey).and_then(|p| Self::read_key(&p));
        self.counter = self
            .first(Role::Counter)
            .and_then(|p| load::counter(&p).ok());
        self.opcert = self
            .first(Role::OpCert)
            .and_then(|p| OpCert::from_envelope(&load::envelope(&p).ok()?).ok());
        self.stake_keys = self
            .all(Role::StakeVkey)
            .iter()
            .filter_map(|p| {
                Self::read_key(p).map(|key| StakeKeyFile {
                    path: p.clone(),
                    key,
                })
            })
            .collect();
        self.problems.clear();
        for role in [
            Role::ColdVkey,
            Role::ColdSkey,
            Role::Counter,
            Role::VrfVkey,
            Role::KesVkey,
            Role::OpCert,
        ] {
            let n = self.all(role).len();
            if n > 1 {
                self.problems.push(format!(
                    "{n} files hold a {}; the console uses {}",
                    role.label().to_lowercase(),
                    self.first(role)
                        .map_or_else(String::new, |p| self.short(&p))
                ));
            }
        }
        if let (Some(c), Some(k)) = (&self.counter, &self.cold_vkey) {
            if c.cold_vkey != k.public_key() {
                self.problems.push(
                    "the issue counter belongs to another cold key than cold.vkey".to_owned(),
                );
            }
        }
        if let (Some(o), Some(k)) = (&self.opcert, &self.cold_vkey) {
            if o.cold_vkey != k.public_key() {
                self.problems
                    .push("the operational certificate was signed by another cold key".to_owned());
            }
        }
    }

    pub fn first(&self, role: Role) -> Option<PathBuf> {
        self.files.get(&role).and_then(|v| v.first().cloned())
    }

    pub fn all(&self, role: Role) -> &[PathBuf] {
        self.files.get(&role).map_or(&[], Vec::as_slice)
    }

    /// True when this key file is encrypted with a passphrase.
    pub fn is_encrypted(&self, path: &Path) -> bool {
        self.encrypted.contains(path)
    }

    pub fn has(&self, role: Role) -> bool {
        self.files.get(&role).is_some_and(|v| !v.is_empty())
    }

    /// Where a new file of this role goes: the existing one, or the standard name.
    pub fn path_for(&self, role: Role) -> PathBuf {
        self.first(role)
            .unwrap_or_else(|| self.dir.join(role.standard_name().unwrap_or("file")))
    }

    /// A path relative to the workspace when it lies inside it.
    pub fn short(&self, path: &Path) -> String {
        path.strip_prefix(&self.dir)
            .unwrap_or(path)
            .display()
            .to_string()
    }

    /// The pool id, when the cold key is known.
    pub fn pool_id(&self) -> Option<[u8; 28]> {
        self.cold_vkey.as_ref().map(VerificationKey::key_hash)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn vector(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/cardano-cli")
            .join(rel)
    }

    /// A pipe with no writer, a link to an endless device and a signing key in the folder:
    /// the scan neither waits nor reads without end, and still sorts the keys by role.
    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_link_do_not_stop_the_scan() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::copy(vector("input/node-pool/operator.vkey"), d.join("cold.vkey")).unwrap();
        std::fs::copy(
            vector("input/keys/transaction-sign/node-cold.skey"),
            d.join("cold.skey"),
        )
        .unwrap();
        std::fs::copy(
            vector("input/keys/kes_keys_LEGACY_2020/signing_key"),
            d.join("kes.skey"),
        )
        .unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(d.join("node.opcert"))
            .status()
            .unwrap();
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", d.join("vrf.skey")).unwrap();
        std::fs::create_dir(d.join("backup")).unwrap();
        let start = Instant::now();
        let ws = Workspace::scan(d).unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(ws.all(Role::ColdVkey), &[d.join("cold.vkey")]);
        assert_eq!(ws.all(Role::ColdSkey), &[d.join("cold.skey")]);
        assert_eq!(ws.all(Role::KesSkey), &[d.join("kes.skey")]);
        assert!(!ws.has(Role::OpCert));
        assert!(!ws.has(Role::VrfSkey));
        assert_eq!(ws.files.len(), 3, "{:?}", ws.files);
        assert!(ws.cold_vkey.is_some());
    }

    /// SPO Scripts' generations: the console uses the newest opcert and KES key, as `status`.
    #[test]
    fn the_newest_spo_scripts_generation_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let kes = vector("input/keys/kes_keys_LEGACY_2020/signing_key");
        for g in ["000", "002", "001"] {
            std::fs::copy(&kes, d.join(format!("pool.kes-{g}.skey"))).unwrap();
        }
        let ws = Workspace::scan(d).unwrap();
        assert_eq!(
            ws.all(Role::KesSkey),
            &[
                d.join("pool.kes-002.skey"),
                d.join("pool.kes-001.skey"),
                d.join("pool.kes-000.skey")
            ]
        );
    }
}
