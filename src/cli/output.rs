//! Writing command results through the operations layer: key pairs in either format,
//! certificates, and short text values with cardano-cli's newline conventions.

use std::path::Path;

use super::args::{KeyOutputFormat, KeyPairArgs};
use super::{CliError, CliResult, Streams};
use crate::core::certificate::{Certificate, Era};
use crate::ops::keys::{self as key_ops, KeyFormat, PairKind, PairPaths};
use crate::ops::{self, Done};
use crate::platform::files::OutputKind;

impl KeyOutputFormat {
    pub fn resolve(&self) -> Result<KeyFormat, CliError> {
        if self.key_output_bech32 {
            return Ok(KeyFormat::Bech32);
        }
        match self.key_output_format.as_deref() {
            None | Some("text-envelope") => Ok(KeyFormat::TextEnvelope),
            Some("bech32") => Ok(KeyFormat::Bech32),
            Some(other) => Err(CliError::new(format!(
                "--key-output-format {} is not a format: use \"text-envelope\" or \"bech32\"",
                crate::core::message::quote::quote(other)
            ))),
        }
    }
}

/// Says on stderr what recovery of an interrupted earlier write did.
pub fn notes(done: &Done, io: &mut Streams<'_>) -> CliResult {
    for n in &done.notes {
        writeln!(
            io.err,
            "Note: {}",
            crate::core::message::quote::escape_path(n)
        )
        .map_err(|e| CliError::new(format!("cannot write to standard error: {e}")))?;
    }
    Ok(())
}

/// Generates a key pair from fresh OS entropy and writes it as `KeyPairArgs` says.
pub fn generate_key_pair(kind: PairKind, args: &KeyPairArgs, io: &mut Streams<'_>) -> CliResult {
    let format = args.format.resolve()?;
    let paths = PairPaths {
        verification: &args.verification_key_file,
        signing: &args.signing_key_file,
    };
    let (_, done) = key_ops::generate_pair(kind, paths, format, args.force)?;
    notes(&done, io)
}

pub fn write_certificate(
    cert: &Certificate,
    era: Era,
    path: &Path,
    io: &mut Streams<'_>,
) -> CliResult {
    let done = ops::outputs::certificate(cert, era, path)?;
    notes(&done, io)
}

/// Prints a value to stdout (with `stdout_newline`) or writes it to a file (never a newline
/// there), as cardano-cli's `key-hash`, `build`, `id` and `metadata-hash` do.
pub fn text_value(
    value: &str,
    out_file: Option<&Path>,
    stdout_newline: bool,
    io: &mut Streams<'_>,
) -> CliResult {
    output_to(value, out_file, OutputKind::TextValue, stdout_newline, io)
}

/// Like [`text_value`], for any kind of text output.
pub fn output_to(
    value: &str,
    out_file: Option<&Path>,
    kind: OutputKind,
    stdout_newline: bool,
    io: &mut Streams<'_>,
) -> CliResult {
    match out_file {
        Some(p) => {
            let done = ops::outputs::write(p, value.as_bytes(), kind)?;
            notes(&done, io)
        }
        None => {
            let nl = if stdout_newline { "\n" } else { "" };
            write!(io.out, "{value}{nl}")
                .and_then(|()| io.out.flush())
                .map_err(|e| CliError::new(format!("cannot write to standard output: {e}")))
        }
    }
}
