//! Writing command results: key pairs in either format, certificates, and short text values
//! with cardano-cli's newline conventions.

use std::path::Path;

use super::args::{KeyOutputFormat, KeyPairArgs};
use super::{CliError, CliResult, Streams};
use crate::core::certificate::{Certificate, Era};
use crate::core::keys::{KeyError, SigningKey, VerificationKey};
use crate::core::secret::SecretBytes;
use crate::platform::entropy;
use crate::platform::files::{self, Output, Protection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    TextEnvelope,
    Bech32,
}

impl KeyOutputFormat {
    pub fn resolve(&self) -> Result<KeyFormat, CliError> {
        if self.key_output_bech32 {
            return Ok(KeyFormat::Bech32);
        }
        match self.key_output_format.as_deref() {
            None | Some("text-envelope") => Ok(KeyFormat::TextEnvelope),
            Some("bech32") => Ok(KeyFormat::Bech32),
            Some(other) => Err(CliError::new(format!(
                "--key-output-format \"{other}\" is not a format: use \"text-envelope\" or \"bech32\""
            ))),
        }
    }
}

pub fn signing_key_bytes(sk: &SigningKey, format: KeyFormat) -> Result<SecretBytes, CliError> {
    match format {
        KeyFormat::TextEnvelope => Ok(sk.to_envelope().render()),
        KeyFormat::Bech32 => Ok(sk.to_bech32()?),
    }
}

pub fn verification_key_bytes(
    vk: &VerificationKey,
    format: KeyFormat,
) -> Result<Vec<u8>, CliError> {
    match format {
        KeyFormat::TextEnvelope => Ok(vk.to_envelope().render().expose().to_vec()),
        KeyFormat::Bech32 => Ok(vk.to_bech32()?.into_bytes()),
    }
}

/// Writes a verification/signing key pair, and an optional companion file (the cold key's
/// counter), as one step: no file is written if any of them fails.
pub fn write_key_pair(
    vk: &VerificationKey,
    vk_path: &Path,
    sk: &SigningKey,
    sk_path: &Path,
    format: KeyFormat,
    force: bool,
    companion: Option<Output<'_>>,
) -> CliResult {
    let vk_bytes = verification_key_bytes(vk, format)?;
    let sk_bytes = signing_key_bytes(sk, format)?;
    let mut outputs = vec![
        Output {
            path: vk_path,
            bytes: &vk_bytes,
            protection: Protection::Guarded,
        },
        Output {
            path: sk_path,
            bytes: sk_bytes.expose(),
            protection: Protection::SigningKey,
        },
    ];
    outputs.extend(companion);
    files::write_all(&outputs, force)?;
    Ok(())
}

/// Generates a key pair from fresh OS entropy and writes it as `KeyPairArgs` says.
pub fn generate_key_pair(
    args: &KeyPairArgs,
    make: impl FnOnce(&[u8; 32]) -> Result<(SigningKey, VerificationKey), KeyError>,
) -> CliResult {
    let format = args.format.resolve()?;
    let seed = entropy::seed32().map_err(CliError::new)?;
    let (sk, vk) = make(&seed)?;
    write_key_pair(
        &vk,
        &args.verification_key_file,
        &sk,
        &args.signing_key_file,
        format,
        args.force,
        None,
    )
}

pub fn write_certificate(cert: &Certificate, era: Era, path: &Path) -> CliResult {
    let bytes = cert.to_envelope(era).render();
    files::write_one(path, bytes.expose(), Protection::Output, false)?;
    Ok(())
}

/// Prints a value to stdout (with `stdout_newline`) or writes it to a file (never a newline
/// there), as cardano-cli's `key-hash`, `build`, `id` and `metadata-hash` do.
pub fn text_value(
    value: &str,
    out_file: Option<&Path>,
    stdout_newline: bool,
    io: &mut Streams<'_>,
) -> CliResult {
    match out_file {
        Some(p) => {
            files::write_one(p, value.as_bytes(), Protection::Output, false)?;
        }
        None => {
            let nl = if stdout_newline { "\n" } else { "" };
            write!(io.out, "{value}{nl}")
                .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))?;
        }
    }
    Ok(())
}
