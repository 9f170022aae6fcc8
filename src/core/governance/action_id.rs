//! The governance action id: the id of the transaction that proposed the action and the
//! action's index in it (`gov_action_id = [txid, uint .size 2]`).
//!
//! CIP-129 gives it a bech32 form, `gov_action1…`, of the 32 txid bytes followed by the index.
//! CIP-129's examples write the index as one byte; an index above 255 does not fit one, and is
//! written (and read) as two big-endian bytes, as tools that read the index as "the remaining
//! bytes" (e.g. yaci-store's GovUtil) do.

use std::fmt;

use super::GovernanceError;
use crate::core::encoding::bech32;
use crate::core::message::quote::quote;

/// The bech32 prefix of CIP-129 governance action ids.
pub const GOV_ACTION_HRP: &str = "gov_action";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GovActionId {
    pub tx_id: [u8; 32],
    pub index: u16,
}

impl GovActionId {
    pub fn new(tx_id: [u8; 32], index: u16) -> Self {
        Self { tx_id, index }
    }

    /// From `--governance-action-tx-id` and `--governance-action-index` as typed.
    pub fn from_parts(tx_id_hex: &str, index: &str) -> Result<Self, GovernanceError> {
        let tx_id = parse_tx_id(tx_id_hex)?;
        let index = parse_index(index)?;
        Ok(Self { tx_id, index })
    }

    /// The CIP-129 bech32 form, `gov_action1…`.
    pub fn to_bech32(&self) -> String {
        let mut bytes = self.tx_id.to_vec();
        match u8::try_from(self.index) {
            Ok(one) => bytes.push(one),
            Err(_) => bytes.extend_from_slice(&self.index.to_be_bytes()),
        }
        // A fixed, valid prefix and 33 or 34 bytes always encode.
        bech32::encode(GOV_ACTION_HRP, &bytes).unwrap_or_default()
    }

    /// Reads a CIP-129 `gov_action1…` id.
    pub fn from_bech32(text: &str) -> Result<Self, GovernanceError> {
        let t = text.trim();
        let bytes = bech32::decode_expecting(t, GOV_ACTION_HRP).map_err(|e| {
            GovernanceError::ActionId(format!("governance action id {} {e}", quote(t)))
        })?;
        let (tx_id, index) = match bytes.len() {
            33 | 34 => bytes.split_at(32),
            n => {
                return Err(GovernanceError::ActionId(format!(
                    "governance action id {} holds {n} bytes; a gov_action1… id holds 33 (the 32-byte transaction id and a one-byte index) or 34 (a two-byte index)",
                    quote(t)
                )))
            }
        };
        let index = index.iter().fold(0u16, |acc, b| (acc << 8) | u16::from(*b));
        let tx_id = <[u8; 32]>::try_from(tx_id).unwrap_or([0; 32]);
        Ok(Self { tx_id, index })
    }

    /// `txid#index`, as `vote view` and `query proposals` show it.
    pub fn view_key(&self) -> String {
        format!("{}#{}", hex::encode(self.tx_id), self.index)
    }
}

impl fmt::Display for GovActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.view_key())
    }
}

/// A transaction id: 64 hex characters.
pub fn parse_tx_id(text: &str) -> Result<[u8; 32], GovernanceError> {
    let t = text.trim();
    let bytes = hex::decode(t).map_err(|_| {
        GovernanceError::ActionId(format!(
            "--governance-action-tx-id {} is not hexadecimal (64 characters expected)",
            quote(t)
        ))
    })?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        GovernanceError::ActionId(format!(
            "--governance-action-tx-id is {} bytes; a transaction id is 32 bytes (64 hex characters)",
            bytes.len()
        ))
    })
}

/// An action index: a whole number from 0 to 65535.
pub fn parse_index(text: &str) -> Result<u16, GovernanceError> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(GovernanceError::ActionId(format!(
            "--governance-action-index {} is not a whole number from 0 to 65535",
            quote(t)
        )));
    }
    match t.parse::<u64>() {
        Ok(n) => u16::try_from(n).map_err(|_| GovernanceError::IndexTooLarge { index: n }),
        Err(_) => Err(GovernanceError::ActionId(format!(
            "--governance-action-index {} is far above 65535, the largest index the ledger accepts",
            quote(t)
        ))),
    }
}
