//! Writing everything that is not a key: certificates, ids and hashes, witnesses and
//! transactions, metadata, plans, sign-off sheets, calendar events, decodings.

use std::path::Path;

use super::{Done, OpResult};
use crate::core::certificate::{Certificate, Era};
use crate::platform::files::{self, Output, OutputKind};

/// Writes one output of `kind`. Outputs replace an earlier output of the same kind without
/// asking (as cardano-cli does), and nothing else.
pub fn write(path: &Path, bytes: &[u8], kind: OutputKind) -> OpResult<Done> {
    let notes = files::write_one(path, bytes, kind, false)?;
    Ok(Done { notes })
}

/// Writes several outputs as one step (pool.cert with its metadata and owner certificates).
pub fn write_all(outputs: &[Output<'_>]) -> OpResult<Done> {
    let notes = files::write_all(outputs, false)?;
    Ok(Done { notes })
}

/// Writes a certificate envelope.
pub fn certificate(cert: &Certificate, era: Era, path: &Path) -> OpResult<Done> {
    let bytes = cert.to_envelope(era).render();
    write(path, bytes.expose(), OutputKind::Certificate)
}
