//! Reads a pool folder for `status`: each regular file classified by what it holds, with
//! SPO Scripts / gpg encrypted envelopes (`encrHex`) recognised by their type, never opened.

use std::path::{Path, PathBuf};

use crate::core::describe::recognise::{classify, FileKind};
use crate::core::keys::encrypted;
use crate::core::message::quote;
use crate::core::pool_folder::Seen;
use crate::platform::read;

/// Each file of the folder (not sub-folders) and what it holds; why not, when the folder
/// cannot be read or holds no pool files.
pub fn scan(dir: &Path) -> Result<Vec<(PathBuf, Seen)>, String> {
    let shown = quote::escape_path(&dir.display().to_string());
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!(
                "{shown}: no such folder; give the pool folder (for CNTools, priv/pool/NAME)"
            ))
        }
        Err(e) => return Err(format!("{shown}: {}", read::describe_io(&e))),
        Ok(m) if !m.is_dir() => {
            return Err(format!(
                "{shown}: this is a file, not a folder; give the folder that holds the pool's keys"
            ))
        }
        Ok(_) => {}
    }
    let mut seen = Vec::new();
    for path in read::regular_files(dir)? {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let (kind, encrypted) = match read::read_regular(&path, read::POOL_FILE) {
            Ok(bytes) => match encrypted::kind_of(bytes.expose()) {
                Some(kind) => (Some(FileKind::Key(kind)), true),
                None => (classify(bytes.expose()), false),
            },
            Err(_) => (None, false),
        };
        seen.push((
            path,
            Seen {
                name,
                kind,
                encrypted,
            },
        ));
    }
    if !seen.iter().any(|(_, s)| s.kind.is_some()) {
        return Err(match pool_folders_below(dir).as_slice() {
            [] => format!(
                "{shown}: no pool files here (no keys, issue counter or operational certificate); is it the right folder?"
            ),
            [one] => format!(
                "{shown}: no pool files here, but {one} holds a pool; give that folder (pool-console status {one})"
            ),
            many => format!(
                "{shown}: no pool files here, but these folders hold pools: {}; give one of them",
                many.join(", ")
            ),
        });
    }
    Ok(seen)
}

/// Pool folders one or two levels down, as a CNTools `priv` folder (`pool/NAME/`) or a folder
/// of pools holds them; shown as typed, escaped, sorted.
pub fn pool_folders_below(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for parent in [dir.to_path_buf(), dir.join("pool"), dir.join("priv/pool")] {
        for sub in read::sub_folders(&parent) {
            if holds_pool_files(&sub) {
                found.push(quote::escape_path(&sub.display().to_string()));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn holds_pool_files(dir: &Path) -> bool {
    read::regular_files(dir).is_ok_and(|files| {
        files.iter().any(|p| {
            read::read_regular(p, read::POOL_FILE).is_ok_and(|b| {
                encrypted::kind_of(b.expose()).is_some() || classify(b.expose()).is_some()
            })
        })
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::core::keys::KeyKind;

    #[test]
    fn encrypted_envelopes_are_told_by_type_and_encr_hex() {
        // The shape of ../shared/vectors/third-party/spo-scripts-encrypted/node.encrypted.skey.
        let spo = br#"{"type": "StakePoolSigningKey_ed25519", "description": "Encrypted Stake Pool Operator Signing Key", "encrHex": "8c0d04"}"#;
        assert_eq!(encrypted::kind_of(spo), Some(KeyKind::ColdSigning));
        let plain = br#"{"type": "StakePoolSigningKey_ed25519", "cborHex": "5820"}"#;
        assert_eq!(encrypted::kind_of(plain), None);
        let unknown = br#"{"type": "Something", "encrHex": "8c0d04"}"#;
        assert_eq!(encrypted::kind_of(unknown), None);
    }
}
