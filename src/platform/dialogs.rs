//! Native file dialogs behind a trait, so tests can answer them.

use std::path::PathBuf;

/// Asks the user for folders and files.
pub trait Dialogs {
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf>;
    fn pick_file(&mut self, title: &str) -> Option<PathBuf>;
    /// Where to save a new file, suggesting `file_name`.
    fn save_file(&mut self, title: &str, file_name: &str) -> Option<PathBuf>;
}

/// The desktop's own dialogs (xdg-desktop-portal on Linux).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }

    fn pick_file(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_file()
    }

    fn save_file(&mut self, title: &str, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .save_file()
    }
}

/// Answers from a queue, for tests; `None` once empty (as if cancelled).
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    pub answers: std::collections::VecDeque<PathBuf>,
    pub asked: Vec<String>,
}

impl ScriptedDialogs {
    pub fn answering(answers: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            answers: answers.into_iter().collect(),
            asked: Vec::new(),
        }
    }
}

impl Dialogs for ScriptedDialogs {
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        self.asked.push(title.to_owned());
        self.answers.pop_front()
    }

    fn pick_file(&mut self, title: &str) -> Option<PathBuf> {
        self.asked.push(title.to_owned());
        self.answers.pop_front()
    }

    fn save_file(&mut self, title: &str, _file_name: &str) -> Option<PathBuf> {
        self.asked.push(title.to_owned());
        self.answers.pop_front()
    }
}
