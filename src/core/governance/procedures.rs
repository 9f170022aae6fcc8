//! The voting procedures map (`voting_procedures = {+ voter => {+ gov_action_id =>
//! voting_procedure}}`): what a vote file holds and what a transaction body carries at key 19.
//!
//! Written as the ledger writes it (definite lengths, shortest heads, voters and action ids in
//! the ledger's map order), so one vote is byte-identical to cardano-cli's `vote create`. Read
//! with the ledger's checks: no empty maps, no duplicate keys, index ≤ 65535, 32-byte hashes,
//! URLs of at most 128 bytes. Indefinite lengths are read like definite ones.

use std::collections::BTreeMap;

use super::{Anchor, GovActionId, GovernanceError, Vote, Voter, VotingProcedure};
use crate::core::encoding::cbor::{CborReader, CborWriter};
use crate::core::encoding::envelope::TextEnvelope;

/// The text envelope type of a vote file.
pub const VOTE_TYPE: &str = "Governance voting procedures";

/// Votes by voter, then by action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VotingProcedures {
    votes: BTreeMap<Voter, BTreeMap<GovActionId, VotingProcedure>>,
}

impl VotingProcedures {
    /// One vote: what `governance vote create` writes.
    pub fn single(voter: Voter, action: GovActionId, procedure: VotingProcedure) -> Self {
        let mut v = Self::default();
        v.insert(voter, action, procedure);
        v
    }

    /// Adds a vote; a later vote by the same voter on the same action replaces the earlier one.
    pub fn insert(&mut self, voter: Voter, action: GovActionId, procedure: VotingProcedure) {
        self.votes
            .entry(voter)
            .or_default()
            .insert(action, procedure);
    }

    pub fn is_empty(&self) -> bool {
        self.votes.is_empty()
    }

    /// How many votes (voter, action pairs) there are.
    pub fn len(&self) -> usize {
        self.votes.values().map(BTreeMap::len).sum()
    }

    /// Every vote, in the ledger's order.
    pub fn iter(&self) -> impl Iterator<Item = (&Voter, &GovActionId, &VotingProcedure)> {
        self.votes
            .iter()
            .flat_map(|(voter, m)| m.iter().map(move |(a, p)| (voter, a, p)))
    }

    /// The distinct voters, in the ledger's order (each needs its key's witness).
    pub fn voters(&self) -> impl Iterator<Item = &Voter> {
        self.votes.keys()
    }

    /// The CBOR the ledger and cardano-cli write.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = CborWriter::new();
        w.map(self.votes.len());
        for (voter, actions) in &self.votes {
            w.array(2).uint(voter.tag()).bytes(voter.hash());
            w.map(actions.len());
            for (action, procedure) in actions {
                w.array(2)
                    .bytes(&action.tx_id)
                    .uint(u64::from(action.index));
                w.array(2).uint(procedure.vote.number());
                match &procedure.anchor {
                    Some(a) => {
                        w.array(2).text(a.url()).bytes(&a.data_hash);
                    }
                    None => {
                        w.null();
                    }
                }
            }
        }
        w.into_bytes()
    }

    /// Reads a whole CBOR item (a vote file's payload, or body key 19's bytes).
    pub fn decode(cbor: &[u8]) -> Result<Self, GovernanceError> {
        let mut r = CborReader::new(cbor);
        let v = Self::read(&mut r)?;
        r.finish()?;
        Ok(v)
    }

    /// Reads the map at the reader's position (for a transaction body that holds it).
    pub fn read(r: &mut CborReader<'_>) -> Result<Self, GovernanceError> {
        let voters = r.map("the voting procedures (a map of voters)")?;
        if voters == 0 {
            return Err(GovernanceError::Empty);
        }
        let mut votes = BTreeMap::new();
        for _ in 0..voters {
            let voter = read_voter(r)?;
            let count = r.map("the votes of one voter (a map of governance action ids)")?;
            if count == 0 {
                return Err(GovernanceError::Empty);
            }
            let mut actions = BTreeMap::new();
            for _ in 0..count {
                let action = read_action(r)?;
                let procedure = read_procedure(r)?;
                if actions.insert(action, procedure).is_some() {
                    return Err(GovernanceError::Duplicate {
                        what: "governance action for one voter",
                    });
                }
            }
            if votes.insert(voter, actions).is_some() {
                return Err(GovernanceError::Duplicate { what: "voter" });
            }
        }
        Ok(Self { votes })
    }

    /// The vote file: cardano-cli's envelope (type [`VOTE_TYPE`], empty description).
    pub fn to_envelope(&self) -> TextEnvelope {
        TextEnvelope::new(VOTE_TYPE, "", self.encode())
    }

    /// Reads a vote file's envelope.
    pub fn from_envelope(env: &TextEnvelope) -> Result<Self, GovernanceError> {
        env.expect_type(&[VOTE_TYPE], "a vote file (Governance voting procedures)")?;
        Self::decode(env.cbor.expose())
    }
}

fn read_voter(r: &mut CborReader<'_>) -> Result<Voter, GovernanceError> {
    r.array_of(2, "a voter ([tag, hash])")?;
    let tag = r.uint("the voter tag")?;
    let hash = r.bytes_exact::<28>("the voter's key or script hash")?;
    Voter::from_tag(tag, hash)
}

fn read_action(r: &mut CborReader<'_>) -> Result<GovActionId, GovernanceError> {
    r.array_of(2, "a governance action id ([transaction id, index])")?;
    let tx_id = r.bytes_exact::<32>("the governance action's transaction id")?;
    let index = r.uint("the governance action index")?;
    let index = u16::try_from(index).map_err(|_| GovernanceError::IndexTooLarge { index })?;
    Ok(GovActionId { tx_id, index })
}

fn read_procedure(r: &mut CborReader<'_>) -> Result<VotingProcedure, GovernanceError> {
    r.array_of(2, "a voting procedure ([vote, anchor or null])")?;
    let vote = Vote::from_number(r.uint("the vote")?)?;
    let anchor = if r.is_null()? {
        r.null("the anchor")?;
        None
    } else {
        r.array_of(2, "an anchor ([url, data hash])")?;
        let url = r.text("the anchor URL")?;
        let hash = r.bytes_exact::<32>("the anchor data hash")?;
        Some(Anchor::new(url, hash)?)
    };
    Ok(VotingProcedure { vote, anchor })
}
