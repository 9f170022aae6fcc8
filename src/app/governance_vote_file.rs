//! The Governance tab's vote files: one `Governance voting procedures` envelope per action,
//! built by the vote core from the folder's cold verification key, byte for byte what
//! `governance vote create --cold-verification-key-file` writes for the same inputs.

use std::path::Path;

use super::governance::{vote_file_name, VoteChoice, VoteDraft};
use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::workspace::Role;
use super::{file_label, ConsoleApp};
use crate::core::governance::{
    parse_hash32, Anchor, Vote, Voter, VotingProcedure, VotingProcedures,
};
use crate::core::governance_actions::may_vote::PoolMayVote;
use crate::core::keys::accept;
use crate::platform::files::OutputKind;
use crate::platform::load;

impl VoteChoice {
    pub fn vote(self) -> Vote {
        match self {
            Self::Yes => Vote::Yes,
            Self::No => Vote::No,
            Self::Abstain => Vote::Abstain,
        }
    }
}

impl VoteDraft {
    /// The vote's anchor: none when both the URL and the hash are empty; both are needed.
    pub fn anchor(&self) -> Result<Option<Anchor>, String> {
        let url = self.anchor_url.trim();
        let hash = self.anchor_hash.trim();
        match (url.is_empty(), hash.is_empty()) {
            (true, true) => Ok(None),
            (false, true) => Err("The anchor URL has no anchor data hash: save the rationale (Save rationale…) or type the published document's hash, or clear the URL.".to_owned()),
            (true, false) => Err("The anchor data hash has no anchor URL: type where the rationale is published, or clear the hash.".to_owned()),
            (false, false) => {
                let hash = parse_hash32(hash, "The anchor data hash")?;
                Anchor::new(url, hash)
                    .map(Some)
                    .map_err(|e| format!("Cannot use this anchor: {e}."))
            }
        }
    }
}

impl ConsoleApp {
    /// "Save vote file": action `index`'s vote, checked, built and offered for saving.
    pub fn governance_save_vote(&mut self, index: usize) {
        match self.governance_vote_bytes(index) {
            Ok((bytes, name)) => self.pick(
                PickKind::Save { file_name: name },
                "Save the vote file (sign its transaction with the cold key)",
                PickFor::Save(SaveJob {
                    bytes,
                    kind: OutputKind::Vote,
                    then: AfterSave::Vote { index },
                }),
            ),
            Err(e) => self.fail(e),
        }
    }

    /// The vote file's bytes and default name, or why there is none.
    fn governance_vote_bytes(&self, index: usize) -> Result<(Vec<u8>, String), String> {
        let desk = &self.governance;
        let (Some(action), Some(draft)) = (desk.actions.get(index), desk.drafts.get(index)) else {
            return Err("Open an action first.".to_owned());
        };
        if let PoolMayVote::No { reason } = action.may_vote() {
            return Err(format!(
                "No vote file was written: a pool may not vote on this {}: {reason}.",
                action.kind.words().to_lowercase()
            ));
        }
        let Some(choice) = draft.vote else {
            return Err("Pick Yes, No or Abstain first.".to_owned());
        };
        let anchor = draft.anchor()?;
        let pool = self.governance_pool_key_hash()?;
        let votes = VotingProcedures::single(
            Voter::StakePool(pool),
            action.id(),
            VotingProcedure {
                vote: choice.vote(),
                anchor,
            },
        );
        let bytes = votes.to_envelope().render().expose().to_vec();
        Ok((bytes, vote_file_name(action)))
    }

    /// The pool key hash of the folder's cold verification key (plain or extended), read as
    /// `governance vote create --cold-verification-key-file` reads it.
    fn governance_pool_key_hash(&self) -> Result<[u8; 28], String> {
        let no_key = "No vote file was written: this folder has no cold verification key (cold.vkey). Open the pool folder that holds it, or make the cold keys on the Keys tab.";
        let path = self
            .workspace
            .as_ref()
            .and_then(|w| w.first(Role::ColdVkey))
            .ok_or_else(|| no_key.to_owned())?;
        let key = load::key(&path)?
            .into_verification(accept::COLD_VERIFICATION)
            .map_err(|e| format!("{}: {e}", file_label(&path)))?;
        Ok(key.key_hash())
    }

    pub(super) fn governance_vote_saved(&mut self, index: usize, path: &Path) {
        let Some(draft) = self.governance.drafts.get_mut(index) else {
            return;
        };
        draft.saved = Some(path.to_path_buf());
        let saved = self.governance_saved_votes().len();
        let next = if saved > 1 {
            format!("{saved} vote files are ready: build one transaction with all of them on the online machine (command below), then sign it on the Sign tab.")
        } else {
            "Build its transaction on the online machine (command below), then sign it on the Sign tab.".to_owned()
        };
        self.say(format!("Saved the vote to {}. {next}", path.display()));
    }

    /// The vote files saved this session, in the actions' order, as the commands name them.
    pub fn governance_saved_votes(&self) -> Vec<String> {
        self.governance
            .drafts
            .iter()
            .filter_map(|d| d.saved.as_deref())
            .map(|p| {
                self.workspace
                    .as_ref()
                    .map_or_else(|| p.display().to_string(), |w| w.short(p))
            })
            .collect()
    }
}
