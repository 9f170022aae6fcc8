//! A body's governance parts in words: its votes (field 19) and proposals (field 20).
//!
//! Votes are read with the vote core's own reader, so a body holds exactly the votes a vote
//! file would. Proposals are read only as far as an operator checks them before signing: the
//! action's type, the deposit, where the deposit goes back to, and the anchor.

use super::decode::{item, read_set_len, Fail};
use crate::core::certificate::amount::format_ada;
use crate::core::encoding::cbor::CborReader;
use crate::core::governance::{
    Anchor, GovActionId, GovernanceError, Vote, Voter, VotingProcedures,
};
use crate::core::keys::address::{pool_bech32, RewardAccount};

/// One vote the body casts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxVote {
    pub voter: Voter,
    pub action: GovActionId,
    pub vote: Vote,
    pub anchor: Option<Anchor>,
}

impl TxVote {
    /// "Pool pool1… votes Yes on gov_action1… (txid#ix), anchor https://…". The URL is as the
    /// body holds it: escape it before showing it.
    pub fn words(&self) -> String {
        let anchor = match &self.anchor {
            Some(a) => format!("anchor {}", a.url()),
            None => "no anchor".to_owned(),
        };
        format!(
            "{} votes {} on {} ({}), {anchor}",
            voter_words(&self.voter),
            self.vote.human(),
            self.action.to_bech32(),
            self.action.view_key()
        )
    }
}

/// "Pool pool1…", "DRep drep1y… (key hash 8f4f…)": who votes, as operators and explorers name
/// them (CIP-129), with the hash cardano-cli's views print.
pub fn voter_words(voter: &Voter) -> String {
    let (who, kind) = match voter {
        Voter::StakePool(h) => return format!("Pool {}", pool_bech32(h)),
        Voter::DrepKey(_) => ("DRep", "key"),
        Voter::DrepScript(_) => ("DRep", "script"),
        Voter::CommitteeKey(_) => ("Committee hot", "key"),
        Voter::CommitteeScript(_) => ("Committee hot", "script"),
    };
    format!(
        "{who} {} ({kind} hash {})",
        voter.to_bech32(),
        hex::encode(voter.hash())
    )
}

/// One governance action the body proposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TxProposal {
    pub deposit: u64,
    /// Where the deposit goes back to when the action ends.
    pub return_account: RewardAccount,
    /// The ledger's action tag, 0 to 6 (see [`action_type_name`]).
    pub action_type: u64,
    pub anchor: Anchor,
}

impl TxProposal {
    /// "Proposal: Info action, deposit 100 000 ADA, returned to stake1…, anchor https://…".
    pub fn words(&self) -> String {
        let account = self
            .return_account
            .to_bech32()
            .unwrap_or_else(|_| hex::encode(self.return_account.to_bytes()));
        format!(
            "Proposal: {}, deposit {}, returned to {account}, anchor {}",
            action_type_name(self.action_type),
            format_ada(self.deposit),
            self.anchor.url()
        )
    }
}

/// Names of the ledger's governance action types and how many items each array holds.
const ACTION_TYPES: [(&str, u64); 7] = [
    ("Parameter change", 4),
    ("Hard fork initiation", 3),
    ("Treasury withdrawals", 3),
    ("No confidence", 2),
    ("Update committee", 5),
    ("New constitution", 3),
    ("Info action", 1),
];

pub fn action_type_name(tag: u64) -> &'static str {
    usize::try_from(tag)
        .ok()
        .and_then(|i| ACTION_TYPES.get(i))
        .map_or("unknown action type", |(name, _)| name)
}

/// Field 19, through the vote core's reader (which refuses what the ledger refuses).
pub(super) fn read_votes(r: &mut CborReader<'_>) -> Result<Vec<TxVote>, Fail> {
    let procedures = VotingProcedures::read(r).map_err(|e| match e {
        GovernanceError::Cbor(c) => Fail::Cbor(c),
        e => item(
            "field 19 (voting procedures)".into(),
            format!("cannot be read: {e}; rebuild the transaction with cardano-cli"),
        ),
    })?;
    Ok(procedures
        .iter()
        .map(|(voter, action, p)| TxVote {
            voter: *voter,
            action: *action,
            vote: p.vote,
            anchor: p.anchor.clone(),
        })
        .collect())
}

/// Field 20: `proposal_procedures = nonempty_oset<[deposit, reward_account, gov_action, anchor]>`.
pub(super) fn read_proposals(r: &mut CborReader<'_>) -> Result<Vec<TxProposal>, Fail> {
    let n = read_set_len(r, "the proposal procedures")?;
    if n == 0 {
        return Err(item(
            "field 20 (proposal procedures)".into(),
            "is empty; the ledger needs at least one proposal there, so rebuild the transaction without the field".into(),
        ));
    }
    let mut out = Vec::new();
    for i in 0..n {
        let which = || format!("proposal {i} (field 20)");
        r.array_of(4, "a proposal [deposit, reward account, action, anchor]")?;
        let deposit = r.uint("a proposal's deposit")?;
        let bytes = r.bytes("a proposal's reward account")?;
        let return_account = RewardAccount::from_bytes(bytes)
            .map_err(|e| item(which(), format!("has a reward account that {e}")))?;
        let len = r.array("a governance action")?;
        let action_type = r.uint("the governance action type")?;
        let Some((name, expected)) = usize::try_from(action_type)
            .ok()
            .and_then(|i| ACTION_TYPES.get(i))
        else {
            return Err(item(
                which(),
                format!("has governance action type {action_type}; the ledger's types are 0 (parameter change) to 6 (info action)"),
            ));
        };
        if len != *expected {
            return Err(item(
                which(),
                format!(
                    "has a {} action of {len} items; it has {expected}, so the body is damaged",
                    name.to_lowercase()
                ),
            ));
        }
        for _ in 1..len {
            r.skip("a governance action's contents")?;
        }
        r.array_of(2, "an anchor [url, data hash]")?;
        let url = r.text("the anchor URL")?;
        let hash = r.bytes_exact::<32>("the anchor data hash")?;
        let anchor = Anchor::new(url, hash)
            .map_err(|e| item(which(), format!("has an anchor that cannot be used: {e}")))?;
        out.push(TxProposal {
            deposit,
            return_account,
            action_type,
            anchor,
        });
    }
    Ok(out)
}
