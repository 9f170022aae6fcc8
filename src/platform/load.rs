//! Reading pool files into the core's types, with errors that name the file. Shared by the
//! command line and the console so both say the same thing about the same bad file.

use std::path::Path;
use std::time::Duration;

use super::read::{self, Input};
use crate::core::certificate::{Certificate, PoolParams};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::kes::opcert::IssueCounter;
use crate::core::keys::encrypted::{self, EncryptedEnvelope, Passphrase};
use crate::core::keys::secret::SecretBytes;
use crate::core::keys::{AnyKey, KeyKind, SigningKey, VerificationKey};
use crate::core::message::quote::escape_path;
use crate::core::review;
use crate::core::review::plan::PoolPlan;
use crate::core::transaction::{KeyWitness, TxFile};

/// "FILE: what is wrong", the name escaped as typed (core::message::quote).
fn named(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", escape_path(&path.display().to_string()))
}

/// Where the passphrase of an encrypted key comes from: the command line's `--passphrase-file`
/// or terminal prompt, the console's passphrase dialog. Asked only when the file is encrypted,
/// with the file's path; its error is the whole message (it names the file).
#[derive(Clone, Copy)]
pub struct Unlock<'a>(pub &'a dyn Fn(&Path) -> Result<Passphrase, String>);

impl Unlock<'static> {
    /// No passphrase at hand: an encrypted key is refused with a message saying what to do.
    pub const LOCKED: Unlock<'static> = Unlock(&locked);
}

impl std::fmt::Debug for Unlock<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Unlock")
    }
}

fn locked(path: &Path) -> Result<Passphrase, String> {
    Err(named(path, ENCRYPTED_NO_PASSPHRASE))
}

/// What [`Unlock::LOCKED`] says.
pub const ENCRYPTED_NO_PASSPHRASE: &str = "is encrypted with a passphrase; give the passphrase (--passphrase-file FILE), or decrypt the key first with `pool-console key decrypt`";

/// A key file: a text envelope or a bare bech32 string. An encrypted key is refused.
pub fn key(path: &Path) -> Result<AnyKey, String> {
    key_unlocked(path, Unlock::LOCKED)
}

/// A key file, plain or encrypted (SPO Scripts' `encrHex` envelope); the passphrase is asked
/// of `unlock` only for an encrypted one. The decrypted key lives in wiped buffers only.
pub fn key_unlocked(path: &Path, unlock: Unlock<'_>) -> Result<AnyKey, String> {
    let bytes = capped(path, read::KEY)?;
    if !encrypted::is_encrypted(bytes.expose()) {
        return AnyKey::from_file_contents(bytes.expose()).map_err(|e| named(path, e));
    }
    let sealed = EncryptedEnvelope::parse(bytes.expose()).map_err(|e| named(path, e))?;
    let passphrase = (unlock.0)(path)?;
    let plain = sealed.decrypt(&passphrase).map_err(|e| named(path, e))?;
    AnyKey::from_envelope(&plain).map_err(|e| named(path, e))
}

/// True when the file holds an encrypted key envelope (read, never decrypted).
pub fn is_encrypted_key(path: &Path) -> bool {
    capped(path, read::KEY).is_ok_and(|b| encrypted::is_encrypted(b.expose()))
}

/// A verification key of one of the accepted kinds (derived when a signing key is given).
pub fn verification_key(path: &Path, accepted: &[KeyKind]) -> Result<VerificationKey, String> {
    key(path)?
        .into_verification(accepted)
        .map_err(|e| named(path, e))
}

/// A signing key of one of the accepted kinds; an encrypted one is refused.
pub fn signing_key(path: &Path, accepted: &[KeyKind]) -> Result<SigningKey, String> {
    signing_key_unlocked(path, accepted, Unlock::LOCKED)
}

/// A signing key of one of the accepted kinds, plain or encrypted.
pub fn signing_key_unlocked(
    path: &Path,
    accepted: &[KeyKind],
    unlock: Unlock<'_>,
) -> Result<SigningKey, String> {
    key_unlocked(path, unlock)?
        .into_signing(accepted)
        .map_err(|e| named(path, e))
}

/// Any text envelope.
pub fn envelope(path: &Path) -> Result<TextEnvelope, String> {
    envelope_within(path, read::PIPE_WAIT)
}

/// Any text envelope, waiting at most `wait` when the file is a pipe.
pub fn envelope_within(path: &Path, wait: Duration) -> Result<TextEnvelope, String> {
    let bytes = read::read_input_within(path, read::ENVELOPE, wait).map_err(|e| e.to_string())?;
    TextEnvelope::parse(bytes.expose()).map_err(|e| named(path, e))
}

/// The bytes of one input of this kind, capped (see [`read`]).
pub fn capped(path: &Path, input: Input) -> Result<SecretBytes, String> {
    read::read_input(path, input).map_err(|e| e.to_string())
}

/// An operational certificate issue counter.
pub fn counter(path: &Path) -> Result<IssueCounter, String> {
    IssueCounter::from_envelope(&envelope(path)?).map_err(|e| named(path, e))
}

/// A pool registration certificate: its parameters and its CBOR exactly as in the file (the
/// fingerprint is over those bytes).
pub fn registration(path: &Path) -> Result<(PoolParams, Vec<u8>), String> {
    let env = envelope(path)?;
    let (cert, _) = Certificate::from_envelope(&env).map_err(|e| named(path, e))?;
    let params = review::registration_of(&cert)
        .map_err(|e| named(path, e))?
        .clone();
    Ok((params, env.cbor.expose().to_vec()))
}

/// A pool plan file.
pub fn plan(path: &Path) -> Result<PoolPlan, String> {
    let bytes = capped(path, read::PLAN)?;
    PoolPlan::parse(bytes.expose()).map_err(|e| named(path, e))
}

/// A transaction: its envelope, or raw CBOR of a transaction or a bare body.
pub fn transaction(path: &Path) -> Result<TxFile, String> {
    let bytes = capped(path, read::TRANSACTION)?;
    TxFile::from_file_contents(bytes.expose()).map_err(|e| named(path, e))
}

/// A key witness file and the era its type names.
pub fn witness(path: &Path) -> Result<(KeyWitness, String), String> {
    KeyWitness::from_envelope(&envelope(path)?).map_err(|e| named(path, e))
}

/// An owner's stake verification key for a review. A signing key is refused: a review may run
/// on an online machine, and the secret key has no business there.
pub fn public_stake_key(path: &Path) -> Result<VerificationKey, String> {
    match key(path)? {
        AnyKey::Signing(_) => Err(named(
            path,
            "is a signing key: keep it offline. Load stake.vkey instead, or paste your stake address",
        )),
        AnyKey::Verification(vk) => AnyKey::Verification(vk)
            .into_verification(crate::core::keys::accept::STAKE_VERIFICATION)
            .map_err(|e| named(path, e)),
    }
}
