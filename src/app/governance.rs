//! The Governance tab's state and actions: the actions pasted or loaded from the online
//! machine, a vote and an optional rationale per action, anchor checks against local copies,
//! and the reward account's vote-delegation certificate. Vote files are
//! `governance_vote_file`'s.

use std::path::{Path, PathBuf};

use super::pick::{AfterSave, PickFor, SaveJob};
use super::picker::PickKind;
use super::{file_label, ConsoleApp};
use crate::core::certificate::{Certificate, Drep, Era};
use crate::core::encoding::hash::blake2b_256;
use crate::core::governance_actions::default_vote::RewardDelegation;
use crate::core::governance_actions::rationale::{matches_anchor, Rationale};
use crate::core::governance_actions::{parse_proposals, GovernanceAction};
use crate::core::keys::address::Credential;
use crate::platform::files::OutputKind;
use crate::platform::load;
use crate::platform::read::Input;

/// `query gov-state` on mainnet holds every DRep's distribution: tens of MiB.
const PROPOSALS_FILE: Input = Input {
    cap: 128 * 1024 * 1024,
    what: "proposals JSON file",
};
/// An anchor document: a page of JSON-LD, a PDF at most.
const ANCHOR_COPY: Input = Input {
    cap: 64 * 1024 * 1024,
    what: "anchor document",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteChoice {
    Yes,
    No,
    Abstain,
}

impl VoteChoice {
    pub fn cli_flag(self) -> &'static str {
        match self {
            Self::Yes => "--yes",
            Self::No => "--no",
            Self::Abstain => "--abstain",
        }
    }
}

/// What a local copy of an action's anchor document showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorCheck {
    Match { file: String },
    Mismatch { file: String, found: [u8; 32] },
}

/// One action's vote as it is being prepared.
#[derive(Debug, Clone, Default)]
pub struct VoteDraft {
    pub vote: Option<VoteChoice>,
    pub rationale: Rationale,
    /// The authors as typed, one per line.
    pub authors: String,
    /// Where the rationale will be published (the vote's anchor URL).
    pub anchor_url: String,
    /// The vote's anchor data hash as typed, or filled in when the rationale is saved.
    pub anchor_hash: String,
    /// The saved rationale file and its blake2b-256.
    pub anchor: Option<(PathBuf, [u8; 32])>,
    pub anchor_check: Option<AnchorCheck>,
    /// Where this action's vote file was saved.
    pub saved: Option<PathBuf>,
}

#[derive(Debug, Clone, Default)]
pub struct GovernanceDesk {
    /// The JSON pasted from the online machine.
    pub pasted: String,
    pub actions: Vec<GovernanceAction>,
    /// One per action, in the same order.
    pub drafts: Vec<VoteDraft>,
    /// The action whose details, vote and rationale are shown.
    pub selected: Option<usize>,
    /// Why the last paste or file could not be read.
    pub error: Option<String>,
    pub delegation: RewardDelegation,
    /// The DRep id typed for a DRep delegation (`drep1…` or 56 hex digits).
    pub drep_id: String,
}

impl GovernanceDesk {
    fn show(&mut self, text: &str) -> Result<usize, String> {
        let actions = parse_proposals(text)?;
        self.drafts = vec![VoteDraft::default(); actions.len()];
        self.actions = actions;
        self.selected = None;
        self.error = None;
        Ok(self.actions.len())
    }

    /// The DRep the certificate would name, or why there is none yet.
    pub fn drep(&self) -> Result<Drep, String> {
        match self.delegation {
            RewardDelegation::None => Err("Choose a vote delegation first.".to_owned()),
            RewardDelegation::AlwaysAbstain => Ok(Drep::AlwaysAbstain),
            RewardDelegation::AlwaysNoConfidence => Ok(Drep::AlwaysNoConfidence),
            RewardDelegation::Drep => drep_from_text(&self.drep_id),
        }
    }
}

/// A DRep id as typed: CIP-129 `drep1…` (29 bytes, header 0x22), the older 28-byte `drep1…`,
/// or 56 hex digits of the key hash.
fn drep_from_text(text: &str) -> Result<Drep, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("Type the DRep id (drep1… or its 56-hex key hash).".to_owned());
    }
    let bytes = hex::decode(t)
        .ok()
        .or_else(|| crate::core::encoding::bech32::decode_expecting(t, "drep").ok());
    let hash = match bytes.as_deref() {
        Some([0x22, rest @ ..]) if rest.len() == 28 => <[u8; 28]>::try_from(rest).ok(),
        Some(b) => <[u8; 28]>::try_from(b).ok(),
        None => None,
    };
    hash.map(Drep::Key).ok_or_else(|| {
        format!(
            "{} is not a DRep key id (drep1… or 56 hex digits).",
            crate::core::message::quote::quote_in_secret_context(t)
        )
    })
}

impl ConsoleApp {
    /// Reads the pasted JSON.
    pub fn governance_read_pasted(&mut self) {
        let text = self.governance.pasted.clone();
        match self.governance.show(&text) {
            Ok(n) => self.say(format!("Read {n} governance actions from the pasted JSON.")),
            Err(e) => {
                self.governance.error = Some(e.clone());
                self.fail(e);
            }
        }
    }

    pub fn governance_load_file(&mut self) {
        self.pick(
            PickKind::File,
            "The output of query proposals (or query gov-state)",
            PickFor::GovernanceProposals,
        );
    }

    pub(super) fn governance_load_from(&mut self, path: &Path) {
        let text = load::capped(path, PROPOSALS_FILE).and_then(|b| {
            String::from_utf8(b.expose().to_vec()).map_err(|_| {
                format!(
                    "{} is not text: {}",
                    file_label(path),
                    "choose the JSON file cardano-cli wrote"
                )
            })
        });
        match text.and_then(|t| {
            self.governance
                .show(&t)
                .map_err(|e| format!("{}: {e}", file_label(path)))
        }) {
            Ok(n) => self.say(format!(
                "Read {n} governance actions from {}.",
                file_label(path)
            )),
            Err(e) => {
                self.governance.error = Some(e.clone());
                self.fail(e);
            }
        }
    }

    pub fn governance_check_anchor(&mut self, index: usize) {
        self.pick(
            PickKind::File,
            "A local copy of the action's anchor document",
            PickFor::GovernanceAnchorCopy(index),
        );
    }

    pub(super) fn governance_anchor_copy(&mut self, index: usize, path: &Path) {
        let Some(expected) = self
            .governance
            .actions
            .get(index)
            .and_then(|a| a.anchor_hash)
        else {
            return self.fail("This action has no anchor hash to compare with.");
        };
        let bytes = match load::capped(path, ANCHOR_COPY) {
            Ok(b) => b.expose().to_vec(),
            Err(e) => return self.fail(e),
        };
        let file = file_label(path);
        let check = if matches_anchor(&bytes, &expected) {
            self.say(format!(
                "{file} is the action's anchor document: the hashes match."
            ));
            AnchorCheck::Match { file }
        } else {
            self.fail(format!(
                "{file} is not the action's anchor document: the hashes differ."
            ));
            AnchorCheck::Mismatch {
                file,
                found: blake2b_256(&bytes),
            }
        };
        if let Some(d) = self.governance.drafts.get_mut(index) {
            d.anchor_check = Some(check);
        }
    }

    /// Writes the action's rationale document; its hash becomes the vote's anchor hash.
    pub fn governance_save_rationale(&mut self, index: usize) {
        let Some(draft) = self.governance.drafts.get_mut(index) else {
            return;
        };
        draft.rationale.authors = draft.authors.lines().map(str::to_owned).collect();
        if let Some(problem) = draft.rationale.problem() {
            return self.fail(problem);
        }
        let bytes = draft.rationale.to_bytes();
        let name = self.governance.actions.get(index).map_or_else(
            || "rationale.jsonld".to_owned(),
            |a| vote_file_name(a).replace(".vote", ".rationale.jsonld"),
        );
        self.pick(
            PickKind::Save { file_name: name },
            "Save the vote's rationale (CIP-100 JSON-LD)",
            PickFor::Save(SaveJob {
                bytes,
                kind: OutputKind::Rationale,
                then: AfterSave::Rationale { index },
            }),
        );
    }

    pub(super) fn governance_rationale_saved(&mut self, index: usize, path: &Path, bytes: &[u8]) {
        let hash = blake2b_256(bytes);
        if let Some(d) = self.governance.drafts.get_mut(index) {
            d.anchor = Some((path.to_path_buf(), hash));
            d.anchor_hash = hex::encode(hash);
        }
        self.say(format!(
            "Saved the rationale to {}; its hash {} is the vote's anchor hash. Publish it at the anchor URL.",
            path.display(),
            hex::encode(hash)
        ));
    }

    /// The reward account's vote-delegation certificate, from the chosen stake key.
    pub fn governance_vote_delegation(&mut self) {
        let Some(key) = self.governance_reward_key() else {
            return self.fail("This folder has no stake verification key: generate the owner's stake keys on the Keys tab first.");
        };
        let drep = match self.governance.drep() {
            Ok(d) => d,
            Err(e) => return self.fail(e),
        };
        let cert = Certificate::VoteDelegation {
            credential: Credential::Key(key.key.key_hash()),
            drep,
        };
        let stem = file_label(&key.path);
        let stem = stem.strip_suffix(".vkey").unwrap_or(&stem).to_owned();
        self.pick(
            PickKind::Save {
                file_name: format!("{stem}.vote-deleg.cert"),
            },
            "Save the vote-delegation certificate",
            PickFor::Save(SaveJob {
                bytes: cert.to_envelope(Era::Conway).render().expose().to_vec(),
                kind: OutputKind::Certificate,
                then: AfterSave::Certificate,
            }),
        );
    }

    /// The pool's reward account key: the registration's reward account when it is a stake
    /// key file of the folder, else the folder's first stake key.
    pub fn governance_reward_key(&self) -> Option<&super::workspace::StakeKeyFile> {
        let ws = self.workspace.as_ref()?;
        let reward = self.registration.reward_account.trim();
        ws.stake_keys
            .iter()
            .find(|k| ws.short(&k.path) == reward)
            .or_else(|| ws.stake_keys.first())
    }
}

/// The vote file's name for an action, the same in every command shown.
pub fn vote_file_name(action: &GovernanceAction) -> String {
    let short = action.tx_id.get(..4).map(hex::encode).unwrap_or_default();
    format!("vote-{short}-{}.vote", action.index)
}
