//! The registration builder's form: what the person typed (strings), and its translation into
//! the core's pool parameters with one message per field. Parsing happens every frame; the
//! "Build certificate" button is enabled only when everything parses.

use serde::{Deserialize, Serialize};
use std::path::Path;

pub use super::registration_metadata::MetadataMessages;
pub use super::registration_relays::RelayCheck;
use crate::core::certificate::amount;
use crate::core::certificate::margin::{MarginError, UnitInterval};
use crate::core::certificate::metadata;
use crate::core::certificate::{Certificate, Era, PoolMetadataRef, PoolParams};
use crate::core::keys::address::{Credential, Network, RewardAccount};
use crate::core::keys::{self, accept, AnyKey};
use crate::core::message::quote;
use crate::platform::read;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RelayKind {
    #[default]
    Address,
    DnsName,
    Srv,
}

impl RelayKind {
    pub const ALL: [Self; 3] = [Self::Address, Self::DnsName, Self::Srv];

    pub fn label(self) -> &'static str {
        match self {
            Self::Address => "IP address",
            Self::DnsName => "DNS name (A/AAAA)",
            Self::Srv => "DNS SRV record",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RelayDraft {
    pub kind: RelayKind,
    pub host: String,
    pub port: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct OwnerDraft {
    pub name: String,
    /// A stake key file (path), `stake_vk1…`, a 64-hex key, a `stake1…` address or a 56-hex hash.
    pub key: String,
    /// The ADA this owner plans to keep delegated as pledge (goes into the pool plan only).
    #[serde(default)]
    pub pledge_ada: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MetadataDraft {
    pub name: String,
    pub ticker: String,
    pub description: String,
    pub homepage: String,
    pub extended: String,
    /// Where the JSON will be hosted (goes into the certificate).
    pub url: String,
}

/// Everything typed into the builder. Persisted between runs (no secrets in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub pledge_ada: String,
    pub cost_ada: String,
    pub margin_percent: String,
    /// Stake key file, `stake_vk1…`, or `stake1…` address of the reward account.
    pub reward_account: String,
    pub owners: Vec<OwnerDraft>,
    pub relays: Vec<RelayDraft>,
    pub metadata: MetadataDraft,
    pub deposit_ada: String,
}

impl Default for RegistrationForm {
    fn default() -> Self {
        Self {
            pledge_ada: String::new(),
            cost_ada: "170".to_owned(),
            margin_percent: String::new(),
            reward_account: String::new(),
            owners: Vec::new(),
            relays: vec![RelayDraft {
                port: "3001".to_owned(),
                ..RelayDraft::default()
            }],
            metadata: MetadataDraft::default(),
            deposit_ada: "2".to_owned(),
        }
    }
}

/// Every field's outcome; `params` only when all parse.
#[derive(Debug, Clone, Default)]
pub struct FormCheck {
    pub pledge: Option<String>,
    pub cost: Option<String>,
    pub margin: Option<String>,
    pub reward: Option<String>,
    pub owners: Vec<Option<String>>,
    /// Each owner's planned pledge (the pool plan needs it; the certificate does not).
    pub owner_pledges: Vec<Result<u64, String>>,
    pub owners_missing: Option<String>,
    pub relays: Vec<RelayCheck>,
    /// The first metadata problem (for the list of what blocks the build).
    pub metadata: Option<String>,
    /// Every metadata problem, each for its own field.
    pub metadata_fields: MetadataMessages,
    pub metadata_url: Option<String>,
    /// Why "Save metadata file" cannot write the form's fields yet (it writes them even when
    /// a file is loaded, and refuses an empty form).
    pub metadata_save: Option<String>,
    pub keys_missing: Vec<String>,
    pub deposit: Option<String>,
    pub params: Option<PoolParams>,
    /// The metadata file bytes, when the metadata fields are valid.
    pub metadata_json: Option<String>,
    /// Owner key hashes in form order (None where the owner does not parse).
    pub owner_hashes: Vec<Option<[u8; 28]>>,
    pub deposit_lovelace: Option<u64>,
    /// The money fields as parsed, for the screens to show (parsed once per change, not per
    /// frame).
    pub pledge_lovelace: Option<u64>,
    pub cost_lovelace: Option<u64>,
    pub margin_value: Option<UnitInterval>,
}

impl FormCheck {
    /// Why "Build certificate" is disabled, in words; empty when it is enabled.
    pub fn blockers(&self) -> Vec<String> {
        let mut out = self.keys_missing.clone();
        for (what, e) in [
            ("pledge", &self.pledge),
            ("cost", &self.cost),
            ("margin", &self.margin),
            ("reward account", &self.reward),
        ] {
            if e.is_some() {
                out.push(what.to_owned());
            }
        }
        if self.owners_missing.is_some() || self.owners.iter().any(Option::is_some) {
            out.push("owners".to_owned());
        }
        if self.relays.iter().any(|r| r.relay.is_err()) {
            out.push("relays".to_owned());
        }
        for (what, e) in [
            ("metadata", &self.metadata),
            ("metadata URL", &self.metadata_url),
        ] {
            if e.is_some() {
                out.push(what.to_owned());
            }
        }
        out
    }
}

/// Reads a stake credential typed or picked for an owner or reward account.
pub fn parse_stake_key(text: &str, base: &Path) -> Result<[u8; 28], String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("choose a stake key file, or paste a stake key or stake address".to_owned());
    }
    if t.starts_with("stake1") || t.starts_with("stake_test1") {
        let acct = RewardAccount::from_bech32(t).map_err(|e| format!("this stake address {e}"))?;
        return match acct.credential {
            Credential::Key(h) => Ok(h),
            Credential::Script(_) => {
                Err("this is a script address; owners must be stake keys".to_owned())
            }
        };
    }
    if let Ok(raw) = hex::decode(t) {
        if raw.len() == 28 {
            let mut h = [0u8; 28];
            h.copy_from_slice(&raw);
            return Ok(h);
        }
    }
    if let Ok(vk) = keys::verification_key_from_text(t, accept::STAKE_VERIFICATION) {
        return Ok(vk.key_hash());
    }
    let path = base.join(t);
    // Checked on every frame: a regular file only, never a wait on a pipe typed here.
    let bytes = read::read_regular(&path, read::KEY).map_err(|_| {
        // A signing key pasted here by mistake is not repeated (see core::message::quote).
        format!(
            "{} is neither a stake key file in this folder, a stake_vk1… key, a stake1… address nor a 56-hex key hash",
            quote::quote_in_secret_context(t)
        )
    })?;
    let key = AnyKey::from_file_contents(bytes.expose())
        .and_then(|k| k.into_verification(accept::STAKE_VERIFICATION))
        .map_err(|e| format!("{}: {e}", quote::escape_path(t)))?;
    Ok(key.key_hash())
}

/// The keys the certificate needs from the workspace.
pub struct PoolKeys<'a> {
    pub cold: Option<&'a keys::VerificationKey>,
    pub vrf: Option<&'a keys::VerificationKey>,
}

impl RegistrationForm {
    /// Parses every field. `metadata_bytes` is the exact metadata file to hash: the loaded one
    /// if the person loaded a file and did not change it, otherwise the one rendered from the form.
    pub fn check(
        &self,
        keys: &PoolKeys<'_>,
        network: Network,
        base: &Path,
        metadata_bytes: Option<&[u8]>,
    ) -> FormCheck {
        let mut c = FormCheck::default();
        if keys.cold.is_none() {
            c.keys_missing
                .push("a cold verification key (generate it on the Keys tab)".to_owned());
        }
        if keys.vrf.is_none() {
            c.keys_missing
                .push("a VRF verification key (generate it on the Keys tab)".to_owned());
        }
        let pledge = amount::parse_ada(&self.pledge_ada).map_err(|e| e.to_string());
        let cost = amount::parse_ada(&self.cost_ada).map_err(|e| e.to_string());
        let margin = UnitInterval::parse_percent(&self.margin_percent)
            .map_err(|e| margin_message(&self.margin_percent, &e));
        let reward = parse_stake_key(&self.reward_account, base);
        c.pledge = pledge.as_ref().err().cloned();
        c.cost = cost.as_ref().err().cloned();
        c.margin = margin.as_ref().err().cloned();
        c.pledge_lovelace = pledge.as_ref().ok().copied();
        c.cost_lovelace = cost.as_ref().ok().copied();
        c.margin_value = margin.as_ref().ok().cloned();
        c.reward = reward.as_ref().err().cloned();
        c.owner_hashes = self
            .owners
            .iter()
            .map(|o| parse_stake_key(&o.key, base).ok())
            .collect();
        c.owners = self
            .owners
            .iter()
            .map(|o| parse_stake_key(&o.key, base).err())
            .collect();
        c.owner_pledges = self
            .owners
            .iter()
            .map(|o| {
                amount::parse_ada(&o.pledge_ada).map_err(|e| match e {
                    amount::AmountError::Empty => {
                        "Export plan needs each owner's pledge; the certificate does not".to_owned()
                    }
                    other => other.to_string(),
                })
            })
            .collect();
        if self.owners.is_empty() {
            c.owners_missing =
                Some("add at least one owner: the stake key whose ADA counts as pledge".to_owned());
        }
        c.relays = self.relays.iter().map(RelayDraft::check).collect();
        let rendered = self.metadata.render_checked();
        c.metadata_save = rendered.as_ref().err().cloned();
        let meta_json = if self.metadata.is_empty() && metadata_bytes.is_none() {
            None
        } else {
            match metadata_bytes {
                Some(b) => match metadata::validate(b) {
                    Ok(_) => Some(String::from_utf8_lossy(b).into_owned()),
                    Err(e) => {
                        c.metadata_fields.file = Some(e.to_string());
                        c.metadata = Some(e.to_string());
                        None
                    }
                },
                None => {
                    c.metadata_fields = self.metadata.messages();
                    match rendered {
                        Ok(j) => Some(j),
                        Err(e) => {
                            c.metadata = Some(e);
                            None
                        }
                    }
                }
            }
        };
        let url = self.metadata.url.trim();
        if meta_json.is_some() || !url.is_empty() {
            if url.is_empty() {
                c.metadata_url =
                    Some("enter the URL where the metadata file will be hosted".to_owned());
            } else if let Err(e) = metadata::check_url(url) {
                c.metadata_url = Some(e.to_string());
            } else if !(url.starts_with("https://") || url.starts_with("http://")) {
                c.metadata_url = Some(
                    "the URL must start with https:// (wallets download the file from it)"
                        .to_owned(),
                );
            }
        }
        c.metadata_json = meta_json.clone();
        let deposit = amount::parse_ada(&self.deposit_ada).map_err(|e| e.to_string());
        c.deposit = deposit.as_ref().err().cloned();
        c.deposit_lovelace = deposit.ok();
        if !c.blockers().is_empty() {
            return c;
        }
        let (Some(cold), Some(vrf), Ok(pledge), Ok(cost), Ok(margin), Ok(reward)) =
            (keys.cold, keys.vrf, pledge, cost, margin, reward)
        else {
            return c;
        };
        let metadata = meta_json.map(|j| PoolMetadataRef {
            url: url.to_owned(),
            hash: metadata::hash(metadata_bytes.unwrap_or(j.as_bytes())),
        });
        c.params = Some(PoolParams {
            operator: cold.key_hash(),
            vrf_key_hash: vrf.key_hash_256(),
            pledge,
            cost,
            margin,
            reward_account: RewardAccount::new(network, Credential::Key(reward)),
            owners: PoolParams::normalise_owners(c.owner_hashes.iter().flatten().copied()),
            relays: c
                .relays
                .iter()
                .filter_map(|r| r.relay.clone().ok())
                .collect(),
            metadata,
        });
        c
    }
}

/// The margin's problem in the words of the field, which is in percent: "150 % is over 100 %".
fn margin_message(typed: &str, e: &MarginError) -> String {
    let t = typed.trim().trim_end_matches('%').trim();
    // Echoed plainly only when it is a number as typed; anything else is quoted (and hidden if
    // it looks like a secret).
    let shown = if t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | ','))
    {
        t.to_owned()
    } else {
        quote::quote(t)
    };
    match e {
        MarginError::NotANumber(_) if t.is_empty() => {
            "enter the margin in percent, e.g. 1.5".to_owned()
        }
        MarginError::NotANumber(_) | MarginError::ZeroDenominator(_) => format!(
            "{} is not a percentage: write a number from 0 to 100, e.g. 1.5",
            quote::quote(t)
        ),
        MarginError::Negative(_) => {
            format!("{shown} % is below 0 %: the margin is a percentage from 0 to 100")
        }
        MarginError::AboveOne(_) => {
            format!("{shown} % is over 100 %: the margin is a percentage from 0 to 100")
        }
        MarginError::TooPrecise(_) => {
            format!("{shown} % has too many decimals to be stored exactly: use fewer decimals")
        }
    }
}

/// The certificate built from checked parameters.
pub fn certificate(params: &PoolParams) -> Certificate {
    Certificate::PoolRegistration(Box::new(params.clone()))
}

/// The era the console writes in.
pub const ERA: Era = Era::Conway;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_margin_is_spoken_in_percent() {
        let says = |typed: &str| {
            UnitInterval::parse_percent(typed)
                .map_err(|e| margin_message(typed, &e))
                .unwrap_err()
        };
        assert_eq!(
            says("150"),
            "150 % is over 100 %: the margin is a percentage from 0 to 100"
        );
        assert_eq!(
            says("-2 %"),
            "-2 % is below 0 %: the margin is a percentage from 0 to 100"
        );
        assert_eq!(
            says("abc"),
            "\"abc\" is not a percentage: write a number from 0 to 100, e.g. 1.5"
        );
        assert_eq!(says(" "), "enter the margin in percent, e.g. 1.5");
    }
}
