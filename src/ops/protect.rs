//! Protecting a signing key with a passphrase where it lies: the plain key file is replaced,
//! as one atomic write of the same key kind (mode 0600), by SPO Scripts' encrypted envelope,
//! which stock `gpg --decrypt` opens. Read and replaced under the folder's lock.

use std::path::Path;

use super::{Done, OpError, OpResult};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::keys::encrypted::{self, EncryptedEnvelope, Passphrase};
use crate::core::keys::AnyKey;
use crate::platform::files::{Output, OutputKind, Session};
use crate::platform::{entropy, read};

fn named(path: &Path, e: impl std::fmt::Display) -> OpError {
    OpError(format!(
        "{}: {e}",
        crate::core::message::quote::escape_path(&path.display().to_string())
    ))
}

/// Encrypts the plain signing key at `path` in place. An encrypted key, a verification key or
/// anything else is refused, and the file is left as it was.
pub fn protect(path: &Path, passphrase: &Passphrase) -> OpResult<Done> {
    let session = Session::begin(&[path])?;
    let contents = read::read_regular(path, read::KEY).map_err(|e| session.with_notes(e))?;
    if encrypted::is_encrypted(contents.expose()) {
        return Err(named(
            path,
            "is already encrypted with a passphrase; nothing to do",
        ));
    }
    let plain = TextEnvelope::parse(contents.expose()).map_err(|e| {
        named(
            path,
            format!("{e} (only a key in a text envelope can be protected)"),
        )
    })?;
    let kind = match AnyKey::from_envelope(&plain).map_err(|e| named(path, e))? {
        AnyKey::Signing(sk) => sk.kind(),
        AnyKey::Verification(vk) => {
            return Err(named(
                path,
                format!(
                    "holds {}; only signing keys are protected with a passphrase",
                    vk.kind().human()
                ),
            ))
        }
    };
    let seed = entropy::seed32()?;
    let sealed =
        EncryptedEnvelope::encrypt(&plain, passphrase, *seed).map_err(|e| named(path, e))?;
    let bytes = sealed.render();
    let output = Output {
        path,
        bytes: &bytes,
        kind: OutputKind::Key(kind),
    };
    // `force`: the plain key is knowingly replaced, and only by the same kind of key.
    match session.write(&[output], true) {
        Ok(()) => Ok(Done {
            notes: session.notes,
        }),
        Err(e) => Err(session.with_notes(e).into()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::core::keys::{generate, KeyKind};

    fn passphrase(text: &str) -> Passphrase {
        Passphrase::from_file_contents(text.as_bytes()).unwrap()
    }

    fn cold_key(dir: &Path) -> (std::path::PathBuf, Vec<u8>) {
        let (sk, vk) = generate::ed25519(KeyKind::ColdSigning, &[7u8; 32]).unwrap();
        let (skey, vkey) = (dir.join("cold.skey"), dir.join("cold.vkey"));
        let plain = sk.to_envelope().render().expose().to_vec();
        std::fs::write(&skey, &plain).unwrap();
        std::fs::write(&vkey, vk.to_envelope().render().expose()).unwrap();
        (skey, plain)
    }

    #[test]
    fn a_plain_key_becomes_an_encrypted_one_that_opens_to_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let (skey, plain) = cold_key(dir.path());
        protect(&skey, &passphrase("correct horse")).unwrap();
        let written = std::fs::read(&skey).unwrap();
        assert_eq!(encrypted::kind_of(&written), Some(KeyKind::ColdSigning));
        let opened = EncryptedEnvelope::parse(&written)
            .unwrap()
            .decrypt(&passphrase("correct horse"))
            .unwrap();
        let original = TextEnvelope::parse(&plain).unwrap();
        assert_eq!(opened.cbor.expose(), original.cbor.expose());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&skey).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn an_encrypted_key_or_a_verification_key_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (skey, _) = cold_key(dir.path());
        protect(&skey, &passphrase("one")).unwrap();
        let sealed = std::fs::read(&skey).unwrap();
        let again = protect(&skey, &passphrase("two")).unwrap_err();
        assert!(
            again
                .0
                .ends_with("cold.skey: is already encrypted with a passphrase; nothing to do"),
            "{again}"
        );
        assert_eq!(std::fs::read(&skey).unwrap(), sealed);
        let vkey = dir.path().join("cold.vkey");
        let before = std::fs::read(&vkey).unwrap();
        let refused = protect(&vkey, &passphrase("one")).unwrap_err();
        assert!(
            refused
                .0
                .ends_with("only signing keys are protected with a passphrase"),
            "{refused}"
        );
        assert_eq!(std::fs::read(&vkey).unwrap(), before);
    }
}
