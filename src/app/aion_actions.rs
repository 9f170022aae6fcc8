//! What the Aion Unity tabs' buttons do: make or import the management and block-signing
//! keys, save the metadata, sign a registry action and save it. Files go through the
//! operations layer like every other output; the key text never reaches a message.

use std::path::{Path, PathBuf};

use super::aion_core::address::Address;
use super::aion_core::keys::{AionSigningKey, Role};
use super::aion_profile::{names, Profile, MARKER, MARKER_TEXT};
use super::ConsoleApp;
use crate::ops::aion_keys;
use crate::platform::files::{self, OutputKind};

/// The private and public key files of a role.
pub fn key_files(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::Management => (names::MANAGEMENT_KEY, names::MANAGEMENT_PUB),
        Role::Signing => (names::SIGNING_KEY, names::SIGNING_PUB),
    }
}

impl ConsoleApp {
    /// Whether the open folder is an Aion Unity one.
    pub fn is_aion(&self) -> bool {
        self.profile == Profile::Aion && self.workspace.is_some()
    }

    /// Marks a folder just created for Aion Unity, so it opens with the Aion tabs.
    pub(super) fn mark_aion_folder(&mut self, dir: &Path) -> Result<(), String> {
        let done = files::write_one(
            &dir.join(MARKER),
            MARKER_TEXT.as_bytes(),
            OutputKind::AionProfileMarker,
            false,
        )
        .map_err(|e| e.to_string())?;
        self.drafts.recovered.extend(done);
        Ok(())
    }

    /// The address of a role's key, from its public key file (None when there is none).
    pub fn aion_address(&self, role: Role) -> Option<Address> {
        let pk = match role {
            Role::Management => self.aion_facts.management_pk,
            Role::Signing => self.aion_facts.signing_pk,
        }?;
        Some(Address::from_public_key(&pk))
    }

    /// Reads the folder's Aion files again (at open, at rescan, after each Aion write).
    pub(super) fn refresh_aion_facts(&mut self) {
        self.aion_facts = self
            .workspace
            .as_ref()
            .map(|w| super::aion_profile::scan(&w.dir))
            .unwrap_or_default();
        self.profile = self.aion_facts.profile;
    }

    /// Generates a fresh key for `role` and writes its two files.
    pub fn aion_generate_key(&mut self, role: Role) {
        match crate::platform::entropy::seed32() {
            Ok(seed) => self.aion_write_key(role, &AionSigningKey::from_seed(*seed), "Generated"),
            Err(e) => self.fail(format!("No key was made: {e}.")),
        }
    }

    /// Imports the pasted hex key as the chosen role's key; the box is wiped either way.
    pub fn aion_import_key(&mut self) {
        let role = self.aion.import_role;
        let parsed = AionSigningKey::from_hex_text(&self.aion.import_hex);
        self.aion.import_hex = zeroize::Zeroizing::new(String::new());
        match parsed {
            Ok(key) => self.aion_write_key(role, &key, "Imported"),
            Err(e) => self.fail(format!("The pasted key was not imported: {e}")),
        }
    }

    fn aion_write_key(&mut self, role: Role, key: &AionSigningKey, verb: &str) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (secret, public) = key_files(role);
        if let Some(existing) = [secret, public].iter().find(|n| dir.join(n).exists()) {
            return self.fail(format!(
                "{existing} already exists: the {} key was not replaced. Move the old files away first if you mean to replace it.",
                crate::app::aion_core::role_word(role)
            ));
        }
        // The command line's own files: the private key 0600, the public key as its JSON.
        let (sp, pp): (PathBuf, PathBuf) = (dir.join(secret), dir.join(public));
        match aion_keys::write_pair(key, &sp, &pp, false) {
            Ok(done) => {
                self.drafts.recovered.extend(done.notes);
                self.rescan();
                self.say(format!(
                    "{verb} the {} key: {secret} (only you can read it) and {public}. Address {}.",
                    crate::app::aion_core::role_word(role),
                    key.address().to_checksum()
                ));
            }
            Err(e) => self.fail(format!(
                "The {} key was not written: {e}",
                crate::app::aion_core::role_word(role)
            )),
        }
    }

    /// Reads the management key to sign with (it never leaves this function).
    pub(super) fn aion_management_key(&mut self) -> Option<AionSigningKey> {
        let dir = self.workspace_dir()?;
        let read = aion_keys::read_signing(&dir.join(names::MANAGEMENT_KEY));
        match read {
            Ok(k) => Some(k),
            Err(e) => {
                self.fail(format!(
                    "The management key ({}) cannot be used: {e} Generate or import it on the Keys tab.",
                    names::MANAGEMENT_KEY
                ));
                None
            }
        }
    }

    /// Writes Aion files into the pool folder as one transaction; each replaces only a file
    /// of its own kind (metadata over metadata, a transaction over a transaction).
    pub(super) fn aion_save(&mut self, files: &[(&str, &[u8], OutputKind)]) -> Result<(), String> {
        let dir = self.workspace_dir().ok_or("no pool folder is open")?;
        let paths: Vec<PathBuf> = files.iter().map(|(name, _, _)| dir.join(name)).collect();
        let outputs: Vec<files::Output<'_>> = files
            .iter()
            .zip(&paths)
            .map(|((_, bytes, kind), path)| files::Output {
                path,
                bytes,
                kind: *kind,
            })
            .collect();
        let notes = files::write_all(&outputs, false).map_err(|e| e.to_string())?;
        self.drafts.recovered.extend(notes);
        self.rescan();
        Ok(())
    }
}
