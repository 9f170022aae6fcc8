//! What the console's buttons do, part one: open a pool folder (finishing any interrupted
//! write first), choose its network, confirm, inspect files. The tabs' own actions live in
//! `key_actions`, `opcert_actions` and `registration_actions`. Every action writes through the
//! operations layer (`crate::ops`), reports once in the status line, and records its
//! cardano-cli equivalent.

use std::path::{Path, PathBuf};

use super::aion_profile::Profile;
use super::network::NetworkChoice;
use super::pick::PickFor;
use super::picker::PickKind;
use super::registration_feedback::FormAction;
use super::workspace::{names, Workspace};
use super::{ConsoleApp, Pending, Tab};
use crate::core::describe;
use crate::platform::files::{self, OutputKind};
use crate::platform::folders;

/// A file name made from what a person typed: letters, digits, `-` and `_` only.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "owner".to_owned()
    } else {
        s
    }
}

impl ConsoleApp {
    // ------------------------------------------------------------------ workspace

    pub fn choose_workspace(&mut self) {
        self.pick(
            PickKind::Folder,
            "Open or create a pool folder",
            PickFor::Workspace,
        );
    }

    /// Opens a chosen pool folder; one that does not exist yet is created after a yes that
    /// names it.
    pub fn open_or_offer_to_create(&mut self, dir: PathBuf) {
        if folders::kind(&dir) != folders::Kind::Missing {
            return self.open_workspace(&dir);
        }
        self.ask(
            &format!("Create the pool folder {}?", folders::shown(&dir)),
            "It does not exist yet. Pool Console creates it, readable only by you since the pool's keys will live there, and opens it.".to_owned(),
            "Create",
            Pending::CreateWorkspace(dir),
        );
    }

    /// Creates a pool folder the person agreed to, and opens it.
    pub(super) fn create_workspace(&mut self, dir: &Path) {
        match folders::create_folder(dir) {
            Ok(_) => self.open_new_pool_folder(dir, self.new_folder_profile),
            Err(e) => self.fail(format!("The pool folder was not created: {e}")),
        }
    }

    /// Opens a pool folder the console just made (after the "Create" question, or with the
    /// picker's "New folder") as a pool of `chain`: an Aion one is marked first, so it opens
    /// with the Aion tabs now and every time after.
    pub(super) fn open_new_pool_folder(&mut self, dir: &Path, chain: Profile) {
        let aion = chain == Profile::Aion;
        if aion {
            if let Err(e) = self.mark_aion_folder(dir) {
                return self.fail(format!(
                    "The pool folder was created, but not marked as an Aion Unity folder: {e}"
                ));
            }
        }
        self.open_workspace(dir);
        if self.status.as_ref().is_some_and(|s| s.is_error) {
            return;
        }
        let next = if aion {
            "the management and signing keys"
        } else {
            "the cold keys"
        };
        let pool = if aion { "Aion Unity pool" } else { "pool" };
        self.say(format!(
            "Created the {pool} folder {} and opened it. Next: generate {next} (Keys tab).",
            folders::shown(dir)
        ));
    }

    pub fn open_workspace(&mut self, dir: &Path) {
        self.scan_generation += 1;
        self.pool_list = None;
        // A write that was cut short (power, kill) is finished before the files are read, so
        // the folder is shown as it will stay.
        let mut unfinished = None;
        if dir.is_dir() {
            match files::recover(dir) {
                Ok(notes) => self.drafts.recovered.extend(notes),
                Err(e) => unfinished = Some(e.to_string()),
            }
        }
        match Workspace::scan(dir) {
            Ok(ws) => {
                self.settings.remember_workspace(dir);
                let found = ws.files.values().map(Vec::len).sum::<usize>();
                let another = self.workspace.as_ref().map(|w| w.dir.as_path()) != Some(dir);
                self.switch_registration_draft(&ws.dir);
                self.workspace = Some(ws);
                self.refresh_aion_facts();
                if another {
                    // One pool's Aion forms and signed transaction never show in another's.
                    self.aion = super::aion_desk::AionDesk::default();
                    self.aion_load_saved_metadata();
                }
                self.keep_tab_in_profile();
                self.refresh_clock();
                match unfinished {
                    // The folder may be half-written: said as an error, not a passing note.
                    Some(e) => self.fail(format!(
                        "Opened {}, but it is not safe to use yet: {e}",
                        dir.display()
                    )),
                    None if self.profile == Profile::Aion => self.say(format!(
                        "Opened {}: an Aion Unity pool folder",
                        dir.display()
                    )),
                    None if found == 0 => self.say(empty_folder_note(dir)),
                    None => self.say(format!(
                        "Opened {} ({found} pool files recognised)",
                        dir.display()
                    )),
                }
            }
            Err(e) => self.fail(e),
        }
    }

    /// Parks the draft of the folder being left and brings out the one of `dir`, so one
    /// pool's owners, relays and metadata never show in another pool's builder.
    fn switch_registration_draft(&mut self, dir: &Path) {
        let leaving = self.workspace.as_ref().map(|w| w.dir.clone());
        if leaving.as_deref() == Some(dir) {
            return;
        }
        let form = std::mem::take(&mut self.registration);
        self.pool_drafts.park(leaving.as_deref(), form);
        self.registration = self.pool_drafts.take_for(dir);
        // The loaded metadata file and imported plan belong to the pool being left.
        self.drafts.loaded_metadata = None;
        self.drafts.imported_plan = None;
    }

    pub fn rescan(&mut self) {
        if let Some(dir) = self.workspace.as_ref().map(|w| w.dir.clone()) {
            self.scan_generation += 1;
            self.pool_list = None;
            match Workspace::scan(&dir) {
                Ok(ws) => {
                    self.workspace = Some(ws);
                    self.refresh_aion_facts();
                }
                Err(e) => self.fail(e),
            }
        }
    }

    pub fn set_network(&mut self, choice: NetworkChoice) {
        if let Some(dir) = self.workspace.as_ref().map(|w| w.dir.clone()) {
            self.settings.networks.insert(dir, choice);
        }
        self.refresh_clock();
    }

    /// Asks for a custom network's Shelley and Byron genesis files (the Byron one once the
    /// Shelley one is chosen: `app::pick`).
    pub fn choose_custom_network(&mut self) {
        self.pick(
            PickKind::File,
            "The network's Shelley genesis file (shelley-genesis.json)",
            PickFor::ShelleyGenesis,
        );
    }

    pub(super) fn use_custom_network(&mut self, shelley_genesis: PathBuf, byron_genesis: PathBuf) {
        let choice = NetworkChoice::Custom {
            shelley_genesis,
            byron_genesis,
        };
        match choice.clock() {
            Ok(c) => {
                self.set_network(choice);
                self.say(format!(
                    "Using network magic {} from its genesis files.",
                    c.network_magic
                ));
            }
            Err(e) => self.fail(format!("Those genesis files cannot be used: {e}")),
        }
    }

    /// Saves the metadata JSON from the form (or keeps a loaded file as it is).
    pub fn save_metadata(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        match self.registration.metadata.render_checked() {
            Err(e) => self.form_failed(
                FormAction::SaveMetadata,
                format!("The metadata is not valid yet: {e}"),
            ),
            Ok(json) => {
                let path = dir.join(names::METADATA);
                match self.save_output(&path, json.as_bytes(), OutputKind::Metadata) {
                    Ok(()) => {
                        self.drafts.loaded_metadata = Some((path.clone(), json.into_bytes()));
                        self.rescan();
                        self.say(format!(
                            "Saved {}: upload it to the metadata URL exactly as it is.",
                            names::METADATA
                        ));
                    }
                    Err(e) => self.fail(e),
                }
            }
        }
    }

    pub(super) fn refresh_clock(&mut self) {
        match self.network_choice().clock() {
            Ok(c) => self.clock = Some(c),
            Err(e) => {
                self.clock = None;
                self.fail(format!(
                    "The network's genesis files could not be read: {e}"
                ));
            }
        }
    }

    pub(super) fn workspace_dir(&mut self) -> Option<PathBuf> {
        let dir = self.workspace.as_ref().map(|w| w.dir.clone());
        if dir.is_none() {
            self.fail("Open a pool folder first (the Pool tab, or Ctrl+O).");
        }
        dir
    }

    // ------------------------------------------------------------------ inspect

    pub fn inspect_path(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let result = files::read(path).map_err(|e| e.to_string()).and_then(|b| {
            describe::describe(b.expose(), self.network()).map_err(|e| format!("{shown}: {e}"))
        });
        self.drafts.inspected.insert(0, (shown, result));
        self.drafts.inspected.truncate(10);
        self.tab = Tab::Inspect;
    }

    pub fn pick_and_inspect(&mut self) {
        self.pick(PickKind::File, "Choose a file to inspect", PickFor::Inspect);
    }
}

/// An empty folder may be a folder of pools (CNTools' `priv`): point at them.
fn empty_folder_note(dir: &Path) -> String {
    let shown = dir.display();
    match crate::platform::pool_folder_scan::pool_folders_below(dir).as_slice() {
        [] => format!("Opened {shown}: no pool files yet"),
        [one] => format!("Opened {shown}: no pool files here, but {one} holds a pool; open that folder instead"),
        many => format!(
            "Opened {shown}: no pool files here, but these folders hold pools: {}; open one of them instead",
            many.join(", ")
        ),
    }
}
