//! Asking for a path without stopping the console. An action says what it wants (a folder,
//! a file, a place to save) and what the path is for ([`PickFor`]); the desktop's dialog is
//! tried first, and when it cannot be shown (no D-Bus session bus, no portal) or the person
//! chose "Use the built-in file picker", the console's own picker opens instead and the
//! action continues on the frame the person confirms. Either way the continuation is the
//! same function, so a pick can lead to another (a custom network's two genesis files).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::picker::{Outcome, PickKind, Picker};
use super::ConsoleApp;
use crate::core::chain::clock::format_utc;
use crate::core::transaction::KeyWitness;
use crate::platform::dialogs::Answer;
use crate::platform::files::OutputKind;

/// What a chosen path is for: the rest of the action that asked.
#[derive(Debug, Clone, PartialEq)]
pub enum PickFor {
    /// A pool folder to open (or to create, after a yes).
    Workspace,
    /// A custom network's Shelley genesis file; the Byron one is asked next.
    ShelleyGenesis,
    ByronGenesis {
        shelley: PathBuf,
    },
    Inspect,
    WatchOpcert,
    Metadata,
    ImportPlan,
    ReviewCertificate,
    ReviewPrevious,
    ReviewPlan,
    ReviewOwnerKey,
    ReviewMetadata,
    SignTransaction,
    SigningKey,
    AddWitness,
    /// `query proposals` / `query gov-state` JSON for the Governance tab.
    GovernanceProposals,
    /// A local copy of action `.0`'s anchor document, to compare with its hash.
    GovernanceAnchorCopy(usize),
    /// Bytes made before asking where they go.
    Save(SaveJob),
    /// The Aion metadata's logo (a PNG).
    AionLogo,
}

/// An output ready to be written once the person says where.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveJob {
    pub bytes: Vec<u8>,
    pub kind: OutputKind,
    pub then: AfterSave,
}

/// What is said and kept once a [`SaveJob`] is written.
#[derive(Debug, Clone, PartialEq)]
pub enum AfterSave {
    Plan,
    Certificate,
    SignOffSheet,
    Reminder {
        at: DateTime<Utc>,
    },
    Witness {
        witness: KeyWitness,
        key_name: String,
    },
    SignedTransaction,
    /// A vote's rationale document for action `index`: its hash becomes the anchor hash.
    Rationale {
        index: usize,
    },
    /// Action `index`'s vote file.
    Vote {
        index: usize,
    },
}

/// The console's own picker while it is open, and what the desktop's dialogs have shown.
#[derive(Debug, Default)]
pub struct Picking {
    pub open: Option<OpenPicker>,
    /// Why the desktop's dialog could not be shown, once it failed: the console's picker is
    /// used for the rest of the session.
    pub native_problem: Option<String>,
    /// The folder of the last file chosen, where the next file pick starts.
    pub last_dir: Option<PathBuf>,
}

#[derive(Debug)]
pub struct OpenPicker {
    pub picker: Picker,
    pub purpose: PickFor,
}

impl ConsoleApp {
    /// Asks for a path for `purpose`: the desktop's dialog, or the console's own picker.
    pub fn pick(&mut self, kind: PickKind, title: &str, purpose: PickFor) {
        if !self.settings.builtin_file_picker && self.picking.native_problem.is_none() {
            let dialogs = &mut self.platform.dialogs;
            let answer = match &kind {
                PickKind::Folder => dialogs.pick_folder(title),
                PickKind::File => dialogs.pick_file(title),
                PickKind::Save { file_name } => dialogs.save_file(title, file_name),
            };
            match answer {
                Answer::Chosen(path) => return self.picked(purpose, path),
                Answer::Cancelled => return self.pick_cancelled(&purpose),
                Answer::Unavailable(why) => self.picking.native_problem = Some(why),
            }
        }
        let start = self.start_dir(&kind);
        let mut picker = Picker::new(
            kind,
            title,
            &start,
            self.places(),
            self.picking.native_problem.clone(),
        );
        if purpose == PickFor::Workspace {
            picker = picker.for_pool_folder();
        }
        self.picking.open = Some(OpenPicker { picker, purpose });
    }

    /// What the console's picker did this frame.
    pub fn picker_outcome(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Cancel => {
                if let Some(open) = self.picking.open.take() {
                    self.pick_cancelled(&open.purpose);
                }
            }
            Outcome::Chosen(path) => {
                if let Some(open) = self.picking.open.take() {
                    // A folder "New folder" made for a pool opens as a pool of the chain
                    // chosen then, like one created after the "Create" question.
                    match (open.purpose, open.picker.chain_of(&path)) {
                        (PickFor::Workspace, Some(chain)) => {
                            self.open_new_pool_folder(&path, chain)
                        }
                        (purpose, _) => self.picked(purpose, path),
                    }
                }
            }
        }
    }

    /// Where the console's picker starts: beside the open pool folder for another pool
    /// folder; for files, where the last one was chosen, else in the pool folder.
    fn start_dir(&self, kind: &PickKind) -> PathBuf {
        let ws = self.workspace.as_ref().map(|w| w.dir.clone());
        let home = crate::platform::dirs::home_dir();
        let parent = |p: Option<&PathBuf>| p.and_then(|p| p.parent()).map(Path::to_path_buf);
        let candidates = match kind {
            PickKind::Folder => [
                parent(ws.as_ref()),
                parent(self.settings.recent_workspaces.first()),
                home,
            ],
            _ => [self.picking.last_dir.clone(), ws, home],
        };
        candidates
            .into_iter()
            .flatten()
            .next()
            .unwrap_or_else(|| PathBuf::from("/"))
    }

    /// Places to jump to: home, then the recent pool folders.
    fn places(&self) -> Vec<(String, PathBuf)> {
        let mut places = Vec::new();
        if let Some(home) = crate::platform::dirs::home_dir() {
            places.push(("🏠 Home".to_owned(), home));
        }
        for dir in &self.settings.recent_workspaces {
            places.push((format!("🕘 {}", super::file_label(dir)), dir.clone()));
        }
        places
    }

    fn picked(&mut self, purpose: PickFor, path: PathBuf) {
        if !matches!(purpose, PickFor::Workspace) {
            self.picking.last_dir = path.parent().map(Path::to_path_buf);
        }
        match purpose {
            PickFor::Workspace => self.open_or_offer_to_create(path),
            PickFor::ShelleyGenesis => self.pick(
                PickKind::File,
                "The network's Byron genesis file (byron-genesis.json)",
                PickFor::ByronGenesis { shelley: path },
            ),
            PickFor::ByronGenesis { shelley } => self.use_custom_network(shelley, path),
            PickFor::Inspect => self.inspect_path(&path),
            PickFor::WatchOpcert => self.watch_opcert(path),
            PickFor::Metadata => self.load_metadata_from(&path),
            PickFor::ImportPlan => self.import_plan(&path),
            PickFor::ReviewCertificate => self.review_load_certificate(&path),
            PickFor::ReviewPrevious => self.review.load_previous(&path),
            PickFor::ReviewPlan => self.review.load_plan(&path),
            PickFor::ReviewOwnerKey => self.review.load_owner_key(&path),
            PickFor::ReviewMetadata => self.review.load_metadata(&path),
            PickFor::SignTransaction => self.sign.load(&path),
            PickFor::SigningKey => self.sign_with_key_file(&path),
            PickFor::AddWitness => self.sign_add_witness_from(&path),
            PickFor::GovernanceProposals => self.governance_load_from(&path),
            PickFor::GovernanceAnchorCopy(index) => self.governance_anchor_copy(index, &path),
            PickFor::Save(job) => self.finish_save(job, &path),
            PickFor::AionLogo => self.aion_load_logo(&path),
        }
    }

    /// A cancelled pick changes nothing; it is said only halfway through two picks.
    fn pick_cancelled(&mut self, purpose: &PickFor) {
        if let PickFor::ByronGenesis { .. } = purpose {
            self.say("The network was not changed: no Byron genesis file was chosen.");
        }
    }

    fn finish_save(&mut self, job: SaveJob, path: &Path) {
        let shown = path.display();
        match self.save_output(path, &job.bytes, job.kind) {
            Ok(()) => match job.then {
                AfterSave::Plan => self.say(format!(
                    "Saved the pool plan to {shown}: send it to every owner to review"
                )),
                AfterSave::Certificate => {
                    self.say(format!("Saved the certificate to {shown}"));
                }
                AfterSave::SignOffSheet => self.say(format!(
                    "Saved the sign-off sheet to {shown} (open it in a browser to print)"
                )),
                AfterSave::Reminder { at } => self.say(format!(
                    "Saved the reminder for {} to {shown}: open it with your calendar.",
                    format_utc(at)
                )),
                AfterSave::Witness { witness, key_name } => {
                    self.sign.error = None;
                    self.sign.hold(key_name.clone(), witness);
                    self.say(format!(
                        "Signed with {key_name}; saved the witness to {shown}"
                    ));
                }
                AfterSave::SignedTransaction => self.said_signed_saved(path),
                AfterSave::Rationale { index } => {
                    self.governance_rationale_saved(index, path, &job.bytes);
                }
                AfterSave::Vote { index } => self.governance_vote_saved(index, path),
            },
            Err(e) => {
                if matches!(
                    job.then,
                    AfterSave::Witness { .. } | AfterSave::SignedTransaction
                ) {
                    self.sign.error = Some(e.clone());
                }
                self.fail(e);
            }
        }
    }
}
