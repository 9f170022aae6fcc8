//! Reviewing a pool registration before owners sign: every field in words, what changed since
//! the previous registration, whose keys are owners, and whether the pledge is covered.

pub mod fingerprint;
pub mod metadata_match;
pub mod plan;
pub mod rows;
pub mod signoff;

pub use rows::{field_rows, relay_text, relay_warnings, short};

use thiserror::Error;

use crate::core::certificate::amount::format_ada;
use crate::core::certificate::{Certificate, PoolParams};
use crate::core::keys::address::pool_bech32;
use crate::core::keys::address::{Credential, Network, RewardAccount};
use crate::core::message::quote::escape;
use crate::core::review::fingerprint::Fingerprint;
use crate::core::review::plan::PoolPlan;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReviewError {
    #[error("is a {0} certificate, not a stake pool registration: the review reads registration certificates (stake-pool registration-certificate)")]
    NotARegistration(&'static str),
}

/// The pool parameters of a registration certificate, or why it is not one.
pub fn registration_of(cert: &Certificate) -> Result<&PoolParams, ReviewError> {
    match cert {
        Certificate::PoolRegistration(p) => Ok(p),
        other => Err(ReviewError::NotARegistration(other.kind_name())),
    }
}

/// How one field compares with the previous registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No previous registration was given.
    NoPrevious,
    Unchanged,
    Changed,
    Added,
    Removed,
}

impl Change {
    pub fn word(self) -> &'static str {
        match self {
            Self::NoPrevious => "",
            Self::Unchanged => "unchanged",
            Self::Changed => "changed",
            Self::Added => "added",
            Self::Removed => "removed",
        }
    }
}

/// One row of the review: a field in words, before and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRow {
    pub label: String,
    pub previous: Option<String>,
    pub current: Option<String>,
    pub change: Change,
}

impl FieldRow {
    /// "Pledge: 100,000 ADA → 250,000 ADA", "Owner Carol: added (stake1…)".
    pub fn summary(&self) -> String {
        match (self.change, &self.previous, &self.current) {
            (Change::Changed, Some(p), Some(c)) => format!("{}: {p} → {c}", self.label),
            (Change::Added, _, Some(c)) => format!("{}: added ({c})", self.label),
            (Change::Removed, Some(p), _) => format!("{}: removed ({p})", self.label),
            (_, _, Some(c)) => format!("{}: {c}", self.label),
            (_, Some(p), None) => format!("{}: {p}", self.label),
            (_, None, None) => self.label.clone(),
        }
    }
}

/// The network a registration's addresses belong to (only mainnet vs testnet matters).
pub fn network_of(params: &PoolParams) -> Network {
    if params.reward_account.network_id == 1 {
        Network::Mainnet
    } else {
        Network::Testnet { magic: 0 }
    }
}

/// `stake1…` for an owner key hash on the pool's network.
pub fn owner_address(params: &PoolParams, key_hash: &[u8; 28]) -> String {
    RewardAccount::new(network_of(params), Credential::Key(*key_hash))
        .to_bech32()
        .unwrap_or_else(|_| hex::encode(key_hash))
}

/// Where a stake key stands in the certificate: position in the owner set (1-based) and count.
pub fn owner_position(params: &PoolParams, key_hash: &[u8; 28]) -> Option<(usize, usize)> {
    params
        .owners
        .iter()
        .position(|o| o == key_hash)
        .map(|i| (i + 1, params.owners.len()))
}

/// What an owner who loaded their key is told.
pub fn owner_verdict(params: &PoolParams, key_hash: &[u8; 28]) -> String {
    let reward = params.reward_account.credential == Credential::Key(*key_hash);
    match owner_position(params, key_hash) {
        Some((i, n)) => {
            let mut s = format!("You are owner {i} of {n}.");
            if reward {
                s.push_str(" Your key is also the reward account.");
            }
            s
        }
        None => {
            let mut s = format!(
                "Your key is not an owner of this pool: {} is not among its {} owner{}, so its stake does not count as pledge.",
                owner_address(params, key_hash),
                params.owners.len(),
                if params.owners.len() == 1 { "" } else { "s" }
            );
            if reward {
                s.push_str(" It is the reward account.");
            }
            s.push_str(" Check that you loaded your own stake key, or ask the operator to add it.");
            s
        }
    }
}

/// The owners' planned contributions against the declared pledge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeCheck {
    pub declared: u64,
    /// What the plan's owners contribute in total.
    pub planned: u64,
    /// What counts: owners in the certificate whose stake is not known to be undelegated.
    pub counted: u64,
    /// Problems that can cost the pool its rewards.
    pub warnings: Vec<String>,
    /// Things each owner should confirm.
    pub confirm: Vec<String>,
}

impl PledgeCheck {
    pub fn is_met(&self) -> bool {
        self.counted >= self.declared
    }
}

/// Checks the plan's contributions against the certificate's pledge. A `previous` registration
/// tells which owners are new: their stake counts only from a later stake snapshot.
pub fn pledge_check(
    cert: &PoolParams,
    plan: &PoolPlan,
    previous: Option<&PoolParams>,
) -> PledgeCheck {
    let pool = pool_bech32(&cert.operator);
    let mut warnings = Vec::new();
    let mut confirm = Vec::new();
    let mut counted = 0u64;
    let mut counted_continuing = 0u64;
    let mut new_owners = Vec::new();
    for o in &plan.owners {
        let amount = format_ada(o.pledge);
        if !cert.owners.contains(&o.key_hash) {
            warnings.push(format!(
                "{} is in the plan but not an owner in this certificate: their {amount} does not count towards the pledge.",
                o.name
            ));
            continue;
        }
        match o.delegated {
            Some(false) => {
                warnings.push(format!(
                    "{}'s stake is not delegated to this pool: their {amount} does not count towards the pledge until their stake key is registered and delegated to {pool}.",
                    o.name
                ));
                continue;
            }
            Some(true) => {}
            None => confirm.push(format!(
                "{}: confirm the stake key is registered and delegated to {pool}, or their {amount} does not count.",
                o.name
            )),
        }
        counted = counted.saturating_add(o.pledge);
        let is_new = previous.is_some_and(|p| !p.owners.contains(&o.key_hash));
        if is_new {
            new_owners.push(o.name.clone());
        } else {
            counted_continuing = counted_continuing.saturating_add(o.pledge);
        }
    }
    for h in cert.owners.iter().filter(|h| plan.owner_name(h).is_none()) {
        warnings.push(format!(
            "Owner {} is in the certificate but not in the plan: nobody has planned their contribution.",
            owner_address(cert, h)
        ));
    }
    if counted < cert.pledge {
        warnings.insert(0, format!(
            "The declared pledge ({}) is more than the owners' stake that counts ({}): if the owners hold less than the pledge at the stake snapshot, the pool and all its delegators earn no rewards for that epoch.",
            format_ada(cert.pledge),
            format_ada(counted)
        ));
    }
    for name in &new_owners {
        warnings.push(format!(
            "{name} is a new owner: their stake counts towards the pledge only from the first stake snapshot after this certificate takes effect (about two epochs)."
        ));
    }
    if !new_owners.is_empty() && counted_continuing < cert.pledge {
        warnings.push(format!(
            "Until that snapshot only the continuing owners count ({}), which is below the pledge of {}: consider keeping the old pledge until then.",
            format_ada(counted_continuing),
            format_ada(cert.pledge)
        ));
    }
    PledgeCheck {
        declared: cert.pledge,
        planned: plan.planned_pledge(),
        counted,
        warnings,
        confirm,
    }
}

/// The fields where a certificate differs from what its plan builds.
pub fn plan_mismatches(cert: &PoolParams, plan: &PoolPlan) -> Vec<String> {
    let names = |h: &[u8; 28]| plan.owner_name(h).map(str::to_owned);
    field_rows(cert, Some(&plan.params), &names)
        .into_iter()
        .filter(|r| r.change != Change::Unchanged)
        .map(|r| match r.change {
            Change::Added => format!("{}: in the certificate, not in the plan", r.summary()),
            Change::Removed => format!("{}: in the plan, not in the certificate", r.summary()),
            _ => format!(
                "{}: the plan says {}, the certificate says {}",
                r.label,
                r.previous.unwrap_or_default(),
                r.current.unwrap_or_default()
            ),
        })
        .collect()
}

/// Everything the review shows, built once from the loaded files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub params: PoolParams,
    pub fingerprint: Fingerprint,
    pub rows: Vec<FieldRow>,
    pub has_previous: bool,
    /// Owners in on-chain order: (name if the plan gives one, stake address, key hash hex).
    pub owners: Vec<(Option<String>, String, String)>,
    pub plan_mismatches: Vec<String>,
    /// Relay problems, worded as Inspect words them (private addresses and the like).
    pub warnings: Vec<String>,
    pub pledge: Option<PledgeCheck>,
    /// The owner check for a loaded key.
    pub verdict: Option<String>,
}

impl Review {
    /// `cert_cbor` is the certificate exactly as loaded: the fingerprint is over those bytes.
    pub fn new(
        cert_cbor: &[u8],
        params: &PoolParams,
        previous: Option<&PoolParams>,
        plan: Option<&PoolPlan>,
        owner_key: Option<&[u8; 28]>,
    ) -> Self {
        let names = |h: &[u8; 28]| plan.and_then(|p| p.owner_name(h)).map(str::to_owned);
        Self {
            params: params.clone(),
            fingerprint: Fingerprint::of(cert_cbor),
            rows: field_rows(params, previous, &names),
            has_previous: previous.is_some(),
            owners: params
                .owners
                .iter()
                .map(|h| (names(h), owner_address(params, h), hex::encode(h)))
                .collect(),
            plan_mismatches: plan
                .map(|p| {
                    let mut m = plan_mismatches(params, p);
                    let built = p.certificate_cbor();
                    if m.is_empty() && built != cert_cbor {
                        m.push(format!(
                            "the certificate's bytes differ from what the plan builds (fingerprint {} instead of {}): the same fields, encoded otherwise (for example for an older era)",
                            Fingerprint::of(cert_cbor).words_text(),
                            Fingerprint::of(&built).words_text()
                        ));
                    }
                    m
                })
                .unwrap_or_default(),
            warnings: relay_warnings(params),
            pledge: plan.map(|p| pledge_check(params, p, previous)),
            verdict: owner_key.map(|k| owner_verdict(params, k)),
        }
    }

    /// The changed rows in words, in field order.
    pub fn changes(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| !matches!(r.change, Change::Unchanged | Change::NoPrevious))
            .map(FieldRow::summary)
            .collect()
    }

    /// Plain text for the terminal. Names, DNS names and URLs come from the certificate and
    /// the plan, so every line's text is escaped: a name cannot move the cursor or erase a line.
    pub fn to_text(&self) -> String {
        let mut out = String::from("Stake pool registration\n");
        out.push_str(&format!("  Fingerprint: {}\n", self.fingerprint.hex()));
        out.push_str(&format!(
            "  Words:       {}\n",
            self.fingerprint.words_text()
        ));
        if let Some(v) = &self.verdict {
            out.push_str(&format!("\n{}\n", escape(v)));
        }
        out.push('\n');
        let rows: Vec<(String, String)> = self
            .rows
            .iter()
            .map(|r| {
                let value = r
                    .current
                    .as_deref()
                    .or(r.previous.as_deref())
                    .unwrap_or("none");
                (escape(&r.label), escape(value))
            })
            .collect();
        let width = rows
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in &rows {
            let pad = " ".repeat(width - label.chars().count());
            out.push_str(&format!("  {label}:{pad} {value}\n"));
        }
        if self.has_previous {
            let changes = self.changes();
            out.push_str("\nChanges since the previous registration:\n");
            if changes.is_empty() {
                out.push_str("  none\n");
            }
            for c in changes {
                out.push_str(&format!("  {}\n", escape(&c)));
            }
        }
        if !self.warnings.is_empty() {
            out.push('\n');
            for w in &self.warnings {
                out.push_str(&format!("warning: {}\n", escape(w)));
            }
        }
        if !self.plan_mismatches.is_empty() {
            out.push_str("\nThis certificate is not what the plan builds:\n");
            for m in &self.plan_mismatches {
                out.push_str(&format!("  {}\n", escape(m)));
            }
        }
        if let Some(p) = &self.pledge {
            out.push_str(&format!(
                "\nPledge check: declared {}, planned {}, counting {}\n",
                format_ada(p.declared),
                format_ada(p.planned),
                format_ada(p.counted)
            ));
            for w in &p.warnings {
                out.push_str(&format!("  warning: {}\n", escape(w)));
            }
            for c in &p.confirm {
                out.push_str(&format!("  confirm: {}\n", escape(c)));
            }
        }
        out
    }

    pub fn to_json(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "field": r.label,
                    "previous": r.previous,
                    "current": r.current,
                    "change": r.change.word(),
                })
            })
            .collect();
        let owners: Vec<serde_json::Value> = self
            .owners
            .iter()
            .map(|(name, addr, hash)| {
                serde_json::json!({"name": name, "stake_address": addr, "stake_key_hash": hash})
            })
            .collect();
        serde_json::json!({
            "fingerprint": self.fingerprint.hex(),
            "fingerprint_words": self.fingerprint.words(),
            "owner_check": self.verdict,
            "fields": rows,
            "changes": if self.has_previous { Some(self.changes()) } else { None },
            "owners": owners,
            "plan_mismatches": self.plan_mismatches,
            "warnings": self.warnings,
            "pledge_check": self.pledge.as_ref().map(|p| serde_json::json!({
                "declared_lovelace": p.declared,
                "planned_lovelace": p.planned,
                "counted_lovelace": p.counted,
                "met": p.is_met(),
                "warnings": p.warnings,
                "confirm": p.confirm,
            })),
        })
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
