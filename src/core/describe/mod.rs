//! Readable descriptions of every file kind the console handles: what it is, every field named,
//! ids in bech32 and hex, relays as addresses, margin as a percentage, signatures checked.

pub mod recognise;

mod transaction;
mod vote;

use thiserror::Error;

use crate::core::certificate::amount::{format_ada, group_digits};
use crate::core::certificate::metadata;
use crate::core::certificate::relay::Relay;
use crate::core::certificate::{Certificate, CertificateError, Drep, Era, PoolParams};
use crate::core::encoding::envelope::{TextEnvelope, CERTIFICATE_TYPES};
use crate::core::encoding::hash::blake2b_256;
use crate::core::governance::Voter;
use crate::core::kes::opcert::{IssueCounter, OpCert, COUNTER_TYPE, OPCERT_TYPE};
use crate::core::keys::address::pool_bech32;
use crate::core::keys::address::{Credential, Network, RewardAccount};
use crate::core::keys::{AnyKey, KeyKind, VerificationKey};
use crate::core::message::capitalise;
use crate::core::message::quote::{escape, quote};

/// A described file: a title, named fields in order, and warnings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Description {
    pub title: String,
    pub fields: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

impl Description {
    fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Self::default()
        }
    }

    fn field(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.fields.push((name.into(), value.into()));
    }

    /// A pool id as two labelled lines, `<name> (bech32)` and `<name> (hex)`: explorers show
    /// the first, cardano-cli's JSON the second.
    fn pool_id(&mut self, name: &str, id: &[u8; 28]) {
        self.field(format!("{name} (bech32)"), pool_bech32(id));
        self.field(format!("{name} (hex)"), hex::encode(id));
    }

    /// Looks up a field by name (first match).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Plain text: the title, then `name: value` lines aligned, then warnings. Values come
    /// from files (metadata names, DNS names), so control characters are shown escaped.
    pub fn to_text(&self) -> String {
        let fields: Vec<(String, String)> = self
            .fields
            .iter()
            .map(|(n, v)| (escape(n), escape(v)))
            .collect();
        let width = fields
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = format!("{}\n", escape(&self.title));
        for (n, v) in &fields {
            let pad = width - n.chars().count();
            out.push_str(&format!("  {n}:{} {v}\n", " ".repeat(pad)));
        }
        for w in &self.warnings {
            out.push_str(&format!("  warning: {}\n", escape(w)));
        }
        out
    }

    pub fn to_json(&self) -> serde_json::Value {
        let fields: serde_json::Map<String, serde_json::Value> = self
            .fields
            .iter()
            .map(|(n, v)| (n.clone(), serde_json::Value::String(v.clone())))
            .collect();
        serde_json::json!({
            "title": self.title,
            "fields": fields,
            "warnings": self.warnings,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DescribeError {
    #[error(
        "is not a file this tool knows: not a text envelope, a bech32 key or pool metadata JSON"
    )]
    Unknown,
    #[error("{0}")]
    Invalid(String),
}

/// `100 000 ADA (100 000 000 000 lovelace)`: digits grouped, so a missing zero shows.
fn ada_and_lovelace(lovelace: u64) -> String {
    format!(
        "{} ({} lovelace)",
        format_ada(lovelace),
        group_digits(lovelace)
    )
}

fn credential_line(c: &Credential, network: Network) -> String {
    let acct = RewardAccount::new(network, *c);
    let addr = acct.to_bech32().unwrap_or_default();
    match c {
        Credential::Key(h) => format!("key hash {} ({addr})", hex::encode(h)),
        Credential::Script(h) => format!("script hash {} ({addr})", hex::encode(h)),
    }
}

fn drep_line(d: &Drep) -> String {
    match d {
        // CIP-129's drep1… as explorers show it, and the hash cardano-cli prints.
        Drep::Key(h) => format!(
            "DRep {} (key hash {})",
            Voter::DrepKey(*h).to_bech32(),
            hex::encode(h)
        ),
        Drep::Script(h) => format!(
            "DRep {} (script hash {})",
            Voter::DrepScript(*h).to_bech32(),
            hex::encode(h)
        ),
        Drep::AlwaysAbstain => "always abstain".to_owned(),
        Drep::AlwaysNoConfidence => "always no confidence".to_owned(),
    }
}

/// Describes file contents. `network` decides how key credentials are shown as addresses when
/// the file itself does not say (a registration's reward account does).
pub fn describe(contents: &[u8], network: Network) -> Result<Description, DescribeError> {
    let trimmed = contents.trim_ascii();
    if trimmed.first() == Some(&b'{') {
        match TextEnvelope::parse(trimmed) {
            Ok(env) => return describe_envelope(&env, network),
            Err(e) if looks_like_envelope(trimmed) => {
                return Err(DescribeError::Invalid(e.to_string()))
            }
            Err(_) => return describe_metadata(contents),
        }
    }
    match AnyKey::from_file_contents(trimmed) {
        Ok(key) => Ok(describe_key(&key, "bech32 text", network)),
        Err(_) => Err(DescribeError::Unknown),
    }
}

/// A damaged envelope still names its `type` or `cborHex`; metadata never does.
fn looks_like_envelope(text: &[u8]) -> bool {
    let t = String::from_utf8_lossy(text);
    t.contains("\"type\"") || t.contains("\"cborHex\"")
}

fn describe_envelope(env: &TextEnvelope, network: Network) -> Result<Description, DescribeError> {
    let ty = env.type_name.as_str();
    if KeyKind::from_type_name(ty).is_some() {
        let key = AnyKey::from_envelope(env)
            .map_err(|e| DescribeError::Invalid(format!("the key {e}")))?;
        return Ok(describe_key(&key, ty, network));
    }
    if ty == OPCERT_TYPE {
        let c = OpCert::from_envelope(env)
            .map_err(|e| DescribeError::Invalid(format!("the file {e}")))?;
        return Ok(describe_opcert(&c));
    }
    if ty == COUNTER_TYPE {
        let c = IssueCounter::from_envelope(env)
            .map_err(|e| DescribeError::Invalid(format!("the file {e}")))?;
        let mut d = Description::new("Operational certificate issue counter");
        d.field("Next issue number", c.next_issue_number.to_string());
        d.field("Cold verification key", hex::encode(c.cold_vkey));
        d.pool_id(
            "Pool id",
            &crate::core::encoding::hash::blake2b_224(&c.cold_vkey),
        );
        return Ok(d);
    }
    if ty == crate::core::governance::VOTE_TYPE {
        return vote::describe_vote_file(env);
    }
    if crate::core::transaction::is_transaction_type(ty) {
        return transaction::describe_transaction(env);
    }
    if CERTIFICATE_TYPES.contains(&ty) {
        let (cert, era) = Certificate::from_envelope(env)
            .map_err(|e: CertificateError| DescribeError::Invalid(e.to_string()))?;
        return Ok(describe_certificate(&cert, era, network));
    }
    Err(DescribeError::Invalid(format!(
        "has the envelope type {}, which this tool does not describe",
        quote(ty)
    )))
}

fn describe_key(key: &AnyKey, source: &str, network: Network) -> Description {
    let kind = key.kind();
    let mut d = Description::new(capitalise(kind.human()));
    d.field("Type", source.to_owned());
    let vk: Option<VerificationKey> = match key {
        AnyKey::Verification(v) => Some(v.clone()),
        AnyKey::Signing(s) => {
            d.field("Secret", format!("{} bytes (not shown)", s.expose().len()));
            match s.verification_key() {
                Ok(v) => Some(v),
                Err(e) => {
                    d.warnings.push(format!("the key {e}"));
                    None
                }
            }
        }
    };
    let Some(vk) = vk else { return d };
    d.field("Verification key (hex)", hex::encode(vk.as_bytes()));
    if let Ok(b) = vk.to_bech32() {
        d.field("Verification key (bech32)", b);
    }
    match kind.verification() {
        KeyKind::ColdVerification
        | KeyKind::ColdExtendedVerification
        | KeyKind::GenesisDelegateVerification
        | KeyKind::GenesisDelegateExtendedVerification => {
            d.pool_id("Pool id", &vk.key_hash());
        }
        KeyKind::VrfVerification => {
            d.field("VRF key hash", hex::encode(vk.key_hash_256()));
        }
        KeyKind::KesVerification => {
            d.field("KES key hash", hex::encode(blake2b_256(vk.as_bytes())));
        }
        KeyKind::StakeVerification | KeyKind::StakeExtendedVerification => {
            let acct = RewardAccount::new(network, Credential::Key(vk.key_hash()));
            d.field("Stake key hash", hex::encode(vk.key_hash()));
            d.field("Stake address", acct.to_bech32().unwrap_or_default());
        }
        _ => {
            d.field("Key hash", hex::encode(vk.key_hash()));
        }
    }
    d
}

fn describe_opcert(c: &OpCert) -> Description {
    let mut d = Description::new("Operational certificate");
    d.field("KES verification key", hex::encode(c.kes_vkey));
    d.field("Issue number", c.issue_number.to_string());
    d.field("Start KES period", c.kes_period.to_string());
    d.field(
        "Valid KES periods",
        format!(
            "{} to {} (with 62 evolutions, as on mainnet, preprod and preview)",
            c.kes_period,
            c.kes_period.saturating_add(61)
        ),
    );
    d.field("Cold verification key", hex::encode(c.cold_vkey));
    d.pool_id("Pool id", &c.pool_id());
    if c.signature_valid() {
        d.field("Cold key signature", "valid".to_owned());
    } else {
        d.field("Cold key signature", "INVALID".to_owned());
        d.warnings.push(
            "the cold key signature does not verify: a node would reject blocks made with this certificate".to_owned(),
        );
    }
    d
}

/// A certificate in words, field by field.
pub fn describe_certificate(cert: &Certificate, era: Era, network: Network) -> Description {
    let mut d = Description::new(format!("Certificate: {}", cert.kind_name()));
    let era_text = match era {
        Era::Conway => "Conway",
        Era::PreConway => "pre-Conway (Shelley to Babbage)",
    };
    d.field("Encoding", era_text.to_owned());
    match cert {
        Certificate::PoolRegistration(p) => describe_pool(&mut d, p),
        Certificate::PoolRetirement { pool, epoch } => {
            d.pool_id("Pool id", pool);
            d.field("Retires at the start of epoch", epoch.to_string());
        }
        Certificate::StakeRegistration {
            credential,
            deposit,
        }
        | Certificate::StakeDeregistration {
            credential,
            deposit,
        } => {
            d.field("Stake credential", credential_line(credential, network));
            if let Some(dep) = deposit {
                d.field("Deposit", ada_and_lovelace(*dep));
            }
        }
        Certificate::StakeDelegation { credential, pool } => {
            d.field("Stake credential", credential_line(credential, network));
            d.pool_id("Delegates to pool", pool);
        }
        Certificate::VoteDelegation { credential, drep } => {
            d.field("Stake credential", credential_line(credential, network));
            d.field("Votes delegated to", drep_line(drep));
        }
        Certificate::StakeVoteDelegation {
            credential,
            pool,
            drep,
        } => {
            d.field("Stake credential", credential_line(credential, network));
            d.pool_id("Delegates to pool", pool);
            d.field("Votes delegated to", drep_line(drep));
        }
        Certificate::StakeRegistrationDelegation {
            credential,
            pool,
            deposit,
        } => {
            d.field("Stake credential", credential_line(credential, network));
            d.pool_id("Delegates to pool", pool);
            d.field("Deposit", ada_and_lovelace(*deposit));
        }
        Certificate::VoteRegistrationDelegation {
            credential,
            drep,
            deposit,
        } => {
            d.field("Stake credential", credential_line(credential, network));
            d.field("Votes delegated to", drep_line(drep));
            d.field("Deposit", ada_and_lovelace(*deposit));
        }
        Certificate::StakeVoteRegistrationDelegation {
            credential,
            pool,
            drep,
            deposit,
        } => {
            d.field("Stake credential", credential_line(credential, network));
            d.pool_id("Delegates to pool", pool);
            d.field("Votes delegated to", drep_line(drep));
            d.field("Deposit", ada_and_lovelace(*deposit));
        }
    }
    d
}

fn describe_pool(d: &mut Description, p: &PoolParams) {
    let net = if p.reward_account.network_id == 1 {
        Network::Mainnet
    } else {
        Network::Testnet { magic: 0 }
    };
    d.pool_id("Pool id", &p.operator);
    d.field("VRF key hash", hex::encode(p.vrf_key_hash));
    d.field("Pledge", ada_and_lovelace(p.pledge));
    d.field("Fixed cost per epoch", ada_and_lovelace(p.cost));
    d.field(
        "Margin",
        format!("{} ({})", p.margin.percent_string(4), p.margin),
    );
    d.field(
        "Reward account",
        format!(
            "{} ({})",
            p.reward_account.to_bech32().unwrap_or_default(),
            if p.reward_account.network_id == 1 {
                "mainnet"
            } else {
                "testnet"
            }
        ),
    );
    d.field("Owners", p.owners.len().to_string());
    // Owners as the stake addresses wallets and explorers show (on the reward account's
    // network), not as key hashes nobody recognises.
    for (i, o) in p.owners.iter().enumerate() {
        let addr = RewardAccount::new(net, Credential::Key(*o)).to_bech32();
        d.field(
            format!("Owner {}", i + 1),
            addr.unwrap_or_else(|_| format!("key hash {}", hex::encode(o))),
        );
    }
    d.field("Relays", p.relays.len().to_string());
    for (i, r) in p.relays.iter().enumerate() {
        d.field(
            format!("Relay {}", i + 1),
            format!("{} [{}]", r.display(), r.kind_label()),
        );
        for w in r.warnings() {
            d.warnings.push(format!("relay {}: {w}", i + 1));
        }
    }
    match &p.metadata {
        Some(m) => {
            d.field("Metadata URL", m.url.clone());
            d.field("Metadata hash", hex::encode(m.hash));
        }
        None => d.field("Metadata", "none".to_owned()),
    }
    if p.relays.is_empty() {
        d.warnings
            .push("the pool lists no relays: other nodes cannot find it".to_owned());
    }
    if p.relays.iter().any(|r| {
        matches!(
            r,
            Relay::SingleHostAddr {
                ipv4: None,
                ipv6: None,
                ..
            }
        )
    }) {
        d.warnings
            .push("a relay has neither an IPv4 nor an IPv6 address".to_owned());
    }
}

fn describe_metadata(contents: &[u8]) -> Result<Description, DescribeError> {
    let (m, hash) =
        metadata::validate(contents).map_err(|e| DescribeError::Invalid(e.to_string()))?;
    let mut d = Description::new("Pool metadata");
    d.field("Name", m.name);
    d.field("Ticker", m.ticker);
    d.field("Description", m.description);
    d.field("Homepage", m.homepage);
    if let Some(ext) = m.extended {
        d.field("Extended metadata", ext);
    }
    d.field(
        "Size",
        format!("{} of {} bytes", contents.len(), metadata::MAX_BYTES),
    );
    d.field("Hash (blake2b-256)", hex::encode(hash));
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::certificate::amount::format_ada;
    use crate::core::certificate::margin::UnitInterval;

    /// A registration with one owner whose stake key hash is known to be
    /// `stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3` on mainnet.
    fn registration(network: Network) -> Description {
        let owner: [u8; 28] =
            hex::decode("81b4245f84593f63c0ff2296930254f77a0690fa9de5f969cac27cb0")
                .unwrap()
                .try_into()
                .unwrap();
        let p = PoolParams {
            operator: [7; 28],
            vrf_key_hash: [8; 32],
            pledge: 100_000_000_000,
            cost: 340_000_000,
            margin: UnitInterval::new(1, 100).unwrap(),
            reward_account: RewardAccount::new(network, Credential::Key(owner)),
            owners: vec![owner],
            relays: vec![],
            metadata: None,
        };
        describe_certificate(
            &Certificate::PoolRegistration(Box::new(p)),
            Era::Conway,
            network,
        )
    }

    #[test]
    fn owners_and_reward_account_are_stake_addresses() {
        let d = registration(Network::Mainnet);
        let addr = "stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3";
        assert_eq!(d.get("Owner 1"), Some(addr));
        assert_eq!(
            d.get("Reward account"),
            Some(format!("{addr} (mainnet)").as_str())
        );
        let test = registration(Network::Testnet { magic: 2 });
        let owner = test.get("Owner 1").unwrap();
        assert!(owner.starts_with("stake_test1"), "{owner}");
        let back = RewardAccount::from_bech32(owner).unwrap();
        assert_eq!(
            back,
            RewardAccount::from_bech32(addr)
                .map(|a| RewardAccount { network_id: 0, ..a })
                .unwrap()
        );
        assert!(
            !d.to_text().contains("81b4245f"),
            "no owner hex:\n{}",
            d.to_text()
        );
    }

    #[test]
    fn both_pool_id_lines_are_labelled_and_amounts_grouped() {
        let d = registration(Network::Mainnet);
        assert_eq!(
            d.get("Pool id (bech32)"),
            Some(pool_bech32(&[7; 28]).as_str())
        );
        assert_eq!(d.get("Pool id (hex)"), Some(hex::encode([7; 28]).as_str()));
        assert_eq!(
            d.get("Pledge"),
            Some("100\u{a0}000 ADA (100\u{a0}000\u{a0}000\u{a0}000 lovelace)")
        );
        assert_eq!(
            d.get("Fixed cost per epoch"),
            Some("340 ADA (340\u{a0}000\u{a0}000 lovelace)")
        );
    }

    #[test]
    fn ada_formatting() {
        assert_eq!(format_ada(100_000_000_000), "100\u{a0}000 ADA");
        assert_eq!(format_ada(170_000_000), "170 ADA");
        assert_eq!(format_ada(500_000), "0.5 ADA");
        assert_eq!(
            format_ada(1_234_567_890_123),
            "1\u{a0}234\u{a0}567.890123 ADA"
        );
    }

    #[test]
    fn opcert_with_the_largest_period_is_described() {
        let c = OpCert {
            kes_vkey: [1; 32],
            issue_number: u64::MAX,
            kes_period: u64::MAX,
            signature: [0; 64],
            cold_vkey: [2; 32],
        };
        let d = describe(c.to_envelope().render().expose(), Network::Mainnet).unwrap();
        assert_eq!(d.get("Start KES period"), Some("18446744073709551615"));
    }

    #[test]
    fn retirement_is_described() {
        let cert = Certificate::PoolRetirement {
            pool: [1; 28],
            epoch: 300,
        };
        let env = cert.to_envelope(Era::Conway).render();
        let d = describe(env.expose(), Network::Mainnet).unwrap();
        assert_eq!(d.title, "Certificate: stake pool retirement");
        assert_eq!(d.get("Retires at the start of epoch"), Some("300"));
    }
}
