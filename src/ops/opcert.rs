//! Issuing operational certificates and rotating the KES key: the counter is read inside the
//! folder lock (two issues can never take the same number) and written after the opcert in
//! one transaction (a crash never leaves the counter ahead of its certificate).

use std::path::Path;

use super::{Done, OpError, OpResult};
use crate::core::kes::issue_period::{self, CurrentPeriod};
use crate::core::kes::opcert::{self, IssueCounter, OpCert, OpCertError};
use crate::core::keys::{accept, generate, KeyKind, SigningKey, VerificationKey};
use crate::platform::disk::{Disk, OsDisk};
use crate::platform::files::{self, Output, OutputKind, Session};
use crate::platform::{entropy, load};

/// Whether a KES period far from now may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodCheck {
    /// Refuse a period more than one away from the current one on every network listed.
    Near {
        current: Vec<CurrentPeriod>,
        /// What to do instead, said at the end of the message (the command line names its
        /// override flag; the console its own field).
        how_to_fix: &'static str,
    },
    /// The operator said the period is meant (`--allow-distant-kes-period`).
    Any,
}

impl PeriodCheck {
    fn check(&self, kes_period: u64) -> OpResult<()> {
        match self {
            Self::Any => Ok(()),
            Self::Near { current, .. } if issue_period::is_plausible(kes_period, current) => {
                Ok(())
            }
            Self::Near {
                current,
                how_to_fix,
            } => Err(OpError(format!(
                "KES period {kes_period} is far from the current one ({} by this machine's clock): an opcert starts at the current period. Check the clock against an online machine (`cardano-cli query tip`), then {how_to_fix}; nothing was written",
                issue_period::describe(current)
            ))),
        }
    }
}

/// What `issue` needs.
#[derive(Debug, Clone, Copy)]
pub struct IssueRequest<'a> {
    pub kes_vkey: &'a [u8; 32],
    pub cold_signing_key: &'a Path,
    pub counter: &'a Path,
    pub kes_period: u64,
    pub out: &'a Path,
    /// The cold key's passphrase, when it is encrypted.
    pub unlock: load::Unlock<'a>,
}

/// Issues an opcert as `node issue-op-cert` does: checks the counter against the cold key,
/// signs with its number, writes the opcert and then the counter moved on by one.
pub fn issue(req: &IssueRequest<'_>, period: &PeriodCheck) -> OpResult<(OpCert, Done)> {
    issue_on(&OsDisk, req, period)
}

/// [`issue`] on a given disk (tests put a failing one under it).
pub fn issue_on(
    disk: &dyn Disk,
    req: &IssueRequest<'_>,
    period: &PeriodCheck,
) -> OpResult<(OpCert, Done)> {
    period.check(req.kes_period)?;
    in_session(disk, &[req.out, req.counter], |s| issue_in(s, req))
}

/// Runs `f` inside a session on `paths` (locked, earlier writes finished); what recovery did
/// is returned with the result, or said in the error.
fn in_session<T>(
    disk: &dyn Disk,
    paths: &[&Path],
    f: impl FnOnce(&Session<'_>) -> OpResult<T>,
) -> OpResult<(T, Done)> {
    let session = Session::begin_on(disk, paths)?;
    match f(&session) {
        Ok(v) => Ok((
            v,
            Done {
                notes: session.notes,
            },
        )),
        Err(e) => Err(OpError(files::noted(e, &session.notes))),
    }
}

/// The issue itself, inside the session that holds the folder locks.
fn issue_in(session: &Session<'_>, req: &IssueRequest<'_>) -> OpResult<OpCert> {
    let cold = load::signing_key_unlocked(
        req.cold_signing_key,
        accept::OPCERT_COLD_SIGNING,
        req.unlock,
    )?;
    let counter = load::counter(req.counter)?;
    let issued = opcert::issue(&cold, &counter, req.kes_vkey, req.kes_period).map_err(|e| {
        let file = match e {
            OpCertError::CounterKeyMismatch { .. } | OpCertError::CounterOverflow => req.counter,
            _ => req.cold_signing_key,
        };
        OpError(format!("{}: {e}", file.display()))
    })?;
    let next = issued.next_counter.to_envelope().render();
    let cert = issued.opcert.to_envelope().render();
    session.write(
        &[
            Output {
                path: req.out,
                bytes: cert.expose(),
                kind: OutputKind::OpCert,
            },
            Output {
                path: req.counter,
                bytes: next.expose(),
                kind: OutputKind::CounterUpdate,
            },
        ],
        false,
    )?;
    Ok(issued.opcert)
}

/// Where a rotation writes.
#[derive(Debug, Clone, Copy)]
pub struct RotationPaths<'a> {
    pub cold_signing_key: &'a Path,
    pub counter: &'a Path,
    pub kes_verification_key: &'a Path,
    pub kes_signing_key: &'a Path,
    pub opcert: &'a Path,
    /// The cold key's passphrase, when it is encrypted.
    pub unlock: load::Unlock<'a>,
}

/// A new KES key pair, the counter set to `issue_number`, and an opcert with that number, all
/// as one transaction; the counter is left at `issue_number + 1`. The person confirmed the
/// replacement of the KES pair, so same-kind files are replaced.
pub fn rotate(
    paths: &RotationPaths<'_>,
    issue_number: u64,
    kes_period: u64,
    period: &PeriodCheck,
) -> OpResult<(VerificationKey, OpCert, Done)> {
    rotate_on(&OsDisk, paths, issue_number, kes_period, period)
}

/// [`rotate`] on a given disk (tests put a failing one under it).
pub fn rotate_on(
    disk: &dyn Disk,
    paths: &RotationPaths<'_>,
    issue_number: u64,
    kes_period: u64,
    period: &PeriodCheck,
) -> OpResult<(VerificationKey, OpCert, Done)> {
    period.check(kes_period)?;
    let written = [
        paths.kes_signing_key,
        paths.kes_verification_key,
        paths.opcert,
        paths.counter,
    ];
    let ((kes_vk, cert), done) = in_session(disk, &written, |s| {
        rotate_in(s, paths, issue_number, kes_period)
    })?;
    Ok((kes_vk, cert, done))
}

/// The rotation itself, inside the session that holds the folder locks.
fn rotate_in(
    session: &Session<'_>,
    paths: &RotationPaths<'_>,
    issue_number: u64,
    kes_period: u64,
) -> OpResult<(VerificationKey, OpCert)> {
    let cold: SigningKey = load::signing_key_unlocked(
        paths.cold_signing_key,
        accept::OPCERT_COLD_SIGNING,
        paths.unlock,
    )?;
    let cold_vkey = cold.verification_key()?.public_key();
    let counter_exists = paths.counter.exists();
    if counter_exists {
        let counter = load::counter(paths.counter)?;
        if counter.cold_vkey != cold_vkey {
            return Err(OpError(format!(
                "{} belongs to another cold key than {}: fix the folder before rotating",
                paths.counter.display(),
                paths.cold_signing_key.display()
            )));
        }
    }
    let seed = entropy::seed32()?;
    let (kes_sk, kes_vk) = generate::kes(&seed)?;
    let counter = IssueCounter {
        next_issue_number: issue_number,
        cold_vkey,
    };
    let issued = opcert::issue(&cold, &counter, &kes_vk.public_key(), kes_period)
        .map_err(|e| OpError(e.to_string()))?;
    let (vkb, skb, cb, ob) = (
        kes_vk.to_envelope().render(),
        kes_sk.to_envelope().render(),
        issued.next_counter.to_envelope().render(),
        issued.opcert.to_envelope().render(),
    );
    session.write(
        &[
            Output {
                path: paths.kes_signing_key,
                bytes: skb.expose(),
                kind: OutputKind::Key(KeyKind::KesSigning),
            },
            Output {
                path: paths.kes_verification_key,
                bytes: vkb.expose(),
                kind: OutputKind::Key(KeyKind::KesVerification),
            },
            Output {
                path: paths.opcert,
                bytes: ob.expose(),
                kind: OutputKind::OpCert,
            },
            Output {
                path: paths.counter,
                bytes: cb.expose(),
                kind: if counter_exists {
                    OutputKind::CounterUpdate
                } else {
                    OutputKind::NewCounter
                },
            },
        ],
        true,
    )?;
    Ok((kes_vk, issued.opcert))
}

/// Appends a rotation to the folder's journal (`rotation-journal.jsonl`, append-only: a record
/// of every opcert issued, so a lost counter can be rebuilt).
pub fn record_rotation(
    dir: &Path,
    entry: &crate::core::kes::journal::JournalEntry,
) -> OpResult<()> {
    crate::platform::journal_file::append(dir, entry).map_err(OpError)
}
