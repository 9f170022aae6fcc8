//! Reading the inputs commands take: key files and key strings, pool ids, stake credentials.

use std::path::Path;

use super::args::{
    BuildCredentialArg, DrepArg, PassphraseArg, PoolKeyArg, PoolTargetArg, StakeCredentialArg,
};
use super::CliError;
use crate::core::certificate::Drep;
use crate::core::encoding::bech32;
use crate::core::encoding::cbor;
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::keys::address::{plutus_script_hash, Credential, RewardAccount};
use crate::core::keys::{self, accept, KeyKind, SigningKey, VerificationKey};
use crate::core::message::quote;
use crate::platform::{files, load};

/// What an encrypted signing key given where a verification key is read gets.
pub const ENCRYPTED_FOR_VERIFICATION: &str = "is an encrypted signing key; give its verification key file here instead (no passphrase is needed for a public key)";

/// Reads a key file (text envelope or bech32 text); a signing key gives its verification key.
pub fn verification_key_file(
    path: &Path,
    accepted: &[KeyKind],
) -> Result<VerificationKey, CliError> {
    // The public key needs no passphrase: the verification key file is the one to give.
    let vkey_instead = |key: &Path| Err(CliError::file(key, ENCRYPTED_FOR_VERIFICATION).message);
    load::key_unlocked(path, load::Unlock(&vkey_instead))
        .map_err(CliError::new)?
        .into_verification(accepted)
        .map_err(|e| CliError::file(path, e))
}

/// Reads a signing key file, plain or encrypted (the passphrase asked only for an encrypted one).
pub fn signing_key_file(
    path: &Path,
    accepted: &[KeyKind],
    passphrase: &PassphraseArg,
) -> Result<SigningKey, CliError> {
    let ask = |key: &Path| passphrase.ask(key);
    load::signing_key_unlocked(path, accepted, load::Unlock(&ask)).map_err(CliError::new)
}

/// A verification key from a string flag (bech32 or hex).
pub fn verification_key_text(
    flag: &str,
    text: &str,
    accepted: &[KeyKind],
) -> Result<VerificationKey, CliError> {
    keys::verification_key_from_text(text, accepted)
        .map_err(|e| CliError::new(format!("--{flag} {e}")))
}

/// Either a file or a string.
pub fn verification_key(
    file: Option<&Path>,
    text: Option<(&str, &str)>,
    accepted: &[KeyKind],
) -> Result<VerificationKey, CliError> {
    match (file, text) {
        (Some(p), _) => verification_key_file(p, accepted),
        (None, Some((flag, t))) => verification_key_text(flag, t, accepted),
        (None, None) => Err(CliError::new("a verification key is required")),
    }
}

/// The cold verification key named by `--stake-pool-verification-key`,
/// `--stake-pool-verification-extended-key` or `--cold-verification-key-file`.
pub fn pool_key(arg: &PoolKeyArg) -> Result<VerificationKey, CliError> {
    if let Some(p) = &arg.cold_verification_key_file {
        return verification_key_file(p, accept::COLD_VERIFICATION);
    }
    if let Some(t) = &arg.stake_pool_verification_key {
        return verification_key_text(
            "stake-pool-verification-key",
            t,
            &[KeyKind::ColdVerification],
        );
    }
    if let Some(t) = &arg.stake_pool_verification_extended_key {
        return verification_key_text(
            "stake-pool-verification-extended-key",
            t,
            &[KeyKind::ColdExtendedVerification],
        );
    }
    Err(CliError::new("a stake pool verification key is required"))
}

/// Parses a pool id given as `pool1…` bech32 or 56 hex characters.
pub fn pool_id_text(text: &str) -> Result<[u8; 28], CliError> {
    let t = text.trim();
    let bytes = match hex::decode(t) {
        Ok(b) => b,
        Err(_) => bech32::decode_expecting(t, "pool")
            .map_err(|e| CliError::new(format!("--stake-pool-id {e}")))?,
    };
    <[u8; 28]>::try_from(bytes.as_slice()).map_err(|_| {
        CliError::new(format!(
            "--stake-pool-id {} is {} bytes; a pool id is 28 bytes (56 hex characters or pool1… bech32)",
            quote::quote_in_secret_context(t),
            bytes.len()
        ))
    })
}

pub fn pool_target(arg: &PoolTargetArg) -> Result<[u8; 28], CliError> {
    if let Some(id) = &arg.stake_pool_id {
        return pool_id_text(id);
    }
    let key = pool_key(&PoolKeyArg {
        stake_pool_verification_key: arg.stake_pool_verification_key.clone(),
        stake_pool_verification_extended_key: arg.stake_pool_verification_extended_key.clone(),
        cold_verification_key_file: arg.cold_verification_key_file.clone(),
    })?;
    Ok(key.key_hash())
}

fn key_hash_text(flag: &str, text: &str) -> Result<[u8; 28], CliError> {
    let t = text.trim();
    // A secret pasted here by mistake is not repeated (see core::message::quote).
    let shown = quote::quote_in_secret_context(t);
    let bytes = hex::decode(t).map_err(|_| {
        CliError::new(format!(
            "--{flag} {shown} is not hexadecimal (56 characters expected)"
        ))
    })?;
    <[u8; 28]>::try_from(bytes.as_slice()).map_err(|_| {
        CliError::new(format!(
            "--{flag} {shown} is {} bytes; a key hash is 28 bytes (56 hex characters)",
            bytes.len()
        ))
    })
}

/// Hash of a Plutus script file (text envelope `PlutusScriptV1/V2/V3`).
pub fn script_hash_file(path: &Path) -> Result<[u8; 28], CliError> {
    let bytes = files::read(path).map_err(|e| CliError::new(e.to_string()))?;
    let env = TextEnvelope::parse(bytes.expose()).map_err(|e| {
        CliError::file(
            path,
            format!(
                "{e} (only Plutus script envelopes are supported; simple-script JSON is not yet)"
            ),
        )
    })?;
    let tag = match env.type_name.as_str() {
        "PlutusScriptV1" => 1,
        "PlutusScriptV2" => 2,
        "PlutusScriptV3" => 3,
        other => {
            return Err(CliError::file(
                path,
                format!(
                    "has type {}; a Plutus script (PlutusScriptV1, V2 or V3) was expected",
                    quote::quote(other)
                ),
            ))
        }
    };
    let script = cbor::decode_bytes(env.cbor.expose(), "the script bytes")
        .map_err(|e| CliError::file(path, e))?;
    Ok(plutus_script_hash(tag, script))
}

fn stake_key_credential(
    file: Option<&Path>,
    text: Option<&str>,
) -> Result<Option<Credential>, CliError> {
    if file.is_none() && text.is_none() {
        return Ok(None);
    }
    let vk = verification_key(
        file,
        text.map(|t| ("stake-verification-key", t)),
        accept::STAKE_VERIFICATION,
    )?;
    Ok(Some(Credential::Key(vk.key_hash())))
}

pub fn stake_credential(arg: &StakeCredentialArg) -> Result<Credential, CliError> {
    if let Some(c) = stake_key_credential(
        arg.stake_verification_key_file.as_deref(),
        arg.stake_verification_key.as_deref(),
    )? {
        return Ok(c);
    }
    if let Some(h) = &arg.stake_key_hash {
        return Ok(Credential::Key(key_hash_text("stake-key-hash", h)?));
    }
    if let Some(p) = &arg.stake_script_file {
        return Ok(Credential::Script(script_hash_file(p)?));
    }
    if let Some(a) = &arg.stake_address {
        let acct = RewardAccount::from_bech32(a).map_err(|e| {
            CliError::new(format!(
                "--stake-address {} {e}",
                quote::quote_in_secret_context(a)
            ))
        })?;
        return Ok(acct.credential);
    }
    Err(CliError::new("a stake credential is required"))
}

pub fn build_credential(arg: &BuildCredentialArg) -> Result<Credential, CliError> {
    stake_credential(&StakeCredentialArg {
        stake_verification_key: arg.stake_verification_key.clone(),
        stake_verification_key_file: arg.stake_verification_key_file.clone(),
        stake_key_hash: arg.stake_key_hash.clone(),
        stake_script_file: arg.stake_script_file.clone(),
        stake_address: None,
    })
}

pub fn drep(arg: &DrepArg) -> Result<Drep, CliError> {
    if arg.always_abstain {
        return Ok(Drep::AlwaysAbstain);
    }
    if arg.always_no_confidence {
        return Ok(Drep::AlwaysNoConfidence);
    }
    if let Some(h) = &arg.drep_key_hash {
        let t = h.trim();
        let bytes = match hex::decode(t) {
            Ok(b) => b,
            Err(_) => bech32::decode_expecting(t, "drep")
                .map_err(|e| CliError::new(format!("--drep-key-hash {e}")))?,
        };
        let hash = <[u8; 28]>::try_from(bytes.as_slice()).map_err(|_| {
            CliError::new(format!(
                "--drep-key-hash {} is not a 28-byte hash",
                quote::quote_in_secret_context(t)
            ))
        })?;
        return Ok(Drep::Key(hash));
    }
    let vk = verification_key(
        arg.drep_verification_key_file.as_deref(),
        arg.drep_verification_key
            .as_deref()
            .map(|t| ("drep-verification-key", t)),
        accept::DREP_VERIFICATION,
    )?;
    Ok(Drep::Key(vk.key_hash()))
}
