//! `pool-console open FOLDER [--create]`: checks the folder before the console opens on it,
//! so a mistyped path is said at the terminal, with how to create the folder when that is
//! what was meant.

use std::path::Path;

use crate::platform::folders::{self, Created, Kind};

/// Whether the console may open on `folder`: `Ok` with a note to print (the folder was
/// created), or why not, in words.
pub fn prepare(folder: &Path, create: bool) -> Result<Option<String>, String> {
    let shown = folders::shown(folder);
    match folders::kind(folder) {
        Kind::Folder => Ok(None),
        Kind::File => Err(format!(
            "{shown} is a file, not a folder; give the pool folder (the folder that holds, or will hold, the pool's keys)"
        )),
        _ if create => match folders::create_folder(folder)? {
            Created::New => Ok(Some(format!(
                "Created the pool folder {shown} (readable only by you)."
            ))),
            Created::AlreadyThere => Ok(None),
        },
        Kind::Missing => Err(format!(
            "{shown} does not exist. To start a new pool there, create it with: pool-console open --create {}",
            shell_word(&shown)
        )),
        Kind::Other(why) => Err(format!("{shown}: {why}")),
    }
}

/// A path as one shell word: quoted when it holds anything but plain path characters.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn paths_are_quoted_only_when_the_shell_needs_it() {
        assert_eq!(
            shell_word("/home/op/pools/alpha-1"),
            "/home/op/pools/alpha-1"
        );
        assert_eq!(shell_word("/home/op/my pool"), "'/home/op/my pool'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }
}
