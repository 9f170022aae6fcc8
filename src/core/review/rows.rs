//! The review's rows: every field of a registration in words, numbered owners and relays, and
//! how each compares with a previous registration (or the plan's certificate).

use super::{owner_address, Change, FieldRow};
use crate::core::certificate::amount::format_ada;
use crate::core::certificate::relay::Relay;
use crate::core::certificate::PoolParams;
use crate::core::keys::address::pool_bech32;

fn scalar_fields(p: &PoolParams) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("Pool id", Some(pool_bech32(&p.operator))),
        ("VRF key hash", Some(hex::encode(p.vrf_key_hash))),
        ("Pledge", Some(format_ada(p.pledge))),
        ("Fixed cost per epoch", Some(format_ada(p.cost))),
        (
            "Margin",
            Some(format!("{} ({})", p.margin.percent_string(4), p.margin)),
        ),
        (
            "Reward account",
            Some(p.reward_account.to_bech32().unwrap_or_default()),
        ),
        ("Metadata URL", p.metadata.as_ref().map(|m| m.url.clone())),
        (
            "Metadata hash",
            p.metadata.as_ref().map(|m| hex::encode(m.hash)),
        ),
    ]
}

fn row(label: String, previous: Option<String>, current: Option<String>, has: bool) -> FieldRow {
    let change = match (has, &previous, &current) {
        (false, _, _) => Change::NoPrevious,
        (true, Some(p), Some(c)) if p == c => Change::Unchanged,
        (true, Some(_), Some(_)) => Change::Changed,
        (true, None, Some(_)) => Change::Added,
        (true, Some(_), None) => Change::Removed,
        (true, None, None) => Change::Unchanged,
    };
    FieldRow {
        label,
        previous,
        current,
        change,
    }
}

/// A relay as other pools reach it: `host:port`, `[ipv6]:port`, and for an SRV name the fact
/// that its port comes from DNS (an SRV relay has none in the certificate).
pub fn relay_text(r: &Relay) -> String {
    match r {
        Relay::MultiHostName { name } => format!(
            "{} [DNS SRV record: no port here, the SRV record gives hosts and ports]",
            name.as_str()
        ),
        _ => format!("{} [{}]", r.display(), r.kind_label()),
    }
}

/// What Inspect warns about the relays (private, loopback, documentation addresses, long
/// names, port 0), worded the same way, plus a pool that lists none.
pub fn relay_warnings(p: &PoolParams) -> Vec<String> {
    let mut out: Vec<String> = p
        .relays
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.warnings()
                .into_iter()
                .map(move |w| format!("relay {}: {w}", i + 1))
        })
        .collect();
    if p.relays.is_empty() {
        out.push("the pool lists no relays: other nodes cannot find it".to_owned());
    }
    out
}

/// Every field of `current`, compared with `previous` when given. Owners are matched by key
/// and relays by what they say; both are numbered in the certificate's order ("Owner 1 of 2
/// (Alice)", "Relay 1"), with the names `name_of` knows.
pub fn field_rows(
    current: &PoolParams,
    previous: Option<&PoolParams>,
    name_of: &dyn Fn(&[u8; 28]) -> Option<String>,
) -> Vec<FieldRow> {
    let has = previous.is_some();
    let before = previous.map(scalar_fields);
    let mut rows: Vec<FieldRow> = scalar_fields(current)
        .into_iter()
        .enumerate()
        .map(|(i, (label, now))| {
            let then = before
                .as_ref()
                .and_then(|b| b.get(i))
                .and_then(|f| f.1.clone());
            row(label.to_owned(), then, now, has)
        })
        .collect();
    // Owners: the ones in the certificate, then the ones that left (named, not numbered: their
    // number belonged to the other certificate).
    let prev_owners: &[[u8; 28]] = previous.map_or(&[], |p| &p.owners);
    let n = current.owners.len();
    for (i, h) in current.owners.iter().enumerate() {
        let label = match name_of(h) {
            Some(name) => format!("Owner {} of {n} ({name})", i + 1),
            None => format!("Owner {} of {n}", i + 1),
        };
        let addr = Some(owner_address(current, h));
        let then = prev_owners.contains(h).then(|| addr.clone()).flatten();
        rows.push(row(label, then, addr, has));
    }
    if let Some(prev) = previous {
        for h in prev_owners.iter().filter(|h| !current.owners.contains(h)) {
            let addr = owner_address(prev, h);
            let label = match name_of(h) {
                Some(name) => format!("Owner {name}"),
                None => format!("Owner {}", short(&addr)),
            };
            rows.push(row(label, Some(addr), None, true));
        }
    }
    let shown = |p: &PoolParams| -> Vec<String> { p.relays.iter().map(relay_text).collect() };
    let now_relays = shown(current);
    let prev_relays = previous.map(shown).unwrap_or_default();
    for (i, r) in now_relays.iter().enumerate() {
        let then = prev_relays.contains(r).then(|| r.clone());
        rows.push(row(format!("Relay {}", i + 1), then, Some(r.clone()), has));
    }
    for r in prev_relays.iter().filter(|r| !now_relays.contains(r)) {
        rows.push(row("Relay".to_owned(), Some(r.clone()), None, true));
    }
    // The same relays in another order (or repeated) are still another certificate.
    let mut sorted_now = now_relays.clone();
    let mut sorted_prev = prev_relays.clone();
    sorted_now.sort();
    sorted_prev.sort();
    if has && now_relays != prev_relays && sorted_now == sorted_prev {
        rows.push(row(
            "Relay order".to_owned(),
            Some(prev_relays.join(", ")),
            Some(now_relays.join(", ")),
            true,
        ));
    }
    rows
}

/// `stake1u8…x7c8m`: the start and the end of a long id.
pub fn short(text: &str) -> String {
    let n = text.chars().count();
    if n <= 20 {
        return text.to_owned();
    }
    let head: String = text.chars().take(10).collect();
    let tail: String = text.chars().skip(n - 6).collect();
    format!("{head}…{tail}")
}
