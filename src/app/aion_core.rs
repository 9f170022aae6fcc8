//! The one door from the console to the Aion core (issue 15). The core (`core::aion`) is being
//! written in parallel; until it is merged this file holds a stand-in with the contract's exact
//! names and signatures, so every Aion tab compiles against what is coming. After the merge
//! this whole file becomes re-exports, e.g.
//! `pub use crate::core::aion::{abi, address, amount, commission, keys, lockout, metadata,
//! self_bond, transaction, AionError, AionTxError};`.
//! Where the bytes are simple and documented (AION.md) the stand-in computes them for real;
//! `SignedTx::decode` is a placeholder that says it arrives with the core.
#![allow(clippy::indexing_slicing)]

use thiserror::Error;

/// The stand-in's error (the core's `AionError` has its own variants; the console only shows
/// its message).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct AionError(pub String);

/// The stand-in's transaction error (the core's `AionTxError`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct AionTxError(pub String);

fn bad(text: impl Into<String>) -> AionError {
    AionError(text.into())
}

/// Hex without `0x`, whitespace trimmed.
fn unhex(text: &str) -> Option<Vec<u8>> {
    let t = text.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    hex::decode(t).ok()
}

pub mod keys {
    use super::address::Address;
    use super::{bad, unhex, AionError};
    use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Role {
        Management,
        Signing,
    }

    impl Role {
        pub fn label(self) -> &'static str {
            match self {
                Self::Management => "management",
                Self::Signing => "block-signing",
            }
        }
    }

    /// An Ed25519 seed, wiped on drop; no Debug so it never reaches a log.
    #[derive(Clone, Zeroize, ZeroizeOnDrop)]
    pub struct AionSigningKey {
        seed: [u8; 32],
    }

    impl AionSigningKey {
        pub fn from_seed(seed: [u8; 32]) -> Self {
            Self { seed }
        }

        pub fn from_hex_text(text: &str) -> Result<Self, AionError> {
            let bytes = Zeroizing::new(unhex(text).ok_or_else(|| {
                bad("The key is not hexadecimal: paste the 64 or 128 hex digits Aion tools export.")
            })?);
            let mut seed = [0u8; 32];
            match bytes.len() {
                32 => seed.copy_from_slice(&bytes),
                64 => {
                    seed.copy_from_slice(&bytes[..32]);
                    let key = Self::from_seed(seed);
                    if key.public_key()[..] != bytes[32..] {
                        return Err(bad("The key's second half is not the public key of its first half: the key is damaged."));
                    }
                    return Ok(key);
                }
                n => {
                    return Err(bad(format!(
                        "The key is {n} bytes; an Aion private key is 32 bytes (seed) or 64 (seed and public key)."
                    )))
                }
            }
            Ok(Self::from_seed(seed))
        }

        pub fn seed(&self) -> &[u8; 32] {
            &self.seed
        }

        pub fn public_key(&self) -> [u8; 32] {
            crate::core::keys::ed25519_public(&self.seed)
        }

        pub fn address(&self) -> Address {
            Address::from_public_key(&self.public_key())
        }

        pub fn to_hex_text(&self) -> Zeroizing<String> {
            let mut both = Zeroizing::new([0u8; 64]);
            both[..32].copy_from_slice(&self.seed);
            both[32..].copy_from_slice(&self.public_key());
            Zeroizing::new(format!("0x{}", hex::encode(both.as_slice())))
        }
    }
}

pub mod address {
    use super::{bad, unhex, AionError};
    use crate::core::encoding::hash::blake2b_256;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct Address(pub [u8; 32]);

    impl Address {
        /// `0xA0 ‖ BLAKE2b-256(pk)[1..32]` (AION.md §1).
        pub fn from_public_key(pk: &[u8; 32]) -> Self {
            let mut h = blake2b_256(pk);
            h[0] = 0xa0;
            Self(h)
        }

        pub fn parse(text: &str) -> Result<Address, AionError> {
            let bytes = unhex(text)
                .filter(|b| b.len() == 32)
                .ok_or_else(|| bad("An Aion address is 64 hex digits (0x optional)."))?;
            if bytes[0] != 0xa0 {
                return Err(bad("An Aion account address starts with a0."));
            }
            let mut a = [0u8; 32];
            a.copy_from_slice(&bytes);
            Ok(Self(a))
        }

        pub fn to_hex(&self) -> String {
            format!("0x{}", hex::encode(self.0))
        }

        /// Letters upper-cased where the address hash's bit is set (Java BitSet order).
        pub fn to_checksum(&self) -> String {
            let h = blake2b_256(&self.0);
            let mixed: String = hex::encode(self.0)
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if c.is_ascii_alphabetic() && (h[i / 8] >> (i % 8)) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            format!("0x{mixed}")
        }
    }
}

pub mod metadata {
    /// The documented fields; the JSON key names are our guess (AION.md §2).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct AionMetadata {
        pub schema_version: String,
        pub name: String,
        pub description: String,
        pub url: String,
        pub logo_base64: String,
        pub tags: Vec<String>,
    }

    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct MetadataReport {
        pub errors: Vec<String>,
        pub warnings: Vec<String>,
    }

    pub fn render(m: &AionMetadata) -> String {
        let mut o = serde_json::Map::new();
        o.insert("schemaVersion".into(), m.schema_version.clone().into());
        o.insert("logo".into(), m.logo_base64.clone().into());
        o.insert("description".into(), m.description.clone().into());
        o.insert("name".into(), m.name.clone().into());
        o.insert("tags".into(), m.tags.clone().into());
        o.insert("url".into(), m.url.clone().into());
        serde_json::Value::Object(o).to_string()
    }

    /// The stand-in checks the size and the JSON only; the core checks every field.
    pub fn check(bytes: &[u8]) -> MetadataReport {
        let mut report = MetadataReport::default();
        if bytes.len() >= 1024 * 1024 {
            report.errors.push("The file is 1 MiB or more.".to_owned());
        }
        if serde_json::from_slice::<serde_json::Value>(bytes).is_err() {
            report.errors.push("The file is not UTF-8 JSON.".to_owned());
        }
        report
    }

    pub fn content_hash(bytes: &[u8]) -> [u8; 32] {
        crate::core::encoding::hash::blake2b_256(bytes)
    }
}

pub mod commission {
    use super::{amount, bad, AionError};

    pub fn parse_percent(text: &str) -> Result<u32, AionError> {
        let v = amount::parse_decimal(text, 4).map_err(|_| {
            bad("The commission is a percent with at most 4 decimals, from 0 to 100.")
        })?;
        u32::try_from(v)
            .ok()
            .filter(|v| *v <= 1_000_000)
            .ok_or_else(|| bad("The commission is at most 100 %."))
    }

    pub fn format_percent(v: u32) -> String {
        amount::format_decimal(u128::from(v), 4)
    }
}

pub mod amount {
    use super::{bad, AionError};

    pub(super) fn parse_decimal(text: &str, decimals: u32) -> Result<u128, AionError> {
        let t = text.trim();
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && frac.is_empty() || !digits(whole) || !digits(frac) {
            return Err(bad(format!("\"{t}\" is not a plain decimal number.")));
        }
        if frac.len() > decimals as usize {
            return Err(bad(format!("At most {decimals} decimals.")));
        }
        let scaled = format!("{whole}{frac:0<width$}", width = decimals as usize);
        scaled
            .trim_start_matches('0')
            .parse::<u128>()
            .or_else(|e| {
                if scaled.trim_start_matches('0').is_empty() {
                    Ok(0)
                } else {
                    Err(e)
                }
            })
            .map_err(|_| bad("The number is too large."))
    }

    pub(super) fn format_decimal(v: u128, decimals: u32) -> String {
        let unit = 10u128.pow(decimals);
        let frac = format!("{:0width$}", v % unit, width = decimals as usize);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            (v / unit).to_string()
        } else {
            format!("{}.{frac}", v / unit)
        }
    }

    pub fn parse_aion(text: &str) -> Result<u128, AionError> {
        parse_decimal(text, 18).map_err(|e| {
            bad(format!(
                "{e} An AION amount has at most 18 decimals and no sign."
            ))
        })
    }

    pub fn format_aion(v: u128) -> String {
        format_decimal(v, 18)
    }
}

pub mod lockout {
    use super::{bad, AionError};

    pub const BLOCK_SECONDS: u64 = 10;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum LockoutAction {
        Commission,
        SigningAddress,
        Undelegate,
        Transfer,
    }

    impl LockoutAction {
        /// The mainnet deploy parameters (AION.md §4.3).
        pub fn blocks(self) -> u64 {
            match self {
                Self::Commission | Self::SigningAddress => 60_480,
                Self::Undelegate => 8_640,
                Self::Transfer => 60,
            }
        }

        pub fn parse(text: &str) -> Result<Self, AionError> {
            match text.trim() {
                "commission" => Ok(Self::Commission),
                "signing-address" => Ok(Self::SigningAddress),
                "undelegate" => Ok(Self::Undelegate),
                "transfer" => Ok(Self::Transfer),
                other => Err(bad(format!("Unknown lockout \"{other}\": use commission, signing-address, undelegate or transfer."))),
            }
        }
    }

    pub fn blocks_left(action: LockoutAction, since_block: u64, current_block: u64) -> u64 {
        since_block
            .saturating_add(action.blocks())
            .saturating_sub(current_block)
    }
}

pub mod self_bond {
    const AION: u128 = 1_000_000_000_000_000_000;

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SelfBondStatus {
        pub active: bool,
        pub room_for_delegation_namp: u128,
        pub reason: String,
    }

    /// Active iff self ≥ 1 000 AION and self·100/total ≥ 1 (AION.md §4.4).
    pub fn status(self_bond_namp: u128, total_namp: u128) -> SelfBondStatus {
        let total = total_namp.max(self_bond_namp);
        let room = self_bond_namp.saturating_mul(100).saturating_sub(total);
        let (active, reason) = if self_bond_namp < 1_000 * AION {
            (false, "The self-bond is under 1 000 AION.".to_owned())
        } else if self_bond_namp.saturating_mul(100) / total.max(1) < 1 {
            (
                false,
                "The self-bond is under 1 % of the pool's total stake.".to_owned(),
            )
        } else {
            (
                true,
                "The self-bond is at least 1 000 AION and 1 % of the total stake.".to_owned(),
            )
        };
        SelfBondStatus {
            active,
            room_for_delegation_namp: room,
            reason,
        }
    }
}

pub mod abi {
    //! AVM ABI streaming encoding (AION.md §3): method name, then each argument tagged.
    use super::address::Address;
    use super::AionTxError;

    fn string(out: &mut Vec<u8>, s: &str) {
        out.push(0x21);
        out.extend((s.len() as u16).to_be_bytes());
        out.extend(s.as_bytes());
    }
    fn address(out: &mut Vec<u8>, a: &Address) {
        out.push(0x22);
        out.extend(a.0);
    }
    fn bytes(out: &mut Vec<u8>, b: &[u8]) -> Result<(), AionTxError> {
        let len = i16::try_from(b.len())
            .map_err(|_| AionTxError("The metadata URL is over 32 767 bytes.".to_owned()))?;
        out.push(0x11);
        out.extend((len as u16).to_be_bytes());
        out.extend(b);
        Ok(())
    }
    /// Java `BigInteger.toByteArray` of a non-negative number: minimal, with a sign byte.
    fn big(out: &mut Vec<u8>, v: u128) {
        let raw = v.to_be_bytes();
        let first = raw.iter().position(|b| *b != 0).unwrap_or(15);
        let mut b = raw[first..].to_vec();
        if b[0] & 0x80 != 0 {
            b.insert(0, 0);
        }
        out.push(0x23);
        out.push(b.len() as u8);
        out.extend(b);
    }
    fn call(name: &str) -> Vec<u8> {
        let mut out = Vec::new();
        string(&mut out, name);
        out
    }

    pub fn register_pool(
        signing: &Address,
        commission: u32,
        metadata_url: &str,
        metadata_hash: &[u8; 32],
    ) -> Result<Vec<u8>, AionTxError> {
        let mut out = call("registerPool");
        address(&mut out, signing);
        out.push(0x05);
        out.extend(commission.to_be_bytes());
        bytes(&mut out, metadata_url.as_bytes())?;
        bytes(&mut out, metadata_hash)?;
        Ok(out)
    }
    pub fn update_metadata(url: &str, hash: &[u8; 32]) -> Result<Vec<u8>, AionTxError> {
        let mut out = call("updateMetaData");
        bytes(&mut out, url.as_bytes())?;
        bytes(&mut out, hash)?;
        Ok(out)
    }
    pub fn request_commission_change(commission: u32) -> Vec<u8> {
        let mut out = call("requestCommissionRateChange");
        out.push(0x05);
        out.extend(commission.to_be_bytes());
        out
    }
    pub fn finalize_commission_change(request_id: u64) -> Vec<u8> {
        let mut out = call("finalizeCommissionRateChange");
        out.push(0x06);
        out.extend(request_id.to_be_bytes());
        out
    }
    pub fn set_signing_address(signing: &Address) -> Vec<u8> {
        let mut out = call("setSigningAddress");
        address(&mut out, signing);
        out
    }
    pub fn delegate(pool: &Address) -> Vec<u8> {
        let mut out = call("delegate");
        address(&mut out, pool);
        out
    }
    pub fn undelegate(pool: &Address, amount: u128, fee: u128) -> Vec<u8> {
        let mut out = call("undelegate");
        address(&mut out, pool);
        big(&mut out, amount);
        big(&mut out, fee);
        out
    }
    pub fn finalize_undelegate(request_id: u64) -> Vec<u8> {
        let mut out = call("finalizeUndelegate");
        out.push(0x06);
        out.extend(request_id.to_be_bytes());
        out
    }
    pub fn withdraw_rewards(pool: &Address) -> Vec<u8> {
        let mut out = call("withdrawRewards");
        address(&mut out, pool);
        out
    }
}

pub mod transaction {
    //! The stand-in signs for real (AION.md §4.1) so the tabs show true bytes; decoding
    //! arrives with the core.
    use super::address::Address;
    use super::AionTxError;
    use crate::core::encoding::hash::blake2b_256;
    use ed25519_dalek::Signer;

    pub const DEFAULT_ENERGY_LIMIT: u64 = 2_000_000;
    pub const DEFAULT_ENERGY_PRICE: u64 = 10_000_000_000;
    pub const POOL_REGISTRY_MAINNET: Address = Address([
        0xa0, 0x08, 0xe4, 0x2a, 0x76, 0xe2, 0xe7, 0x79, 0x17, 0x5c, 0x58, 0x9e, 0xfd, 0xb2, 0xa0,
        0xe7, 0x42, 0xb4, 0x0d, 0x8d, 0x42, 0x1d, 0xf2, 0xb9, 0x3a, 0x8a, 0x0b, 0x13, 0x09, 0x0c,
        0x7c, 0xc8,
    ]);

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct UnsignedTx {
        pub to: Address,
        pub value: u128,
        pub nonce: u128,
        pub timestamp_us: u64,
        pub energy_limit: u64,
        pub energy_price: u64,
        pub data: Vec<u8>,
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct SignedTx {
        pub raw: Vec<u8>,
        pub hash: [u8; 32],
    }

    type Decoded = (UnsignedTx, [u8; 32], [u8; 64]);

    impl SignedTx {
        pub fn decode(_raw: &[u8]) -> Result<Decoded, AionTxError> {
            Err(AionTxError(
                "Decoding a signed transaction arrives with the Aion core.".to_owned(),
            ))
        }
    }

    fn item(b: &[u8]) -> Vec<u8> {
        match b {
            [one] if *one < 0x80 => vec![*one],
            _ => [head(0x80, b.len()), b.to_vec()].concat(),
        }
    }
    fn head(base: u8, len: usize) -> Vec<u8> {
        if len < 56 {
            return vec![base + len as u8];
        }
        let l = len.to_be_bytes();
        let first = l.iter().position(|b| *b != 0).unwrap_or(l.len() - 1);
        [
            vec![base + 55 + (l.len() - first) as u8],
            l[first..].to_vec(),
        ]
        .concat()
    }
    fn minimal(v: u128) -> Vec<u8> {
        let b = v.to_be_bytes();
        let first = b.iter().position(|x| *x != 0).unwrap_or(15);
        b[first..].to_vec()
    }
    /// Aion's `encodeLong`: a standard RLP integer under 2^32, else `88` + 8 bytes.
    fn long(v: u64) -> Vec<u8> {
        if v < 1 << 32 {
            if v == 0 {
                vec![0x80]
            } else {
                item(&minimal(u128::from(v)))
            }
        } else {
            [vec![0x88], v.to_be_bytes().to_vec()].concat()
        }
    }
    fn list(items: &[Vec<u8>]) -> Vec<u8> {
        let body = items.concat();
        [head(0xc0, body.len()), body].concat()
    }
    fn fields(tx: &UnsignedTx) -> Vec<Vec<u8>> {
        vec![
            item(&minimal(tx.nonce)),
            item(&tx.to.0),
            item(&minimal(tx.value)),
            item(&tx.data),
            item(&minimal(u128::from(tx.timestamp_us))),
            long(tx.energy_limit),
            long(tx.energy_price),
            vec![0x01],
        ]
    }

    pub fn sign(tx: &UnsignedTx, seed: &[u8; 32]) -> SignedTx {
        let mut items = fields(tx);
        let sighash = blake2b_256(&list(&items));
        let key = ed25519_dalek::SigningKey::from_bytes(seed);
        let sig = key.sign(&sighash).to_bytes();
        items.push(item(
            &[key.verifying_key().to_bytes().as_slice(), &sig].concat(),
        ));
        let raw = list(&items);
        SignedTx {
            hash: blake2b_256(&raw),
            raw,
        }
    }

    pub fn json_rpc_request(tx: &SignedTx) -> String {
        format!(
            r#"{{"jsonrpc":"2.0","method":"eth_sendRawTransaction","params":["0x{}"],"id":1}}"#,
            hex::encode(&tx.raw)
        )
    }
}
