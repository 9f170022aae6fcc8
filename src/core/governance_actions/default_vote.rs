//! What a pool's missing vote counts as. From cardano-ledger's Conway ratification
//! (`spoAcceptedRatio` in `Rules/Ratify.hs`), from protocol version 10 (after bootstrap): a
//! pool that did not vote on a hard-fork initiation counts as No whatever its reward account
//! does; on any other action, the reward account's vote delegation decides: to "always no
//! confidence" → Yes on a motion of no confidence and No on the rest; to "always abstain" →
//! abstain (left out of the ratio); none, or a DRep → No.

use super::ActionKind;

/// The vote delegation of the pool's reward account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RewardDelegation {
    #[default]
    None,
    AlwaysAbstain,
    AlwaysNoConfidence,
    Drep,
}

impl RewardDelegation {
    pub fn words(self) -> &'static str {
        match self {
            Self::None => "Not vote-delegated",
            Self::AlwaysAbstain => "Always abstain",
            Self::AlwaysNoConfidence => "Always no confidence",
            Self::Drep => "A DRep",
        }
    }
}

/// What a missing vote counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Yes,
    No,
    /// Left out of the ratio, as an explicit Abstain.
    Abstain,
}

impl Counted {
    pub fn words(self) -> &'static str {
        match self {
            Self::Yes => "counts as Yes",
            Self::No => "counts as No",
            Self::Abstain => "counts as Abstain (left out)",
        }
    }
}

pub fn missing_vote(kind: ActionKind, delegation: RewardDelegation) -> Counted {
    use RewardDelegation as D;
    match (kind, delegation) {
        (ActionKind::HardForkInitiation, _) => Counted::No,
        (ActionKind::NoConfidence, D::AlwaysNoConfidence) => Counted::Yes,
        (_, D::AlwaysAbstain) => Counted::Abstain,
        _ => Counted::No,
    }
}

/// Why, in one sentence, for the explanation under each action type.
pub fn why(kind: ActionKind, delegation: RewardDelegation) -> &'static str {
    use RewardDelegation as D;
    match (kind, delegation) {
        (ActionKind::HardForkInitiation, _) => {
            "a hard fork needs an explicit vote: silence is always No"
        }
        (ActionKind::NoConfidence, D::AlwaysNoConfidence) => {
            "the reward account always votes no confidence"
        }
        (_, D::AlwaysNoConfidence) => "always no confidence is No on everything else",
        (_, D::AlwaysAbstain) => "the reward account always abstains",
        (_, D::Drep) => "a DRep's vote is not the pool's: silence is No",
        (_, D::None) => "with no vote delegation, silence is No",
    }
}

/// Said once under the table: withdrawals need the delegation (Conway, protocol 10).
pub const WITHDRAWALS_NOTE: &str = "Since protocol version 10, rewards cannot be withdrawn from a reward account until it is vote-delegated (to a DRep, always abstain or always no confidence).";
