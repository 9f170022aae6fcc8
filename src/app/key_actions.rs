//! What the Keys tab's buttons do: cold, VRF, KES and owner stake keys, each through
//! the operations layer, with a confirmation before anything is replaced.

use super::actions::file_stem;
use super::registration::{self};
use super::workspace::names;
use super::{Confirm, ConsoleApp, Pending};
use crate::ops::keys::{self as key_ops, KeyFormat, PairKind, PairPaths};

impl Pending {
    /// Confirming overwrites keys, which cannot be had back: the dialog is red, names the
    /// loss, and only a click confirms.
    pub fn is_destructive(&self) -> bool {
        matches!(
            self,
            Self::ReplaceColdKeys
                | Self::ReplaceColdKeysFromPhrase
                | Self::ReplaceVrfKeys
                | Self::ReplaceKesKeys
                | Self::ReplaceStakeKeys(_)
        )
    }

    /// Enter may confirm only what is harmless to do by accident (creating an empty folder).
    /// Anything that writes keys, moves the issue counter or retires the pool waits for a
    /// click: Enter is pressed out of habit, often meant for the field behind the dialog.
    pub fn enter_confirms(&self) -> bool {
        matches!(self, Self::CreateWorkspace(_))
    }
}

impl ConsoleApp {
    pub(crate) fn ask(
        &mut self,
        title: &str,
        message: String,
        confirm_label: &str,
        action: Pending,
    ) {
        self.confirm = Some(Confirm {
            title: title.to_owned(),
            message,
            confirm_label: confirm_label.to_owned(),
            action,
        });
    }

    /// Runs the action the person confirmed.
    pub fn confirmed(&mut self) {
        let Some(c) = self.confirm.take() else { return };
        self.run(c.action);
    }

    /// Does what `action` names (confirmed, or nothing to confirm).
    fn run(&mut self, action: Pending) {
        match action {
            Pending::ReplaceColdKeys => self.write_cold_keys(),
            Pending::ReplaceColdKeysFromPhrase => self.write_phrase_cold_keys(),
            Pending::ReplaceVrfKeys => self.write_pair(PairKind::Vrf, true),
            Pending::ReplaceKesKeys => self.write_pair(PairKind::Kes, true),
            Pending::ReplaceStakeKeys(name) => self.write_stake_keys(&name, true),
            Pending::IssueOpCert { kes_period } => self.write_opcert(kes_period),
            Pending::Retire { epoch } => self.write_retirement(epoch),
            Pending::Rotate(plan) => self.rotate(plan),
            Pending::CreateWorkspace(dir) => self.create_workspace(&dir),
        }
    }

    pub fn generate_cold_keys(&mut self) {
        self.write_or_ask_cold(Pending::ReplaceColdKeys);
    }

    /// Writes new cold keys at once when the folder has none; otherwise asks first, naming
    /// what is lost, and `action` writes them once confirmed.
    pub(super) fn write_or_ask_cold(&mut self, action: Pending) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let existing: Vec<String> = [names::COLD_VKEY, names::COLD_SKEY, names::COUNTER]
            .into_iter()
            .filter(|n| dir.join(n).exists())
            .map(str::to_owned)
            .collect();
        if existing.is_empty() {
            self.run(action);
        } else {
            self.ask(
                "Replace the cold keys?",
                format!(
                    "{} already exist in {}. Replacing them makes a NEW pool with a new pool id.\n\nLost with the old cold.skey: the only key that can update or retire the old pool. Its registration, its pledge and its delegators stay with the old pool id, and its pool deposit comes back only through a retirement signed by the old key.\n\nOnly continue if you have a copy of the old files, or never registered a pool with them.",
                    existing.join(", "),
                    dir.display()
                ),
                "Replace cold keys",
                action,
            );
        }
    }

    pub(super) fn write_cold_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let [vp, sp, cp] = cold_files(&dir);
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        // The person confirmed replacing the old files (or there were none).
        let result = key_ops::generate_cold(paths, &cp, KeyFormat::TextEnvelope, true)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                self.rescan();
                self.say("Generated the cold keys and issue counter (cold.vkey, cold.skey, cold.counter). Back up cold.skey and keep it offline.");
            }
            Err(e) => self.fail(e),
        }
    }

    pub fn generate_vrf_keys(&mut self) {
        self.generate_pair(PairKind::Vrf);
    }

    pub fn generate_kes_keys(&mut self) {
        self.generate_pair(PairKind::Kes);
    }

    pub(super) fn generate_pair(&mut self, kind: PairKind) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn, what) = pair_files(kind);
        if dir.join(vn).exists() || dir.join(sn).exists() {
            let (consequence, pending) = if kind == PairKind::Vrf {
                ("A registered pool must keep its VRF key: a new one needs a new registration certificate before the node can make blocks with it.", Pending::ReplaceVrfKeys)
            } else {
                ("The node keeps signing with the old KES key until you issue a new operational certificate for the new one and restart it.", Pending::ReplaceKesKeys)
            };
            self.ask(
                &format!("Replace the {what} keys?"),
                format!(
                    "{vn} and {sn} already exist in {}. {consequence}",
                    dir.display()
                ),
                &format!("Replace {what} keys"),
                pending,
            );
        } else {
            self.write_pair(kind, false);
        }
    }

    pub(super) fn write_pair(&mut self, kind: PairKind, force: bool) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn, _) = pair_files(kind);
        let (vp, sp) = (dir.join(vn), dir.join(sn));
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        let result = key_ops::generate_pair(kind, paths, KeyFormat::TextEnvelope, force)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                self.rescan();
                self.say(format!("Generated {vn} and {sn}."));
            }
            Err(e) => self.fail(e),
        }
    }

    /// Generates an owner's stake keys (`<name>.stake.vkey/.skey`) and adds the owner to the builder.
    pub fn generate_stake_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let name = file_stem(&self.drafts.owner_name);
        if dir.join(format!("{name}.stake.vkey")).exists()
            || dir.join(format!("{name}.stake.skey")).exists()
        {
            self.ask(
                "Replace this owner's stake keys?",
                format!(
                    "{name}.stake.vkey or {name}.stake.skey already exists. The ADA delegated from the old stake key would no longer count as this owner's pledge."
                ),
                "Replace stake keys",
                Pending::ReplaceStakeKeys(name),
            );
        } else {
            self.write_stake_keys(&name, false);
        }
    }

    pub(super) fn write_stake_keys(&mut self, name: &str, force: bool) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn) = (format!("{name}.stake.vkey"), format!("{name}.stake.skey"));
        let (vp, sp) = (dir.join(&vn), dir.join(&sn));
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        let result = key_ops::generate_pair(PairKind::Stake, paths, KeyFormat::TextEnvelope, force)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                let display = if self.drafts.owner_name.trim().is_empty() {
                    name.to_owned()
                } else {
                    self.drafts.owner_name.trim().to_owned()
                };
                let form = &mut self.registration;
                if !form.owners.iter().any(|o| o.key == vn) {
                    form.owners.push(registration::OwnerDraft {
                        name: display,
                        key: vn.clone(),
                        pledge_ada: String::new(),
                    });
                }
                if form.reward_account.trim().is_empty() {
                    form.reward_account.clone_from(&vn);
                }
                self.drafts.owner_name.clear();
                self.rescan();
                self.say(format!(
                    "Generated {vn} and {sn}, and added the owner to the registration."
                ));
            }
            Err(e) => self.fail(e),
        }
    }
}

/// cold.vkey, cold.skey and cold.counter in `dir`.
pub(super) fn cold_files(dir: &std::path::Path) -> [std::path::PathBuf; 3] {
    [names::COLD_VKEY, names::COLD_SKEY, names::COUNTER].map(|n| dir.join(n))
}

/// The standard file names of a VRF or KES pair, and what the person calls it.
fn pair_files(kind: PairKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        PairKind::Vrf => (names::VRF_VKEY, names::VRF_SKEY, "VRF"),
        _ => (names::KES_VKEY, names::KES_SKEY, "KES"),
    }
}
