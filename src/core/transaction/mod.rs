//! Transactions as cardano-cli files them, key witnesses, and assembling the two.
//!
//! A transaction file holds `[body, witness_set, is_valid, auxiliary_data / null]`. What a key
//! witness signs is blake2b-256 of the body bytes exactly as they stand: the body is never
//! re-encoded, and neither is anything else that is passed through.

pub mod signing;
pub mod view;

use thiserror::Error;

use crate::core::encoding::cbor::{CborError, CborReader, CborWriter, Head};
use crate::core::encoding::envelope::{EnvelopeError, TextEnvelope};
use crate::core::encoding::hash::{blake2b_224, blake2b_256};
use crate::core::keys::{self, KeyError, SigningKey};
use crate::core::message::quote::{bare, quote};

pub const WITNESS_DESCRIPTION: &str = "Key Witness ShelleyEra";
pub const TX_DESCRIPTION: &str = "Ledger Cddl Format";
const SET_TAG: u64 = 258;
/// The era assumed for CBOR that comes without an envelope naming one.
pub const CURRENT_ERA: &str = "Conway";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TxError {
    #[error("{0}")]
    Envelope(#[from] EnvelopeError),
    #[error("is not a valid transaction: {0}")]
    Cbor(#[from] CborError),
    #[error("has type {}, but a transaction (\"Tx ConwayEra\", as written by transaction build-raw or build) was expected", quote(.0))]
    NotATransaction(String),
    #[error("has type {}, but a key witness (\"TxWitness ConwayEra\") was expected", quote(.0))]
    NotAWitness(String),
    #[error("is a witness for the {} era, but the transaction is for the {} era", bare(.found), bare(.expected))]
    EraMismatch { found: String, expected: String },
    #[error("is a transaction with {0} parts; [body, witnesses, valid flag, auxiliary data] was expected")]
    WrongShape(u64),
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("the key witness signature does not verify against this transaction body")]
    BadSignature,
    #[error("already holds a witness of key hash {0} that does not sign this body (it was made for an earlier version of the transaction): start again from the unsigned transaction")]
    StaleWitness(String),
    #[error("is a bare transaction body that commits to auxiliary data or scripts (field {0}), which only the whole transaction file carries: assemble from the file transaction build-raw or build wrote")]
    BareBodyNeedsRest(u64),
    #[error("is neither a transaction file (a text envelope from transaction build-raw or build) nor the CBOR of a transaction or transaction body")]
    NotTransactionBytes,
}

/// A transaction read from its envelope, with the era named by its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxFile {
    /// e.g. `Conway` (from `Tx ConwayEra`).
    pub era: String,
    pub cbor: Vec<u8>,
    /// Read from a bare body: the auxiliary data and scripts the body may commit to are not here.
    pub from_bare_body: bool,
}

/// Whether an envelope type names a transaction (`Tx ConwayEra`, `Unwitnessed Tx …`, …).
pub fn is_transaction_type(type_name: &str) -> bool {
    tx_type_era(type_name).is_some()
}

/// The era in a type such as `Tx ConwayEra`, `Unwitnessed Tx ConwayEra`, `Witnessed Tx ConwayEra`.
fn tx_type_era(type_name: &str) -> Option<&str> {
    let rest = type_name
        .strip_prefix("Tx ")
        .or_else(|| type_name.strip_prefix("Unwitnessed Tx "))
        .or_else(|| type_name.strip_prefix("Witnessed Tx "))?;
    rest.strip_suffix("Era").filter(|e| !e.is_empty())
}

impl TxFile {
    pub fn from_envelope(env: &TextEnvelope) -> Result<Self, TxError> {
        let era = tx_type_era(&env.type_name)
            .ok_or_else(|| TxError::NotATransaction(env.type_name.clone()))?;
        let cbor = env.cbor.expose().to_vec();
        parts(&cbor)?;
        Ok(Self {
            era: era.to_owned(),
            cbor,
            from_bare_body: false,
        })
    }

    /// Reads what a person may hand over: a text envelope, or the CBOR of a whole transaction
    /// or of a bare body, as binary or hex. A bare body is wrapped without re-encoding it, so
    /// its id stays the same; its era is taken to be the current one (Conway).
    pub fn from_file_contents(contents: &[u8]) -> Result<Self, TxError> {
        let trimmed = contents.trim_ascii();
        if trimmed.first() == Some(&b'{') {
            return Self::from_envelope(&TextEnvelope::parse(trimmed)?);
        }
        let is_hex = !trimmed.is_empty() && trimmed.iter().all(u8::is_ascii_hexdigit);
        let cbor = if is_hex {
            hex::decode(trimmed).map_err(|_| TxError::NotTransactionBytes)?
        } else {
            contents.to_vec()
        };
        let mut r = CborReader::new(&cbor);
        match r.peek("a transaction") {
            Ok(Head::Array(_)) => {
                parts(&cbor)?;
                Ok(Self {
                    era: CURRENT_ERA.to_owned(),
                    cbor,
                    from_bare_body: false,
                })
            }
            Ok(Head::Map(_)) => {
                r.skip("the transaction body")?;
                r.finish()?;
                let mut w = CborWriter::with_capacity(cbor.len() + 4);
                w.array(4).raw(&cbor).map(0).bool(true).null();
                Ok(Self {
                    era: CURRENT_ERA.to_owned(),
                    cbor: w.into_bytes(),
                    from_bare_body: true,
                })
            }
            _ => Err(TxError::NotTransactionBytes),
        }
    }

    /// The body bytes exactly as given.
    pub fn body(&self) -> Result<&[u8], TxError> {
        Ok(parts(&self.cbor)?.body)
    }

    /// The transaction id: blake2b-256 of the body bytes.
    pub fn id(&self) -> Result<[u8; 32], TxError> {
        Ok(blake2b_256(self.body()?))
    }

    pub fn to_envelope(&self) -> TextEnvelope {
        TextEnvelope::new(
            &format!("Tx {}Era", self.era),
            TX_DESCRIPTION,
            self.cbor.clone(),
        )
    }
}

/// Raw spans of a transaction, each exactly as given.
struct Parts<'a> {
    body: &'a [u8],
    witnesses: &'a [u8],
    /// The valid flag and the auxiliary data.
    rest: &'a [u8],
}

fn parts(cbor: &[u8]) -> Result<Parts<'_>, TxError> {
    let mut r = CborReader::new(cbor);
    let n = r.array("a transaction")?;
    if n != 4 {
        return Err(TxError::WrongShape(n));
    }
    if !matches!(r.peek("the transaction body")?, Head::Map(_)) {
        return Err(CborError::Unexpected {
            expected: "the transaction body (a map)",
            found: "something else".to_owned(),
            offset: r.offset(),
        }
        .into());
    }
    let body = r.skip("the transaction body")?;
    let witnesses = r.skip("the witness set")?;
    let start = r.offset();
    r.skip("the valid flag")?;
    r.skip("the auxiliary data")?;
    let end = r.offset();
    r.finish()?;
    Ok(Parts {
        body,
        witnesses,
        rest: cbor.get(start..end).unwrap_or_default(),
    })
}

/// A key witness: the signer's public key and its signature over the transaction id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyWitness {
    pub vkey: [u8; 32],
    pub signature: [u8; 64],
}

impl KeyWitness {
    /// blake2b-224 of the witness key: the key hash certificates and addresses name.
    pub fn key_hash(&self) -> [u8; 28] {
        blake2b_224(&self.vkey)
    }

    /// Signs a transaction body with any Ed25519 signing key (plain or BIP32).
    pub fn sign(tx: &TxFile, key: &SigningKey) -> Result<Self, TxError> {
        let vkey = key.verification_key()?.public_key();
        let signature = key.sign(&tx.id()?)?;
        Ok(Self { vkey, signature })
    }

    pub fn verifies(&self, tx: &TxFile) -> Result<bool, TxError> {
        Ok(keys::ed25519_verify(&self.vkey, &tx.id()?, &self.signature))
    }

    pub fn encode(&self, w: &mut CborWriter) {
        w.array(2).bytes(&self.vkey).bytes(&self.signature);
    }

    fn decode(r: &mut CborReader<'_>) -> Result<Self, CborError> {
        r.array_of(2, "a key witness [verification key, signature]")?;
        Ok(Self {
            vkey: r.bytes_exact::<32>("the 32-byte witness key")?,
            signature: r.bytes_exact::<64>("the 64-byte signature")?,
        })
    }

    pub fn to_envelope(&self, era: &str) -> TextEnvelope {
        let mut w = CborWriter::with_capacity(100);
        self.encode(&mut w);
        TextEnvelope::new(
            &format!("TxWitness {era}Era"),
            WITNESS_DESCRIPTION,
            w.into_bytes(),
        )
    }

    /// Reads a witness file: the current `[vkey, sig]` form or the legacy `[0, [vkey, sig]]`.
    /// Returns the era named by its type as well.
    pub fn from_envelope(env: &TextEnvelope) -> Result<(Self, String), TxError> {
        let era = env
            .type_name
            .strip_prefix("TxWitness ")
            .and_then(|t| t.strip_suffix("Era"))
            .ok_or_else(|| TxError::NotAWitness(env.type_name.clone()))?;
        let cbor = env.cbor.expose();
        let mut r = CborReader::new(cbor);
        let witness =
            if matches!(r.peek("a witness")?, Head::Array(Some(2))) && cbor.get(1) == Some(&0x00) {
                r.array_of(2, "a legacy witness [0, witness]")?;
                r.uint("the legacy witness kind")?;
                KeyWitness::decode(&mut r)?
            } else {
                KeyWitness::decode(&mut r)?
            };
        r.finish()?;
        Ok((witness, era.to_owned()))
    }

    /// The ledger keeps witnesses in a set ordered by key hash.
    fn sort_key(&self) -> ([u8; 28], [u8; 64]) {
        (blake2b_224(&self.vkey), self.signature)
    }
}

impl TxFile {
    /// The key witnesses the transaction already carries (e.g. after a partial assemble).
    pub fn key_witnesses(&self) -> Result<Vec<KeyWitness>, TxError> {
        let mut r = CborReader::new(parts(&self.cbor)?.witnesses);
        let entries = r.map("the witness set")?;
        let mut out = Vec::new();
        for _ in 0..entries {
            if r.uint("a witness set key")? == 0 {
                if r.peek("the key witnesses")? == Head::Tag(SET_TAG) {
                    r.tag("the key witness set")?;
                }
                for _ in 0..r.array("the key witnesses")? {
                    out.push(KeyWitness::decode(&mut r)?);
                }
            } else {
                r.skip("a witness set entry")?;
            }
        }
        Ok(out)
    }

    /// The carried key witnesses split into those that sign this body and those that do not
    /// (made for another body, or damaged).
    pub fn signing_and_stale_witnesses(
        &self,
    ) -> Result<(Vec<KeyWitness>, Vec<KeyWitness>), TxError> {
        Ok(self
            .key_witnesses()?
            .into_iter()
            .partition(|w| w.verifies(self).unwrap_or(false)))
    }
}

/// Adds key witnesses to a transaction as `cardano-cli transaction assemble` does: the body,
/// the valid flag and auxiliary data are kept byte for byte; vkey witnesses become a tagged set
/// without duplicates; other witness kinds are kept as they are.
pub fn assemble(tx: &TxFile, witnesses: &[KeyWitness]) -> Result<TxFile, TxError> {
    for w in witnesses {
        if !w.verifies(tx)? {
            return Err(TxError::BadSignature);
        }
    }
    for w in tx.key_witnesses()? {
        if !w.verifies(tx)? {
            return Err(TxError::StaleWitness(hex::encode(w.key_hash())));
        }
    }
    if tx.from_bare_body {
        // 7: auxiliary data hash, 11: script data hash.
        let mut r = CborReader::new(tx.body()?);
        for _ in 0..r.map("the transaction body")? {
            let key = r.uint("a body field")?;
            if key == 7 || key == 11 {
                return Err(TxError::BareBodyNeedsRest(key));
            }
            r.skip("a body field")?;
        }
    }
    let Parts {
        body,
        witnesses: set,
        rest,
    } = parts(&tx.cbor)?;
    let mut r = CborReader::new(set);
    let entries = r.map("the witness set")?;
    let mut vkeys: Vec<KeyWitness> = witnesses.to_vec();
    let mut others: Vec<(u64, &[u8])> = Vec::new();
    for _ in 0..entries {
        let key = r.uint("a witness set key")?;
        if key == 0 {
            if r.peek("the key witnesses")? == Head::Tag(SET_TAG) {
                r.tag("the key witness set")?;
            }
            let n = r.array("the key witnesses")?;
            for _ in 0..n {
                vkeys.push(KeyWitness::decode(&mut r)?);
            }
        } else {
            others.push((key, r.skip("a witness set entry")?));
        }
    }
    r.finish()?;
    vkeys.sort_by_key(KeyWitness::sort_key);
    vkeys.dedup();
    let mut w = CborWriter::with_capacity(tx.cbor.len() + 110 * vkeys.len());
    w.array(4).raw(body);
    let has_vkeys = !vkeys.is_empty();
    w.map(others.len() + usize::from(has_vkeys));
    if has_vkeys {
        w.uint(0).tag(SET_TAG).array(vkeys.len());
        for k in &vkeys {
            k.encode(&mut w);
        }
    }
    for (key, raw) in others {
        w.uint(key).raw(raw);
    }
    w.raw(rest);
    Ok(TxFile {
        era: tx.era.clone(),
        cbor: w.into_bytes(),
        from_bare_body: false,
    })
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn transaction_types() {
        assert_eq!(tx_type_era("Tx ConwayEra"), Some("Conway"));
        assert_eq!(tx_type_era("Unwitnessed Tx ConwayEra"), Some("Conway"));
        assert_eq!(tx_type_era("Witnessed Tx BabbageEra"), Some("Babbage"));
        assert_eq!(tx_type_era("TxBodyConway"), None);
    }

    #[test]
    fn a_bare_body_is_wrapped_byte_for_byte_but_not_assembled_without_its_auxiliary_data() {
        // {0: [], 1: [], 2: 0, 7: h'00…'}
        let mut body = vec![0xa4, 0x00, 0x80, 0x01, 0x80, 0x02, 0x00, 0x07, 0x58, 0x20];
        body.extend([0u8; 32]);
        let tx = TxFile::from_file_contents(&body).unwrap();
        assert!(tx.from_bare_body);
        assert_eq!(tx.body().unwrap(), body.as_slice());
        assert_eq!(assemble(&tx, &[]), Err(TxError::BareBodyNeedsRest(7)));
    }

    #[test]
    fn body_must_be_a_map_and_shape_four() {
        assert!(matches!(
            parts(&[0x83, 0xa0, 0xa0, 0xf5]),
            Err(TxError::WrongShape(3))
        ));
        assert!(parts(&[0x84, 0xa0, 0xa0, 0xf5, 0xf6]).is_ok());
        assert!(parts(&[0x84, 0x80, 0xa0, 0xf5, 0xf6]).is_err());
    }
}
