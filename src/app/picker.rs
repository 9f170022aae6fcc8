//! The console's own file and folder picker, for desktops without a file dialog (no
//! xdg-desktop-portal) or when the person prefers it: a typed path, the folder's entries,
//! recent folders and "New folder". This is its state and what its controls do; `ui::picker`
//! draws it, and `app::pick` continues the action that asked once a path is chosen.

use std::path::{Path, PathBuf};

use super::aion_profile::Profile;
use crate::platform::folders::{self, Created, Entry, Kind};

/// What is being asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickKind {
    Folder,
    File,
    /// A new file's place, suggesting this name.
    Save {
        file_name: String,
    },
}

/// What a control did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Cancel,
    Chosen(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub kind: PickKind,
    pub title: String,
    /// The folder shown.
    pub dir: PathBuf,
    /// Its entries, or why it cannot be listed (said where the entries would be).
    pub listing: Result<Vec<Entry>, String>,
    /// The path field: the folder shown, or what the person typed.
    pub path_text: String,
    /// What is wrong with the typed path, said under the field.
    pub path_error: Option<String>,
    /// The file chosen in the list (file picks).
    pub selected: Option<PathBuf>,
    /// The new file's name (saves).
    pub file_name: String,
    pub show_hidden: bool,
    /// The "New folder" name while it is being typed.
    pub new_folder: Option<String>,
    pub new_folder_error: Option<String>,
    /// The chain asked for with "New folder" when a pool folder is being picked (None for
    /// other picks, where a new folder is just a folder).
    pub new_folder_chain: Option<Profile>,
    /// The folders "New folder" made in this pick, each with the chain chosen for it: one of
    /// them, once opened, opens as a pool of that chain.
    pub made: Vec<(PathBuf, Profile)>,
    /// What stops the primary button, said beside it.
    pub error: Option<String>,
    /// A save onto an existing file waits for a second yes; this is the file.
    pub replace: Option<PathBuf>,
    /// Folders to jump to: home, then the recent pool folders.
    pub places: Vec<(String, PathBuf)>,
    /// Why the desktop's own dialog is not used, when it is not a setting.
    pub why: Option<String>,
    /// Just opened: keyboard focus is taken from the window below on the first frame.
    pub fresh: bool,
}

impl Picker {
    /// A picker showing `start` (or the nearest folder above it that exists).
    pub fn new(
        kind: PickKind,
        title: &str,
        start: &Path,
        places: Vec<(String, PathBuf)>,
        why: Option<String>,
    ) -> Self {
        let file_name = match &kind {
            PickKind::Save { file_name } => file_name.clone(),
            _ => String::new(),
        };
        let mut dir = start.to_path_buf();
        while folders::kind(&dir) != Kind::Folder {
            match dir.parent() {
                Some(p) => dir = p.to_path_buf(),
                None => break,
            }
        }
        let mut picker = Self {
            kind,
            title: title.to_owned(),
            listing: Ok(Vec::new()),
            path_text: String::new(),
            dir: PathBuf::new(),
            path_error: None,
            selected: None,
            file_name,
            show_hidden: false,
            new_folder: None,
            new_folder_error: None,
            new_folder_chain: None,
            made: Vec::new(),
            error: None,
            replace: None,
            places,
            why,
            fresh: true,
        };
        picker.show_folder(dir);
        picker
    }

    /// The label of the primary button.
    pub fn confirm_label(&self) -> &'static str {
        match (&self.kind, &self.replace) {
            (PickKind::Folder, _) => "Open this folder",
            (PickKind::File, _) => "Open",
            (PickKind::Save { .. }, None) => "Save",
            (PickKind::Save { .. }, Some(_)) => "Replace",
        }
    }

    /// The entries to show: no dot files unless asked, and no files in a folder pick.
    pub fn visible(&self) -> Vec<&Entry> {
        match &self.listing {
            Ok(list) => list
                .iter()
                .filter(|e| self.show_hidden || !e.hidden)
                .filter(|e| e.is_folder || self.kind != PickKind::Folder)
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    fn show_folder(&mut self, dir: PathBuf) {
        self.listing = folders::list_dir(&dir);
        self.path_text = dir.display().to_string();
        self.dir = dir;
        self.path_error = None;
        self.selected = None;
        self.error = None;
        self.replace = None;
    }

    /// Goes to a folder, or says under the path field why not.
    pub fn go(&mut self, dir: &Path) {
        match folders::kind(dir) {
            Kind::Folder => self.show_folder(dir.to_path_buf()),
            Kind::Missing => {
                self.path_error = Some(format!("{} does not exist.", folders::shown(dir)));
            }
            Kind::File => {
                self.path_error = Some(format!("{} is a file, not a folder.", folders::shown(dir)));
            }
            Kind::Other(why) => {
                self.path_error = Some(format!("{}: {why}.", folders::shown(dir)));
            }
        }
    }

    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent().map(Path::to_path_buf) {
            self.go(&parent);
        }
    }

    pub fn refresh(&mut self) {
        self.show_folder(self.dir.clone());
    }

    /// The typed path made absolute: `~` is the home folder, a relative path is below the
    /// folder shown.
    pub fn typed_path(&self) -> Option<PathBuf> {
        let text = self.path_text.trim();
        if text.is_empty() {
            return None;
        }
        let home = || crate::platform::dirs::home_dir().unwrap_or_else(|| PathBuf::from("/"));
        let path = if text == "~" {
            home()
        } else if let Some(rest) = text.strip_prefix("~/") {
            home().join(rest)
        } else {
            self.dir.join(text)
        };
        Some(path)
    }

    /// Enter in the path field: a folder is shown; a file is opened (file picks) or saved
    /// to (saves); a missing folder is what a folder pick chooses (the action may offer to
    /// create it). Anything else is said under the field.
    pub fn submit_path(&mut self) -> Outcome {
        let Some(path) = self.typed_path() else {
            self.path_error = Some("Type the path of a folder.".to_owned());
            return Outcome::Stay;
        };
        let kind = folders::kind(&path);
        match (&self.kind, kind) {
            (_, Kind::Folder) => {
                self.show_folder(path);
                Outcome::Stay
            }
            (PickKind::File, Kind::File) => Outcome::Chosen(path),
            (PickKind::Folder, Kind::Missing) => Outcome::Chosen(path),
            (PickKind::Save { .. }, Kind::File | Kind::Missing) => {
                match (path.parent(), path.file_name()) {
                    (Some(parent), Some(name)) if folders::kind(parent) == Kind::Folder => {
                        let name = name.to_string_lossy().into_owned();
                        self.show_folder(parent.to_path_buf());
                        self.file_name = name;
                        self.confirm()
                    }
                    _ => {
                        self.path_error = Some(format!(
                            "{} is not in a folder that exists.",
                            folders::shown(&path)
                        ));
                        Outcome::Stay
                    }
                }
            }
            (_, _) => {
                self.go(&path);
                Outcome::Stay
            }
        }
    }

    /// A click on an entry: a folder is opened; a file is chosen (file picks) or its name
    /// taken (saves).
    pub fn click(&mut self, entry: &Entry) {
        if entry.is_folder {
            self.go(&entry.path);
            return;
        }
        self.error = None;
        match self.kind {
            PickKind::File => self.selected = Some(entry.path.clone()),
            PickKind::Save { .. } => {
                self.file_name.clone_from(&entry.name);
                self.replace = None;
            }
            PickKind::Folder => {}
        }
    }

    /// A double click: a file is opened or saved to at once.
    pub fn activate(&mut self, entry: &Entry) -> Outcome {
        self.click(entry);
        if entry.is_folder {
            Outcome::Stay
        } else {
            self.confirm()
        }
    }

    /// The primary button (or Enter).
    pub fn confirm(&mut self) -> Outcome {
        self.error = None;
        match &self.kind {
            PickKind::Folder => {
                // A typed path that is not the folder shown is the one meant; a missing one
                // too (the action may offer to create it).
                match self.typed_path() {
                    Some(typed) if typed != self.dir => match folders::kind(&typed) {
                        Kind::Folder | Kind::Missing => Outcome::Chosen(typed),
                        _ => self.submit_path(),
                    },
                    _ => Outcome::Chosen(self.dir.clone()),
                }
            }
            PickKind::File => match self.selected.clone() {
                Some(p) => Outcome::Chosen(p),
                None => {
                    self.error = Some("Choose a file in the list first.".to_owned());
                    Outcome::Stay
                }
            },
            PickKind::Save { .. } => self.confirm_save(),
        }
    }

    fn confirm_save(&mut self) -> Outcome {
        let name = self.file_name.trim();
        if name.is_empty() {
            self.error = Some("Type a name for the file.".to_owned());
            return Outcome::Stay;
        }
        let target = self.dir.join(name);
        match folders::kind(&target) {
            Kind::Missing => Outcome::Chosen(target),
            Kind::Folder => {
                self.error = Some(format!(
                    "{} is a folder; type a file name.",
                    folders::shown(&target)
                ));
                Outcome::Stay
            }
            Kind::File if self.replace.as_ref() == Some(&target) => Outcome::Chosen(target),
            Kind::File => {
                self.error = Some(format!(
                    "{} already exists. Choose Replace to write over it, or type another name.",
                    folders::shown(&target)
                ));
                self.replace = Some(target);
                Outcome::Stay
            }
            Kind::Other(why) => {
                self.error = Some(format!("{}: {why}.", folders::shown(&target)));
                Outcome::Stay
            }
        }
    }

    /// The name field changed: a replacement agreed for the old name no longer holds.
    pub fn file_name_edited(&mut self) {
        self.replace = None;
        self.error = None;
    }

    /// Asks the chain with "New folder", for a pick of a pool folder.
    pub fn for_pool_folder(mut self) -> Self {
        self.new_folder_chain = Some(Profile::default());
        self
    }

    /// The "New folder" button: an empty name, and Cardano unless the person says otherwise.
    pub fn start_new_folder(&mut self) {
        self.new_folder = Some(String::new());
        self.new_folder_error = None;
        if self.new_folder_chain.is_some() {
            self.new_folder_chain = Some(Profile::default());
        }
    }

    /// The chain chosen for `dir` when "New folder" made it in this pick.
    pub fn chain_of(&self, dir: &Path) -> Option<Profile> {
        self.made
            .iter()
            .rev()
            .find(|(made, _)| made == dir)
            .map(|(_, chain)| *chain)
    }

    /// Creates the folder named in the "New folder" field inside the folder shown, and
    /// shows it. In a pool folder pick the chain chosen sticks to it (not written yet: the
    /// folder may only hold pool folders, and is marked only if it is opened).
    pub fn create_folder(&mut self) {
        let Some(name) = self.new_folder.as_deref().map(str::trim) else {
            return;
        };
        let problem = if name.is_empty() {
            Some("Type a name for the new folder.".to_owned())
        } else if name == "." || name == ".." || name.contains(['/', '\\']) {
            Some("A folder name cannot be . or .. or contain / or \\.".to_owned())
        } else {
            None
        };
        if let Some(p) = problem {
            self.new_folder_error = Some(p);
            return;
        }
        let path = self.dir.join(name);
        match folders::create_folder(&path) {
            Ok(Created::New) => {
                self.new_folder = None;
                self.new_folder_error = None;
                if let Some(chain) = self.new_folder_chain {
                    self.made.push((path.clone(), chain));
                }
                self.show_folder(path);
            }
            Ok(Created::AlreadyThere) => {
                self.new_folder_error = Some(format!("{} already exists.", folders::shown(&path)));
            }
            Err(e) => self.new_folder_error = Some(e),
        }
    }
}

/// A file size in words: `812 bytes`, `4.1 kB`, `2.0 MB`.
pub fn size_words(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // one decimal shown
    let b = bytes as f64;
    match bytes {
        1 => "1 byte".to_owned(),
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{:.1} kB", b / 1e3),
        1_000_000..=999_999_999 => format!("{:.1} MB", b / 1e6),
        _ => format!("{:.1} GB", b / 1e9),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::disallowed_methods)] // tests lay out folders directly
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("pools")).unwrap();
        std::fs::create_dir(dir.path().join(".cache")).unwrap();
        std::fs::write(dir.path().join("plan.json"), b"{}").unwrap();
        dir
    }

    #[test]
    fn a_folder_pick_shows_folders_only_and_chooses_the_folder_shown() {
        let dir = folder();
        let mut p = Picker::new(PickKind::Folder, "t", dir.path(), vec![], None);
        let names: Vec<&str> = p.visible().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["pools"]);
        p.show_hidden = true;
        assert_eq!(p.visible().len(), 2);
        let pools = p.visible()[1].clone();
        p.click(&pools);
        assert_eq!(p.dir, dir.path().join("pools"));
        assert_eq!(p.confirm(), Outcome::Chosen(dir.path().join("pools")));
        p.up();
        assert_eq!(p.dir, dir.path());
    }

    #[test]
    fn typed_paths_go_to_folders_choose_missing_ones_and_say_what_is_wrong() {
        let dir = folder();
        let mut p = Picker::new(PickKind::Folder, "t", dir.path(), vec![], None);
        p.path_text = "pools".to_owned();
        assert_eq!(p.submit_path(), Outcome::Stay);
        assert_eq!(p.dir, dir.path().join("pools"));
        p.path_text = dir.path().join("new-pool").display().to_string();
        assert_eq!(p.confirm(), Outcome::Chosen(dir.path().join("new-pool")));
        p.path_text = dir.path().join("plan.json").display().to_string();
        assert_eq!(p.submit_path(), Outcome::Stay);
        assert_eq!(
            p.path_error.as_deref(),
            Some(
                format!(
                    "{} is a file, not a folder.",
                    dir.path().join("plan.json").display()
                )
                .as_str()
            )
        );
    }

    #[test]
    fn a_save_asks_again_before_replacing_a_file() {
        let dir = folder();
        let kind = PickKind::Save {
            file_name: "plan.json".to_owned(),
        };
        let mut p = Picker::new(kind, "t", dir.path(), vec![], None);
        assert_eq!(p.confirm(), Outcome::Stay);
        assert_eq!(p.confirm_label(), "Replace");
        assert_eq!(p.confirm(), Outcome::Chosen(dir.path().join("plan.json")));
        p.file_name = "other.json".to_owned();
        p.file_name_edited();
        assert_eq!(p.confirm(), Outcome::Chosen(dir.path().join("other.json")));
        p.file_name = "pools".to_owned();
        assert_eq!(p.confirm(), Outcome::Stay);
        assert!(p
            .error
            .as_deref()
            .unwrap()
            .ends_with("is a folder; type a file name."));
    }

    #[test]
    fn new_folders_are_made_and_shown_and_bad_names_refused() {
        let dir = folder();
        let mut p = Picker::new(PickKind::File, "t", dir.path(), vec![], None);
        p.new_folder = Some("../x".to_owned());
        p.create_folder();
        assert!(p.new_folder_error.is_some());
        p.new_folder = Some("alpha".to_owned());
        p.create_folder();
        assert_eq!(p.dir, dir.path().join("alpha"));
        assert!(p.new_folder.is_none());
    }

    #[test]
    fn sizes_read_as_words() {
        assert_eq!(size_words(1), "1 byte");
        assert_eq!(size_words(812), "812 bytes");
        assert_eq!(size_words(4_100), "4.1 kB");
        assert_eq!(size_words(2_000_000), "2.0 MB");
    }
}
