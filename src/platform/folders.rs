//! Folders for the console's own file picker and for `open --create`: what is at a path,
//! what a folder holds, and making a new one. Nothing else in the console lists or creates
//! folders (clippy.toml holds the rest of the code to that).

use std::io;
use std::path::{Path, PathBuf};

use crate::core::message::quote::escape_path;

/// Mode of a folder Pool Console creates: only its owner may look inside, since a pool
/// folder holds signing keys (the picker's "New folder" makes the same kind).
pub const FOLDER_MODE: u32 = 0o700;

/// One entry of a folder, as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name, as text (a name that is not UTF-8 is shown with replacement characters).
    pub name: String,
    pub path: PathBuf,
    /// A folder, or a link to one.
    pub is_folder: bool,
    /// A dot file or dot folder, which the picker hides unless asked.
    pub hidden: bool,
    /// The size in bytes of a regular file (links followed); `None` for anything else.
    pub size: Option<u64>,
}

/// What is at a path (links followed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Folder,
    File,
    Missing,
    /// Something else (a device, a pipe), or a path that cannot be looked at: why, in words.
    Other(String),
}

/// What is at `path`, links followed.
pub fn kind(path: &Path) -> Kind {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Kind::Folder,
        Ok(m) if m.is_file() => Kind::File,
        Ok(_) => Kind::Other("it is not a file or a folder (a device, a pipe or a socket)".into()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Kind::Missing,
        Err(e) => match file_above(path) {
            Some(file) => Kind::Other(format!("{} is a file, not a folder", shown(&file))),
            None => Kind::Other(words(&e)),
        },
    }
}

/// The nearest path above `path` that exists, when it is a file (nothing can be below it).
fn file_above(path: &Path) -> Option<PathBuf> {
    for above in path.ancestors().skip(1) {
        if above.as_os_str().is_empty() {
            return None;
        }
        match std::fs::metadata(above) {
            Ok(m) if m.is_dir() => return None,
            Ok(_) => return Some(above.to_path_buf()),
            Err(_) => {}
        }
    }
    None
}

/// A path as messages show it: control characters escaped.
pub fn shown(path: &Path) -> String {
    escape_path(&path.display().to_string())
}

/// What `dir` holds: folders first, then files, each by name ignoring case. Entries that
/// vanish while being listed are left out.
pub fn list_dir(dir: &Path) -> Result<Vec<Entry>, String> {
    let cannot = |e: &io::Error| format!("{}: cannot list the folder: {}", shown(dir), words(e));
    let entries = std::fs::read_dir(dir).map_err(|e| cannot(&e))?;
    let mut list = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| cannot(&e))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // Links are followed; a broken link is listed as a file that cannot be opened.
        let meta = std::fs::metadata(&path).ok();
        list.push(Entry {
            hidden: name.starts_with('.'),
            is_folder: meta.as_ref().is_some_and(std::fs::Metadata::is_dir),
            size: meta
                .as_ref()
                .filter(|m| m.is_file())
                .map(std::fs::Metadata::len),
            name,
            path,
        });
    }
    list.sort_by(|a, b| {
        b.is_folder
            .cmp(&a.is_folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(list)
}

/// Whether [`create_folder`] made the folder or found it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    New,
    AlreadyThere,
}

/// Creates the folder `path` and any missing folders above it, readable only by their owner
/// ([`FOLDER_MODE`]). Refuses when `path` or a folder above it is a file.
pub fn create_folder(path: &Path) -> Result<Created, String> {
    if let Some(file) = file_above(path) {
        return Err(format!(
            "{} is a file, not a folder, so no folder can be created inside it",
            shown(&file)
        ));
    }
    match kind(path) {
        Kind::Folder => return Ok(Created::AlreadyThere),
        Kind::Missing => {}
        Kind::File => {
            return Err(format!(
                "{} is a file, not a folder; choose another name for the folder",
                shown(path)
            ))
        }
        Kind::Other(why) => return Err(format!("{}: {why}", shown(path))),
    }
    // The folder it is made in, for a refusal's words: the nearest one above that exists.
    let parent = parent_of(path);
    let above = parent
        .ancestors()
        .find(|p| p.is_dir())
        .map_or_else(|| parent.clone(), Path::to_path_buf);
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(FOLDER_MODE);
    }
    builder.create(path).map_err(|e| {
        format!(
            "{}: cannot create the folder: {}",
            shown(path),
            match e.kind() {
                io::ErrorKind::PermissionDenied => format!(
                    "permission denied (you may not create folders in {})",
                    shown(&above)
                ),
                _ => words(&e),
            }
        )
    })?;
    Ok(Created::New)
}

/// The folder a relative name like `pool` lives in: `.`.
fn parent_of(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// An I/O error in words a person reads.
fn words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotADirectory => "it is not a folder".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Whether this process ignores file permissions (root, or CAP_DAC_OVERRIDE): then the
    /// permission tests have nothing to check.
    #[cfg(unix)]
    fn ignores_permissions(dir: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let probe = dir.join("probe");
        std::fs::create_dir(&probe).unwrap();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o500)).unwrap();
        let ignored = std::fs::create_dir(probe.join("x")).is_ok();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o700)).unwrap();
        ignored
    }

    #[test]
    fn lists_folders_first_by_name_and_marks_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["b.txt", "A.json", ".secret"] {
            std::fs::write(dir.path().join(f), b"x").unwrap();
        }
        for d in ["zeta", "Alpha", ".config"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
        }
        let list = list_dir(dir.path()).unwrap();
        let names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [".config", "Alpha", "zeta", ".secret", "A.json", "b.txt"]
        );
        assert!(list[0].hidden && list[0].is_folder && list[0].size.is_none());
        assert!(!list[4].is_folder && !list[4].hidden);
        assert_eq!(list[4].size, Some(1));
    }

    #[test]
    fn a_missing_folder_or_a_file_cannot_be_listed_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        let e = list_dir(&missing).unwrap_err();
        assert_eq!(
            e,
            format!(
                "{}: cannot list the folder: it does not exist",
                missing.display()
            )
        );
        let file = dir.path().join("f");
        std::fs::write(&file, b"x").unwrap();
        let e = list_dir(&file).unwrap_err();
        assert!(
            e.ends_with("cannot list the folder: it is not a folder"),
            "{e}"
        );
    }

    #[test]
    fn creates_nested_folders_private_and_finds_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let pool = dir.path().join("pools").join("alpha");
        assert_eq!(create_folder(&pool).unwrap(), Created::New);
        assert_eq!(kind(&pool), Kind::Folder);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&pool).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, FOLDER_MODE);
        }
        assert_eq!(create_folder(&pool).unwrap(), Created::AlreadyThere);
    }

    #[test]
    fn refuses_a_file_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, b"x").unwrap();
        assert_eq!(
            create_folder(&file).unwrap_err(),
            format!(
                "{} is a file, not a folder; choose another name for the folder",
                file.display()
            )
        );
        assert_eq!(
            create_folder(&file.join("a").join("b")).unwrap_err(),
            format!(
                "{} is a file, not a folder, so no folder can be created inside it",
                file.display()
            )
        );
        assert_eq!(kind(&file), Kind::File);
    }

    #[cfg(unix)]
    #[test]
    fn permission_denied_is_said_in_words() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        if ignores_permissions(dir.path()) {
            return; // root: nothing is denied
        }
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let listed = list_dir(&locked).unwrap_err();
        let created = create_folder(&locked.join("pool")).unwrap_err();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(
            listed,
            format!(
                "{}: cannot list the folder: permission denied",
                locked.display()
            )
        );
        assert!(created.contains("permission denied"), "{created}");
    }
}
