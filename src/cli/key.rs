//! `key convert-cardano-address-key --shelley-stake-key`: a cardano-address `xprv…` (96 bytes:
//! kL ‖ kR ‖ chain code) becomes a Shelley extended stake signing key (kL ‖ kR ‖ A ‖ chain code).
//! `key mnemonic-gen` and `key derive` (ours): recovery phrases and the keys they hold.

use super::args::KeyCommand;
use super::{output, CliError, CliResult, Streams};
use crate::core::encoding::bech32;
use crate::core::keys::derive::DerivationPath;
use crate::core::keys::secret::SecretBytes;
use crate::core::keys::{KeyKind, SigningKey};
use crate::ops::keys::{KeyFormat, PairPaths};
use crate::ops::recovery;
use crate::platform::read;

pub fn run(cmd: KeyCommand, io: &mut Streams<'_>) -> CliResult {
    match cmd {
        KeyCommand::MnemonicGen {
            size,
            out_file,
            force,
        } => {
            let done = recovery::generate_phrase(size, &out_file, force)?;
            output::notes(&done, io)
        }
        KeyCommand::Derive {
            mnemonic_file,
            path,
            signing_key_file,
            verification_key_file,
            force,
        } => {
            // The path first: a wrong one is said before the phrase is even read.
            let path = DerivationPath::parse(&path)?;
            let paths = PairPaths {
                verification: &verification_key_file,
                signing: &signing_key_file,
            };
            let (_, done) = recovery::derive_pair(&mnemonic_file, &path, paths, force)?;
            output::notes(&done, io)
        }
        KeyCommand::ConvertCardanoAddressKey {
            shelley_stake_key,
            signing_key_file,
            out_file,
            force,
        } => {
            if !shelley_stake_key {
                return Err(CliError::new(
                    "only --shelley-stake-key conversion is supported: pass --shelley-stake-key",
                ));
            }
            let text = read::read_input(&signing_key_file, read::KEY)?;
            let text = std::str::from_utf8(text.expose()).map_err(|_| {
                CliError::file(&signing_key_file, "is not a text file holding a bech32 key")
            })?;
            let (hrp, data) =
                bech32::decode(text).map_err(|e| CliError::file(&signing_key_file, e))?;
            let data = SecretBytes::new(data);
            if hrp != "xprv" && hrp != "stake_xsk" && hrp != "root_xsk" && hrp != "acct_xsk" {
                return Err(CliError::file(
                    &signing_key_file,
                    format!("holds a \"{hrp}\" key; a cardano-address extended signing key (xprv…) was expected"),
                ));
            }
            if data.len() != 96 {
                return Err(CliError::file(
                    &signing_key_file,
                    format!(
                        "holds {} bytes; a cardano-address extended signing key is 96 bytes",
                        data.len()
                    ),
                ));
            }
            let raw = data.expose();
            // The 96 bytes are an XPrv as ed25519-bip32 stores it; its own check refuses a
            // secret scalar the curve arithmetic would panic on.
            let xprv = ed25519_bip32::XPrv::from_slice_verified(raw).map_err(|_| {
                CliError::file(
                    &signing_key_file,
                    "is not a valid extended signing key: its secret scalar is malformed (the file is damaged)",
                )
            })?;
            let public = xprv.public().public_key();
            let mut full = Vec::with_capacity(128);
            full.extend_from_slice(&raw[..64]);
            full.extend_from_slice(&public);
            full.extend_from_slice(&raw[64..96]);
            let key = SigningKey::new(KeyKind::StakeExtendedSigning, SecretBytes::new(full))?;
            crate::ops::keys::write_signing_key(&key, &out_file, KeyFormat::TextEnvelope, force)?;
            Ok(())
        }
        KeyCommand::Encrypt(a) => super::key_encrypt::encrypt(&a),
        KeyCommand::Decrypt(a) => super::key_encrypt::decrypt(&a),
    }
}
