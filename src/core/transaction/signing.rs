//! Before a key signs a transaction: is it one the transaction needs? Payment keys cannot be
//! judged (a body names its inputs, not their addresses), so they are allowed with a note;
//! a cold or stake key the body does not ask for is refused, since its witness only makes the
//! transaction larger than the fee it pays, and usually means the wrong key was picked.

use crate::core::keys::address::pool_bech32;
use crate::core::keys::KeyKind;
use crate::core::transaction::view::{required_witnesses, Role, TxView};

/// What a key would be for in this transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerFit {
    /// The body asks for this key, for these reasons.
    Needed(Vec<Role>),
    /// A payment key: needed if it holds one of the inputs, which the body cannot tell.
    MaybePayment,
    /// The body holds parts this tool cannot read keys from (certificates shown as bytes,
    /// unknown fields): the key may be needed there, so it is not refused.
    Unknown,
}

/// Whether `required_witnesses` saw every part that can ask for a key.
pub fn needs_are_complete(view: &TxView) -> bool {
    view.other_keys.is_empty() && view.certificates.iter().all(|c| c.decoded.is_ok())
}

/// Judges a signing key by kind and key hash against what the body needs.
pub fn fit(view: &TxView, kind: KeyKind, key_hash: &[u8; 28]) -> Result<SignerFit, String> {
    let needs = required_witnesses(view);
    if let Some(n) = needs.iter().find(|n| &n.key_hash == key_hash) {
        return Ok(SignerFit::Needed(n.roles.clone()));
    }
    if !needs_are_complete(view) {
        return Ok(SignerFit::Unknown);
    }
    if matches!(
        kind.verification(),
        KeyKind::PaymentVerification | KeyKind::PaymentExtendedVerification
    ) {
        return Ok(SignerFit::MaybePayment);
    }
    let what = match kind.verification() {
        KeyKind::ColdVerification | KeyKind::ColdExtendedVerification => {
            format!("the cold key of {}", pool_bech32(key_hash))
        }
        _ => format!("this {} (key hash {})", kind.human(), hex::encode(key_hash)),
    };
    let wanted = if needs.is_empty() {
        "it needs no cold or stake key at all, only the payment keys of its inputs".to_owned()
    } else {
        format!(
            "it needs {}",
            needs
                .iter()
                .map(|n| n
                    .roles
                    .iter()
                    .map(Role::describe)
                    .collect::<Vec<_>>()
                    .join(" and "))
                .collect::<Vec<_>>()
                .join("; ")
        )
    };
    Err(format!(
        "{what} is not needed by this transaction ({wanted}). Its witness would only make the transaction bigger than the fee it pays: check that you picked the right key"
    ))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::core::transaction::view::decode_body;

    /// `{0: [[id, 0]], 1: [], 2: 0}` plus `extra` raw entries (count them in `n`).
    fn body(n: u8, extra: &[u8]) -> TxView {
        let mut b = vec![0xa3 + n, 0x00, 0x81, 0x82, 0x58, 0x20];
        b.extend([0u8; 32]);
        b.extend([0x00, 0x01, 0x80, 0x02, 0x00]);
        b.extend(extra);
        decode_body(&b).unwrap()
    }

    #[test]
    fn needed_payment_and_stranger_keys() {
        let plain = body(0, &[]);
        assert_eq!(
            fit(&plain, KeyKind::PaymentExtendedSigning, &[7; 28]),
            Ok(SignerFit::MaybePayment)
        );
        let e = fit(&plain, KeyKind::ColdSigning, &[9; 28]).unwrap_err();
        assert!(e.starts_with("the cold key of pool1"), "{e}");
        assert!(e.contains("(it needs no cold or stake key at all"), "{e}");
        let e = fit(&plain, KeyKind::StakeSigning, &[9; 28]).unwrap_err();
        assert!(
            e.starts_with("this stake signing key (key hash 0909"),
            "{e}"
        );
        // Required signers, field 14: [h]: that key is needed.
        let mut req = vec![0x0e, 0x81, 0x58, 0x1c];
        req.extend([5u8; 28]);
        assert_eq!(
            fit(&body(1, &req), KeyKind::StakeSigning, &[5; 28]),
            Ok(SignerFit::Needed(vec![Role::RequiredSigner]))
        );
    }

    #[test]
    fn a_body_with_parts_not_read_refuses_nothing() {
        // Field 23, which no era defines: what it asks for is unknown, so no key is refused.
        let unknown = body(1, &[0x17, 0xa0]);
        assert!(!needs_are_complete(&unknown));
        assert_eq!(
            fit(&unknown, KeyKind::ColdSigning, &[9; 28]),
            Ok(SignerFit::Unknown)
        );
    }

    #[test]
    fn a_pool_vote_needs_that_pools_cold_key_and_no_other() {
        use crate::core::governance::{
            GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
        };
        let mut votes = VotingProcedures::default();
        for index in [0, 1] {
            votes.insert(
                Voter::StakePool([9; 28]),
                GovActionId::new([3; 32], index),
                VotingProcedure {
                    vote: Vote::Yes,
                    anchor: None,
                },
            );
        }
        let mut field = vec![0x13];
        field.extend(votes.encode());
        let view = body(1, &field);
        assert!(needs_are_complete(&view));
        assert_eq!(
            fit(&view, KeyKind::ColdSigning, &[9; 28]),
            Ok(SignerFit::Needed(vec![Role::PoolVote { pool: [9; 28] }]))
        );
        assert_eq!(
            fit(&view, KeyKind::ColdExtendedSigning, &[8; 28]),
            Err(format!(
                "the cold key of {} is not needed by this transaction (it needs cold key of {}, to vote). Its witness would only make the transaction bigger than the fee it pays: check that you picked the right key",
                pool_bech32(&[8; 28]),
                pool_bech32(&[9; 28])
            ))
        );
    }
}
