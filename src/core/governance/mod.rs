//! Conway governance votes: who votes (the voter), on what (the action id), how (the vote and
//! its optional anchor), as the ledger encodes them (`voting_procedures`, transaction body key
//! 19) and as cardano-cli writes and shows them (`governance vote create|view`).
//!
//! | module | what it is for |
//! |---|---|
//! | [`action_id`] | the governance action id: `txid#index`, hex, and CIP-129 `gov_action1…` |
//! | [`procedures`] | the voting procedures map: CBOR in and out, the vote file envelope |
//! | [`view`] | `vote view`'s JSON and YAML, byte for byte as cardano-cli prints them |

use thiserror::Error;

use crate::core::encoding::cbor::CborError;
use crate::core::encoding::envelope::EnvelopeError;
use crate::core::encoding::hash::blake2b_256;

pub mod action_id;
pub mod procedures;
pub mod view;

#[cfg(test)]
mod tests;

pub use action_id::GovActionId;
pub use procedures::{VotingProcedures, VOTE_TYPE};

/// The ledger's limit on an anchor URL, in bytes (Conway `url = text .size (0..128)`).
pub const MAX_URL_BYTES: usize = 128;

/// Why a vote, an action id or an anchor was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum GovernanceError {
    #[error("{0}")]
    Cbor(#[from] CborError),
    #[error("{0}")]
    Envelope(#[from] EnvelopeError),
    #[error("the anchor URL is {len} bytes; the ledger accepts at most 128 (use a shorter link, e.g. an ipfs:// one)")]
    UrlTooLong { len: usize },
    #[error("the governance action index is {index}; the ledger accepts at most 65535")]
    IndexTooLarge { index: u64 },
    #[error("voter tag {tag} is not a voter (0 and 1: constitutional committee, 2 and 3: DRep, 4: stake pool)")]
    UnknownVoter { tag: u64 },
    #[error(
        "a stake pool votes with its key only; a script stake pool voter (tag 5) is not allowed"
    )]
    ScriptPool,
    #[error("vote {value} is not a vote (0: No, 1: Yes, 2: Abstain)")]
    UnknownVote { value: u64 },
    #[error("the voting procedures hold no votes (the ledger needs at least one)")]
    Empty,
    #[error("the voting procedures name the same {what} twice")]
    Duplicate { what: &'static str },
    #[error("{0}")]
    ActionId(String),
}

/// Who casts a vote. Variant order is the ledger's (`Voter`, then `Credential` with scripts
/// first), so the derived ordering sorts voters exactly as the ledger's map writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Voter {
    /// A constitutional committee hot credential that is a script (tag 1).
    CommitteeScript([u8; 28]),
    /// A constitutional committee hot key hash (tag 0).
    CommitteeKey([u8; 28]),
    /// A DRep script (tag 3).
    DrepScript([u8; 28]),
    /// A DRep key hash (tag 2).
    DrepKey([u8; 28]),
    /// A stake pool: the hash of its cold key, i.e. the pool id (tag 4).
    StakePool([u8; 28]),
}

impl Voter {
    /// The CBOR tag of the voter array.
    pub fn tag(&self) -> u64 {
        match self {
            Self::CommitteeKey(_) => 0,
            Self::CommitteeScript(_) => 1,
            Self::DrepKey(_) => 2,
            Self::DrepScript(_) => 3,
            Self::StakePool(_) => 4,
        }
    }

    /// The key or script hash.
    pub fn hash(&self) -> &[u8; 28] {
        match self {
            Self::CommitteeKey(h)
            | Self::CommitteeScript(h)
            | Self::DrepKey(h)
            | Self::DrepScript(h)
            | Self::StakePool(h) => h,
        }
    }

    pub fn is_script(&self) -> bool {
        matches!(self, Self::CommitteeScript(_) | Self::DrepScript(_))
    }

    /// Builds a voter from its CBOR tag and hash.
    pub fn from_tag(tag: u64, hash: [u8; 28]) -> Result<Self, GovernanceError> {
        Ok(match tag {
            0 => Self::CommitteeKey(hash),
            1 => Self::CommitteeScript(hash),
            2 => Self::DrepKey(hash),
            3 => Self::DrepScript(hash),
            4 => Self::StakePool(hash),
            5 => return Err(GovernanceError::ScriptPool),
            tag => return Err(GovernanceError::UnknownVoter { tag }),
        })
    }

    /// The key `vote view` gives the voter: `stakepool-keyHash-<pool id hex>` and the like.
    pub fn view_key(&self) -> String {
        let role = match self {
            Self::CommitteeKey(_) | Self::CommitteeScript(_) => "committee",
            Self::DrepKey(_) | Self::DrepScript(_) => "drep",
            Self::StakePool(_) => "stakepool",
        };
        let kind = if self.is_script() {
            "scriptHash"
        } else {
            "keyHash"
        };
        format!("{role}-{kind}-{}", hex::encode(self.hash()))
    }

    /// The voter as CIP-129 writes it and explorers show it: `drep1…`, `cc_hot1…` (a header
    /// byte, key type and credential type, before the hash), or a pool's `pool1…` id.
    pub fn to_bech32(&self) -> String {
        let (hrp, header) = match self {
            Self::StakePool(h) => return crate::core::keys::address::pool_bech32(h),
            Self::CommitteeKey(_) => ("cc_hot", 0x02),
            Self::CommitteeScript(_) => ("cc_hot", 0x03),
            Self::DrepKey(_) => ("drep", 0x22),
            Self::DrepScript(_) => ("drep", 0x23),
        };
        let mut bytes = vec![header];
        bytes.extend_from_slice(self.hash());
        // A fixed, valid prefix and 29 bytes always encode.
        crate::core::encoding::bech32::encode(hrp, &bytes).unwrap_or_default()
    }

    /// "stake pool", "DRep key": what kind of voter this is.
    pub fn role_words(&self) -> &'static str {
        match self {
            Self::CommitteeKey(_) => "constitutional committee hot key",
            Self::CommitteeScript(_) => "constitutional committee script",
            Self::DrepKey(_) => "DRep key",
            Self::DrepScript(_) => "DRep script",
            Self::StakePool(_) => "stake pool",
        }
    }

    /// "stake pool 4124a0c2…", for messages and views.
    pub fn human(&self) -> String {
        format!("{} {}", self.role_words(), hex::encode(self.hash()))
    }
}

/// A vote: the ledger's numbers (`--no` 0, `--yes` 1, `--abstain` 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vote {
    No,
    Yes,
    Abstain,
}

impl Vote {
    pub fn number(self) -> u64 {
        match self {
            Self::No => 0,
            Self::Yes => 1,
            Self::Abstain => 2,
        }
    }

    pub fn from_number(value: u64) -> Result<Self, GovernanceError> {
        match value {
            0 => Ok(Self::No),
            1 => Ok(Self::Yes),
            2 => Ok(Self::Abstain),
            value => Err(GovernanceError::UnknownVote { value }),
        }
    }

    /// The name `vote view` prints (the ledger's JSON).
    pub fn view_name(self) -> &'static str {
        match self {
            Self::No => "VoteNo",
            Self::Yes => "VoteYes",
            Self::Abstain => "Abstain",
        }
    }

    /// "Yes", "No", "Abstain", for people.
    pub fn human(self) -> &'static str {
        match self {
            Self::No => "No",
            Self::Yes => "Yes",
            Self::Abstain => "Abstain",
        }
    }
}

/// Where a vote's rationale lives and the blake2b-256 hash of that document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Anchor {
    url: String,
    pub data_hash: [u8; 32],
}

impl Anchor {
    /// An anchor, if the URL fits the ledger's limit.
    pub fn new(url: &str, data_hash: [u8; 32]) -> Result<Self, GovernanceError> {
        if url.len() > MAX_URL_BYTES {
            return Err(GovernanceError::UrlTooLong { len: url.len() });
        }
        Ok(Self {
            url: url.to_owned(),
            data_hash,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }
}

/// One vote with its optional anchor (`voting_procedure = [vote, anchor / null]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VotingProcedure {
    pub vote: Vote,
    pub anchor: Option<Anchor>,
}

/// The anchor data hash of a document: blake2b-256 of its raw bytes (`hash anchor-data`; no
/// newline or byte-order-mark handling, as cardano-cli).
pub fn anchor_data_hash(bytes: &[u8]) -> [u8; 32] {
    blake2b_256(bytes)
}

/// A 32-byte hash given as 64 hex characters; `what` names it in the message.
pub fn parse_hash32(text: &str, what: &str) -> Result<[u8; 32], String> {
    let t = text.trim();
    let bytes = hex::decode(t).map_err(|_| {
        format!(
            "{what} {} is not hexadecimal (64 characters expected)",
            crate::core::message::quote::quote(t)
        )
    })?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "{what} is {} bytes; it must be 32 bytes (64 hex characters)",
            bytes.len()
        )
    })
}

/// Envelope types of a constitutional committee hot verification key (plain, extended).
pub const CC_HOT_TYPES: &[&str] = &[
    "ConstitutionalCommitteeHotVerificationKey_ed25519",
    "ConstitutionalCommitteeHotExtendedVerificationKey_ed25519_bip32",
];

/// The key hash of a constitutional committee hot verification key envelope (of the first 32
/// bytes of an extended one): the voter of a committee member's vote.
pub fn committee_hot_key_hash(
    env: &crate::core::encoding::envelope::TextEnvelope,
) -> Result<[u8; 28], GovernanceError> {
    env.expect_type(
        CC_HOT_TYPES,
        "a constitutional committee hot verification key",
    )?;
    let key = crate::core::encoding::cbor::decode_bytes(env.cbor.expose(), "the key bytes")?;
    let extended = env.type_name.contains("Extended");
    let public = match (key.len(), extended) {
        (32, false) | (64, true) => key.get(..32).unwrap_or_default(),
        (found, _) => {
            return Err(GovernanceError::Cbor(CborError::WrongLength {
                expected: "the key bytes",
                len: if extended { 64 } else { 32 },
                found,
            }))
        }
    };
    Ok(crate::core::encoding::hash::blake2b_224(public))
}
