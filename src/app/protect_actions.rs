//! Keys at rest: "Protect with a passphrase…" on each plain signing key (the dialog's state and
//! the action, through the operations layer), and whether the folder's plain keys sit on a
//! machine that looks online.

use std::path::PathBuf;

use zeroize::Zeroizing;

use super::workspace::Role;
use super::{file_label, ConsoleApp};
use crate::core::keys::encrypted::Passphrase;
use crate::ops::protect;

/// The signing keys a person may protect: every kind the Keys tab makes.
pub const SIGNING_ROLES: [Role; 4] = [
    Role::ColdSkey,
    Role::VrfSkey,
    Role::KesSkey,
    Role::StakeSkey,
];

/// The keys that should never sit in clear on a connected machine (VRF and KES keys must be
/// plain on a running block producer, so they are not warned about).
const OFFLINE_ROLES: [Role; 2] = [Role::ColdSkey, Role::StakeSkey];

/// The open "Protect with a passphrase" dialog (no `Debug`: it holds what was typed).
pub struct ProtectDialog {
    pub key: PathBuf,
    pub first: Zeroizing<String>,
    pub second: Zeroizing<String>,
    pub error: Option<String>,
}

impl ProtectDialog {
    pub fn key_name(&self) -> String {
        file_label(&self.key)
    }
}

impl ConsoleApp {
    /// The folder's signing key files, each with whether it is encrypted.
    pub fn signing_key_files(&self) -> Vec<(PathBuf, bool)> {
        let Some(ws) = &self.workspace else {
            return Vec::new();
        };
        SIGNING_ROLES
            .iter()
            .flat_map(|r| ws.all(*r))
            .map(|p| (p.clone(), ws.is_encrypted(p)))
            .collect()
    }

    /// Plain cold and stake signing keys, when this machine looks online (asked once per scan
    /// of the folder, not every frame).
    pub fn plain_keys_online(&self) -> Vec<String> {
        let Some(ws) = &self.workspace else {
            return Vec::new();
        };
        let plain: Vec<String> = OFFLINE_ROLES
            .iter()
            .flat_map(|r| ws.all(*r))
            .filter(|p| !ws.is_encrypted(p))
            .map(|p| ws.short(p))
            .collect();
        if plain.is_empty() || !self.looks_online() {
            return Vec::new();
        }
        plain
    }

    fn looks_online(&self) -> bool {
        match self.online_cache.get() {
            Some((scan, online)) if scan == self.scan_generation => online,
            _ => {
                let online = (self.online_probe)();
                self.online_cache.set(Some((self.scan_generation, online)));
                online
            }
        }
    }

    pub fn offer_protect(&mut self, key: PathBuf) {
        self.protect = Some(ProtectDialog {
            key,
            first: Zeroizing::new(String::new()),
            second: Zeroizing::new(String::new()),
            error: None,
        });
    }

    /// The dialog's Protect: both passphrases the same and not empty, then the key file is
    /// replaced by its encrypted form.
    pub fn protect_key(&mut self) {
        let Some(mut dialog) = self.protect.take() else {
            return;
        };
        let problem = if dialog.first.is_empty() {
            Some("Type a passphrase, twice.")
        } else if dialog.first != dialog.second {
            Some("The two passphrases differ: type the same passphrase twice.")
        } else {
            None
        };
        if let Some(p) = problem {
            dialog.error = Some(p.to_owned());
            dialog.second = Zeroizing::new(String::new());
            self.protect = Some(dialog);
            return;
        }
        let name = dialog.key_name();
        let result = Passphrase::from_file_contents(dialog.first.as_bytes())
            .map_err(|e| e.to_string())
            .and_then(|p| protect::protect(&dialog.key, &p).map_err(|e| e.0));
        drop(dialog);
        match result {
            Ok(done) => {
                self.note(&done);
                self.rescan();
                self.say(format!("{name} is now encrypted with your passphrase: the console asks for it when the key is needed. Keep a backup of the file and the passphrase."));
            }
            Err(e) => self.fail(format!("{name} was not changed: {e}")),
        }
    }

    pub fn cancel_protect(&mut self) {
        self.protect = None;
        self.say("Cancelled: nothing was changed.");
    }
}
