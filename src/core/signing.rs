//! Before a key signs a transaction: is it one the transaction needs? Payment keys cannot be
//! judged (a body names its inputs, not their addresses), so they are allowed with a note;
//! a cold or stake key the body does not ask for is refused, since its witness only makes the
//! transaction larger than the fee it pays, and usually means the wrong key was picked.

use super::describe::pool_bech32;
use super::keys::KeyKind;
use super::tx_view::{Need, Role};

/// What a key would be for in this transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerFit {
    /// The body asks for this key, for these reasons.
    Needed(Vec<Role>),
    /// A payment key: needed if it holds one of the inputs, which the body cannot tell.
    MaybePayment,
}

/// Judges a signing key by kind and key hash against what the body needs.
pub fn fit(needs: &[Need], kind: KeyKind, key_hash: &[u8; 28]) -> Result<SignerFit, String> {
    if let Some(n) = needs.iter().find(|n| &n.key_hash == key_hash) {
        return Ok(SignerFit::Needed(n.roles.clone()));
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
        other => format!(
            "this {} (key hash {})",
            other.human(),
            hex::encode(key_hash)
        ),
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
mod tests {
    use super::*;

    #[test]
    fn needed_payment_and_stranger_keys() {
        let needs = vec![Need {
            key_hash: [1; 28],
            roles: vec![Role::PoolOwner { pool: [2; 28] }],
        }];
        assert_eq!(
            fit(&needs, KeyKind::StakeSigning, &[1; 28]),
            Ok(SignerFit::Needed(vec![Role::PoolOwner { pool: [2; 28] }]))
        );
        assert_eq!(
            fit(&needs, KeyKind::PaymentExtendedSigning, &[7; 28]),
            Ok(SignerFit::MaybePayment)
        );
        let e = fit(&needs, KeyKind::ColdSigning, &[9; 28]).unwrap_err();
        assert!(e.starts_with("the cold key of pool1"), "{e}");
        assert!(e.contains("(it needs owner of pool1"), "{e}");
    }
}
