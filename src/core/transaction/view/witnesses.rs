//! Which keys a body asks to sign, and whether a hardware-wallet pool owner may sign it.

use super::TxView;
use crate::core::certificate::amount::format_ada;
use crate::core::certificate::Certificate;
use crate::core::governance::Voter;
use crate::core::keys::address::pool_bech32;
use crate::core::keys::address::Credential;

/// Why a key must witness the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The pool's cold key: a pool registration or retirement.
    PoolOperator { pool: [u8; 28] },
    /// An owner listed in a pool registration: every owner signs, new or not.
    PoolOwner { pool: [u8; 28] },
    /// The key of a reward account the body withdraws from.
    Withdrawal,
    /// The stake key of a stake certificate (deregistration, delegation, or a Conway
    /// registration that states its deposit).
    StakeCertificate,
    /// Listed in the body's required signers (field 14).
    RequiredSigner,
    /// The pool's cold key, for the votes the pool casts (field 19).
    PoolVote { pool: [u8; 28] },
    /// A DRep's key, for its votes.
    DrepVote,
    /// A constitutional committee member's hot key, for its votes.
    CommitteeVote,
}

impl Role {
    pub fn describe(&self) -> String {
        match self {
            Self::PoolOperator { pool } => format!("cold key of {}", pool_bech32(pool)),
            Self::PoolOwner { pool } => format!("owner of {}", pool_bech32(pool)),
            Self::Withdrawal => "reward account withdrawal".to_owned(),
            Self::StakeCertificate => "stake key for a certificate".to_owned(),
            Self::RequiredSigner => "required signer".to_owned(),
            Self::PoolVote { pool } => format!("cold key of {}, to vote", pool_bech32(pool)),
            Self::DrepVote => "DRep key, to vote".to_owned(),
            Self::CommitteeVote => "committee hot key, to vote".to_owned(),
        }
    }
}

/// One key the body needs a witness from, with every reason it is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub key_hash: [u8; 28],
    pub roles: Vec<Role>,
}

fn add(needs: &mut Vec<Need>, key_hash: [u8; 28], role: Role) {
    match needs.iter_mut().find(|n| n.key_hash == key_hash) {
        Some(need) if need.roles.contains(&role) => {}
        Some(need) => need.roles.push(role),
        None => needs.push(Need {
            key_hash,
            roles: vec![role],
        }),
    }
}

/// The stake credential whose key must sign this certificate, if any. A pre-Conway
/// registration (no deposit stated) needs no witness; every other stake certificate does.
fn stake_signer(cert: &Certificate) -> Option<&Credential> {
    match cert {
        Certificate::StakeRegistration { deposit: None, .. }
        | Certificate::PoolRegistration(_)
        | Certificate::PoolRetirement { .. } => None,
        Certificate::StakeRegistration { credential, .. }
        | Certificate::StakeDeregistration { credential, .. }
        | Certificate::StakeDelegation { credential, .. }
        | Certificate::VoteDelegation { credential, .. }
        | Certificate::StakeVoteDelegation { credential, .. }
        | Certificate::StakeRegistrationDelegation { credential, .. }
        | Certificate::VoteRegistrationDelegation { credential, .. }
        | Certificate::StakeVoteRegistrationDelegation { credential, .. } => Some(credential),
    }
}

/// Keys the body asks to sign, deduplicated by key hash in first-seen order (certificates,
/// then voters, then withdrawals, then required signers). Proposals need none of their own.
///
/// Not listed, and for the caller to say: the payment keys of the inputs (a body names inputs by
/// transaction id only, not by address), keys behind certificates shown as bytes only (DRep and
/// committee certificates), and scripts (script voters too), which are not keys.
pub fn required_witnesses(view: &TxView) -> Vec<Need> {
    let mut needs = Vec::new();
    for cert in view.decoded_certificates() {
        match cert {
            Certificate::PoolRegistration(p) => {
                let pool = p.operator;
                add(&mut needs, pool, Role::PoolOperator { pool });
                for owner in &p.owners {
                    add(&mut needs, *owner, Role::PoolOwner { pool });
                }
            }
            Certificate::PoolRetirement { pool, .. } => {
                add(&mut needs, *pool, Role::PoolOperator { pool: *pool });
            }
            other => {
                if let Some(Credential::Key(h)) = stake_signer(other) {
                    add(&mut needs, *h, Role::StakeCertificate);
                }
            }
        }
    }
    for v in &view.votes {
        match v.voter {
            Voter::StakePool(pool) => add(&mut needs, pool, Role::PoolVote { pool }),
            Voter::DrepKey(h) => add(&mut needs, h, Role::DrepVote),
            Voter::CommitteeKey(h) => add(&mut needs, h, Role::CommitteeVote),
            Voter::DrepScript(_) | Voter::CommitteeScript(_) => {}
        }
    }
    for w in &view.withdrawals {
        if let Credential::Key(h) = w.account.credential {
            add(&mut needs, h, Role::Withdrawal);
        }
    }
    for h in &view.required_signers {
        add(&mut needs, *h, Role::RequiredSigner);
    }
    needs
}

/// Fields a Ledger or Trezor refuses in "pool registration as owner" mode, as the end of
/// "cannot sign a transaction that …".
const OWNER_MODE_FIELDS: [(u64, &str); 11] = [
    (9, "mints or burns tokens"),
    (11, "runs Plutus scripts (it has a script data hash)"),
    (13, "has collateral inputs"),
    (14, "names required signers"),
    (16, "has a collateral return"),
    (17, "states a total collateral"),
    (18, "has reference inputs"),
    (19, "casts governance votes"),
    (20, "makes governance proposals"),
    (21, "states the current treasury value"),
    (22, "donates to the treasury"),
];

const OWNER: &str = "a hardware-wallet owner";

/// Why a Ledger or Trezor would refuse this body in cardano-hw-cli's "pool registration as
/// owner" mode; empty when it can sign. The device also insists that none of the outputs and
/// exactly one owner are its own, which a body cannot show: the caller checks those.
pub fn hw_owner_problems(view: &TxView) -> Vec<String> {
    let mut out = Vec::new();
    // CIP-21: the device re-encodes a body that is not canonical, which changes its id.
    if view
        .fields
        .windows(2)
        .any(|w| matches!(w, [a, b] if a >= b))
    {
        out.push(format!(
            "the body's fields are not in ascending order (CIP-21 canonical CBOR): {OWNER} would re-encode it, which changes the transaction id and breaks the other owners' witnesses"
        ));
    }
    let one_cert = format!(
        "{OWNER} can sign only a transaction whose one certificate is the pool registration"
    );
    match view.certificates.as_slice() {
        [cert] => match &cert.decoded {
            Ok(Certificate::PoolRegistration(_)) => {}
            _ => out.push(format!(
                "{one_cert}; this one's certificate is a {}",
                cert.kind_text()
            )),
        },
        [] => out.push(format!("{one_cert}; this one has no certificate")),
        certs => out.push(format!(
            "{one_cert}; this one has {} certificates",
            certs.len()
        )),
    }
    if !view.withdrawals.is_empty() {
        out.push(format!(
            "{OWNER} cannot sign a transaction that withdraws rewards; this one has {} withdrawal(s) of {} in all: withdraw in a separate transaction",
            view.withdrawals.len(),
            format_ada(view.withdrawn())
        ));
    }
    for (key, what) in OWNER_MODE_FIELDS {
        if view.has_field(key) {
            out.push(format!(
                "{OWNER} cannot sign a transaction that {what} (field {key}); ask for the registration to be built without it"
            ));
        }
    }
    for (i, o) in view.outputs.iter().enumerate() {
        for (present, what) in [
            (o.has_datum, "a datum"),
            (o.has_script_ref, "a script reference"),
        ] {
            if present {
                out.push(format!("output {i} carries {what}, which {OWNER} cannot sign; pay to a plain address instead"));
            }
        }
    }
    for key in &view.other_keys {
        out.push(format!(
            "the body has field {key} ({}), which hardware wallets do not read; rebuild it with cardano-cli for the current era",
            super::field_name(*key)
        ));
    }
    out
}
