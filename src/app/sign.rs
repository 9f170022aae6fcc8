//! The Sign tab's state: a transaction loaded for people to read, the witnesses gathered so
//! far (made here or brought from other machines), and assembling them.

use std::path::{Path, PathBuf};

use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::unlock::NeedsKey;
use super::{file_label, ConsoleApp};
use crate::core::keys::accept;
use crate::core::transaction::signing;
use crate::core::transaction::view::{self, Need, TxView};
use crate::core::transaction::{self, KeyWitness, TxFile};
use crate::platform::files::OutputKind;
use crate::platform::load;

#[derive(Debug, Clone)]
pub struct LoadedTx {
    pub path: PathBuf,
    pub tx: TxFile,
    pub id: [u8; 32],
    pub view: TxView,
    pub needs: Vec<Need>,
    pub hw_problems: Vec<String>,
    /// Witnesses already inside the transaction file that sign this body.
    pub existing: Vec<KeyWitness>,
    /// Witnesses inside the file that sign something else (an earlier version of the body).
    pub stale: usize,
}

/// A witness gathered for the loaded transaction, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldWitness {
    pub source: String,
    pub witness: KeyWitness,
}

#[derive(Debug, Clone, Default)]
pub struct SignDesk {
    pub tx: Option<LoadedTx>,
    pub tx_error: Option<String>,
    pub witnesses: Vec<HeldWitness>,
    /// The last signing, witness-loading or assembling problem, shown by its buttons.
    pub error: Option<String>,
}

/// Reads a transaction and decodes its body for people.
pub fn load_tx(path: &Path) -> Result<LoadedTx, String> {
    let tx = load::transaction(path)?;
    let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let body = tx.body().map_err(|e| named(&e))?;
    let view = view::decode_body(body).map_err(|e| named(&e))?;
    let id = tx.id().map_err(|e| named(&e))?;
    let (existing, stale) = tx.signing_and_stale_witnesses().map_err(|e| named(&e))?;
    Ok(LoadedTx {
        stale: stale.len(),
        path: path.to_path_buf(),
        needs: view::required_witnesses(&view),
        hw_problems: view::hw_owner_problems(&view),
        tx,
        id,
        view,
        existing,
    })
}

impl LoadedTx {
    /// Whether a witness for this key hash is in the file or among the gathered ones.
    pub fn has_witness(&self, held: &[HeldWitness], key_hash: &[u8; 28]) -> bool {
        self.existing.iter().any(|w| &w.key_hash() == key_hash)
            || held.iter().any(|h| &h.witness.key_hash() == key_hash)
    }
}

impl SignDesk {
    pub fn load(&mut self, path: &Path) {
        match load_tx(path) {
            Ok(t) => {
                self.tx = Some(t);
                self.tx_error = None;
                self.witnesses.clear();
                self.error = None;
            }
            Err(e) => {
                // Never leave the previous transaction on screen under a failed load.
                *self = Self {
                    tx_error: Some(e),
                    ..Self::default()
                };
            }
        }
    }

    /// Keys the transaction needs that no witness covers yet.
    pub fn missing(&self) -> Vec<&Need> {
        let Some(t) = &self.tx else { return Vec::new() };
        t.needs
            .iter()
            .filter(|n| !t.has_witness(&self.witnesses, &n.key_hash))
            .collect()
    }

    pub(super) fn hold(&mut self, source: String, witness: KeyWitness) {
        if !self.witnesses.iter().any(|h| h.witness == witness) {
            self.witnesses.push(HeldWitness { source, witness });
        }
    }

    /// Adds a witness file made elsewhere, after checking it signs this transaction.
    pub fn add_witness_file(&mut self, path: &Path) -> Result<(), String> {
        let Some(t) = &self.tx else {
            return Err("load the transaction first".to_owned());
        };
        let (w, era) = load::witness(path)?;
        if era != t.tx.era {
            return Err(format!(
                "{}: {}",
                path.display(),
                transaction::TxError::EraMismatch {
                    found: era,
                    expected: t.tx.era.clone()
                }
            ));
        }
        if !w.verifies(&t.tx).map_err(|e| e.to_string())? {
            return Err(format!(
                "{}: is a witness for another transaction: its signature does not verify against this one (id {})",
                path.display(),
                hex::encode(t.id)
            ));
        }
        self.hold(file_label(path), w);
        Ok(())
    }
}

impl ConsoleApp {
    pub fn sign_pick_transaction(&mut self) {
        self.pick(
            PickKind::File,
            "Choose the transaction to sign (from transaction build-raw or build)",
            PickFor::SignTransaction,
        );
    }

    /// Signs with a key file the person picks, then saves the witness where they say.
    pub fn sign_with_key(&mut self) {
        if self.sign.tx.is_none() {
            return;
        }
        self.pick(
            PickKind::File,
            "Choose the signing key (cold, stake or payment .skey)",
            PickFor::SigningKey,
        );
    }

    pub(super) fn sign_with_key_file(&mut self, key_path: &Path) {
        if self.ask_passphrase_for(key_path, NeedsKey::Sign(key_path.to_path_buf())) {
            return;
        }
        if let Err(e) = self.sign_with_key_file_with(key_path, load::Unlock::LOCKED) {
            self.fail(e);
        }
    }

    /// Signs with the key file, opened with `unlock` when it is encrypted, and asks where to
    /// save the witness; returns what went wrong (also shown by the Sign tab's buttons).
    pub(super) fn sign_with_key_file_with(
        &mut self,
        key_path: &Path,
        unlock: load::Unlock<'_>,
    ) -> Result<(), String> {
        let Some(t) = self.sign.tx.clone() else {
            return Ok(());
        };
        let result = (|| -> Result<(KeyWitness, String), String> {
            let key = load::signing_key_unlocked(key_path, accept::WITNESS_SIGNING, unlock)?;
            let vk = key.verification_key().map_err(|e| e.to_string())?;
            signing::fit(&t.view, key.kind(), &vk.key_hash())
                .map_err(|e| format!("{}: {e}", key_path.display()))?;
            let w = KeyWitness::sign(&t.tx, &key).map_err(|e| e.to_string())?;
            Ok((w, file_label(key_path)))
        })();
        let (witness, key_name) = match result {
            Ok(r) => r,
            Err(e) => {
                self.sign.error = Some(e.clone());
                return Err(e);
            }
        };
        let stem = |p: &Path| {
            p.file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        };
        let suggested = format!("{}.{}.witness", stem(&t.path), stem(key_path));
        let bytes = witness.to_envelope(&t.tx.era).render().expose().to_vec();
        self.pick(
            PickKind::Save {
                file_name: suggested,
            },
            "Save the witness",
            PickFor::Save(SaveJob {
                bytes,
                kind: OutputKind::Witness,
                then: AfterSave::Witness { witness, key_name },
            }),
        );
        Ok(())
    }

    pub fn sign_add_witness(&mut self) {
        self.pick(
            PickKind::File,
            "Choose a witness file made by another owner",
            PickFor::AddWitness,
        );
    }

    pub(super) fn sign_add_witness_from(&mut self, p: &Path) {
        match self.sign.add_witness_file(p) {
            Ok(()) => {
                self.sign.error = None;
                self.say(format!("Added the witness {}", file_label(p)));
            }
            Err(e) => {
                self.sign.error = Some(e.clone());
                self.fail(e);
            }
        }
    }

    /// Writes the signed transaction: body and everything else byte for byte, plus witnesses.
    pub fn sign_assemble(&mut self) {
        let Some(t) = self.sign.tx.clone() else {
            return;
        };
        let witnesses: Vec<KeyWitness> = self.sign.witnesses.iter().map(|h| h.witness).collect();
        let signed = match transaction::assemble(&t.tx, &witnesses) {
            Ok(s) => s,
            Err(e) => {
                self.sign.error = Some(e.to_string());
                self.fail(e.to_string());
                return;
            }
        };
        let bytes = signed.to_envelope().render().expose().to_vec();
        self.pick(
            PickKind::Save {
                file_name: "tx.signed".to_owned(),
            },
            "Save the signed transaction",
            PickFor::Save(SaveJob {
                bytes,
                kind: OutputKind::Transaction,
                then: AfterSave::SignedTransaction,
            }),
        );
    }

    /// Says where the signed transaction went, and whether it can be submitted.
    pub(super) fn said_signed_saved(&mut self, out: &Path) {
        let missing = self.sign.missing().len();
        self.sign.error = None;
        if missing == 0 {
            self.say(format!("Saved the signed transaction to {}", out.display()));
        } else {
            self.say(format!(
                "Saved the transaction to {}, still missing {missing} witness{}: it cannot be submitted yet",
                out.display(),
                if missing == 1 { "" } else { "es" }
            ));
        }
    }
}
