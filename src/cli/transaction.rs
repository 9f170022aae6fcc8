//! `transaction witness` and `transaction assemble`: signing offline, as cardano-cli does.

use std::path::Path;

use super::args::TransactionCommand;
use super::output;
use super::{inputs, CliError, CliResult, Streams};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::keys::accept;
use crate::core::transaction::signing;
use crate::core::transaction::view;
use crate::core::transaction::{self, KeyWitness, TxFile};
use crate::ops;
use crate::platform::files::OutputKind;
use crate::platform::load;

fn read_envelope(path: &Path) -> Result<TextEnvelope, CliError> {
    load::envelope(path).map_err(CliError::new)
}

/// A transaction as cardano-cli writes it, or raw CBOR of a transaction or a bare body.
fn read_tx(path: &Path) -> Result<TxFile, CliError> {
    load::transaction(path).map_err(CliError::new)
}

pub fn run(cmd: TransactionCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        TransactionCommand::Witness {
            tx_body_file,
            signing_key_file,
            passphrase,
            address,
            mainnet: _,
            testnet_magic: _,
            out_file,
        } => {
            if address.is_some() {
                return Err(CliError::new(
                    "--address: Byron (bootstrap) witnesses are not supported; pool and owner keys need none",
                ));
            }
            let tx = read_tx(&tx_body_file)?;
            let key =
                inputs::signing_key_file(&signing_key_file, accept::WITNESS_SIGNING, &passphrase)?;
            // Refuse a cold or stake key the body does not ask for: usually the wrong file.
            // A body this tool cannot read is still signed, as cardano-cli would.
            let body = tx.body().map_err(|e| CliError::file(&tx_body_file, e))?;
            match view::decode_body(body) {
                Ok(view) => {
                    let key_hash = key
                        .verification_key()
                        .map_err(|e| CliError::file(&signing_key_file, e))?
                        .key_hash();
                    signing::fit(&view, key.kind(), &key_hash)
                        .map_err(|e| CliError::file(&signing_key_file, e))?;
                }
                // A chunked (indefinite-length) string where a hash or key belongs: valid CBOR this reader
                // does not follow there, so sign anyway, as cardano-cli would.
                Err(e @ view::TxViewError::Indefinite { .. }) => {
                    let _ = writeln!(
                        io.err,
                        "Warning: {}: {e}; signing without checking that the key is needed",
                        tx_body_file.display()
                    );
                }
                Err(e) => return Err(CliError::file(&tx_body_file, e)),
            }
            let witness =
                KeyWitness::sign(&tx, &key).map_err(|e| CliError::file(&tx_body_file, e))?;
            let bytes = witness.to_envelope(&tx.era).render();
            let done = ops::outputs::write(&out_file, bytes.expose(), OutputKind::Witness)?;
            output::notes(&done, io)
        }
        TransactionCommand::Assemble {
            tx_body_file,
            witness_file,
            out_canonical_cbor,
            out_file,
        } => {
            if out_canonical_cbor {
                return Err(CliError::new(
                    "--out-canonical-cbor is not supported: the body is kept byte for byte so its id does not change",
                ));
            }
            let tx = read_tx(&tx_body_file)?;
            let mut witnesses = Vec::with_capacity(witness_file.len());
            for path in &witness_file {
                let (w, era) = KeyWitness::from_envelope(&read_envelope(path)?)
                    .map_err(|e| CliError::file(path, e))?;
                if era != tx.era {
                    return Err(CliError::file(
                        path,
                        transaction::TxError::EraMismatch {
                            found: era,
                            expected: tx.era.clone(),
                        },
                    ));
                }
                if !w
                    .verifies(&tx)
                    .map_err(|e| CliError::file(&tx_body_file, e))?
                {
                    return Err(CliError::file(
                        path,
                        "is a witness for another transaction: its signature does not verify against this body",
                    ));
                }
                witnesses.push(w);
            }
            let signed = transaction::assemble(&tx, &witnesses)
                .map_err(|e| CliError::file(&tx_body_file, e))?;
            let bytes = signed.to_envelope().render();
            let done = ops::outputs::write(&out_file, bytes.expose(), OutputKind::Transaction)?;
            output::notes(&done, io)
        }
    }
}
