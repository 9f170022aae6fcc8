//! The governance actions on chain, read from what the online machine's cardano-cli prints:
//! which ones a pool may vote on, what a pool's silence counts as, and the rationale document
//! a vote may point to. Votes themselves (their CBOR and files) are `core::governance`'s.
//!
//! The JSON is the ledger's `ToJSON` of `GovActionState`, as `cardano-cli conway query
//! proposals` prints it (a list) and `query gov-state` nests it under `"proposals"`. Shape read
//! in cardano-ledger `eras/conway/impl/src/Cardano/Ledger/Conway/Governance/Procedures.hs`:
//! `actionId {txId, govActionIx}`, `committeeVotes`, `dRepVotes`, `stakePoolVotes` (pool key
//! hash → `VoteYes`/`VoteNo`/`Abstain`), `proposalProcedure {deposit, returnAddr, govAction
//! {tag, contents}, anchor {url, dataHash}}`, `proposedIn`, `expiresAfter`.

pub mod contents;
#[cfg(test)]
mod contents_tests;
pub mod default_vote;
pub mod may_vote;
mod parse;
pub mod rationale;
#[cfg(test)]
mod tests;

pub use parse::parse_proposals;

/// The seven kinds of governance action (the ledger's `GovAction` constructors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    ParameterChange,
    HardForkInitiation,
    TreasuryWithdrawals,
    NoConfidence,
    UpdateCommittee,
    NewConstitution,
    InfoAction,
}

impl ActionKind {
    /// The ledger's tag, as in the JSON.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Some(match tag {
            "ParameterChange" => Self::ParameterChange,
            "HardForkInitiation" => Self::HardForkInitiation,
            "TreasuryWithdrawals" => Self::TreasuryWithdrawals,
            "NoConfidence" => Self::NoConfidence,
            "UpdateCommittee" => Self::UpdateCommittee,
            "NewConstitution" => Self::NewConstitution,
            "InfoAction" => Self::InfoAction,
            _ => return None,
        })
    }

    /// In words, for the list.
    pub fn words(self) -> &'static str {
        match self {
            Self::ParameterChange => "Protocol parameter change",
            Self::HardForkInitiation => "Hard-fork initiation",
            Self::TreasuryWithdrawals => "Treasury withdrawal",
            Self::NoConfidence => "Motion of no confidence",
            Self::UpdateCommittee => "Constitutional committee update",
            Self::NewConstitution => "New constitution",
            Self::InfoAction => "Info action",
        }
    }

    pub const ALL: [Self; 7] = [
        Self::NoConfidence,
        Self::UpdateCommittee,
        Self::HardForkInitiation,
        Self::ParameterChange,
        Self::InfoAction,
        Self::TreasuryWithdrawals,
        Self::NewConstitution,
    ];
}

/// How many pools voted each way (a count of pools, not of stake: the JSON has no stake).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolTally {
    pub yes: usize,
    pub no: usize,
    pub abstain: usize,
}

/// One action as the console lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernanceAction {
    /// The proposing transaction's id, 32 bytes.
    pub tx_id: [u8; 32],
    pub index: u16,
    pub kind: ActionKind,
    /// The protocol parameters a parameter change sets, by their JSON names.
    pub changed_parameters: Vec<String>,
    /// What the action changes, one line each, in words (see [`contents::describe`]).
    pub contents: Vec<String>,
    pub anchor_url: String,
    pub anchor_hash: Option<[u8; 32]>,
    pub proposed_in: Option<u64>,
    pub expires_after: Option<u64>,
    /// The SPO votes so far, when the JSON has them.
    pub pool_votes: Option<PoolTally>,
}

impl GovernanceAction {
    /// `txid#index`, the form cardano-cli prints.
    pub fn id_hex(&self) -> String {
        format!("{}#{}", hex::encode(self.tx_id), self.index)
    }

    /// The id a vote names.
    pub fn id(&self) -> crate::core::governance::GovActionId {
        crate::core::governance::GovActionId::new(self.tx_id, self.index)
    }

    /// The CIP-129 `gov_action1…` form, as explorers and wallets show it.
    pub fn id_bech32(&self) -> String {
        self.id().to_bech32()
    }

    pub fn may_vote(&self) -> may_vote::PoolMayVote {
        may_vote::pool_may_vote(self.kind, &self.changed_parameters)
    }
}
