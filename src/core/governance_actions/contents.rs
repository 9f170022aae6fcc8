//! What a governance action changes, in words, from its `govAction.contents`: the JSON is the
//! ledger's generic `ToJSON` of `GovAction` (cardano-ledger `eras/conway/impl/src/Cardano/
//! Ledger/Conway/Governance/Procedures.hs`): `contents` is the list of the constructor's
//! fields, the field itself when there is one, absent when there is none.
//! - `ParameterChange [previous, {parameter: value}, policy hash]`
//! - `HardForkInitiation [previous, {major, minor}]`
//! - `TreasuryWithdrawals [[[reward account, lovelace], …], policy hash]`
//! - `NoConfidence previous`
//! - `UpdateCommittee [previous, [removed credential], {"keyHash-…": expiry epoch}, threshold]`
//! - `NewConstitution [previous, {anchor {url, dataHash}, script?}]`
//!
//! A previous action is `{txId, govActionIx}` or `null`. Every piece of text from the JSON is
//! escaped and shortened (`quote::bare`); hashes are read as hex and written back by us. Words,
//! not arrows: the console's font has no `→`. A shape
//! that is not one of these gives [`NOT_UNDERSTOOD`], never an error.

use serde_json::Value;

use super::may_vote::in_security_group;
use super::ActionKind;
use crate::core::certificate::amount::format_ada;
use crate::core::keys::address::{Credential, Network, RewardAccount};
use crate::core::message::quote::{bare, escape};

/// Said instead of the contents when their JSON is not a shape the console knows.
pub const NOT_UNDERSTOOD: &str =
    "Contents not understood: read them in the action's anchor document or on an explorer.";

/// The action's contents, one line each, in words.
pub fn describe(kind: ActionKind, gov_action: &Value) -> Vec<String> {
    let contents = gov_action.get("contents").unwrap_or(&Value::Null);
    lines(kind, contents).unwrap_or_else(|| vec![NOT_UNDERSTOOD.to_owned()])
}

fn lines(kind: ActionKind, contents: &Value) -> Option<Vec<String>> {
    use ActionKind as K;
    let fields = contents.as_array().map(Vec::as_slice);
    let mut out = match kind {
        K::InfoAction => {
            return Some(vec![
                "No contents: an info action changes nothing on chain.".to_owned(),
            ])
        }
        K::TreasuryWithdrawals => return withdrawals(contents),
        K::NoConfidence => {
            return Some(vec![
                "No contents: a motion of no confidence in the current committee.".to_owned(),
                previous(contents)?,
            ])
        }
        K::ParameterChange => {
            let mut out = parameter_change(fields?.get(1)?)?;
            out.extend(guardrail(fields?.get(2).unwrap_or(&Value::Null))?);
            out
        }
        K::HardForkInitiation => vec![hard_fork(fields?.get(1)?)?],
        K::UpdateCommittee => committee(fields?)?,
        K::NewConstitution => constitution(fields?.get(1)?)?,
    };
    out.push(previous(fields?.first()?)?);
    Some(out)
}

fn parameter_change(update: &Value) -> Option<Vec<String>> {
    let update = update.as_object()?;
    if update.is_empty() {
        return None;
    }
    Some(
        update
            .iter()
            .map(|(name, value)| {
                let group = if in_security_group(name) {
                    " (security group: pools vote)"
                } else {
                    ""
                };
                format!("{} becomes {}{group}", bare(name), value_text(value))
            })
            .collect(),
    )
}

/// A parameter's new value: numbers as they are, anything else as short escaped JSON.
fn value_text(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::String(s) => bare(s),
        other => bare(&other.to_string()),
    }
}

fn hard_fork(version: &Value) -> Option<String> {
    let major = version.get("major")?.as_u64()?;
    let minor = version.get("minor")?.as_u64()?;
    Some(format!("Moves to protocol version {major}.{minor}"))
}

/// `[[[account, lovelace], …], policy]`; the older one-field form is the list of pairs itself.
fn withdrawals(contents: &Value) -> Option<Vec<String>> {
    let fields = contents.as_array()?;
    let (pairs, policy) = match fields.first() {
        Some(Value::Array(first)) if first.iter().all(Value::is_array) => {
            (first, fields.get(1).unwrap_or(&Value::Null))
        }
        _ => (fields, &Value::Null),
    };
    if pairs.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    let mut out = Vec::new();
    for pair in pairs {
        let [account, amount] = pair.as_array()?.as_slice() else {
            return None;
        };
        let lovelace = amount.as_u64()?;
        total = total.checked_add(lovelace)?;
        out.push(format!(
            "{} receives {}",
            reward_account(account)?,
            format_ada(lovelace)
        ));
    }
    out.push(format!("Total: {}", format_ada(total)));
    out.extend(guardrail(policy)?);
    Some(out)
}

/// `{credential: {keyHash|scriptHash}, network: Mainnet|Testnet}` as its `stake…1` address.
fn reward_account(v: &Value) -> Option<String> {
    let network = match v.get("network")?.as_str()? {
        "Mainnet" => Network::Mainnet,
        "Testnet" => Network::Testnet { magic: 0 },
        _ => return None,
    };
    RewardAccount::new(network, credential(v.get("credential")?)?)
        .to_bech32()
        .ok()
}

fn credential(v: &Value) -> Option<Credential> {
    if let Some(h) = v.get("keyHash") {
        return Some(Credential::Key(hash(h)?));
    }
    Some(Credential::Script(hash(v.get("scriptHash")?)?))
}

/// A committee member's map key: `keyHash-<hex>` or `scriptHash-<hex>`.
fn credential_key(text: &str) -> Option<Credential> {
    let hex_of = |prefix: &str| text.strip_prefix(prefix).and_then(hash_text);
    hex_of("keyHash-")
        .map(Credential::Key)
        .or_else(|| hex_of("scriptHash-").map(Credential::Script))
}

fn credential_words(c: &Credential) -> String {
    let what = if c.is_script() { "script" } else { "key" };
    format!("{what} {}", hex::encode(c.hash()))
}

fn committee(fields: &[Value]) -> Option<Vec<String>> {
    let [_, removed, added, threshold] = fields else {
        return None;
    };
    let mut out = Vec::new();
    for member in removed.as_array()? {
        out.push(format!(
            "Removes {}",
            credential_words(&credential(member)?)
        ));
    }
    for (member, expiry) in added.as_object()? {
        out.push(format!(
            "Adds {} until epoch {}",
            credential_words(&credential_key(member)?),
            expiry.as_u64()?
        ));
    }
    if out.is_empty() {
        out.push("Removes and adds no member".to_owned());
    }
    out.push(format!("New threshold: {}", ratio(threshold)?));
    Some(out)
}

/// A `UnitInterval`: a number when it has a short decimal form, else `{numerator, denominator}`.
fn ratio(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        _ => Some(format!(
            "{}/{}",
            v.get("numerator")?.as_u64()?,
            v.get("denominator")?.as_u64()?
        )),
    }
}

fn constitution(c: &Value) -> Option<Vec<String>> {
    let anchor = c.get("anchor")?;
    let url = anchor.get("url")?.as_str()?;
    let data_hash: [u8; 32] = hash(anchor.get("dataHash")?)?;
    let mut out = vec![
        format!("Constitution document: {}", url_text(url)),
        format!("Its hash: {}", hex::encode(data_hash)),
    ];
    out.extend(guardrail(c.get("script").unwrap_or(&Value::Null))?);
    Some(out)
}

/// A URL whole when it is within the ledger's 128-byte anchor limit (it must be read to the
/// end to be checked), escaped; anything longer is not a real anchor and is shortened.
fn url_text(url: &str) -> String {
    if url.len() <= 128 {
        escape(url)
    } else {
        bare(url)
    }
}

/// The guardrail (policy) script hash, when the action names one.
fn guardrail(v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        h => Some(Some(format!(
            "Guardrail script: {}",
            hex::encode(hash::<28>(h)?)
        ))),
    }
}

/// The action this one builds on: the chain of its purpose.
fn previous(v: &Value) -> Option<String> {
    if v.is_null() {
        return Some("Previous action: none (the first of its purpose)".to_owned());
    }
    let tx_id: [u8; 32] = hash(v.get("txId")?)?;
    let index = v.get("govActionIx")?.as_u64()?;
    Some(format!("Previous action: {}#{index}", hex::encode(tx_id)))
}

fn hash<const N: usize>(v: &Value) -> Option<[u8; N]> {
    hash_text(v.as_str()?)
}

fn hash_text<const N: usize>(text: &str) -> Option<[u8; N]> {
    <[u8; N]>::try_from(hex::decode(text).ok()?.as_slice()).ok()
}
