//! The pool plan: a readable JSON document of an intended registration that owners pass around,
//! review and sign off before anyone signs. Every field the certificate needs is in it, so the
//! certificate built from a plan does not depend on who builds it or on which machine.
//!
//! Amounts are decimal ADA strings ("250000", "340.5"): exact, and readable without counting
//! zeros. The margin is the exact rational ("3/200"); the percentage beside it is checked, not
//! trusted. Unknown fields are refused, so a misspelt "pledge" cannot be silently ignored.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::certificate::amount;
use crate::core::certificate::margin::UnitInterval;
use crate::core::certificate::relay::{self, DnsName, Relay};
use crate::core::certificate::{Certificate, Era, PoolMetadataRef, PoolParams};
use crate::core::encoding::bech32;
use crate::core::keys::address::pool_bech32;
use crate::core::keys::address::{Credential, Network, RewardAccount};
use crate::core::message::quote::{bare, escape, quote, quote_in_secret_context};

/// Written into every plan so a plan is recognised as one.
pub const FORMAT: &str = "pool-console pool plan";
pub const VERSION: u64 = 1;
/// The era whose encoding a plan's certificate uses.
pub const ERA: Era = Era::Conway;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    // Values from the plan are shown through core::message::quote: escaped, shortened, never a secret.
    /// The JSON reader's reason, which may name a field of the file (escaped when shown).
    #[error("is not a pool plan: {}", escape(.0))]
    Json(String),
    #[error("is a JSON document, but not a pool plan (its \"format\" is {}, not \"{FORMAT}\")", quote(.0))]
    NotAPlan(String),
    #[error("is a pool plan of version {0}; this console reads version {VERSION}")]
    Version(u64),
    #[error("network {} is unknown: use \"mainnet\", \"preprod\", \"preview\" or \"testnet\" with a \"network_magic\"", quote(.0))]
    Network(String),
    #[error("pool_id {} is not a pool id (pool1… or 56 hex digits)", quote_in_secret_context(.0))]
    PoolId(String),
    #[error("vrf_key_hash {} is not a VRF key hash (64 hex digits, blake2b-256 of the VRF verification key)", quote_in_secret_context(.0))]
    VrfHash(String),
    #[error("{field}: {message}")]
    Amount { field: String, message: String },
    #[error("{0}")]
    Margin(String),
    #[error("margin {} is {actual}, but margin_percent says {}: fix one of them", bare(.margin), bare(.stated))]
    MarginMismatch {
        margin: String,
        actual: String,
        stated: String,
    },
    #[error("reward_account {}: {}", quote_in_secret_context(.0), .1)]
    RewardAccount(String, String),
    #[error("reward_account {} is a {found} address, but the plan is for {network}", bare(.account))]
    RewardNetwork {
        account: String,
        found: &'static str,
        network: String,
    },
    #[error("the plan has no owners: a pool needs at least one owner stake key")]
    NoOwners,
    #[error("owner {index} ({}): {message}", bare(.name))]
    Owner {
        index: usize,
        name: String,
        message: String,
    },
    #[error("owners {} and {} have the same stake key", bare(.first), bare(.second))]
    DuplicateOwner { first: String, second: String },
    #[error("relay {index}: {message}")]
    Relay { index: usize, message: String },
    #[error("metadata: {0}")]
    Metadata(String),
}

/// One owner as written in the plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerEntry {
    pub name: String,
    /// `stake1…` / `stake_test1…`: what owners know their key by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stake_address: Option<String>,
    /// blake2b-224 of the stake verification key, hex: what the certificate holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stake_key_hash: Option<String>,
    /// The ADA this owner keeps delegated to the pool as pledge.
    pub pledge_ada: String,
    /// Whether the owner's stake key is registered and delegated to this pool; absent = unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delegated_to_pool: Option<bool>,
}

/// One relay: exactly one of `ipv4`/`ipv6` (both allowed together), `dns` or `srv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RelayEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv4: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub srv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataEntry {
    pub url: String,
    /// blake2b-256 of the hosted file's exact bytes, hex.
    pub hash: String,
}

/// The plan file as written: strings a person can read and edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub format: String,
    pub version: u64,
    pub network: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_magic: Option<u32>,
    pub pool_id: String,
    pub vrf_key_hash: String,
    pub pledge_ada: String,
    pub cost_ada: String,
    pub margin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_percent: Option<String>,
    pub reward_account: String,
    pub owners: Vec<OwnerEntry>,
    #[serde(default)]
    pub relays: Vec<RelayEntry>,
    #[serde(default)]
    pub metadata: Option<MetadataEntry>,
}

/// An owner after checking: a name, a key hash, a planned contribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedOwner {
    pub name: String,
    pub key_hash: [u8; 28],
    pub pledge: u64,
    pub delegated: Option<bool>,
}

/// A checked plan: the exact pool parameters plus what the certificate does not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolPlan {
    pub network: Network,
    pub params: PoolParams,
    /// In the order the plan lists them (the certificate sorts them).
    pub owners: Vec<PlannedOwner>,
}

fn network_name(network: Network) -> (String, Option<u32>) {
    match network {
        Network::Mainnet => ("mainnet".to_owned(), None),
        Network::Testnet { magic: 1 } => ("preprod".to_owned(), None),
        Network::Testnet { magic: 2 } => ("preview".to_owned(), None),
        Network::Testnet { magic } => ("testnet".to_owned(), Some(magic)),
    }
}

fn parse_network(name: &str, magic: Option<u32>) -> Result<Network, PlanError> {
    match (name.trim(), magic) {
        ("mainnet", None) => Ok(Network::Mainnet),
        ("preprod", None | Some(1)) => Ok(Network::Testnet { magic: 1 }),
        ("preview", None | Some(2)) => Ok(Network::Testnet { magic: 2 }),
        ("testnet", Some(magic)) => Ok(Network::Testnet { magic }),
        _ => Err(PlanError::Network(match magic {
            Some(m) => format!("{name} with network_magic {m}"),
            None => name.to_owned(),
        })),
    }
}

/// Reads `pool1…` or 56 hex digits.
pub fn parse_pool_id(text: &str) -> Option<[u8; 28]> {
    let t = text.trim();
    let raw = if t.starts_with("pool1") {
        bech32::decode_expecting(t, "pool").ok()?
    } else {
        hex::decode(t).ok()?
    };
    raw.try_into().ok()
}

fn parse_hash<const N: usize>(text: &str) -> Option<[u8; N]> {
    hex::decode(text.trim()).ok()?.try_into().ok()
}

fn amount(field: &str, text: &str) -> Result<u64, PlanError> {
    amount::parse_ada(text).map_err(|e| PlanError::Amount {
        field: field.to_owned(),
        message: e.to_string(),
    })
}

fn owner_key(entry: &OwnerEntry, network: Network) -> Result<[u8; 28], String> {
    let from_address = entry
        .stake_address
        .as_deref()
        .map(|a| {
            let acct = RewardAccount::from_bech32(a.trim())
                .map_err(|e| format!("stake_address {} {e}", quote_in_secret_context(a)))?;
            if acct.network_id != network.id() {
                return Err(format!(
                    "stake_address {} is for another network than the plan's",
                    bare(a)
                ));
            }
            match acct.credential {
                Credential::Key(h) => Ok(h),
                Credential::Script(_) => Err(format!(
                    "stake_address {} is a script address; owners must be stake keys",
                    bare(a)
                )),
            }
        })
        .transpose()?;
    let from_hash = entry
        .stake_key_hash
        .as_deref()
        .map(|h| {
            parse_hash::<28>(h).ok_or_else(|| {
                format!(
                    "stake_key_hash {} is not a stake key hash (56 hex digits)",
                    quote_in_secret_context(h)
                )
            })
        })
        .transpose()?;
    match (from_address, from_hash) {
        (Some(a), Some(h)) if a != h => Err(
            "stake_address and stake_key_hash name different keys: keep the one the owner gave you"
                .to_owned(),
        ),
        (Some(a), _) => Ok(a),
        (None, Some(h)) => Ok(h),
        (None, None) => {
            Err("give the owner's stake_address (stake1…) or stake_key_hash".to_owned())
        }
    }
}

impl RelayEntry {
    fn to_relay(&self) -> Result<Relay, String> {
        let port = || -> Result<u16, String> {
            let p = self
                .port
                .ok_or("add the port the relay listens on (usually 3001)")?;
            u16::try_from(p)
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| format!("port {p} is not between 1 and 65535"))
        };
        match (&self.ipv4, &self.ipv6, &self.dns, &self.srv) {
            (v4, v6, None, None) if v4.is_some() || v6.is_some() => Ok(Relay::SingleHostAddr {
                port: Some(port()?),
                ipv4: v4
                    .as_deref()
                    .map(relay::parse_ipv4)
                    .transpose()
                    .map_err(|e| e.to_string())?,
                ipv6: v6
                    .as_deref()
                    .map(relay::parse_ipv6)
                    .transpose()
                    .map_err(|e| e.to_string())?,
            }),
            (None, None, Some(name), None) => Ok(Relay::SingleHostName {
                port: Some(port()?),
                name: DnsName::parse(name).map_err(|e| e.to_string())?,
            }),
            (None, None, None, Some(name)) => {
                if self.port.is_some() {
                    return Err("an SRV relay carries its own ports: remove \"port\"".to_owned());
                }
                Ok(Relay::MultiHostName {
                    name: DnsName::parse(name).map_err(|e| e.to_string())?,
                })
            }
            _ => Err(
                "give exactly one of \"ipv4\"/\"ipv6\" (both allowed together), \"dns\" or \"srv\""
                    .to_owned(),
            ),
        }
    }

    fn from_relay(r: &Relay) -> Self {
        match r {
            Relay::SingleHostAddr { port, ipv4, ipv6 } => Self {
                ipv4: ipv4.map(|a| a.to_string()),
                ipv6: ipv6.map(|a| a.to_string()),
                port: port.map(u64::from),
                ..Self::default()
            },
            Relay::SingleHostName { port, name } => Self {
                dns: Some(name.as_str().to_owned()),
                port: port.map(u64::from),
                ..Self::default()
            },
            Relay::MultiHostName { name } => Self {
                srv: Some(name.as_str().to_owned()),
                ..Self::default()
            },
        }
    }
}

impl PlanFile {
    /// Checks every field and builds the exact pool parameters.
    pub fn check(&self) -> Result<PoolPlan, PlanError> {
        if self.format != FORMAT {
            return Err(PlanError::NotAPlan(self.format.clone()));
        }
        if self.version != VERSION {
            return Err(PlanError::Version(self.version));
        }
        let network = parse_network(&self.network, self.network_magic)?;
        let operator =
            parse_pool_id(&self.pool_id).ok_or_else(|| PlanError::PoolId(self.pool_id.clone()))?;
        let vrf_key_hash = parse_hash::<32>(&self.vrf_key_hash)
            .ok_or_else(|| PlanError::VrfHash(self.vrf_key_hash.clone()))?;
        let pledge = amount("pledge_ada", &self.pledge_ada)?;
        let cost = amount("cost_ada", &self.cost_ada)?;
        let margin =
            UnitInterval::parse(&self.margin).map_err(|e| PlanError::Margin(e.to_string()))?;
        if let Some(stated) = &self.margin_percent {
            let matches = UnitInterval::parse_percent(stated).is_ok_and(|p| {
                u128::from(p.numerator()) * u128::from(margin.denominator())
                    == u128::from(margin.numerator()) * u128::from(p.denominator())
            });
            if !matches {
                return Err(PlanError::MarginMismatch {
                    margin: self.margin.clone(),
                    actual: margin.percent_string(6),
                    stated: stated.clone(),
                });
            }
        }
        let reward_account = RewardAccount::from_bech32(self.reward_account.trim())
            .map_err(|e| PlanError::RewardAccount(self.reward_account.clone(), e.to_string()))?;
        if reward_account.network_id != network.id() {
            return Err(PlanError::RewardNetwork {
                account: self.reward_account.clone(),
                found: if reward_account.network_id == 1 {
                    "mainnet"
                } else {
                    "testnet"
                },
                network: network_name(network).0,
            });
        }
        if self.owners.is_empty() {
            return Err(PlanError::NoOwners);
        }
        let mut owners: Vec<PlannedOwner> = Vec::with_capacity(self.owners.len());
        for (i, o) in self.owners.iter().enumerate() {
            let owner_error = |message: String| PlanError::Owner {
                index: i + 1,
                name: o.name.clone(),
                message,
            };
            if o.name.trim().is_empty() {
                return Err(owner_error(
                    "give the owner a name, so the others know whose key it is".to_owned(),
                ));
            }
            let key_hash = owner_key(o, network).map_err(owner_error)?;
            let pledge = amount::parse_ada(&o.pledge_ada)
                .map_err(|e| owner_error(format!("pledge_ada: {e}")))?;
            if let Some(first) = owners.iter().find(|p| p.key_hash == key_hash) {
                return Err(PlanError::DuplicateOwner {
                    first: first.name.clone(),
                    second: o.name.clone(),
                });
            }
            owners.push(PlannedOwner {
                name: o.name.trim().to_owned(),
                key_hash,
                pledge,
                delegated: o.delegated_to_pool,
            });
        }
        let relays = self
            .relays
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.to_relay().map_err(|message| PlanError::Relay {
                    index: i + 1,
                    message,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let metadata = self
            .metadata
            .as_ref()
            .map(|m| {
                crate::core::certificate::metadata::check_url(m.url.trim())
                    .map_err(|e| PlanError::Metadata(e.to_string()))?;
                let hash = parse_hash::<32>(&m.hash).ok_or_else(|| {
                    PlanError::Metadata(format!(
                        "hash {} is not a metadata hash (64 hex digits)",
                        quote_in_secret_context(&m.hash)
                    ))
                })?;
                Ok(PoolMetadataRef {
                    url: m.url.trim().to_owned(),
                    hash,
                })
            })
            .transpose()?;
        let params = PoolParams {
            operator,
            vrf_key_hash,
            pledge,
            cost,
            margin,
            reward_account,
            owners: PoolParams::normalise_owners(owners.iter().map(|o| o.key_hash)),
            relays,
            metadata,
        };
        Ok(PoolPlan {
            network,
            params,
            owners,
        })
    }
}

impl PoolPlan {
    /// Reads and checks a plan file.
    pub fn parse(bytes: &[u8]) -> Result<Self, PlanError> {
        let file: PlanFile = serde_json::from_slice(bytes).map_err(|e| {
            PlanError::Json(crate::core::message::quote::library_reason(&e.to_string()))
        })?;
        file.check()
    }

    /// The certificate this plan builds: the same bytes for everyone who loads the plan.
    pub fn certificate(&self) -> Certificate {
        Certificate::PoolRegistration(Box::new(self.params.clone()))
    }

    pub fn certificate_cbor(&self) -> Vec<u8> {
        self.certificate().encode(ERA)
    }

    /// The plan as its file: pretty JSON, fields in a fixed order, one final newline.
    pub fn to_file(&self) -> PlanFile {
        let (network, network_magic) = network_name(self.network);
        let p = &self.params;
        PlanFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            network,
            network_magic,
            pool_id: pool_bech32(&p.operator),
            vrf_key_hash: hex::encode(p.vrf_key_hash),
            pledge_ada: amount::ada_text(p.pledge),
            cost_ada: amount::ada_text(p.cost),
            margin: p.margin.to_string(),
            // Only an exact percentage: "≈33.3%" could not be checked against the margin.
            margin_percent: Some(p.margin.percent_string(6)).filter(|s| !s.starts_with('≈')),
            reward_account: p.reward_account.to_bech32().unwrap_or_default(),
            owners: self
                .owners
                .iter()
                .map(|o| OwnerEntry {
                    name: o.name.clone(),
                    stake_address: RewardAccount::new(self.network, Credential::Key(o.key_hash))
                        .to_bech32()
                        .ok(),
                    stake_key_hash: Some(hex::encode(o.key_hash)),
                    pledge_ada: amount::ada_text(o.pledge),
                    delegated_to_pool: o.delegated,
                })
                .collect(),
            relays: p.relays.iter().map(RelayEntry::from_relay).collect(),
            metadata: p.metadata.as_ref().map(|m| MetadataEntry {
                url: m.url.clone(),
                hash: hex::encode(m.hash),
            }),
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.to_file()).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The sum of the owners' planned contributions.
    pub fn planned_pledge(&self) -> u64 {
        self.owners
            .iter()
            .fold(0u64, |acc, o| acc.saturating_add(o.pledge))
    }

    /// The name the plan gives a key hash, if any.
    pub fn owner_name(&self, key_hash: &[u8; 28]) -> Option<&str> {
        self.owners
            .iter()
            .find(|o| &o.key_hash == key_hash)
            .map(|o| o.name.as_str())
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
pub(crate) mod tests;
