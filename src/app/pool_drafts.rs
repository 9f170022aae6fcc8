//! Registration drafts kept per pool folder, so one pool's owners, relays and metadata never
//! show in another pool's builder, one click from the wrong certificate.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::registration::RegistrationForm;
use super::settings::registration_without_secrets;

/// Every pool folder's draft, and one typed before any folder was open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolDrafts {
    /// By pool folder, as the folder was opened.
    pub by_folder: BTreeMap<PathBuf, RegistrationForm>,
    /// Typed with no folder open: it goes to the first folder opened that has no draft yet.
    pub unfiled: Option<RegistrationForm>,
}

impl PoolDrafts {
    /// Keeps `form` as the draft of `folder` (no folder: the unfiled draft). An untouched form
    /// is not kept, so a folder never opened in the builder starts fresh.
    pub fn park(&mut self, folder: Option<&Path>, form: RegistrationForm) {
        let keep = (form != RegistrationForm::default()).then_some(form);
        match (folder, keep) {
            (Some(dir), Some(form)) => {
                self.by_folder.insert(dir.to_path_buf(), form);
            }
            (Some(dir), None) => {
                self.by_folder.remove(dir);
            }
            (None, keep) => self.unfiled = keep,
        }
    }

    /// The draft to show for `folder`: its own, else the unfiled one, else a fresh form.
    pub fn take_for(&mut self, folder: &Path) -> RegistrationForm {
        self.by_folder
            .remove(folder)
            .or_else(|| self.unfiled.take())
            .unwrap_or_default()
    }

    /// What is saved: every draft, the one on screen included, with secret-looking fields
    /// emptied.
    pub fn to_save(&self, folder: Option<&Path>, current: &RegistrationForm) -> Self {
        let mut all = self.clone();
        all.park(folder, current.clone());
        Self {
            by_folder: all
                .by_folder
                .iter()
                .map(|(dir, form)| (dir.clone(), registration_without_secrets(form)))
                .collect(),
            unfiled: all.unfiled.as_ref().map(registration_without_secrets),
        }
    }
}

/// When a key field names a file outside the pool folder, a note saying so (a draft carried
/// over from another pool would otherwise go unnoticed). Keys typed as text are not files.
pub fn outside_folder_note(text: &str, folder: &Path) -> Option<String> {
    let t = text.trim();
    let path = Path::new(t);
    let looks_like_path = t.contains('/') || t.contains(std::path::MAIN_SEPARATOR);
    if !looks_like_path {
        return None;
    }
    let inside = if path.is_absolute() {
        path.starts_with(folder) && !path.components().any(|c| c == Component::ParentDir)
    } else {
        !path.components().any(|c| c == Component::ParentDir)
    };
    (!inside).then(|| {
        format!(
            "This file is outside the pool folder {}: make sure it belongs to this pool",
            crate::core::message::quote::escape_path(&folder.to_string_lossy())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pledge: &str) -> RegistrationForm {
        RegistrationForm {
            pledge_ada: pledge.to_owned(),
            ..RegistrationForm::default()
        }
    }

    #[test]
    fn each_folder_keeps_its_own_draft() {
        let (alice, bob) = (Path::new("/pools/alice"), Path::new("/pools/bob"));
        let mut d = PoolDrafts::default();
        // Typed before a folder was open: carried into the first folder opened.
        d.park(None, form("1"));
        assert_eq!(d.take_for(alice), form("1"));
        d.park(Some(alice), form("100000"));
        assert_eq!(d.take_for(bob), RegistrationForm::default());
        d.park(Some(bob), form("5"));
        assert_eq!(d.take_for(alice), form("100000"));
        d.park(Some(alice), RegistrationForm::default());
        assert!(!d.by_folder.contains_key(alice));
        assert_eq!(d.take_for(bob), form("5"));
    }

    #[test]
    fn saved_drafts_hold_no_secrets() {
        let mut d = PoolDrafts::default();
        let mut secret = form("7");
        secret.reward_account = format!("5820{}", "ab".repeat(32));
        d.park(Some(Path::new("/pools/alice")), secret);
        let saved = d.to_save(Some(Path::new("/pools/bob")), &form("9"));
        assert_eq!(
            saved.by_folder[Path::new("/pools/alice")].reward_account,
            ""
        );
        assert_eq!(saved.by_folder[Path::new("/pools/alice")].pledge_ada, "7");
        assert_eq!(saved.by_folder[Path::new("/pools/bob")], form("9"));
    }

    #[test]
    fn files_outside_the_folder_are_named() {
        let folder = Path::new("/pools/bob");
        assert_eq!(outside_folder_note("owner.vkey", folder), None);
        assert_eq!(outside_folder_note("keys/owner.vkey", folder), None);
        assert_eq!(outside_folder_note("/pools/bob/owner.vkey", folder), None);
        assert_eq!(outside_folder_note("stake1uxyz", folder), None);
        let note =
            "This file is outside the pool folder /pools/bob: make sure it belongs to this pool";
        assert_eq!(
            outside_folder_note("/pools/alice/owner.vkey", folder).as_deref(),
            Some(note)
        );
        assert_eq!(
            outside_folder_note("../alice/owner.vkey", folder).as_deref(),
            Some(note)
        );
    }
}
