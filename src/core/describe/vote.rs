//! A vote file (`Governance voting procedures`) in words: who votes, on which action, how,
//! and with which anchor.

use super::{DescribeError, Description};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::governance::{Voter, VotingProcedures};

pub(super) fn describe_vote_file(env: &TextEnvelope) -> Result<Description, DescribeError> {
    let votes = VotingProcedures::from_envelope(env)
        .map_err(|e| DescribeError::Invalid(format!("the vote file {e}")))?;
    let n = votes.len();
    let mut d = Description::new(if n == 1 {
        "Governance vote".to_owned()
    } else {
        format!("Governance votes ({n})")
    });
    for (i, (voter, action, procedure)) in votes.iter().enumerate() {
        // One vote: plain names; several: numbered, so each line says which vote it is.
        let name = |what: &str| {
            if n == 1 {
                what.to_owned()
            } else {
                format!("{what} {}", i + 1)
            }
        };
        d.field(name("Voter"), voter_text(voter));
        d.field(
            name("Action"),
            format!("{} ({})", action.to_bech32(), action.view_key()),
        );
        d.field(name("Vote"), procedure.vote.human());
        match &procedure.anchor {
            Some(a) => {
                d.field(name("Anchor URL"), a.url());
                d.field(name("Anchor hash"), hex::encode(a.data_hash));
            }
            None => d.field(name("Anchor"), "none"),
        }
    }
    Ok(d)
}

/// A voter by its bech32 id as explorers show it (a pool's `pool1…`, CIP-129's `drep1…` and
/// `cc_hot1…`), with the hash the vote view prints.
fn voter_text(voter: &Voter) -> String {
    format!(
        "{} {} ({})",
        voter.role_words(),
        voter.to_bech32(),
        hex::encode(voter.hash())
    )
}
