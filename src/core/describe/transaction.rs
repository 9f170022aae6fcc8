//! A transaction file in words, for `inspect` and the Inspect tab: what the Sign tab shows
//! before signing (money in and out, validity, certificates, votes, the witnesses it needs),
//! plus the witnesses it already carries and whether each signs this body.

use super::{DescribeError, Description};
use crate::core::certificate::amount::format_ada;
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::transaction::view::{decode_body, field_name, required_witnesses, TxView};
use crate::core::transaction::{KeyWitness, TxFile};

pub(super) fn describe_transaction(env: &TextEnvelope) -> Result<Description, DescribeError> {
    let invalid =
        |e: &dyn std::fmt::Display| DescribeError::Invalid(format!("the transaction {e}"));
    let tx = TxFile::from_envelope(env).map_err(|e| invalid(&e))?;
    let body = tx.body().map_err(|e| invalid(&e))?;
    let view = decode_body(body).map_err(|e| invalid(&e))?;
    let mut d = Description::new(format!("Transaction ({} era)", tx.era));
    d.field(
        "Transaction id",
        hex::encode(tx.id().map_err(|e| invalid(&e))?),
    );
    money(&mut d, &view);
    for (i, c) in view.certificates.iter().enumerate() {
        d.field(format!("Certificate {}", i + 1), c.kind_text());
    }
    for (i, v) in view.votes.iter().enumerate() {
        d.field(format!("Vote {}", i + 1), v.words());
    }
    for (i, p) in view.proposals.iter().enumerate() {
        d.field(format!("Proposal {}", i + 1), p.words());
    }
    let others: Vec<&str> = view
        .fields
        .iter()
        .filter(|k| !matches!(k, 0..=5 | 8 | 14 | 19 | 20))
        .map(|k| field_name(*k))
        .collect();
    if !others.is_empty() {
        d.field("Also present", others.join(", "));
    }
    // A damaged witness set still leaves the body worth reading: said, not refused.
    if let Err(e) = witnesses(&mut d, &tx, &view) {
        d.warnings.push(format!(
            "the witnesses cannot be read ({e}); the body above can"
        ));
    }
    Ok(d)
}

/// Inputs, outputs, fee, deposits, validity and withdrawals, worded as on the Sign tab.
fn money(d: &mut Description, v: &TxView) {
    for (i, input) in v.inputs.iter().enumerate() {
        d.field(format!("Input {}", i + 1), input.label());
    }
    for (i, o) in v.outputs.iter().enumerate() {
        d.field(format!("Output {}", i + 1), o.words());
    }
    d.field("Fee", format_ada(v.fee));
    if v.deposits_paid() > 0 || v.deposits_refunded() > 0 {
        d.field(
            "Deposits",
            format!(
                "{} paid, {} refunded",
                format_ada(v.deposits_paid()),
                format_ada(v.deposits_refunded())
            ),
        );
    }
    d.field("Valid", v.validity_text());
    for (i, w) in v.withdrawals.iter().enumerate() {
        d.field(
            format!("Withdrawal {}", i + 1),
            format!("{} from {}", format_ada(w.lovelace), w.account_text()),
        );
    }
}

/// Each key the body needs, signed or not yet; then any witness that signs for nothing it
/// needs, or does not sign this body at all.
fn witnesses(
    d: &mut Description,
    tx: &TxFile,
    v: &TxView,
) -> Result<(), crate::core::transaction::TxError> {
    let (signing, stale) = tx.signing_and_stale_witnesses()?;
    for w in &stale {
        d.warnings.push(format!(
            "the witness of key hash {} does not sign this body (it was made for another transaction, or is damaged): drop it and sign again",
            hex::encode(w.key_hash())
        ));
    }
    let valid: Vec<[u8; 28]> = signing.iter().map(KeyWitness::key_hash).collect();
    let needs = required_witnesses(v);
    for (i, need) in needs.iter().enumerate() {
        let roles: Vec<String> = need.roles.iter().map(|r| r.describe()).collect();
        let state = if valid.contains(&need.key_hash) {
            "signed"
        } else {
            "not signed yet"
        };
        d.field(
            format!("Witness needed {}", i + 1),
            format!(
                "{state}: {} (key hash {})",
                roles.join(", "),
                hex::encode(need.key_hash)
            ),
        );
    }
    d.field(
        "Key witnesses",
        format!(
            "{} carried; the payment keys of the inputs are not named in a body",
            signing.len() + stale.len()
        ),
    );
    Ok(())
}
