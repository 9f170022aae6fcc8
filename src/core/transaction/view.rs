//! A read-only view of a Conway transaction body: what it spends, pays, certifies and
//! withdraws, and which keys it asks to sign.
//!
//! Operators witness bodies built elsewhere (by a co-owner, on another machine), and a key should
//! only sign what the operator has seen in words. Decoding is strict about shape, so bad CBOR is
//! an error and never a guess, but lenient about content this tool does not interpret: unknown
//! fields and certificate kinds are listed, not rejected.

mod decode;
mod governance;
mod witnesses;

use crate::core::certificate::amount::format_ada;
use std::fmt;

use thiserror::Error;

use crate::core::certificate::Certificate;
use crate::core::encoding::bech32;
use crate::core::encoding::cbor::{CborError, CborReader};
use crate::core::keys::address::RewardAccount;

pub use decode::decode_body;
pub use governance::{action_type_name, voter_words, TxProposal, TxVote};
pub use witnesses::{hw_owner_problems, required_witnesses, Need, Role};

/// Why a transaction body cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TxViewError {
    #[error("the transaction body is empty (0 bytes); choose the file that holds the transaction")]
    Empty,
    #[error("the transaction body is not CBOR: {0}; check that the file holds the transaction exactly as cardano-cli wrote it")]
    NotCbor(CborError),
    #[error("the transaction body ends early, while reading {what}: the data is cut short, so copy or export the file again")]
    Truncated { what: &'static str },
    #[error("the transaction body is {found}, but a map was expected; if this is a whole transaction ([body, witnesses, valid flag, metadata]), use its body, the first item")]
    NotAMap { found: String },
    #[error("the transaction body writes {what} as an indefinite-length (chunked) string, which this tool does not read here; cardano-cli writes one piece, so rebuild the body with cardano-cli")]
    Indefinite { what: &'static str },
    #[error("the transaction body has a field key that is {found}, but field keys are numbers (0 inputs, 1 outputs, 2 fee, …)")]
    KeyNotANumber { found: String },
    #[error("the transaction body has field {key} ({name}) twice; the ledger rejects such a body, so rebuild it")]
    DuplicateField { key: u64, name: &'static str },
    #[error("the transaction body has no {name} (field {key}); every transaction body needs inputs, outputs and a fee")]
    MissingField { key: u64, name: &'static str },
    #[error("field {key} ({name}) of the transaction body cannot be read: {source}; the body is damaged or not a Conway body, so rebuild it with cardano-cli")]
    Field {
        key: u64,
        name: &'static str,
        source: CborError,
    },
    /// One item of a field is wrong: `"{item} {problem}"`, e.g. "output 2 has an address of …".
    #[error("{item} {problem}")]
    Item { item: String, problem: String },
    #[error("the transaction body is followed by {count} more byte(s); the file should hold the body and nothing after it")]
    TrailingBytes { count: usize },
}

/// Plain name of a body field (its CDDL key), for messages and listings.
pub fn field_name(key: u64) -> &'static str {
    match key {
        0 => "inputs",
        1 => "outputs",
        2 => "fee",
        3 => "time to live (invalid hereafter)",
        4 => "certificates",
        5 => "withdrawals",
        6 => "protocol parameter update (before Conway)",
        7 => "auxiliary data hash",
        8 => "validity start (invalid before)",
        9 => "mint",
        11 => "script data hash",
        13 => "collateral inputs",
        14 => "required signers",
        15 => "network id",
        16 => "collateral return",
        17 => "total collateral",
        18 => "reference inputs",
        19 => "voting procedures",
        20 => "proposal procedures",
        21 => "current treasury value",
        22 => "treasury donation",
        _ => "unknown field",
    }
}

/// Everything the body states, in the terms an operator checks before signing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TxView {
    pub inputs: Vec<TxInput>,
    pub outputs: Vec<TxOutput>,
    pub fee: u64,
    pub invalid_before: Option<u64>,
    pub invalid_hereafter: Option<u64>,
    pub certificates: Vec<TxCertificate>,
    pub withdrawals: Vec<Withdrawal>,
    pub required_signers: Vec<[u8; 28]>,
    pub network_id: Option<u8>,
    pub has_mint: bool,
    pub script_data_hash: Option<[u8; 32]>,
    pub collateral_inputs: usize,
    pub collateral_return: Option<TxOutput>,
    pub total_collateral: Option<u64>,
    pub reference_inputs: usize,
    /// Field 19, one entry per (voter, action), in the ledger's order.
    pub votes: Vec<TxVote>,
    /// Field 20, in body order.
    pub proposals: Vec<TxProposal>,
    pub current_treasury_value: Option<u64>,
    pub treasury_donation: Option<u64>,
    pub auxiliary_data_hash: Option<[u8; 32]>,
    /// Field numbers this tool does not read (kept so the operator sees they are there).
    pub other_keys: Vec<u64>,
    /// Every field number present, in body order: presence matters even for an empty set.
    pub fields: Vec<u64>,
}

impl TxView {
    /// "from slot 5, before slot 90": the slots in which the transaction can be included.
    pub fn validity_text(&self) -> String {
        match (self.invalid_before, self.invalid_hereafter) {
            (None, None) => "at any slot".to_owned(),
            (Some(a), None) => format!("from slot {a}"),
            (None, Some(b)) => format!("before slot {b}"),
            (Some(a), Some(b)) => format!("from slot {a}, before slot {b}"),
        }
    }

    pub fn has_field(&self, key: u64) -> bool {
        self.fields.contains(&key)
    }

    /// The certificates this tool could read, in body order.
    pub fn decoded_certificates(&self) -> impl Iterator<Item = &Certificate> {
        self.certificates
            .iter()
            .filter_map(|c| c.decoded.as_ref().ok())
    }

    /// Lovelace locked by the Conway stake registrations, which state their deposit.
    ///
    /// Not included, because the body does not state them: a pool's deposit (the protocol's
    /// `poolDeposit`, charged on its first registration only), the key deposit implied by the
    /// pre-Conway registration form, and deposits of certificates shown as bytes only (DRep
    /// registration).
    pub fn deposits_paid(&self) -> u64 {
        self.decoded_certificates()
            .filter_map(|c| match c {
                Certificate::StakeRegistration { deposit, .. } => *deposit,
                Certificate::StakeRegistrationDelegation { deposit, .. }
                | Certificate::VoteRegistrationDelegation { deposit, .. }
                | Certificate::StakeVoteRegistrationDelegation { deposit, .. } => Some(*deposit),
                _ => None,
            })
            .fold(0, u64::saturating_add)
    }

    /// Lovelace returned by Conway stake deregistrations (the pre-Conway form states none).
    pub fn deposits_refunded(&self) -> u64 {
        self.decoded_certificates()
            .filter_map(|c| match c {
                Certificate::StakeDeregistration { deposit, .. } => *deposit,
                _ => None,
            })
            .fold(0, u64::saturating_add)
    }

    /// Sum of all reward withdrawals.
    pub fn withdrawn(&self) -> u64 {
        self.withdrawals
            .iter()
            .map(|w| w.lovelace)
            .fold(0, u64::saturating_add)
    }
}

/// An output spent by the transaction. The body names only its id: the address and amount it
/// holds are on chain, so a body alone cannot say whose funds these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TxInput {
    pub tx_id: [u8; 32],
    pub index: u64,
}

impl TxInput {
    /// `<tx id hex>#<index>`, as cardano-cli's `--tx-in` takes it.
    pub fn label(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for TxInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", hex::encode(self.tx_id), self.index)
    }
}

/// A payment the transaction makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxOutput {
    /// As [`address_text`] shows it.
    pub address: String,
    pub address_bytes: Vec<u8>,
    pub lovelace: u64,
    /// How many distinct tokens (policy and name) ride along with the ada.
    pub asset_kinds: usize,
    pub has_datum: bool,
    pub has_script_ref: bool,
}

impl TxOutput {
    /// "5 ADA to addr1… + 2 token kind(s)": where the money goes.
    pub fn words(&self) -> String {
        let mut text = format!("{} to {}", format_ada(self.lovelace), self.address);
        if self.asset_kinds > 0 {
            text.push_str(&format!(" + {} token kind(s)", self.asset_kinds));
        }
        text
    }
}

/// One certificate, kept as its exact bytes, with what this tool could read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxCertificate {
    pub raw: Vec<u8>,
    /// The certificate, or why it is shown as bytes only.
    pub decoded: Result<Certificate, String>,
    /// The ledger's certificate kind (first item), when the bytes have one.
    pub kind: Option<u64>,
}

impl TxCertificate {
    fn from_raw(raw: &[u8]) -> Self {
        let kind = certificate_kind(raw);
        let decoded = Certificate::decode(raw)
            .map(|(cert, _era)| cert)
            .map_err(|e| match kind {
                Some(k @ (0..=4 | 7..=13)) => format!(
                    "this {} certificate cannot be read ({e}); it is shown as bytes only",
                    kind_name(k).unwrap_or("known")
                ),
                Some(k) => match kind_name(k) {
                    Some(name) => format!(
                        "certificate kind {k} ({name}) is shown as bytes only: this tool does not read it"
                    ),
                    None => format!(
                        "certificate kind {k} is not one the ledger defines; it is shown as bytes only"
                    ),
                },
                None => format!("this certificate cannot be read ({e}); it is shown as bytes only"),
            });
        Self {
            raw: raw.to_vec(),
            decoded,
            kind,
        }
    }

    /// A short name: the decoded kind, or "certificate kind 16 (DRep registration, governance)".
    pub fn kind_text(&self) -> String {
        match (&self.decoded, self.kind) {
            (Ok(c), _) => c.kind_name().to_owned(),
            (Err(_), Some(k)) => match kind_name(k) {
                Some(name) => format!("certificate kind {k} ({name})"),
                None => format!("certificate kind {k}"),
            },
            (Err(_), None) => "an unreadable certificate".to_owned(),
        }
    }

    pub fn raw_hex(&self) -> String {
        hex::encode(&self.raw)
    }
}

/// The first item of a certificate array, read without trusting the rest.
fn certificate_kind(raw: &[u8]) -> Option<u64> {
    let mut r = CborReader::new(raw);
    r.array("a certificate").ok()?;
    r.uint("the certificate kind").ok()
}

/// Names of the ledger's certificate kinds, including those this tool only shows as bytes.
fn kind_name(kind: u64) -> Option<&'static str> {
    Some(match kind {
        0 => "stake address registration",
        1 => "stake address deregistration",
        2 => "stake delegation",
        3 => "stake pool registration",
        4 => "stake pool retirement",
        5 => "genesis key delegation, before Conway",
        6 => "move instantaneous rewards, before Conway",
        7 => "stake address registration",
        8 => "stake address deregistration",
        9 => "vote delegation",
        10 => "stake and vote delegation",
        11 => "stake registration and delegation",
        12 => "stake registration and vote delegation",
        13 => "stake registration with stake and vote delegation",
        14 => "committee hot key authorisation, governance",
        15 => "committee cold key resignation, governance",
        16 => "DRep registration, governance",
        17 => "DRep retirement, governance",
        18 => "DRep update, governance",
        _ => return None,
    })
}

/// A reward withdrawal: the whole balance of a reward account must be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Withdrawal {
    pub account: RewardAccount,
    pub lovelace: u64,
}

impl Withdrawal {
    /// `stake1…` (hex on the odd failure).
    pub fn account_text(&self) -> String {
        self.account
            .to_bech32()
            .unwrap_or_else(|_| hex::encode(self.account.to_bytes()))
    }
}

/// An address as an operator reads it: bech32 for Shelley and stake addresses, hex otherwise.
pub fn address_text(bytes: &[u8]) -> String {
    let Some(&header) = bytes.first() else {
        return "(empty address)".to_owned();
    };
    let network = header & 0x0f;
    let hrp = match (header >> 4, network) {
        (0..=7, 1) => "addr",
        (0..=7, 0) => "addr_test",
        (0xe | 0xf, 1) => "stake",
        (0xe | 0xf, 0) => "stake_test",
        (8, _) => return format!("Byron address {}", hex::encode(bytes)),
        (0..=7 | 0xe | 0xf, n) => {
            return format!(
                "{} (network id {n} in the header is neither mainnet nor a testnet)",
                hex::encode(bytes)
            )
        }
        _ => {
            return format!(
                "{} (header byte {header:#04x} is not an address type this tool knows)",
                hex::encode(bytes)
            )
        }
    };
    bech32::encode(hrp, bytes).unwrap_or_else(|_| hex::encode(bytes))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod governance_tests;
