//! Offline Aion transactions (AION.md §4): the 9-field RLP with Aion's integer rules, signed
//! with Ed25519 over BLAKE2b-256 of the unsigned RLP; the hash is BLAKE2b-256 of the signed RLP.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use super::address::Address;
use super::rlp;
use super::{blake2b_256, AionTxError};

/// What Aion's own scripts use for every Pool Registry call, and the kernel's call maximum.
pub const DEFAULT_ENERGY_LIMIT: u64 = 2_000_000;
/// 10^10 nAmp per energy unit: the kernel's minimum price.
pub const DEFAULT_ENERGY_PRICE: u64 = 10_000_000_000;
/// The most a call may set as its energy limit (deployments are not signed here).
pub const MAX_CALL_ENERGY: u64 = 2_000_000;
/// The kernel's highest accepted energy price.
pub const MAX_ENERGY_PRICE: u64 = 9_000_000_000_000_000_000;
/// The mainnet Pool Registry contract (AION.md §4.3).
pub const POOL_REGISTRY_MAINNET: Address = Address([
    0xa0, 0x08, 0xe4, 0x2a, 0x76, 0xe2, 0xe7, 0x79, 0x17, 0x5c, 0x58, 0x9e, 0xfd, 0xb2, 0xa0, 0xe7,
    0x42, 0xb4, 0x0d, 0x8d, 0x42, 0x1d, 0xf2, 0xb9, 0x3a, 0x8a, 0x0b, 0x13, 0x09, 0x0c, 0x7c, 0xc8,
]);
/// The transaction pool drops a transaction this long after its timestamp.
pub const POOL_EXPIRY_SECONDS: u64 = 3_600;
/// Type 1: transfers and calls, AVM contract calls included (2 is only AVM deployment).
const TX_TYPE: u8 = 0x01;

/// A call or transfer before signing. Amounts in nAmp (10^-18 AION).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsignedTx {
    pub to: Address,
    pub value: u128,
    pub nonce: u128,
    /// Microseconds since the Unix epoch.
    pub timestamp_us: u64,
    pub energy_limit: u64,
    pub energy_price: u64,
    pub data: Vec<u8>,
}

impl UnsignedTx {
    /// Items 0..7 of the list, each already RLP-encoded.
    fn items(&self) -> Vec<Vec<u8>> {
        vec![
            rlp::encode_aion_unsigned(self.nonce),
            rlp::encode_bytes(&self.to.0),
            rlp::encode_aion_unsigned(self.value),
            rlp::encode_bytes(&self.data),
            rlp::encode_aion_unsigned(u128::from(self.timestamp_us)),
            rlp::encode_long(self.energy_limit),
            rlp::encode_long(self.energy_price),
            vec![TX_TYPE],
        ]
    }

    /// The RLP list of the eight unsigned fields.
    pub fn unsigned_rlp(&self) -> Vec<u8> {
        rlp::encode_list(&self.items())
    }

    /// What the key signs: BLAKE2b-256 of [`Self::unsigned_rlp`].
    pub fn signing_hash(&self) -> [u8; 32] {
        blake2b_256(&self.unsigned_rlp())
    }

    /// The least energy the kernel accepts for this call: 21 000, plus 4 per zero byte and
    /// 64 per other byte of data.
    pub fn intrinsic_energy(&self) -> u64 {
        self.data
            .iter()
            .fold(21_000, |acc, b| acc + if *b == 0 { 4 } else { 64 })
    }
}

/// A signed transaction: the bytes to broadcast and its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedTx {
    pub raw: Vec<u8>,
    pub hash: [u8; 32],
}

/// Why the kernel would refuse a transaction's energy settings (AION.md §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnergyProblem {
    /// The limit is above what the kernel accepts for a call.
    LimitAbove {
        limit: u64,
    },
    /// The limit is below what the call data needs before it runs at all.
    LimitBelow {
        limit: u64,
        need: u64,
    },
    PriceBelow {
        price: u64,
    },
    PriceAbove {
        price: u64,
    },
}

/// The first of a transaction's energy settings the kernel would refuse, if any.
pub fn energy_problem(t: &UnsignedTx) -> Option<EnergyProblem> {
    let need = t.intrinsic_energy();
    if t.energy_limit > MAX_CALL_ENERGY {
        Some(EnergyProblem::LimitAbove {
            limit: t.energy_limit,
        })
    } else if t.energy_limit < need {
        Some(EnergyProblem::LimitBelow {
            limit: t.energy_limit,
            need,
        })
    } else if t.energy_price < DEFAULT_ENERGY_PRICE {
        Some(EnergyProblem::PriceBelow {
            price: t.energy_price,
        })
    } else if t.energy_price > MAX_ENERGY_PRICE {
        Some(EnergyProblem::PriceAbove {
            price: t.energy_price,
        })
    } else {
        None
    }
}

/// Signs `tx` with the key whose 32-byte Ed25519 seed is `seed`.
pub fn sign(tx: &UnsignedTx, seed: &[u8; 32]) -> SignedTx {
    let key = SigningKey::from_bytes(seed);
    let signature = key.sign(&tx.signing_hash());
    let mut both = Vec::with_capacity(96);
    both.extend_from_slice(key.verifying_key().as_bytes());
    both.extend_from_slice(&signature.to_bytes());
    let mut items = tx.items();
    items.push(rlp::encode_bytes(&both));
    let raw = rlp::encode_list(&items);
    SignedTx {
        hash: blake2b_256(&raw),
        raw,
    }
}

/// Whether `signature` by `public_key` signs `tx`.
pub fn verify(tx: &UnsignedTx, public_key: &[u8; 32], signature: &[u8; 64]) -> bool {
    VerifyingKey::from_bytes(public_key).is_ok_and(|pk| {
        pk.verify_strict(&tx.signing_hash(), &Signature::from_bytes(signature))
            .is_ok()
    })
}

impl SignedTx {
    /// Reads a signed transaction back: its fields, the signer's public key and the signature
    /// (not checked here; see [`verify`]).
    pub fn decode(bytes: &[u8]) -> Result<(UnsignedTx, [u8; 32], [u8; 64]), AionTxError> {
        let items = rlp::decode_list(bytes)?;
        let [nonce, to, value, data, timestamp, limit, price, kind, sig] = items.as_slice() else {
            return Err(AionTxError::FieldCount(items.len()));
        };
        let to: [u8; 32] = (*to)
            .try_into()
            .map_err(|_| AionTxError::DestinationLength(to.len()))?;
        if *kind != [TX_TYPE] {
            return Err(AionTxError::TxType(hex::encode(kind)));
        }
        if sig.len() != 96 {
            return Err(AionTxError::SignatureLength(sig.len()));
        }
        let (pk, signature) = sig.split_at(32);
        let u64_field = |bytes: &[u8], field| {
            rlp::decode_unsigned(bytes, field, 8).map(|n| u64::try_from(n).unwrap_or(u64::MAX))
        };
        let tx = UnsignedTx {
            to: Address(to),
            value: rlp::decode_unsigned(value, "value", 16)?,
            nonce: rlp::decode_unsigned(nonce, "nonce", 16)?,
            timestamp_us: u64_field(timestamp, "timestamp")?,
            energy_limit: u64_field(limit, "energy limit")?,
            energy_price: u64_field(price, "energy price")?,
            data: data.to_vec(),
        };
        let pk: [u8; 32] = pk
            .try_into()
            .map_err(|_| AionTxError::SignatureLength(sig.len()))?;
        let signature: [u8; 64] = signature
            .try_into()
            .map_err(|_| AionTxError::SignatureLength(sig.len()))?;
        Ok((tx, pk, signature))
    }

    /// `0x…`, as `eth_sendRawTransaction` takes it.
    pub fn raw_hex(&self) -> String {
        format!("0x{}", hex::encode(&self.raw))
    }

    /// `0x…`, as explorers and receipts show it.
    pub fn hash_hex(&self) -> String {
        format!("0x{}", hex::encode(self.hash))
    }
}

/// The JSON-RPC request body an online machine posts to a node to broadcast `tx`.
pub fn json_rpc_request(tx: &SignedTx) -> String {
    serde_json::json!({
        "jsonrpc": "2.0",
        "method": "eth_sendRawTransaction",
        "params": [tx.raw_hex()],
        "id": 1,
    })
    .to_string()
}

#[cfg(test)]
#[path = "transaction_tests.rs"]
mod tests;
