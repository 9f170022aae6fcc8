//! The desktop's file dialogs behind a trait, so tests can answer them, and the signs that
//! they cannot be shown (then the console opens its own picker, `app::picker`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Chosen(PathBuf),
    /// The person closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown: why, in words.
    Unavailable(String),
}

/// Asks the user for folders and files.
pub trait Dialogs {
    fn pick_folder(&mut self, title: &str) -> Answer;
    fn pick_file(&mut self, title: &str) -> Answer;
    /// Where to save a new file, suggesting `file_name`.
    fn save_file(&mut self, title: &str, file_name: &str) -> Answer;
}

/// A dialog that answers "nothing" sooner than this was never seen by a person: nobody
/// cancels a file dialog in a seventh of a second. rfd answers `None` at once when neither
/// xdg-desktop-portal nor its zenity fallback can show one.
pub const TOO_FAST_TO_CANCEL: Duration = Duration::from_millis(150);

/// The desktop's own dialogs (xdg-desktop-portal on Linux, zenity as rfd's fallback).
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl NativeDialogs {
    fn ask(run: impl FnOnce() -> Option<PathBuf>) -> Answer {
        if let Err(why) = session_bus() {
            return Answer::Unavailable(why);
        }
        let started = Instant::now();
        let picked = run();
        answer(picked, started.elapsed())
    }
}

impl Dialogs for NativeDialogs {
    fn pick_folder(&mut self, title: &str) -> Answer {
        Self::ask(|| rfd::FileDialog::new().set_title(title).pick_folder())
    }

    fn pick_file(&mut self, title: &str) -> Answer {
        Self::ask(|| rfd::FileDialog::new().set_title(title).pick_file())
    }

    fn save_file(&mut self, title: &str, file_name: &str) -> Answer {
        Self::ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(file_name)
                .save_file()
        })
    }
}

/// What a native dialog's result means, given how long it was open.
pub fn answer(picked: Option<PathBuf>, open_for: Duration) -> Answer {
    match picked {
        Some(p) => Answer::Chosen(p),
        None if open_for < TOO_FAST_TO_CANCEL => Answer::Unavailable(
            "the desktop's file dialog closed as soon as it was asked (xdg-desktop-portal and zenity seem to be missing)"
                .to_owned(),
        ),
        None => Answer::Cancelled,
    }
}

/// Whether the desktop's session bus (D-Bus), which xdg-desktop-portal answers on, can be
/// reached. Only Linux and the BSDs use it.
pub fn session_bus() -> Result<(), String> {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        session_bus_from(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS"),
            std::env::var_os("XDG_RUNTIME_DIR"),
        )
    } else {
        Ok(())
    }
}

/// [`session_bus`] from the two environment variables: an address, or the bus socket in
/// the runtime folder (where systemd puts it when the variable is not set).
pub fn session_bus_from(
    address: Option<OsString>,
    runtime_dir: Option<OsString>,
) -> Result<(), String> {
    if address.is_some_and(|a| !a.is_empty()) {
        return Ok(());
    }
    if runtime_dir.is_some_and(|d| !d.is_empty() && Path::new(&d).join("bus").exists()) {
        return Ok(());
    }
    Err("there is no desktop session bus (D-Bus), which the desktop's file dialog needs".to_owned())
}

/// Answers from a queue, for tests; cancelled once empty.
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

    fn next(&mut self, title: &str) -> Answer {
        self.asked.push(title.to_owned());
        self.answers
            .pop_front()
            .map_or(Answer::Cancelled, Answer::Chosen)
    }
}

impl Dialogs for ScriptedDialogs {
    fn pick_folder(&mut self, title: &str) -> Answer {
        self.next(title)
    }

    fn pick_file(&mut self, title: &str) -> Answer {
        self.next(title)
    }

    fn save_file(&mut self, title: &str, _file_name: &str) -> Answer {
        self.next(title)
    }
}

/// A desktop without dialogs (no portal), for tests of the console's own picker.
#[derive(Debug, Default)]
pub struct NoDialogs;

impl NoDialogs {
    pub const WHY: &'static str = "there is no desktop file dialog here";
}

impl Dialogs for NoDialogs {
    fn pick_folder(&mut self, _title: &str) -> Answer {
        Answer::Unavailable(Self::WHY.to_owned())
    }

    fn pick_file(&mut self, _title: &str) -> Answer {
        Answer::Unavailable(Self::WHY.to_owned())
    }

    fn save_file(&mut self, _title: &str, _file_name: &str) -> Answer {
        Answer::Unavailable(Self::WHY.to_owned())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_that_closes_at_once_was_never_shown() {
        let p = PathBuf::from("/pools/alpha");
        assert_eq!(answer(Some(p.clone()), Duration::ZERO), Answer::Chosen(p));
        assert!(matches!(
            answer(None, Duration::from_millis(20)),
            Answer::Unavailable(_)
        ));
        assert_eq!(answer(None, Duration::from_secs(2)), Answer::Cancelled);
    }

    #[test]
    fn the_session_bus_is_an_address_or_the_runtime_socket() {
        assert!(session_bus_from(Some("unix:path=/run/user/1000/bus".into()), None).is_ok());
        let none = session_bus_from(None, None).unwrap_err();
        assert!(none.contains("no desktop session bus (D-Bus)"), "{none}");
        assert!(session_bus_from(Some(OsString::new()), None).is_err());
        let run = tempfile::tempdir().unwrap();
        let dir = run.path().as_os_str().to_owned();
        assert!(session_bus_from(None, Some(dir.clone())).is_err());
        std::fs::write(run.path().join("bus"), b"").unwrap();
        assert!(session_bus_from(None, Some(dir)).is_ok());
    }
}
