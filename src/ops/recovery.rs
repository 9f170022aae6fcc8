//! Recovery phrases: a new phrase from OS entropy written to a 0600 file, and key pairs
//! derived from a phrase file or from a phrase the console holds. The phrase is never shown;
//! a bad one writes nothing.

use std::path::Path;

use super::keys::{write_cold, write_pair, KeyFormat, PairPaths};
use super::{Done, OpError, OpResult};
use crate::core::keys::derive::{self, DerivationPath};
use crate::core::keys::mnemonic::RecoveryPhrase;
use crate::core::keys::VerificationKey;
use crate::core::message::quote::escape_path;
use crate::platform::disk::OsDisk;
use crate::platform::entropy;
use crate::platform::files::{self, OutputKind};
use crate::platform::read;

/// "path: what", the form every file message takes.
fn about(path: &Path, what: impl std::fmt::Display) -> OpError {
    OpError(format!(
        "{}: {what}",
        escape_path(&path.display().to_string())
    ))
}

/// Writes a new recovery phrase of `words` words (12, 15, 18, 21 or 24) to `out`.
pub fn generate_phrase(words: usize, out: &Path, force: bool) -> OpResult<Done> {
    let len = RecoveryPhrase::entropy_len(words).ok_or_else(|| {
        OpError(format!(
            "a recovery phrase has 12, 15, 18, 21 or 24 words, not {words}"
        ))
    })?;
    let seed = entropy::seed32()?;
    let phrase = RecoveryPhrase::from_entropy(seed.get(..len).unwrap_or_default())
        .map_err(|e| OpError(e.to_string()))?;
    let text = phrase.render();
    let notes = files::write_one(out, text.expose(), OutputKind::RecoveryPhrase, force)?;
    Ok(Done { notes })
}

/// Reads and checks the phrase in `file`.
pub fn read_phrase(file: &Path) -> OpResult<RecoveryPhrase> {
    let bytes = read::read_input(file, read::RECOVERY_PHRASE)?;
    let text = std::str::from_utf8(bytes.expose()).map_err(|_| {
        about(
            file,
            "is not text; it should hold the words of a recovery phrase",
        )
    })?;
    RecoveryPhrase::parse(text).map_err(|e| about(file, e))
}

/// Derives the key pair at `path` from the phrase in `phrase_file` and writes both files as
/// one step (text envelopes; the signing key 0600).
pub fn derive_pair(
    phrase_file: &Path,
    path: &DerivationPath,
    paths: PairPaths<'_>,
    force: bool,
) -> OpResult<(VerificationKey, Done)> {
    let phrase = read_phrase(phrase_file)?;
    let (sk, vk) = derive::key_pair(&phrase, path)?;
    drop(phrase);
    let done = write_pair(
        &OsDisk,
        &vk,
        &sk,
        paths,
        KeyFormat::TextEnvelope,
        force,
        None,
    )?;
    Ok((vk, done))
}

/// The CIP-1853 path of the cold key of pool `index`: 1853H/1815H/0H/<index>H.
pub fn cold_path(index: u32) -> OpResult<DerivationPath> {
    DerivationPath::parse(&format!("1853H/1815H/0H/{index}H")).map_err(|e| OpError(e.to_string()))
}

/// Derives pool `index`'s cold key from `phrase` and writes cold.skey and cold.vkey (the
/// extended envelopes `key derive` writes) with a new issue counter at 0, as one step.
pub fn derive_cold(
    phrase: &RecoveryPhrase,
    index: u32,
    paths: PairPaths<'_>,
    counter: &Path,
    force: bool,
) -> OpResult<(VerificationKey, Done)> {
    let (sk, vk) = derive::key_pair(phrase, &cold_path(index)?)?;
    let done = write_cold(&vk, &sk, paths, counter, KeyFormat::TextEnvelope, force)?;
    Ok((vk, done))
}
