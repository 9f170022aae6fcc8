//! Where an output goes and what is there now: the checks made before anything is written.
//!
//! An output replaces only a regular file positively recognised as the same kind of output.
//! Devices, pipes, sockets and folders are refused; so is anything unrecognised, any key of
//! another kind and anything too large to read. A symbolic link is written through to the
//! file it names (created when the link dangles and its folder exists), never replaced.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::files::{FileError, OutputKind};
use crate::core::describe::recognise::{classify, FileKind};
use crate::core::encoding::envelope::{TextEnvelope, CERTIFICATE_TYPES};
use crate::core::keys::mnemonic::RecoveryPhrase;
use crate::core::keys::secret::SecretBytes;

/// Largest existing file we read to recognise it (real pool files are under 4 KiB).
pub const RECOGNISE_LIMIT: u64 = 64 * 1024;
/// Links followed before giving up (a loop, or a chain nobody means).
const MAX_LINKS: usize = 16;

/// Where the bytes of one output go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-` or `/dev/stdout`.
    Stdout,
    /// `/dev/stderr`.
    Stderr,
    /// A regular file at this real path (links resolved, folder absolute).
    File(PathBuf),
}

pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Resolves an output path. Streams are recognised by name; everything else must be a
/// regular file or not exist yet.
pub fn resolve(path: &Path) -> Result<Target, FileError> {
    match path.to_str() {
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1") => return Ok(Target::Stdout),
        Some("/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2") => return Ok(Target::Stderr),
        _ => {}
    }
    let text = path.as_os_str().to_string_lossy();
    // `dir/`, `dir/.` and `..` name folders (Path drops a trailing `.`, so look at the text).
    let last = text
        .rsplit(std::path::MAIN_SEPARATOR)
        .next()
        .unwrap_or_default();
    if text.ends_with(std::path::MAIN_SEPARATOR)
        || last == "."
        || last == ".."
        || path.file_name().is_none()
    {
        return Err(FileError::IsFolder { path: shown(path) });
    }
    refuse_reserved(path, path)?;
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|e| write_error(path, &e))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(meta) => {
                refuse_special(path, &meta)?;
                let real = fs::canonicalize(&current).map_err(|e| write_error(path, &e))?;
                return Ok(Target::File(real));
            }
            Err(_) => return absent(path, &current),
        }
    }
    Err(FileError::Write {
        path: shown(path),
        reason: "it is a chain of more than 16 symbolic links (a loop?)".to_owned(),
    })
}

/// A path that does not exist yet: its folder must.
fn absent(shown_as: &Path, path: &Path) -> Result<Target, FileError> {
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = fs::canonicalize(&parent)
        .ok()
        .filter(|d| d.is_dir())
        .ok_or_else(|| FileError::Write {
            path: shown(shown_as),
            reason: format!("the folder {} does not exist", parent.display()),
        })?;
    Ok(Target::File(dir.join(path.file_name().unwrap_or_default())))
}

/// The write layer's own names (its journal, pid file, staged files) are never an output,
/// whether named directly or reached through a link (`shown` is what the person gave).
pub fn refuse_reserved(shown_as: &Path, path: &Path) -> Result<(), FileError> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    if name == super::lock::PID_NAME
        || name == super::txn::JOURNAL_NAME
        || super::txn::is_staged_name(&name)
    {
        return Err(FileError::Write {
            path: shown(shown_as),
            reason: "pool-console keeps this name for itself while it writes; choose another name"
                .to_owned(),
        });
    }
    Ok(())
}

fn write_error(path: &Path, e: &std::io::Error) -> FileError {
    FileError::Write {
        path: shown(path),
        reason: super::read::describe_io(e),
    }
}

/// Folders, devices, pipes and sockets are never written as files.
fn refuse_special(path: &Path, meta: &fs::Metadata) -> Result<(), FileError> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(FileError::IsFolder { path: shown(path) });
    }
    if ft.is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            "a named pipe (FIFO)"
        } else if ft.is_socket() {
            "a socket"
        } else if ft.is_char_device() || ft.is_block_device() {
            "a device"
        } else {
            "not a regular file"
        }
    };
    #[cfg(not(unix))]
    let what = "not a regular file";
    Err(FileError::NotRegular {
        path: shown(path),
        what: what.to_owned(),
    })
}

/// What an existing regular file holds, as far as replacing it is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    /// Nothing there, or an empty file: nothing to lose.
    Nothing,
    /// A file recognised as this kind.
    Holds(Holding),
    /// Larger than we read to recognise.
    TooLarge(u64),
    /// Contents we do not recognise.
    Unknown,
}

/// The kinds of file an output may meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holding {
    File(FileKind),
    /// An envelope whose type names a certificate, even one we cannot decode.
    CertificateEnvelope,
    Plan,
    SignOffSheet,
    Calendar,
    TextValue,
    DecodedText,
    RecoveryPhrase,
    /// A vote file (envelope type `Governance voting procedures`).
    Vote,
    /// The JSON or YAML `governance vote view` prints.
    VoteView,
    /// A CIP-100 JSON-LD document: a vote's rationale.
    Rationale,
    /// An Aion private key (hex of the seed, or of seed ‖ public key).
    AionSigningKey,
    /// An Aion verification key file (Pool Console's JSON).
    AionVerificationKey,
    /// A signed Aion transaction, as `aion transaction sign` writes it, or the JSON-RPC
    /// request that sends one.
    AionTransaction,
    /// Aion pool metadata with Pool Console's keys (`schemaVersion`, `name`, …).
    AionMetadata,
    /// `aion-profile.json`, the marker of an Aion Unity folder.
    AionProfileMarker,
}

impl Holding {
    /// "a cold signing key", for messages.
    pub fn human(self) -> String {
        match self {
            Self::File(FileKind::Key(k)) => crate::core::keys::with_article(k.human()),
            Self::File(FileKind::IssueCounter) => {
                "an operational certificate issue counter".to_owned()
            }
            Self::File(FileKind::OpCert) => "an operational certificate".to_owned(),
            Self::File(FileKind::PoolRegistration) => "a pool registration certificate".to_owned(),
            Self::File(FileKind::PoolRetirement) => "a pool retirement certificate".to_owned(),
            Self::File(FileKind::StakeCertificate) | Self::CertificateEnvelope => {
                "a certificate".to_owned()
            }
            Self::File(FileKind::PoolMetadata) => "pool metadata".to_owned(),
            Self::File(FileKind::Transaction) => "a transaction".to_owned(),
            Self::File(FileKind::Witness) => "a transaction witness".to_owned(),
            Self::Plan => "a pool plan".to_owned(),
            Self::SignOffSheet => "a sign-off sheet".to_owned(),
            Self::Calendar => "a calendar event".to_owned(),
            Self::TextValue => "an id, hash or address".to_owned(),
            Self::DecodedText => "decoded CBOR text".to_owned(),
            Self::RecoveryPhrase => "a recovery phrase".to_owned(),
            Self::Vote => "a vote".to_owned(),
            Self::VoteView => "a vote view".to_owned(),
            Self::Rationale => "a vote rationale (CIP-100)".to_owned(),
            Self::AionSigningKey => "an Aion signing key".to_owned(),
            Self::AionVerificationKey => "an Aion verification key".to_owned(),
            Self::AionTransaction => "a signed Aion transaction".to_owned(),
            Self::AionMetadata => "Aion pool metadata".to_owned(),
            Self::AionProfileMarker => "an Aion Unity folder marker".to_owned(),
        }
    }

    /// Key material or a counter: what the "never without --force" rule protects.
    pub fn is_key_or_counter(self) -> bool {
        matches!(
            self,
            Self::File(FileKind::Key(_) | FileKind::IssueCounter)
                | Self::RecoveryPhrase
                | Self::AionSigningKey
                | Self::AionVerificationKey
        )
    }
}

/// Reads at most [`RECOGNISE_LIMIT`] bytes of a regular file and says what it holds.
pub fn existing(path: &Path) -> Result<Existing, FileError> {
    existing_within(path, RECOGNISE_LIMIT)
}

/// [`existing`], reading at most `limit` bytes (an output kind's own, see
/// `OutputKind::recognise_limit`).
pub fn existing_within(path: &Path, limit: u64) -> Result<Existing, FileError> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(_) => return Ok(Existing::Nothing),
    };
    if meta.len() == 0 {
        return Ok(Existing::Nothing);
    }
    if meta.len() > limit {
        return Ok(Existing::TooLarge(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| write_error(path, &e))?;
    let mut buf = zeroize::Zeroizing::new(Vec::new());
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| write_error(path, &e))?;
    let bytes = SecretBytes::new(std::mem::take(&mut *buf));
    Ok(recognise_within(bytes.expose(), limit))
}

/// Says what file contents are, for the replace rule.
pub fn recognise(bytes: &[u8]) -> Existing {
    recognise_within(bytes, RECOGNISE_LIMIT)
}

/// [`recognise`] for a kind read further than most (see `OutputKind::recognise_limit`).
pub fn recognise_within(bytes: &[u8], limit: u64) -> Existing {
    if bytes.len() as u64 > limit {
        return Existing::TooLarge(bytes.len() as u64);
    }
    if bytes.trim_ascii().is_empty() {
        return Existing::Nothing;
    }
    if let Some(kind) = classify(bytes) {
        return Existing::Holds(Holding::File(kind));
    }
    // An encrypted key is that key: replaced only by the same kind, plain or encrypted.
    if let Some(kind) = crate::core::keys::encrypted::kind_of(bytes) {
        return Existing::Holds(Holding::File(FileKind::Key(kind)));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Existing::Unknown;
    };
    let trimmed = text.trim();
    // Before the text values: an Aion key in hex must never pass for a hash to overwrite.
    if let Some(aion) = crate::core::aion::key_file::recognise(trimmed) {
        use crate::core::aion::key_file::AionKeyFile;
        return Existing::Holds(match aion {
            AionKeyFile::Signing => Holding::AionSigningKey,
            AionKeyFile::Verification => Holding::AionVerificationKey,
        });
    }
    if let Ok(env) = TextEnvelope::parse(trimmed.as_bytes()) {
        if CERTIFICATE_TYPES.contains(&env.type_name.as_str()) {
            return Existing::Holds(Holding::CertificateEnvelope);
        }
        if env.type_name == crate::core::governance::VOTE_TYPE {
            return Existing::Holds(Holding::Vote);
        }
        return Existing::Unknown;
    }
    if trimmed.starts_with('{') && trimmed.contains("\"pool-console pool plan\"") {
        return Existing::Holds(Holding::Plan);
    }
    if trimmed.starts_with("<!DOCTYPE html>") && trimmed.contains("<title>Sign-off: ") {
        return Existing::Holds(Holding::SignOffSheet);
    }
    if is_rationale(trimmed) {
        return Existing::Holds(Holding::Rationale);
    }
    if is_vote_view(trimmed) {
        return Existing::Holds(Holding::VoteView);
    }
    if is_aion_transaction(trimmed) {
        return Existing::Holds(Holding::AionTransaction);
    }
    if let Some(aion) = aion_json(trimmed) {
        return Existing::Holds(aion);
    }
    if trimmed.starts_with("BEGIN:VCALENDAR") {
        return Existing::Holds(Holding::Calendar);
    }
    // Only a whole, valid phrase: anything less is unknown, so never replaced at all.
    if RecoveryPhrase::parse(trimmed).is_ok() {
        return Existing::Holds(Holding::RecoveryPhrase);
    }
    if is_text_value(trimmed) {
        return Existing::Holds(Holding::TextValue);
    }
    if is_decoded_text(trimmed) {
        return Existing::Holds(Holding::DecodedText);
    }
    Existing::Unknown
}

/// Exactly what `key-hash`, `id`, `build` and `metadata-hash` write: a key hash (56 hex
/// digits), a blake2b-256 hash (64), or a pool id or stake address in bech32. Nothing looser:
/// a file holding a raw hex key (`5820…`) must not pass for an output.
fn is_text_value(text: &str) -> bool {
    let hex = text
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if hex {
        return text.len() == 56 || text.len() == 64;
    }
    crate::core::encoding::bech32::decode(text)
        .is_ok_and(|(hrp, _)| matches!(hrp.as_str(), "pool" | "stake" | "stake_test"))
}

/// A CIP-100 governance metadata document: a JSON object whose `@context` names CIP-100 and
/// which has a `hashAlgorithm` and a `body` (the shape of every rationale, ours or not).
fn is_rationale(text: &str) -> bool {
    let Ok(serde_json::Value::Object(doc)) = serde_json::from_str::<serde_json::Value>(text) else {
        return false;
    };
    let cip100 = doc
        .get("@context")
        .and_then(|c| c.get("CIP100"))
        .and_then(serde_json::Value::as_str)
        .is_some_and(|u| u.contains("CIP-0100"));
    cip100 && doc.contains_key("hashAlgorithm") && doc.get("body").is_some_and(|b| b.is_object())
}

/// What `governance vote view` prints: a voter key first (`"stakepool-keyHash-…` in JSON,
/// `stakepool-keyHash-…:` in YAML) and a decision in it.
fn is_vote_view(text: &str) -> bool {
    let first = text.trim_start_matches(['{', '"', ' ', '\n']);
    ["committee-", "drep-", "stakepool-"]
        .iter()
        .any(|role| first.starts_with(role))
        && (first.contains("-keyHash-") || first.contains("-scriptHash-"))
        && text.contains("decision")
}

/// What `aion transaction sign --out-file` writes: the raw transaction as `0x` hex, or the
/// JSON holding it as `rawTransaction`; or the console's JSON-RPC request with it as its one
/// parameter. Either way a whole signed transaction (an Aion key is hex too, and must never
/// pass for one).
fn is_aion_transaction(text: &str) -> bool {
    let raw = if text.starts_with('{') {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(doc) => {
                let rpc = || {
                    (doc.get("method")?.as_str()? == "eth_sendRawTransaction")
                        .then(|| doc.get("params")?.as_array()?.first()?.as_str())
                        .flatten()
                };
                doc.get("rawTransaction")
                    .and_then(serde_json::Value::as_str)
                    .or_else(rpc)
                    .map(str::to_owned)
            }
            Err(_) => None,
        }
    } else {
        Some(text.to_owned())
    };
    raw.as_deref()
        .and_then(|r| r.strip_prefix("0x"))
        .and_then(|h| hex::decode(h).ok())
        .is_some_and(|bytes| crate::core::aion::transaction::SignedTx::decode(&bytes).is_ok())
}

/// The Aion JSON files the console writes besides keys and transactions: pool metadata
/// (an object with Pool Console's `schemaVersion` and `name`) and the folder's profile marker.
fn aion_json(text: &str) -> Option<Holding> {
    let serde_json::Value::Object(doc) = serde_json::from_str(text).ok()? else {
        return None;
    };
    if doc.get("profile").and_then(serde_json::Value::as_str) == Some("aion-unity") {
        return Some(Holding::AionProfileMarker);
    }
    // Only the console's own keys: a save of the form would drop any other (the operator's).
    let ours = doc
        .keys()
        .all(|k| crate::core::aion::metadata::KEYS.contains(&k.as_str()));
    (ours
        && doc
            .get("schemaVersion")
            .is_some_and(serde_json::Value::is_string)
        && doc.get("name").is_some_and(serde_json::Value::is_string))
    .then_some(Holding::AionMetadata)
}

/// The layout `text-view decode-cbor` prints: lines of hex byte pairs, each with an optional
/// `# comment`.
fn is_decoded_text(text: &str) -> bool {
    text.lines().filter(|l| !l.trim().is_empty()).all(|line| {
        let data = line.split_once('#').map_or(line, |(d, _)| d);
        let mut pairs = data.split_whitespace().peekable();
        pairs.peek().is_some()
            && pairs.all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

/// Whether an output of `kind` may replace a file holding `holding`.
pub fn same_kind(kind: OutputKind, holding: Holding) -> bool {
    use FileKind as F;
    use Holding as H;
    match kind {
        // Any certificate replaces any certificate, decodable or not.
        OutputKind::Certificate => matches!(
            holding,
            H::CertificateEnvelope
                | H::File(F::PoolRegistration | F::PoolRetirement | F::StakeCertificate)
        ),
        // A decoding replaces a decoding, never a key: decoding another key "over" cold.skey
        // would swap the pool's cold key without a word (decode-cbor has no --force).
        OutputKind::Decoded { .. } => matches!(
            holding,
            H::DecodedText
                | H::TextValue
                | H::CertificateEnvelope
                | H::File(
                    F::OpCert
                        | F::PoolRegistration
                        | F::PoolRetirement
                        | F::StakeCertificate
                        | F::Transaction
                        | F::Witness
                )
        ),
        other => other.holding() == Some(holding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::keys::KeyKind;

    #[test]
    fn decoded_text_and_values_are_recognised() {
        let decoded = "\n83  # list(3)\n   04  # int(4)\n   19 01 2c  # int(300)\n";
        assert_eq!(
            recognise(decoded.as_bytes()),
            Existing::Holds(Holding::DecodedText)
        );
        assert_eq!(
            recognise(b"pool1z22x50lqsrwent6en0llzzs9e577rx7n3mv9kfw7udwa2rf42fa"),
            Existing::Holds(Holding::TextValue)
        );
        assert_eq!(recognise(b"stake_sk1qqqqqq"), Existing::Unknown);
        assert_eq!(recognise(b"precious key"), Existing::Unknown);
        assert_eq!(recognise(b"  \n"), Existing::Nothing);
    }

    #[test]
    fn kinds_replace_only_their_own() {
        let cold = Holding::File(FileKind::Key(KeyKind::ColdSigning));
        assert!(same_kind(OutputKind::Key(KeyKind::ColdSigning), cold));
        assert!(!same_kind(OutputKind::Key(KeyKind::KesSigning), cold));
        assert!(!same_kind(OutputKind::NewCounter, cold));
        assert!(!same_kind(OutputKind::Certificate, cold));
        assert!(!same_kind(OutputKind::Decoded { secret: false }, cold));
        assert!(same_kind(
            OutputKind::Certificate,
            Holding::File(FileKind::PoolRegistration)
        ));
    }

    #[test]
    fn a_rationale_replaces_only_a_rationale() {
        let doc = crate::core::governance_actions::rationale::Rationale {
            summary: "Yes".to_owned(),
            rationale_statement: "Sound.".to_owned(),
            ..Default::default()
        };
        let held = recognise(&doc.to_bytes());
        assert_eq!(held, Existing::Holds(Holding::Rationale));
        assert!(same_kind(OutputKind::Rationale, Holding::Rationale));
        // Neither side replaces the other's kind.
        for other in [
            Holding::TextValue,
            Holding::Plan,
            Holding::Vote,
            Holding::VoteView,
            Holding::File(FileKind::PoolMetadata),
        ] {
            assert!(!same_kind(OutputKind::Rationale, other), "{other:?}");
        }
        assert!(!same_kind(OutputKind::TextValue, Holding::Rationale));
        assert!(!same_kind(OutputKind::Metadata, Holding::Rationale));
        // JSON-LD of another kind, or a document without a body, is not a rationale.
        let no_body = br#"{"@context": {"CIP100": "https://github.com/cardano-foundation/CIPs/blob/master/CIP-0100/README.md#"}, "hashAlgorithm": "blake2b-256"}"#;
        assert_eq!(recognise(no_body), Existing::Unknown);
        let other = br#"{"@context": {"CIP108": "x"}, "hashAlgorithm": "blake2b-256", "body": {}}"#;
        assert_eq!(recognise(other), Existing::Unknown);
    }

    #[test]
    fn aion_keys_replace_only_their_own_kind() {
        use crate::core::aion::key_file;
        use crate::core::aion::keys::AionSigningKey;
        let key = AionSigningKey::from_seed([3; 32]);
        let sk = recognise(key_file::signing_file(&key).as_bytes());
        let vk = recognise(key_file::verification_file(&key.public_key()).as_bytes());
        assert_eq!(sk, Existing::Holds(Holding::AionSigningKey));
        assert_eq!(vk, Existing::Holds(Holding::AionVerificationKey));
        assert!(same_kind(
            OutputKind::AionSigningKey,
            Holding::AionSigningKey
        ));
        assert!(!same_kind(
            OutputKind::AionVerificationKey,
            Holding::AionSigningKey
        ));
        assert!(!same_kind(
            OutputKind::AionSigningKey,
            Holding::AionVerificationKey
        ));
        assert!(Holding::AionSigningKey.is_key_or_counter());
        assert!(OutputKind::AionSigningKey.is_secret());
        assert!(!OutputKind::AionVerificationKey.is_secret());
        // Never over a Cardano key, and no Cardano output over an Aion key.
        let cold = Holding::File(FileKind::Key(KeyKind::ColdSigning));
        assert!(!same_kind(OutputKind::AionSigningKey, cold));
        assert!(!same_kind(
            OutputKind::Key(KeyKind::ColdSigning),
            Holding::AionSigningKey
        ));
        assert!(!same_kind(OutputKind::TextValue, Holding::AionSigningKey));
    }

    #[test]
    fn an_encrypted_key_is_its_own_kind() {
        // The shape of ../shared/vectors/third-party/spo-scripts-encrypted/node.encrypted.skey.
        let sealed = br#"{"type": "StakePoolSigningKey_ed25519", "description": "Encrypted Stake Pool Operator Signing Key", "encrHex": "8c0d04"}"#;
        let held = recognise(sealed);
        let cold = Holding::File(FileKind::Key(KeyKind::ColdSigning));
        assert_eq!(held, Existing::Holds(cold));
        assert!(!same_kind(OutputKind::Key(KeyKind::KesSigning), cold));
        let unknown_type = br#"{"type": "Something", "encrHex": "8c0d04"}"#;
        assert_eq!(recognise(unknown_type), Existing::Unknown);
    }
}
