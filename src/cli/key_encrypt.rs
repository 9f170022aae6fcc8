//! `key encrypt` / `key decrypt` (ours): a signing key to and from SPO Scripts' encrypted
//! envelope. Everything is checked before anything is written; the decrypted key stays in
//! wiped buffers and reaches the disk only as the requested plain output.

use std::path::Path;

use super::args::KeyCryptArgs;
use super::{CliError, CliResult};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::keys::encrypted::{self, EncryptedEnvelope};
use crate::core::keys::{AnyKey, KeyKind};
use crate::platform::files::{self, OutputKind};
use crate::platform::{entropy, read};

pub fn encrypt(args: &KeyCryptArgs) -> CliResult {
    let (key_file, out) = (&args.signing_key_file, &args.out_file);
    let contents = read::read_input(key_file, read::KEY)?;
    if encrypted::is_encrypted(contents.expose()) {
        return Err(CliError::file(
            key_file,
            "is already encrypted (it has \"encrHex\"); nothing to do",
        ));
    }
    let plain = TextEnvelope::parse(contents.expose()).map_err(|e| CliError::file(key_file, e))?;
    let kind = signing_kind(&plain, key_file)?;
    let passphrase = super::passphrase::from_file(&args.passphrase_file)?;
    let seed = entropy::seed32().map_err(CliError::new)?;
    let sealed = EncryptedEnvelope::encrypt(&plain, &passphrase, *seed)
        .map_err(|e| CliError::file(key_file, e))?;
    files::write_one(out, &sealed.render(), OutputKind::Key(kind), args.force)?;
    Ok(())
}

pub fn decrypt(args: &KeyCryptArgs) -> CliResult {
    let (key_file, out) = (&args.signing_key_file, &args.out_file);
    let contents = read::read_input(key_file, read::KEY)?;
    if !encrypted::is_encrypted(contents.expose()) && TextEnvelope::parse(contents.expose()).is_ok()
    {
        return Err(CliError::file(
            key_file,
            "is not encrypted (it holds a plain \"cborHex\" key); nothing to decrypt",
        ));
    }
    let sealed =
        EncryptedEnvelope::parse(contents.expose()).map_err(|e| CliError::file(key_file, e))?;
    let passphrase = super::passphrase::from_file(&args.passphrase_file)?;
    let plain = sealed
        .decrypt(&passphrase)
        .map_err(|e| CliError::file(key_file, e))?;
    let kind = signing_kind(&plain, key_file)?;
    files::write_one(
        out,
        plain.render().expose(),
        OutputKind::Key(kind),
        args.force,
    )?;
    Ok(())
}

/// The key's kind, when the envelope holds a valid signing key; only those are encrypted.
fn signing_kind(env: &TextEnvelope, path: &Path) -> Result<KeyKind, CliError> {
    let key = AnyKey::from_envelope(env).map_err(|e| CliError::file(path, e))?;
    match key {
        AnyKey::Signing(sk) => Ok(sk.kind()),
        AnyKey::Verification(vk) => Err(CliError::file(
            path,
            format!(
                "holds {} ({}); only signing keys are encrypted",
                vk.kind().human(),
                vk.kind().type_name()
            ),
        )),
    }
}
