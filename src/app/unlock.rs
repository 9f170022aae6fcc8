//! The passphrase prompt in front of an action that needs an encrypted key: the action stops,
//! the prompt asks for the passphrase, and the action runs again with it. The typed passphrase
//! lives in wiped memory and is dropped when the action is done; a wrong one is said in the
//! prompt, and the action, which opens the key before it writes anything, changed nothing.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::rotation::RotationPlan;
use super::{file_label, ConsoleApp};
use crate::core::keys::encrypted::{EncryptedError, Passphrase};
use crate::platform::load;

/// An action waiting for the passphrase of its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NeedsKey {
    IssueOpCert { kes_period: u64 },
    Rotate(RotationPlan),
    Predeploy,
    Sign(PathBuf),
}

/// The open prompt (no `Debug`: it holds what was typed).
pub struct UnlockPrompt {
    pub key: PathBuf,
    pub then: NeedsKey,
    pub typed: Zeroizing<String>,
    /// What went wrong with the last try, said in the prompt.
    pub error: Option<String>,
}

impl UnlockPrompt {
    /// The key's file name, for the prompt's title and messages.
    pub fn key_name(&self) -> String {
        file_label(&self.key)
    }
}

impl ConsoleApp {
    /// When `key` is encrypted, opens the passphrase prompt for `then` and says so (true); the
    /// caller stops there. A plain key: false, and the caller goes on.
    pub(super) fn ask_passphrase_for(&mut self, key: &Path, then: NeedsKey) -> bool {
        if !load::is_encrypted_key(key) {
            return false;
        }
        self.unlock = Some(UnlockPrompt {
            key: key.to_path_buf(),
            then,
            typed: Zeroizing::new(String::new()),
            error: None,
        });
        true
    }

    /// The prompt's Unlock: runs the waiting action with the typed passphrase. A wrong
    /// passphrase keeps the prompt open and says so; the passphrase is dropped either way.
    pub fn unlock_and_run(&mut self) {
        let Some(mut prompt) = self.unlock.take() else {
            return;
        };
        if prompt.typed.is_empty() {
            prompt.error = Some("Type the passphrase first.".to_owned());
            self.unlock = Some(prompt);
            return;
        }
        let typed = std::mem::take(&mut prompt.typed);
        let source =
            |_: &Path| Passphrase::from_file_contents(typed.as_bytes()).map_err(|e| e.to_string());
        let unlock = load::Unlock(&source);
        let outcome = match prompt.then.clone() {
            NeedsKey::IssueOpCert { kes_period } => self.write_opcert_with(kes_period, unlock),
            NeedsKey::Rotate(plan) => self.rotate_with(plan, unlock),
            NeedsKey::Predeploy => self.predeploy_with(unlock),
            NeedsKey::Sign(key) => self.sign_with_key_file_with(&key, unlock),
        };
        let Err(e) = outcome else { return };
        if e.contains(&EncryptedError::WrongPassphrase.to_string()) {
            prompt.error = Some(format!(
                "Wrong passphrase, or {} is damaged: it could not be opened, and nothing was changed. Type it again.",
                prompt.key_name()
            ));
            self.unlock = Some(prompt);
        } else {
            self.fail(e);
        }
    }

    /// The prompt's Cancel (or Escape): the action is dropped.
    pub fn cancel_unlock(&mut self) {
        self.unlock = None;
        self.say("Cancelled: nothing was changed.");
    }
}
