//! `aion key-gen`, `address`, `metadata-hash`, `metadata-check`, `lockout`: the Aion Unity
//! profile on the command line (the call-data and transaction commands live beside it).

use super::args::{AionAddressArgs, AionCommand};
use super::clock_args::{print, time_arg};
use super::{CliError, CliResult, Streams};
use crate::core::aion::address::Address;
use crate::core::aion::lockout::{self, LockoutAction, BLOCK_SECONDS};
use crate::core::aion::metadata;
use crate::core::chain::clock::{format_countdown, format_utc};
use crate::core::message::quote::escape_path;
use crate::ops::aion_keys;
use crate::platform::read;

pub fn run(cmd: AionCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        AionCommand::KeyGen {
            signing_key_file,
            verification_key_file,
            force,
        } => {
            let key = aion_keys::generate().map_err(|e| CliError::new(e.0))?;
            let done =
                aion_keys::write_pair(&key, &signing_key_file, &verification_key_file, force)
                    .map_err(|e| CliError::new(e.0))?;
            for note in &done.notes {
                let _ = writeln!(io.err, "{note}");
            }
            print(
                io,
                &format!("Aion address: {}\n", key.address().to_checksum()),
            )
        }
        AionCommand::Address(a) => address(&a, io),
        AionCommand::CallData(c) => super::aion_tx::run_call_data(c, io),
        AionCommand::Transaction(c) => super::aion_tx::run_transaction(c, io),
        AionCommand::MetadataHash { metadata_file } => {
            let bytes = read::read_input(&metadata_file, read::AION_METADATA)?;
            print(
                io,
                &format!("{}\n", hex::encode(metadata::content_hash(bytes.expose()))),
            )
        }
        AionCommand::MetadataCheck { metadata_file } => {
            let bytes = read::read_input(&metadata_file, read::AION_METADATA)?;
            let report = metadata::check(bytes.expose());
            let shown = escape_path(&metadata_file.display().to_string());
            for w in &report.warnings {
                let _ = writeln!(io.err, "Warning: {shown}: {w}");
            }
            if !report.is_ok() {
                return Err(CliError::new(format!(
                    "{shown}: {}",
                    report.errors.join("; ")
                )));
            }
            print(
                io,
                &format!("{shown}: passes every documented check (its hash: aion metadata-hash)\n"),
            )
        }
        AionCommand::Lockout {
            action,
            since_block,
            current_block,
            at,
        } => {
            let action = LockoutAction::parse(&action)?;
            let now = time_arg(at.as_deref())?;
            lockout_text(action, since_block, current_block, now).and_then(|text| print(io, &text))
        }
    }
}

fn address(a: &AionAddressArgs, io: &mut Streams<'_>) -> CliResult {
    let address = match (&a.signing_key_file, &a.verification_key_file) {
        (Some(path), _) => aion_keys::read_signing(path).map(|k| k.address()),
        (None, Some(path)) => {
            aion_keys::read_verification(path).map(|pk| Address::from_public_key(&pk))
        }
        (None, None) => {
            return Err(CliError::new(
                "give --signing-key-file or --verification-key-file",
            ))
        }
    }
    .map_err(|e| CliError::new(e.0))?;
    let text = if a.checksum {
        address.to_checksum()
    } else {
        address.to_hex()
    };
    print(io, &format!("{text}\n"))
}

/// The countdown of one lock, from the two block numbers and the time of the current block.
fn lockout_text(
    action: LockoutAction,
    since: u64,
    current: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, CliError> {
    if current < since {
        return Err(CliError::new(format!(
            "--current-block {current} is before --since-block {since}; check the two block numbers"
        )));
    }
    let left = lockout::blocks_left(action, since, current);
    let end_block = since.saturating_add(action.blocks());
    let mut text = format!(
        "{}: {} blocks from block {since}, so from block {end_block}\n",
        action.label(),
        action.blocks()
    );
    if left == 0 {
        text.push_str(&format!(
            "Blocks left: 0 (the lock ended at block {end_block}; it may be finalised now)\n"
        ));
    } else {
        let ends = lockout::estimated_time(left, now);
        let ms = i64::try_from(left.saturating_mul(BLOCK_SECONDS * 1000)).unwrap_or(i64::MAX);
        text.push_str(&format!(
            "Blocks left: {left}\nEnds about:  {} (in about {}, at {BLOCK_SECONDS} s a block)\n",
            format_utc(ends),
            format_countdown(ms)
        ));
    }
    Ok(text)
}
