//! Certificates an operator writes: pool registration and retirement, and the stake-address
//! certificates owners need (registration, delegation, and the Conway combined forms).

pub mod amount;
pub mod margin;
pub mod metadata;
pub mod relay;

use thiserror::Error;

use crate::core::encoding::cbor::{CborError, CborReader, CborWriter};
use crate::core::encoding::envelope::{
    EnvelopeError, TextEnvelope, CERTIFICATE_TYPE, CERTIFICATE_TYPES,
};
use crate::core::keys::address::{AddressError, Credential, RewardAccount};
use margin::UnitInterval;
use relay::{Relay, RelayError};

/// Which ledger era's encoding to write. Only owners (tag 258 or not) and stake
/// (de)registration (with or without deposit) differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    /// Shelley to Babbage: owners as a plain array, `[0, cred]` stake registration.
    PreConway,
    Conway,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CertificateError {
    #[error("{0}")]
    Envelope(#[from] EnvelopeError),
    #[error("the certificate CBOR is invalid: {0}")]
    Cbor(#[from] CborError),
    #[error("the certificate has a bad relay: {0}")]
    Relay(#[from] RelayError),
    #[error("the reward account {0}")]
    RewardAccount(#[from] AddressError),
    #[error("the margin {numerator}/{denominator} is not between 0 and 1")]
    BadMargin { numerator: u64, denominator: u64 },
    #[error("certificate kind {0} is not one this tool reads (it reads pool registration and retirement, and stake address certificates)")]
    UnknownKind(u64),
    #[error("the certificate has {found} fields, but a {kind} has {expected}")]
    WrongFieldCount {
        kind: &'static str,
        expected: u64,
        found: u64,
    },
    #[error("the owner set has owner {0} twice")]
    DuplicateOwner(String),
    #[error("the credential kind {0} is unknown (0 = key hash, 1 = script hash)")]
    UnknownCredential(u64),
    #[error(
        "the DRep kind {0} is unknown (0 key, 1 script, 2 always abstain, 3 always no confidence)"
    )]
    UnknownDrep(u64),
    #[error("a pool needs at least one owner")]
    NoOwners,
}

/// Pool metadata reference: URL and blake2b-256 of the file it serves.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PoolMetadataRef {
    pub url: String,
    pub hash: [u8; 32],
}

/// Everything a pool registration certificate states.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PoolParams {
    /// Pool id: blake2b-224 of the cold verification key.
    pub operator: [u8; 28],
    /// blake2b-256 of the VRF verification key.
    pub vrf_key_hash: [u8; 32],
    pub pledge: u64,
    pub cost: u64,
    pub margin: UnitInterval,
    pub reward_account: RewardAccount,
    /// Owner stake key hashes, sorted ascending without duplicates (a set on chain).
    pub owners: Vec<[u8; 28]>,
    /// In the order given: the order operators list them is kept on chain.
    pub relays: Vec<Relay>,
    pub metadata: Option<PoolMetadataRef>,
}

impl PoolParams {
    /// Sorts and deduplicates owners, as the ledger's set does.
    pub fn normalise_owners(owners: impl IntoIterator<Item = [u8; 28]>) -> Vec<[u8; 28]> {
        let mut v: Vec<[u8; 28]> = owners.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// A delegation target for votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Drep {
    Key([u8; 28]),
    Script([u8; 28]),
    AlwaysAbstain,
    AlwaysNoConfidence,
}

/// The certificates this tool writes and reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Certificate {
    /// `[0, cred]` before Conway; `[7, cred, deposit]` from Conway.
    StakeRegistration {
        credential: Credential,
        deposit: Option<u64>,
    },
    /// `[1, cred]` before Conway; `[8, cred, deposit]` from Conway.
    StakeDeregistration {
        credential: Credential,
        deposit: Option<u64>,
    },
    StakeDelegation {
        credential: Credential,
        pool: [u8; 28],
    },
    PoolRegistration(Box<PoolParams>),
    PoolRetirement {
        pool: [u8; 28],
        epoch: u64,
    },
    VoteDelegation {
        credential: Credential,
        drep: Drep,
    },
    StakeVoteDelegation {
        credential: Credential,
        pool: [u8; 28],
        drep: Drep,
    },
    StakeRegistrationDelegation {
        credential: Credential,
        pool: [u8; 28],
        deposit: u64,
    },
    VoteRegistrationDelegation {
        credential: Credential,
        drep: Drep,
        deposit: u64,
    },
    StakeVoteRegistrationDelegation {
        credential: Credential,
        pool: [u8; 28],
        drep: Drep,
        deposit: u64,
    },
}

fn encode_credential(w: &mut CborWriter, c: &Credential) {
    let tag = if c.is_script() { 1 } else { 0 };
    w.array(2).uint(tag).bytes(c.hash());
}

fn decode_credential(r: &mut CborReader<'_>) -> Result<Credential, CertificateError> {
    r.array_of(2, "a stake credential [kind, hash]")?;
    let kind = r.uint("the credential kind")?;
    let hash = r.bytes_exact::<28>("a 28-byte credential hash")?;
    match kind {
        0 => Ok(Credential::Key(hash)),
        1 => Ok(Credential::Script(hash)),
        k => Err(CertificateError::UnknownCredential(k)),
    }
}

fn encode_drep(w: &mut CborWriter, d: &Drep) {
    match d {
        Drep::Key(h) => w.array(2).uint(0).bytes(h),
        Drep::Script(h) => w.array(2).uint(1).bytes(h),
        Drep::AlwaysAbstain => w.array(1).uint(2),
        Drep::AlwaysNoConfidence => w.array(1).uint(3),
    };
}

fn decode_drep(r: &mut CborReader<'_>) -> Result<Drep, CertificateError> {
    let len = r.array("a DRep")?;
    let kind = r.uint("the DRep kind")?;
    match (kind, len) {
        (0, 2) => Ok(Drep::Key(r.bytes_exact::<28>("a DRep key hash")?)),
        (1, 2) => Ok(Drep::Script(r.bytes_exact::<28>("a DRep script hash")?)),
        (2, 1) => Ok(Drep::AlwaysAbstain),
        (3, 1) => Ok(Drep::AlwaysNoConfidence),
        (k, _) => Err(CertificateError::UnknownDrep(k)),
    }
}

const OWNER_SET_TAG: u64 = 258;
const RATIONAL_TAG: u64 = 30;

impl Certificate {
    /// The description cardano-cli writes in the envelope for this certificate.
    pub fn description(&self) -> &'static str {
        match self {
            Self::StakeRegistration { .. } => "Stake Address Registration Certificate",
            Self::StakeDeregistration { .. } => "Stake Address Deregistration Certificate",
            Self::StakeDelegation { .. } => "Stake Delegation Certificate",
            Self::PoolRegistration(_) => "Stake Pool Registration Certificate",
            Self::PoolRetirement { .. } => "Stake Pool Retirement Certificate",
            Self::VoteDelegation { .. } => "Vote Delegation Certificate",
            Self::StakeVoteDelegation { .. } => "Stake and Vote Delegation Certificate",
            Self::StakeRegistrationDelegation { .. } => {
                "Stake address registration and stake delegation certificate"
            }
            Self::VoteRegistrationDelegation { .. }
            | Self::StakeVoteRegistrationDelegation { .. } => {
                "Stake address registration and vote delegation certificate"
            }
        }
    }

    /// Plain name of the certificate kind.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Self::StakeRegistration { .. } => "stake address registration",
            Self::StakeDeregistration { .. } => "stake address deregistration",
            Self::StakeDelegation { .. } => "stake delegation",
            Self::PoolRegistration(_) => "stake pool registration",
            Self::PoolRetirement { .. } => "stake pool retirement",
            Self::VoteDelegation { .. } => "vote delegation",
            Self::StakeVoteDelegation { .. } => "stake and vote delegation",
            Self::StakeRegistrationDelegation { .. } => "stake registration and delegation",
            Self::VoteRegistrationDelegation { .. } => "stake registration and vote delegation",
            Self::StakeVoteRegistrationDelegation { .. } => {
                "stake registration with stake and vote delegation"
            }
        }
    }

    /// The ledger CBOR of this certificate in the given era.
    pub fn encode(&self, era: Era) -> Vec<u8> {
        let mut w = CborWriter::with_capacity(128);
        match self {
            Self::StakeRegistration {
                credential,
                deposit,
            } => match (era, deposit) {
                (Era::Conway, Some(d)) => {
                    w.array(3).uint(7);
                    encode_credential(&mut w, credential);
                    w.uint(*d);
                }
                _ => {
                    w.array(2).uint(0);
                    encode_credential(&mut w, credential);
                }
            },
            Self::StakeDeregistration {
                credential,
                deposit,
            } => match (era, deposit) {
                (Era::Conway, Some(d)) => {
                    w.array(3).uint(8);
                    encode_credential(&mut w, credential);
                    w.uint(*d);
                }
                _ => {
                    w.array(2).uint(1);
                    encode_credential(&mut w, credential);
                }
            },
            Self::StakeDelegation { credential, pool } => {
                w.array(3).uint(2);
                encode_credential(&mut w, credential);
                w.bytes(pool);
            }
            Self::PoolRegistration(p) => encode_pool_params(&mut w, p, era),
            Self::PoolRetirement { pool, epoch } => {
                w.array(3).uint(4).bytes(pool).uint(*epoch);
            }
            Self::VoteDelegation { credential, drep } => {
                w.array(3).uint(9);
                encode_credential(&mut w, credential);
                encode_drep(&mut w, drep);
            }
            Self::StakeVoteDelegation {
                credential,
                pool,
                drep,
            } => {
                w.array(4).uint(10);
                encode_credential(&mut w, credential);
                w.bytes(pool);
                encode_drep(&mut w, drep);
            }
            Self::StakeRegistrationDelegation {
                credential,
                pool,
                deposit,
            } => {
                w.array(4).uint(11);
                encode_credential(&mut w, credential);
                w.bytes(pool).uint(*deposit);
            }
            Self::VoteRegistrationDelegation {
                credential,
                drep,
                deposit,
            } => {
                w.array(4).uint(12);
                encode_credential(&mut w, credential);
                encode_drep(&mut w, drep);
                w.uint(*deposit);
            }
            Self::StakeVoteRegistrationDelegation {
                credential,
                pool,
                drep,
                deposit,
            } => {
                w.array(5).uint(13);
                encode_credential(&mut w, credential);
                w.bytes(pool);
                encode_drep(&mut w, drep);
                w.uint(*deposit);
            }
        }
        w.into_bytes()
    }

    /// Decodes a certificate and tells which era's encoding it used.
    pub fn decode(cbor: &[u8]) -> Result<(Self, Era), CertificateError> {
        let mut r = CborReader::new(cbor);
        let len = r.array("a certificate (an array)")?;
        let kind = r.uint("the certificate kind")?;
        let fields = |kind_name: &'static str, expected: u64| {
            if len == expected {
                Ok(())
            } else {
                Err(CertificateError::WrongFieldCount {
                    kind: kind_name,
                    expected,
                    found: len,
                })
            }
        };
        let mut era = Era::Conway;
        let cert = match kind {
            0 | 1 => {
                fields(
                    if kind == 0 {
                        "stake registration"
                    } else {
                        "stake deregistration"
                    },
                    2,
                )?;
                era = Era::PreConway;
                let credential = decode_credential(&mut r)?;
                if kind == 0 {
                    Self::StakeRegistration {
                        credential,
                        deposit: None,
                    }
                } else {
                    Self::StakeDeregistration {
                        credential,
                        deposit: None,
                    }
                }
            }
            2 => {
                fields("stake delegation", 3)?;
                let credential = decode_credential(&mut r)?;
                let pool = r.bytes_exact::<28>("a 28-byte pool id")?;
                Self::StakeDelegation { credential, pool }
            }
            3 => {
                fields("stake pool registration", 10)?;
                let (params, owner_era) = decode_pool_params(&mut r)?;
                era = owner_era;
                Self::PoolRegistration(Box::new(params))
            }
            4 => {
                fields("stake pool retirement", 3)?;
                let pool = r.bytes_exact::<28>("a 28-byte pool id")?;
                let epoch = r.uint("the retirement epoch")?;
                Self::PoolRetirement { pool, epoch }
            }
            7 | 8 => {
                fields(
                    if kind == 7 {
                        "stake registration"
                    } else {
                        "stake deregistration"
                    },
                    3,
                )?;
                let credential = decode_credential(&mut r)?;
                let deposit = Some(r.uint("the deposit")?);
                if kind == 7 {
                    Self::StakeRegistration {
                        credential,
                        deposit,
                    }
                } else {
                    Self::StakeDeregistration {
                        credential,
                        deposit,
                    }
                }
            }
            9 => {
                fields("vote delegation", 3)?;
                let credential = decode_credential(&mut r)?;
                let drep = decode_drep(&mut r)?;
                Self::VoteDelegation { credential, drep }
            }
            10 => {
                fields("stake and vote delegation", 4)?;
                let credential = decode_credential(&mut r)?;
                let pool = r.bytes_exact::<28>("a 28-byte pool id")?;
                let drep = decode_drep(&mut r)?;
                Self::StakeVoteDelegation {
                    credential,
                    pool,
                    drep,
                }
            }
            11 => {
                fields("stake registration and delegation", 4)?;
                let credential = decode_credential(&mut r)?;
                let pool = r.bytes_exact::<28>("a 28-byte pool id")?;
                let deposit = r.uint("the deposit")?;
                Self::StakeRegistrationDelegation {
                    credential,
                    pool,
                    deposit,
                }
            }
            12 => {
                fields("stake registration and vote delegation", 4)?;
                let credential = decode_credential(&mut r)?;
                let drep = decode_drep(&mut r)?;
                let deposit = r.uint("the deposit")?;
                Self::VoteRegistrationDelegation {
                    credential,
                    drep,
                    deposit,
                }
            }
            13 => {
                fields("stake registration with stake and vote delegation", 5)?;
                let credential = decode_credential(&mut r)?;
                let pool = r.bytes_exact::<28>("a 28-byte pool id")?;
                let drep = decode_drep(&mut r)?;
                let deposit = r.uint("the deposit")?;
                Self::StakeVoteRegistrationDelegation {
                    credential,
                    pool,
                    drep,
                    deposit,
                }
            }
            k => return Err(CertificateError::UnknownKind(k)),
        };
        r.finish()?;
        Ok((cert, era))
    }

    /// The text envelope cardano-cli writes for this certificate.
    pub fn to_envelope(&self, era: Era) -> TextEnvelope {
        TextEnvelope::new(CERTIFICATE_TYPE, self.description(), self.encode(era))
    }

    /// Reads a certificate envelope (`Certificate`, `CertificateConway` or `CertificateShelley`).
    pub fn from_envelope(env: &TextEnvelope) -> Result<(Self, Era), CertificateError> {
        env.expect_type(CERTIFICATE_TYPES, "a certificate (type \"Certificate\")")?;
        Self::decode(env.cbor.expose())
    }
}

fn encode_pool_params(w: &mut CborWriter, p: &PoolParams, era: Era) {
    w.array(10).uint(3);
    w.bytes(&p.operator)
        .bytes(&p.vrf_key_hash)
        .uint(p.pledge)
        .uint(p.cost);
    w.tag(RATIONAL_TAG)
        .array(2)
        .uint(p.margin.numerator())
        .uint(p.margin.denominator());
    w.bytes(&p.reward_account.to_bytes());
    if era == Era::Conway {
        w.tag(OWNER_SET_TAG);
    }
    w.array(p.owners.len());
    for o in &p.owners {
        w.bytes(o);
    }
    w.array(p.relays.len());
    for relay in &p.relays {
        relay.encode(w);
    }
    match &p.metadata {
        Some(m) => {
            w.array(2).text(&m.url).bytes(&m.hash);
        }
        None => {
            w.null();
        }
    }
}

fn decode_pool_params(r: &mut CborReader<'_>) -> Result<(PoolParams, Era), CertificateError> {
    let operator = r.bytes_exact::<28>("the 28-byte pool id (operator)")?;
    let vrf_key_hash = r.bytes_exact::<32>("the 32-byte VRF key hash")?;
    let pledge = r.uint("the pledge")?;
    let cost = r.uint("the cost")?;
    let tag = r.tag("the margin (tag 30)")?;
    if tag != RATIONAL_TAG {
        return Err(CborError::Unexpected {
            expected: "the margin (tag 30)",
            found: format!("tag {tag}"),
            offset: r.offset(),
        }
        .into());
    }
    r.array_of(2, "the margin [numerator, denominator]")?;
    let numerator = r.uint("the margin numerator")?;
    let denominator = r.uint("the margin denominator")?;
    let margin =
        UnitInterval::from_raw(numerator, denominator).ok_or(CertificateError::BadMargin {
            numerator,
            denominator,
        })?;
    let reward_account = RewardAccount::from_bytes(r.bytes("the reward account")?)?;
    let era = if matches!(
        r.peek("the owners")?,
        crate::core::encoding::cbor::Head::Tag(_)
    ) {
        let tag = r.tag("the owner set")?;
        if tag != OWNER_SET_TAG {
            return Err(CborError::Unexpected {
                expected: "the owner set (tag 258)",
                found: format!("tag {tag}"),
                offset: r.offset(),
            }
            .into());
        }
        Era::Conway
    } else {
        Era::PreConway
    };
    let n = r.array("the owners")?;
    let mut owners: Vec<[u8; 28]> = Vec::with_capacity(n.min(64) as usize);
    for _ in 0..n {
        owners.push(r.bytes_exact::<28>("a 28-byte owner key hash")?);
    }
    let mut sorted = owners.clone();
    sorted.sort_unstable();
    if let Some((owner, _)) = sorted
        .iter()
        .zip(sorted.iter().skip(1))
        .find(|(a, b)| a == b)
    {
        return Err(CertificateError::DuplicateOwner(hex::encode(owner)));
    }
    let n = r.array("the relays")?;
    let mut relays = Vec::with_capacity(n.min(64) as usize);
    for _ in 0..n {
        relays.push(Relay::decode(r)?);
    }
    let metadata = if r.is_null()? {
        r.null("the metadata")?;
        None
    } else {
        r.array_of(2, "the metadata [url, hash]")?;
        let url = r.text("the metadata URL")?.to_owned();
        let hash = r.bytes_exact::<32>("the 32-byte metadata hash")?;
        Some(PoolMetadataRef { url, hash })
    };
    let params = PoolParams {
        operator,
        vrf_key_hash,
        pledge,
        cost,
        margin,
        reward_account,
        owners: sorted,
        relays,
        metadata,
    };
    Ok((params, era))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
