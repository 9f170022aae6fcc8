//! Reading `query proposals` / `query gov-state` JSON into [`GovernanceAction`]s. Fields the
//! console does not use are ignored, so newer cardano-cli versions that add some still read.

use serde_json::Value;

use super::{ActionKind, GovernanceAction, PoolTally};
use crate::core::message::quote;

/// What to paste, said with every error about the whole input.
const WHAT_TO_PASTE: &str =
    "paste the output of `cardano-cli conway query proposals --all-proposals` (or `query gov-state`)";

/// The actions in `text`, in the order the JSON lists them.
pub fn parse_proposals(text: &str) -> Result<Vec<GovernanceAction>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| bad_json(text, &e))?;
    let list = proposals_in(&value).ok_or_else(|| {
        format!("This JSON has no governance actions (no list of actions, no \"proposals\"): {WHAT_TO_PASTE}.")
    })?;
    list.iter()
        .enumerate()
        .map(|(i, v)| action(v).map_err(|e| format!("Action {} in the list: {e}.", i + 1)))
        .collect()
}

/// Says where the JSON broke, quoting a short piece of the line (escaped, cut by `quote`).
fn bad_json(text: &str, e: &serde_json::Error) -> String {
    let line = text.lines().nth(e.line().saturating_sub(1)).unwrap_or("");
    let start = line
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i + 20 < e.column())
        .last()
        .unwrap_or(0);
    let piece: String = line.get(start..).unwrap_or("").chars().take(30).collect();
    let near = if piece.trim().is_empty() {
        String::new()
    } else {
        format!(", near {}", quote::quote(piece.trim()))
    };
    format!(
        "This is not valid JSON (line {}, column {}{near}): {WHAT_TO_PASTE}.",
        e.line(),
        e.column()
    )
}

/// The list of action states: the whole input (`query proposals`) or its `proposals`
/// (`query gov-state`), as a list or an object keyed by action id.
fn proposals_in(value: &Value) -> Option<Vec<&Value>> {
    match value {
        Value::Array(items) => Some(items.iter().collect()),
        Value::Object(map) => match map.get("proposals")? {
            Value::Array(items) => Some(items.iter().collect()),
            Value::Object(by_id) => Some(by_id.values().collect()),
            _ => None,
        },
        _ => None,
    }
}

fn action(v: &Value) -> Result<GovernanceAction, String> {
    let id = v
        .get("actionId")
        .ok_or("it has no \"actionId\" (is this the output of query proposals?)")?;
    let tx_id = hash32(id.get("txId"), "actionId.txId")?;
    let index = id
        .get("govActionIx")
        .and_then(Value::as_u64)
        .and_then(|n| u16::try_from(n).ok())
        .ok_or("its actionId.govActionIx is not a whole number from 0 to 65535")?;
    let procedure = v
        .get("proposalProcedure")
        .ok_or("it has no \"proposalProcedure\"")?;
    let gov_action = procedure
        .get("govAction")
        .ok_or("its proposalProcedure has no \"govAction\"")?;
    let tag = gov_action
        .get("tag")
        .and_then(Value::as_str)
        .ok_or("its govAction has no \"tag\"")?;
    let kind = ActionKind::from_tag(tag).ok_or_else(|| {
        format!(
            "the action type {} is not one Pool Console knows",
            quote::quote(tag)
        )
    })?;
    let anchor = procedure.get("anchor");
    let anchor_url = anchor
        .and_then(|a| a.get("url"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let anchor_hash = match anchor.and_then(|a| a.get("dataHash")) {
        None | Some(Value::Null) => None,
        some => Some(hash32(some, "anchor.dataHash")?),
    };
    Ok(GovernanceAction {
        tx_id,
        index,
        kind,
        changed_parameters: changed_parameters(kind, gov_action),
        contents: super::contents::describe(kind, gov_action),
        anchor_url,
        anchor_hash,
        proposed_in: v.get("proposedIn").and_then(Value::as_u64),
        expires_after: v.get("expiresAfter").and_then(Value::as_u64),
        pool_votes: v.get("stakePoolVotes").and_then(tally),
    })
}

fn hash32(v: Option<&Value>, field: &str) -> Result<[u8; 32], String> {
    v.and_then(Value::as_str)
        .and_then(|t| hex::decode(t).ok())
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| format!("its {field} is not 64 hexadecimal digits"))
}

/// A parameter change's `contents` is `[previous action, parameters update, policy hash]`.
/// The update is the second field: the previous action (`{txId, govActionIx}`) is an object
/// too, so the first object is not always the update.
fn changed_parameters(kind: ActionKind, gov_action: &Value) -> Vec<String> {
    if kind != ActionKind::ParameterChange {
        return Vec::new();
    }
    let contents = gov_action.get("contents");
    let update = match contents {
        Some(Value::Array(parts)) => parts.get(1),
        Some(Value::Object(_)) => contents,
        _ => None,
    };
    update
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

fn tally(votes: &Value) -> Option<PoolTally> {
    let mut t = PoolTally::default();
    for vote in votes.as_object()?.values() {
        match vote.as_str() {
            Some("VoteYes") => t.yes += 1,
            Some("VoteNo") => t.no += 1,
            Some("Abstain") => t.abstain += 1,
            _ => {}
        }
    }
    Some(t)
}
