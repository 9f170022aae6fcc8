//! The passphrase of an encrypted signing key: the first line of `--passphrase-file`, or typed
//! at a no-echo prompt on the terminal. Asked only when a key is encrypted; wiped after use and
//! never part of a message.

use std::io::IsTerminal;
use std::path::Path;

use zeroize::Zeroizing;

use super::args::PassphraseArg;
use super::CliError;
use crate::core::keys::encrypted::Passphrase;
use crate::core::message::quote::escape_path;
use crate::platform::read;

/// What is said when a key is encrypted, no file was given and there is no terminal to ask on.
pub const NO_TERMINAL: &str = "is encrypted with a passphrase; give it with --passphrase-file FILE (there is no terminal to ask on)";

impl PassphraseArg {
    /// The passphrase for the encrypted key `key` (the [`crate::platform::load::Unlock`] source).
    pub fn ask(&self, key: &Path) -> Result<Passphrase, String> {
        match &self.passphrase_file {
            Some(file) => from_file(file).map_err(|e| e.message),
            None if std::io::stdin().is_terminal() => prompt(key),
            None => Err(format!("{}: {NO_TERMINAL}", shown(key))),
        }
    }
}

/// The passphrase file's first line; its contents never appear in a message.
pub fn from_file(path: &Path) -> Result<Passphrase, CliError> {
    let contents = read::read_input(path, read::PASSPHRASE)?;
    Passphrase::from_file_contents(contents.expose()).map_err(|e| CliError::file(path, e))
}

/// Asks on the terminal itself (/dev/tty), without echo.
fn prompt(key: &Path) -> Result<Passphrase, String> {
    let typed = rpassword::prompt_password(format!("Passphrase for {}: ", shown(key)))
        .map(Zeroizing::new)
        .map_err(|e| {
            format!(
                "{}: cannot read the passphrase from the terminal: {e}",
                shown(key)
            )
        })?;
    if typed.is_empty() {
        return Err(format!(
            "{}: no passphrase was typed; nothing was done",
            shown(key)
        ));
    }
    Passphrase::from_file_contents(typed.as_bytes()).map_err(|e| format!("{}: {e}", shown(key)))
}

fn shown(path: &Path) -> String {
    escape_path(&path.display().to_string())
}
