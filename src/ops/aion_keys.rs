//! Aion key files: a fresh key pair from the operating system's entropy, written as one
//! transaction (the signing key 0600), and the keys read back, for the command line and the
//! console alike. The formats are in core::aion::key_file.

use std::path::Path;

use super::{Done, OpError, OpResult};
use crate::core::aion::key_file;
use crate::core::aion::keys::AionSigningKey;
use crate::core::message::quote::escape_path;
use crate::platform::files::{self, Output, OutputKind};
use crate::platform::{entropy, read};

/// A new Aion key from 32 bytes of OS entropy.
pub fn generate() -> OpResult<AionSigningKey> {
    let seed = entropy::seed32()?;
    Ok(AionSigningKey::from_seed(*seed))
}

/// Writes the signing key and its verification key together; existing Aion keys are
/// replaced only with `force`, anything else never.
pub fn write_pair(
    key: &AionSigningKey,
    signing: &Path,
    verification: &Path,
    force: bool,
) -> OpResult<Done> {
    let sk = key_file::signing_file(key);
    let vk = key_file::verification_file(&key.public_key());
    let outputs = [
        Output {
            path: signing,
            bytes: sk.as_bytes(),
            kind: OutputKind::AionSigningKey,
        },
        Output {
            path: verification,
            bytes: vk.as_bytes(),
            kind: OutputKind::AionVerificationKey,
        },
    ];
    let notes = files::write_all(&outputs, force)?;
    Ok(Done { notes })
}

/// Reads an Aion signing key file (either hex form); the message names the file.
pub fn read_signing(path: &Path) -> OpResult<AionSigningKey> {
    let bytes = read::read_input(path, read::KEY)?;
    let text = std::str::from_utf8(bytes.expose()).map_err(|_| in_file(path, NOT_TEXT))?;
    AionSigningKey::from_hex_text(text).map_err(|e| in_file(path, e))
}

/// Reads an Aion verification key file (ours, or a bare hex public key).
pub fn read_verification(path: &Path) -> OpResult<[u8; 32]> {
    let bytes = read::read_input(path, read::KEY)?;
    let text = std::str::from_utf8(bytes.expose()).map_err(|_| in_file(path, NOT_TEXT))?;
    key_file::read_verification(text).map_err(|e| in_file(path, e))
}

const NOT_TEXT: &str = "is not text; an Aion key file is hex (or, for a verification key, JSON)";

fn in_file(path: &Path, what: impl std::fmt::Display) -> OpError {
    OpError(format!(
        "{}: {what}",
        escape_path(&path.display().to_string())
    ))
}
