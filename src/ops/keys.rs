//! Writing keys: cold keys with their counter, VRF, KES and stake key pairs, a new counter, a
//! converted signing key. Seeds come from the OS; every pair is written as one transaction.

use std::path::Path;

use super::{Done, OpResult};
use crate::core::kes::opcert::IssueCounter;
use crate::core::keys::secret::SecretBytes;
use crate::core::keys::{generate, KeyKind, SigningKey, VerificationKey};
use crate::platform::disk::{Disk, OsDisk};
use crate::platform::entropy;
use crate::platform::files::{self, Output, OutputKind};

/// How key files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyFormat {
    #[default]
    TextEnvelope,
    Bech32,
}

/// The key pairs besides the cold keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    Vrf,
    Kes,
    Stake,
}

pub fn signing_key_bytes(sk: &SigningKey, format: KeyFormat) -> OpResult<SecretBytes> {
    match format {
        KeyFormat::TextEnvelope => Ok(sk.to_envelope().render()),
        KeyFormat::Bech32 => Ok(sk.to_bech32()?),
    }
}

pub fn verification_key_bytes(vk: &VerificationKey, format: KeyFormat) -> OpResult<Vec<u8>> {
    match format {
        KeyFormat::TextEnvelope => Ok(vk.to_envelope().render().expose().to_vec()),
        KeyFormat::Bech32 => Ok(vk.to_bech32()?.into_bytes()),
    }
}

/// Where a key pair goes.
#[derive(Debug, Clone, Copy)]
pub struct PairPaths<'a> {
    pub verification: &'a Path,
    pub signing: &'a Path,
}

/// Generates a key pair from fresh OS entropy and writes both files as one step.
pub fn generate_pair(
    kind: PairKind,
    paths: PairPaths<'_>,
    format: KeyFormat,
    force: bool,
) -> OpResult<(VerificationKey, Done)> {
    generate_pair_on(&OsDisk, kind, paths, format, force)
}

/// [`generate_pair`] on a given disk (tests put a failing one under it).
pub fn generate_pair_on(
    disk: &dyn Disk,
    kind: PairKind,
    paths: PairPaths<'_>,
    format: KeyFormat,
    force: bool,
) -> OpResult<(VerificationKey, Done)> {
    let seed = entropy::seed32()?;
    let (sk, vk) = match kind {
        PairKind::Vrf => generate::vrf(&seed)?,
        PairKind::Kes => generate::kes(&seed)?,
        PairKind::Stake => generate::ed25519(KeyKind::StakeSigning, &seed)?,
    };
    let done = write_pair(disk, &vk, &sk, paths, format, force, None)?;
    Ok((vk, done))
}

/// Generates cold keys and their issue counter (starting at 0), written as one step.
pub fn generate_cold(
    paths: PairPaths<'_>,
    counter: &Path,
    format: KeyFormat,
    force: bool,
) -> OpResult<(VerificationKey, Done)> {
    let seed = entropy::seed32()?;
    let (sk, vk) = generate::ed25519(KeyKind::ColdSigning, &seed)?;
    let done = write_cold(&vk, &sk, paths, counter, format, force)?;
    Ok((vk, done))
}

/// Writes a cold key pair with a new issue counter (issue number 0) for it, as one step.
pub(super) fn write_cold(
    vk: &VerificationKey,
    sk: &SigningKey,
    paths: PairPaths<'_>,
    counter: &Path,
    format: KeyFormat,
    force: bool,
) -> OpResult<Done> {
    let counter_bytes = IssueCounter {
        next_issue_number: 0,
        cold_vkey: vk.public_key(),
    }
    .to_envelope()
    .render();
    let companion = Output {
        path: counter,
        bytes: counter_bytes.expose(),
        kind: OutputKind::NewCounter,
    };
    write_pair(&OsDisk, vk, sk, paths, format, force, Some(companion))
}

pub(super) fn write_pair(
    disk: &dyn Disk,
    vk: &VerificationKey,
    sk: &SigningKey,
    paths: PairPaths<'_>,
    format: KeyFormat,
    force: bool,
    companion: Option<Output<'_>>,
) -> OpResult<Done> {
    let vk_bytes = verification_key_bytes(vk, format)?;
    let sk_bytes = signing_key_bytes(sk, format)?;
    let mut outputs = vec![
        Output {
            path: paths.signing,
            bytes: sk_bytes.expose(),
            kind: OutputKind::Key(sk.kind()),
        },
        Output {
            path: paths.verification,
            bytes: &vk_bytes,
            kind: OutputKind::Key(vk.kind()),
        },
    ];
    outputs.extend(companion);
    let notes = files::write_all_on(disk, &outputs, force)?;
    Ok(Done { notes })
}

/// Writes a new issue counter for a cold key (`node new-counter`).
pub fn new_counter(
    cold: &VerificationKey,
    next_issue_number: u64,
    path: &Path,
    force: bool,
) -> OpResult<Done> {
    let bytes = IssueCounter {
        next_issue_number,
        cold_vkey: cold.public_key(),
    }
    .to_envelope_without_description()
    .render();
    let notes = files::write_one(path, bytes.expose(), OutputKind::NewCounter, force)?;
    Ok(Done { notes })
}

/// Writes one signing key (a converted key), 0600.
pub fn write_signing_key(
    sk: &SigningKey,
    path: &Path,
    format: KeyFormat,
    force: bool,
) -> OpResult<Done> {
    let bytes = signing_key_bytes(sk, format)?;
    let notes = files::write_one(path, bytes.expose(), OutputKind::Key(sk.kind()), force)?;
    Ok(Done { notes })
}
