//! Operational certificates and their issue counters.
//!
//! Opcert CBOR: `[[kes_vk, issue_number, kes_period, sigma], cold_vk]`, where sigma is the cold
//! key's Ed25519 signature over `kes_vk ‖ issue_number (u64 BE) ‖ kes_period (u64 BE)`.
//! Counter CBOR: `[next_issue_number, cold_vk]`.

use thiserror::Error;

use crate::core::encoding::cbor::{CborError, CborReader, CborWriter};
use crate::core::encoding::envelope::{EnvelopeError, TextEnvelope};
use crate::core::encoding::hash::blake2b_224;
use crate::core::keys::{self, KeyError, SigningKey};

pub const OPCERT_TYPE: &str = "NodeOperationalCertificate";
pub const COUNTER_TYPE: &str = "NodeOperationalCertificateIssueCounter";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpCertError {
    #[error("{0}")]
    Envelope(#[from] EnvelopeError),
    #[error("is not a valid operational certificate: {0}")]
    Cbor(#[from] CborError),
    #[error("is not a valid issue counter: {0}")]
    CounterCbor(CborError),
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error(
        "Key mismatch: the issue counter belongs to cold key {counter_pool} but the signing key is cold key {signing_pool}; use the counter made together with this cold key"
    )]
    CounterKeyMismatch {
        counter_pool: String,
        signing_pool: String,
    },
    #[error("the issue counter is at its maximum value and cannot be incremented")]
    CounterOverflow,
}

/// The 48 bytes the cold key signs.
pub fn signable(kes_vkey: &[u8; 32], issue_number: u64, kes_period: u64) -> [u8; 48] {
    let mut m = [0u8; 48];
    m[..32].copy_from_slice(kes_vkey);
    m[32..40].copy_from_slice(&issue_number.to_be_bytes());
    m[40..].copy_from_slice(&kes_period.to_be_bytes());
    m
}

/// An operational certificate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpCert {
    pub kes_vkey: [u8; 32],
    pub issue_number: u64,
    pub kes_period: u64,
    pub signature: [u8; 64],
    /// The cold verification key (for an extended cold key, its 32-byte public part).
    pub cold_vkey: [u8; 32],
}

impl OpCert {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = CborWriter::with_capacity(140);
        w.array(2).array(4);
        w.bytes(&self.kes_vkey)
            .uint(self.issue_number)
            .uint(self.kes_period)
            .bytes(&self.signature);
        w.bytes(&self.cold_vkey);
        w.into_bytes()
    }

    pub fn decode(cbor: &[u8]) -> Result<Self, OpCertError> {
        let mut r = CborReader::new(cbor);
        r.array_of(2, "an operational certificate [[…], cold key]")?;
        r.array_of(
            4,
            "the certificate body [KES key, issue number, KES period, signature]",
        )?;
        let kes_vkey = r.bytes_exact::<32>("the 32-byte KES verification key")?;
        let issue_number = r.uint("the issue number")?;
        let kes_period = r.uint("the KES period")?;
        let signature = r.bytes_exact::<64>("the 64-byte cold key signature")?;
        let cold_vkey = r.bytes_exact::<32>("the 32-byte cold verification key")?;
        r.finish()?;
        Ok(Self {
            kes_vkey,
            issue_number,
            kes_period,
            signature,
            cold_vkey,
        })
    }

    pub fn to_envelope(&self) -> TextEnvelope {
        TextEnvelope::new(OPCERT_TYPE, "", self.encode())
    }

    pub fn from_envelope(env: &TextEnvelope) -> Result<Self, OpCertError> {
        env.expect_type(
            &[OPCERT_TYPE],
            "an operational certificate (NodeOperationalCertificate)",
        )?;
        Self::decode(env.cbor.expose())
    }

    /// Whether the cold key's signature over the 48-byte message is valid.
    pub fn signature_valid(&self) -> bool {
        let msg = signable(&self.kes_vkey, self.issue_number, self.kes_period);
        keys::ed25519_verify(&self.cold_vkey, &msg, &self.signature)
    }

    /// Pool id of the cold key that signed this certificate.
    pub fn pool_id(&self) -> [u8; 28] {
        blake2b_224(&self.cold_vkey)
    }
}

/// The result of checking an opcert against the keys it should belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpCertCheck {
    /// The cold signature over the 48-byte message verifies with the cold key in the opcert.
    pub signature_valid: bool,
    /// The opcert's cold key is the given cold verification key (None: none given).
    pub cold_matches: Option<bool>,
    /// The opcert certifies the given KES verification key (None: none given).
    pub kes_matches: Option<bool>,
}

impl OpCertCheck {
    pub fn is_ok(&self) -> bool {
        self.signature_valid && self.cold_matches != Some(false) && self.kes_matches != Some(false)
    }

    /// What is wrong, in words an operator can act on.
    pub fn problems(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !self.signature_valid {
            out.push("the cold-key signature does not verify: the node would reject every block made with it");
        }
        if self.cold_matches == Some(false) {
            out.push(
                "it was signed by another cold key than this pool's: it belongs to another pool",
            );
        }
        if self.kes_matches == Some(false) {
            out.push("it certifies another KES key: the node's kes.skey must be the one this opcert was issued for");
        }
        out
    }
}

impl OpCert {
    /// Checks the signature, and which cold key and KES key the certificate is for.
    pub fn check(&self, cold_vkey: Option<&[u8; 32]>, kes_vkey: Option<&[u8; 32]>) -> OpCertCheck {
        OpCertCheck {
            signature_valid: self.signature_valid(),
            cold_matches: cold_vkey.map(|k| *k == self.cold_vkey),
            kes_matches: kes_vkey.map(|k| *k == self.kes_vkey),
        }
    }
}

/// The issue counter file: the number the next opcert will carry, and the cold key it is for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IssueCounter {
    pub next_issue_number: u64,
    pub cold_vkey: [u8; 32],
}

impl IssueCounter {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = CborWriter::with_capacity(48);
        w.array(2)
            .uint(self.next_issue_number)
            .bytes(&self.cold_vkey);
        w.into_bytes()
    }

    pub fn decode(cbor: &[u8]) -> Result<Self, OpCertError> {
        let mut r = CborReader::new(cbor);
        let read = |r: &mut CborReader<'_>| -> Result<Self, CborError> {
            r.array_of(2, "an issue counter [number, cold key]")?;
            let next_issue_number = r.uint("the next issue number")?;
            let cold_vkey = r.bytes_exact::<32>("the 32-byte cold verification key")?;
            Ok(Self {
                next_issue_number,
                cold_vkey,
            })
        };
        let c = read(&mut r).map_err(OpCertError::CounterCbor)?;
        r.finish().map_err(OpCertError::CounterCbor)?;
        Ok(c)
    }

    /// The envelope `node key-gen` and `issue-op-cert` write (with the number in the description).
    pub fn to_envelope(&self) -> TextEnvelope {
        let description = format!("Next certificate issue number: {}", self.next_issue_number);
        TextEnvelope::new(COUNTER_TYPE, &description, self.encode())
    }

    /// The envelope `node new-counter` writes: same payload, empty description.
    pub fn to_envelope_without_description(&self) -> TextEnvelope {
        TextEnvelope::new(COUNTER_TYPE, "", self.encode())
    }

    pub fn from_envelope(env: &TextEnvelope) -> Result<Self, OpCertError> {
        env.expect_type(
            &[COUNTER_TYPE],
            "an operational certificate issue counter (NodeOperationalCertificateIssueCounter)",
        )?;
        Self::decode(env.cbor.expose())
    }
}

/// The outcome of issuing: the counter to write first, then the certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub next_counter: IssueCounter,
    pub opcert: OpCert,
}

/// Issues an opcert as `cardano-cli node issue-op-cert` does: checks that the counter belongs to
/// the cold key, takes its number, signs, and returns the counter incremented.
pub fn issue(
    cold_signing_key: &SigningKey,
    counter: &IssueCounter,
    kes_vkey: &[u8; 32],
    kes_period: u64,
) -> Result<Issued, OpCertError> {
    let kind = cold_signing_key.kind();
    if !keys::accept::OPCERT_COLD_SIGNING.contains(&kind) {
        return Err(KeyError::WrongKind {
            found: kind.human().to_owned(),
            expected: keys::describe_accepted(keys::accept::OPCERT_COLD_SIGNING),
        }
        .into());
    }
    let cold_vkey = cold_signing_key.verification_key()?.public_key();
    if cold_vkey != counter.cold_vkey {
        return Err(OpCertError::CounterKeyMismatch {
            counter_pool: hex::encode(blake2b_224(&counter.cold_vkey)),
            signing_pool: hex::encode(blake2b_224(&cold_vkey)),
        });
    }
    let n = counter.next_issue_number;
    let next = n.checked_add(1).ok_or(OpCertError::CounterOverflow)?;
    let signature = cold_signing_key.sign(&signable(kes_vkey, n, kes_period))?;
    Ok(Issued {
        next_counter: IssueCounter {
            next_issue_number: next,
            cold_vkey,
        },
        opcert: OpCert {
            kes_vkey: *kes_vkey,
            issue_number: n,
            kes_period,
            signature,
            cold_vkey,
        },
    })
}

/// What the chain will say about an opcert issue number `n` given the last one it saw, `m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterVerdict {
    /// n = m: re-using the current number (allowed).
    SameAsOnChain,
    /// n = m + 1: the normal next number.
    NextAfterOnChain,
    /// n < m: the node rejects the blocks (CounterTooSmallOCERT).
    TooSmall,
    /// n > m + 1: the node rejects the blocks (CounterOverIncrementedOCERT).
    OverIncremented,
}

impl CounterVerdict {
    pub fn is_valid(self) -> bool {
        matches!(self, Self::SameAsOnChain | Self::NextAfterOnChain)
    }
}

/// Praos (Babbage onward) rule: `m ≤ n ≤ m + 1`.
pub fn check_counter(on_chain: u64, n: u64) -> CounterVerdict {
    if n < on_chain {
        CounterVerdict::TooSmall
    } else if n == on_chain {
        CounterVerdict::SameAsOnChain
    } else if n - on_chain == 1 {
        CounterVerdict::NextAfterOnChain
    } else {
        CounterVerdict::OverIncremented
    }
}

/// The message an operator needs for a verdict.
pub fn counter_message(on_chain: u64, n: u64) -> String {
    let allowed = match on_chain.checked_add(1) {
        Some(next) => format!("{on_chain} or {next}"),
        None => on_chain.to_string(),
    };
    match check_counter(on_chain, n) {
        CounterVerdict::SameAsOnChain => format!(
            "issue number {n} is valid: it equals the last number the chain has seen ({on_chain}); {} is the usual choice for a new certificate",
            on_chain.saturating_add(1)
        ),
        CounterVerdict::NextAfterOnChain => format!(
            "issue number {n} is valid: one more than the last number the chain has seen ({on_chain})"
        ),
        CounterVerdict::TooSmall => format!(
            "issue number {n} is too small: the chain has already seen {on_chain}, so blocks made with this certificate would be rejected (CounterTooSmallOCERT); use {allowed}"
        ),
        CounterVerdict::OverIncremented => format!(
            "issue number {n} is too large: the chain has seen {on_chain}, and a certificate may go at most one higher, so blocks would be rejected (CounterOverIncrementedOCERT); use {allowed} and reset the counter file with `node new-counter --counter-value {}`",
            on_chain.saturating_add(1)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_names_each_mismatch() {
        let (sk, vk) = keys::generate::ed25519(keys::KeyKind::ColdSigning, &[4; 32]).unwrap();
        let counter = IssueCounter {
            next_issue_number: 2,
            cold_vkey: vk.public_key(),
        };
        let cert = issue(&sk, &counter, &[7; 32], 900).unwrap().opcert;
        let good = cert.check(Some(&vk.public_key()), Some(&[7; 32]));
        assert!(good.is_ok() && good.problems().is_empty());
        let other = cert.check(Some(&[1; 32]), Some(&[8; 32]));
        assert_eq!(other.cold_matches, Some(false));
        assert_eq!(other.kes_matches, Some(false));
        assert_eq!(other.problems().len(), 2);
        let mut forged = cert.clone();
        forged.kes_period += 1;
        assert!(!forged.check(None, None).signature_valid);
    }

    #[test]
    fn counter_rule_boundaries() {
        assert_eq!(check_counter(5, 4), CounterVerdict::TooSmall);
        assert_eq!(check_counter(5, 5), CounterVerdict::SameAsOnChain);
        assert_eq!(check_counter(5, 6), CounterVerdict::NextAfterOnChain);
        assert_eq!(check_counter(5, 7), CounterVerdict::OverIncremented);
        assert_eq!(check_counter(0, 0), CounterVerdict::SameAsOnChain);
        assert_eq!(
            check_counter(u64::MAX, u64::MAX),
            CounterVerdict::SameAsOnChain
        );
    }

    #[test]
    fn counter_messages_say_what_is_allowed() {
        assert_eq!(
            counter_message(5, 7),
            "issue number 7 is too large: the chain has seen 5, and a certificate may go at most one higher, so blocks would be rejected (CounterOverIncrementedOCERT); use 5 or 6 and reset the counter file with `node new-counter --counter-value 6`"
        );
        assert_eq!(
            counter_message(5, 3),
            "issue number 3 is too small: the chain has already seen 5, so blocks made with this certificate would be rejected (CounterTooSmallOCERT); use 5 or 6"
        );
    }
}
