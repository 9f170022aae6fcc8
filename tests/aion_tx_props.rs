//! Properties of Aion transactions: decoding a signed transaction gives back every field, and
//! its signature verifies (Ed25519, checked here with ed25519-dalek directly) over BLAKE2b-256
//! of the unsigned RLP, for any fields, data and key.
#![allow(clippy::unwrap_used)]

use ed25519_dalek::{Signature, SigningKey, Verifier, VerifyingKey};
use pool_console::core::aion::address::Address;
use pool_console::core::aion::transaction::{self, SignedTx, UnsignedTx};
use pool_console::core::encoding::hash::blake2b_256;
use proptest::prelude::*;

fn any_tx() -> impl Strategy<Value = UnsignedTx> {
    (
        any::<[u8; 32]>(),
        prop_oneof![Just(0u128), any::<u128>(), 0..1_000u128],
        prop_oneof![Just(0u128), any::<u128>(), 0..300u128],
        any::<u64>(),
        prop_oneof![Just(0u64), any::<u64>(), 0..(1u64 << 33)],
        prop_oneof![Just(10_000_000_000u64), any::<u64>()],
        proptest::collection::vec(any::<u8>(), 0..400),
    )
        .prop_map(
            |(to, value, nonce, timestamp_us, energy_limit, energy_price, data)| UnsignedTx {
                to: Address(to),
                value,
                nonce,
                timestamp_us,
                energy_limit,
                energy_price,
                data,
            },
        )
}

proptest! {
    #[test]
    fn decode_of_encode_is_the_transaction(tx in any_tx(), seed in any::<[u8; 32]>()) {
        let signed = transaction::sign(&tx, &seed);
        let (back, pk, _) = SignedTx::decode(&signed.raw).unwrap();
        prop_assert_eq!(back, tx);
        prop_assert_eq!(pk, SigningKey::from_bytes(&seed).verifying_key().to_bytes());
        prop_assert_eq!(signed.hash, blake2b_256(&signed.raw));
    }

    #[test]
    fn signatures_verify_over_blake2b_of_the_unsigned_rlp(tx in any_tx(), seed in any::<[u8; 32]>()) {
        let signed = transaction::sign(&tx, &seed);
        let (back, pk, sig) = SignedTx::decode(&signed.raw).unwrap();
        let message = blake2b_256(&back.unsigned_rlp());
        let key = VerifyingKey::from_bytes(&pk).unwrap();
        prop_assert!(key.verify(&message, &Signature::from_bytes(&sig)).is_ok());
        prop_assert!(transaction::verify(&back, &pk, &sig));
        // Any other field value breaks it.
        let mut other = back.clone();
        other.nonce = other.nonce.wrapping_add(1);
        prop_assert!(!transaction::verify(&other, &pk, &sig));
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = SignedTx::decode(&bytes);
    }
}
