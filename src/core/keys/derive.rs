//! Keys from a recovery phrase: the Icarus master key (CIP-3) and BIP32-Ed25519 (V2) child
//! keys on CIP-1853 (pool cold) and CIP-1852 (stake, payment) paths, as cardano-wallet,
//! cardano-address, CSL and hardware wallets derive them.

use std::fmt;

use ed25519_bip32::{DerivationScheme, XPrv, XPRV_SIZE};
use thiserror::Error;
use zeroize::Zeroizing;

use super::mnemonic::RecoveryPhrase;
use super::secret::SecretBytes;
use super::{KeyError, KeyKind, SigningKey, VerificationKey};

const HARDENED: u32 = 0x8000_0000;
const POOL_PURPOSE: u32 = 1853;
const WALLET_PURPOSE: u32 = 1852;
const CARDANO_COIN: u32 = 1815;

/// What is wrong with a derivation path (the path is not secret, so it is quoted).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PathError {
    #[error("the derivation path is empty; give one such as 1853H/1815H/0H/0H (pool cold key)")]
    Empty,
    #[error("step {step} of the derivation path, \"{text}\", is not a number with an optional H for hardened (such as 1852H or 0)")]
    Malformed { step: usize, text: String },
    #[error("step {step} of the derivation path is {value}, above the largest index 2147483647")]
    TooLarge { step: usize, value: u64 },
    #[error("the derivation path starts with {0}; it must start with 1853H (pool cold keys, CIP-1853) or 1852H (stake and payment keys, CIP-1852)")]
    UnknownPurpose(String),
    #[error("the {what} {value} must be hardened: write {value}H")]
    NotHardened { what: &'static str, value: u32 },
    #[error("the {what} {value}H must not be hardened: write {value}")]
    Hardened { what: &'static str, value: u32 },
    #[error("the coin type is {0}; Cardano's is 1815H")]
    WrongCoin(String),
    #[error("a {purpose} path has {expected} steps ({example}); this one has {found}")]
    WrongDepth {
        purpose: &'static str,
        expected: usize,
        example: &'static str,
        found: usize,
    },
    #[error(
        "role {0} is not a key this tool derives; use role 0 (payment), 1 (change) or 2 (stake)"
    )]
    UnsupportedRole(u32),
}

/// A checked CIP-1853 or CIP-1852 path, and the kind of key at its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivationPath {
    steps: Vec<u32>,
    kind: KeyKind,
}

/// "1852H" → (1852, true); "0" → (0, false).
fn parse_step(step: usize, text: &str) -> Result<(u32, bool), PathError> {
    let malformed = || PathError::Malformed {
        step,
        text: text.to_owned(),
    };
    let (digits, hardened) = match text.strip_suffix(['H', 'h', '\'']) {
        Some(d) => (d, true),
        None => (text, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed());
    }
    let value: u64 = digits.parse().map_err(|_| malformed())?;
    let value = u32::try_from(value)
        .ok()
        .filter(|v| *v < HARDENED)
        .ok_or(PathError::TooLarge { step, value })?;
    Ok((value, hardened))
}

fn shown((value, hardened): (u32, bool)) -> String {
    if hardened {
        format!("{value}H")
    } else {
        value.to_string()
    }
}

fn hardened(what: &'static str, (value, h): (u32, bool)) -> Result<u32, PathError> {
    if h {
        Ok(value | HARDENED)
    } else {
        Err(PathError::NotHardened { what, value })
    }
}

fn soft(what: &'static str, (value, h): (u32, bool)) -> Result<u32, PathError> {
    if h {
        Err(PathError::Hardened { what, value })
    } else {
        Ok(value)
    }
}

impl DerivationPath {
    /// Parses `1853H/1815H/0H/0H` or `m/1852'/1815'/0'/2/0`, and checks it is a path this
    /// tool writes keys for.
    pub fn parse(text: &str) -> Result<Self, PathError> {
        let text = text.trim();
        let text = text.strip_prefix("m/").unwrap_or(text);
        if text.is_empty() || text == "m" {
            return Err(PathError::Empty);
        }
        let parts = text
            .split('/')
            .enumerate()
            .map(|(i, t)| parse_step(i + 1, t))
            .collect::<Result<Vec<_>, _>>()?;
        let (&purpose, rest) = parts.split_first().ok_or(PathError::Empty)?;
        let (pool, depth, example) = match purpose.0 {
            POOL_PURPOSE => (true, 4, "1853H/1815H/0H/<pool index>H"),
            WALLET_PURPOSE => (false, 5, "1852H/1815H/<account>H/<role>/<index>"),
            _ => return Err(PathError::UnknownPurpose(shown(purpose))),
        };
        let mut steps = vec![hardened("purpose", purpose)?];
        if parts.len() != depth {
            return Err(PathError::WrongDepth {
                purpose: if pool { "CIP-1853" } else { "CIP-1852" },
                expected: depth,
                example,
                found: parts.len(),
            });
        }
        let [coin, account, tail @ ..] = rest else {
            return Err(PathError::Empty);
        };
        if coin.0 != CARDANO_COIN {
            return Err(PathError::WrongCoin(shown(*coin)));
        }
        steps.push(hardened("coin type", *coin)?);
        steps.push(hardened("account", *account)?);
        let kind = match tail {
            [index] if pool => {
                steps.push(hardened("pool index", *index)?);
                KeyKind::ColdExtendedSigning
            }
            [role, index] => {
                let role_value = soft("role", *role)?;
                let kind = match role_value {
                    0 | 1 => KeyKind::PaymentExtendedSigning,
                    2 => KeyKind::StakeExtendedSigning,
                    other => return Err(PathError::UnsupportedRole(other)),
                };
                steps.push(role_value);
                steps.push(soft("address index", *index)?);
                kind
            }
            _ => return Err(PathError::Empty),
        };
        Ok(Self { steps, kind })
    }

    /// The signing-key kind written for this path.
    pub fn kind(&self) -> KeyKind {
        self.kind
    }
}

impl fmt::Display for DerivationPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .steps
            .iter()
            .map(|&s| shown((s & !HARDENED, s & HARDENED != 0)))
            .collect();
        f.write_str(&parts.join("/"))
    }
}

/// The Icarus master key (CIP-3): PBKDF2-HMAC-SHA512 of the entropy with an empty password,
/// 4096 rounds, 96 bytes, clamped (with the third-highest bit cleared).
pub fn icarus_master(entropy: &[u8]) -> XPrv {
    let mut out = Zeroizing::new([0u8; XPRV_SIZE]);
    cryptoxide::pbkdf2::pbkdf2::<cryptoxide::hashing::sha2::Sha512>(b"", entropy, 4096, &mut *out);
    XPrv::normalize_bytes_force3rd(*out)
}

/// The key pair at `path` for this phrase, as cardano-cli extended envelopes hold it:
/// signing = kL ‖ kR ‖ public key ‖ chain code, verification = public key ‖ chain code.
pub fn key_pair(
    phrase: &RecoveryPhrase,
    path: &DerivationPath,
) -> Result<(SigningKey, VerificationKey), KeyError> {
    let entropy = phrase.entropy();
    let master = icarus_master(entropy.expose());
    let key = path
        .steps
        .iter()
        .fold(master, |k, &index| k.derive(DerivationScheme::V2, index));
    let mut raw = Vec::with_capacity(128);
    raw.extend_from_slice(key.extended_secret_key_bytes());
    raw.extend_from_slice(&key.public().public_key());
    raw.extend_from_slice(key.chain_code());
    let sk = SigningKey::new(path.kind, SecretBytes::new(raw))?;
    let vk = sk.verification_key()?;
    Ok((sk, vk))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        DerivationPath::parse(text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn paths_name_their_key_kind() {
        let kind = |t: &str| DerivationPath::parse(t).map(|p| p.kind());
        assert_eq!(kind("1853H/1815H/0H/0H"), Ok(KeyKind::ColdExtendedSigning));
        assert_eq!(
            kind("m/1852'/1815'/0'/2/0"),
            Ok(KeyKind::StakeExtendedSigning)
        );
        assert_eq!(
            kind("1852h/1815h/3h/0/7"),
            Ok(KeyKind::PaymentExtendedSigning)
        );
        assert_eq!(
            DerivationPath::parse("m/1853'/1815'/0'/4'").map(|p| p.to_string()),
            Ok("1853H/1815H/0H/4H".to_owned())
        );
    }

    #[test]
    fn bad_paths_say_what_is_wrong() {
        assert_eq!(
            err("1853H/1815H/0H/0"),
            "the pool index 0 must be hardened: write 0H"
        );
        assert_eq!(
            err("1852H/1815H/0H/2H/0"),
            "the role 2H must not be hardened: write 2"
        );
        assert_eq!(err("44H/1815H/0H/0/0"), "the derivation path starts with 44H; it must start with 1853H (pool cold keys, CIP-1853) or 1852H (stake and payment keys, CIP-1852)");
        assert_eq!(
            err("1852H/1815H/0H/3/0"),
            "role 3 is not a key this tool derives; use role 0 (payment), 1 (change) or 2 (stake)"
        );
        assert_eq!(err("1853H/1815H/0H/x"), "step 4 of the derivation path, \"x\", is not a number with an optional H for hardened (such as 1852H or 0)");
        assert_eq!(
            err("1853H/1815H/0H/2147483648H"),
            "step 4 of the derivation path is 2147483648, above the largest index 2147483647"
        );
        assert_eq!(
            err(""),
            "the derivation path is empty; give one such as 1853H/1815H/0H/0H (pool cold key)"
        );
    }
}
