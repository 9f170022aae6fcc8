//! Tests of the parent module.

use super::*;

#[test]
fn vrf_key_is_seed_then_public_key() {
    let (sk, vk) = generate::vrf(&[7u8; 32]).unwrap();
    assert_eq!(&sk.expose()[..32], &[7u8; 32]);
    assert_eq!(&sk.expose()[32..], vk.as_bytes());
    assert_eq!(sk.verification_key().unwrap(), vk);
}

#[test]
fn secrets_are_not_repeated_in_messages() {
    let err = verification_key_from_text("pool_sk1qqqqsecretsecretx", accept::COLD_VERIFICATION)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "(a secret key, not shown) is neither a bech32 key nor hexadecimal"
    );
    // A signing key's cborHex with a stray quote: not hex, not bech32, not repeated.
    let pasted = format!("5820{}\"", "5a".repeat(32));
    let err = verification_key_from_text(&pasted, accept::COLD_VERIFICATION).unwrap_err();
    assert!(!err.to_string().contains("5a5a"), "{err}");
    assert!(!format!("{err:?}").contains("5a5a"), "{err:?}");
}

/// An extended signing key made as cardano-address makes one: kL ‖ kR ‖ A ‖ chain code.
fn extended_key(kind: KeyKind) -> Vec<u8> {
    let xprv = ed25519_bip32::XPrv::normalize_bytes_force3rd([7u8; 96]);
    let b: &[u8] = xprv.as_ref();
    let mut raw = b[..64].to_vec();
    raw.extend_from_slice(&xprv.public().public_key());
    raw.extend_from_slice(&b[64..]);
    assert!(SigningKey::new(kind, SecretBytes::from_slice(&raw)).is_ok());
    raw
}

#[test]
fn a_malformed_extended_scalar_is_refused_at_load() {
    let kind = K::PaymentExtendedSigning;
    let message = "is not a valid extended (BIP32) payment signing key: its secret scalar is malformed (the file is damaged)";
    let breaks: [fn(&mut [u8]); 3] = [
        |b| b[31] = 0xff,         // the highest bit set: cryptoxide asserted on it
        |b| b[31] &= 0b0011_1111, // the second highest bit clear
        |b| b[0] |= 0b0000_0001,  // a low bit set
    ];
    for spoil in breaks {
        let mut raw = extended_key(kind);
        spoil(&mut raw);
        let e = SigningKey::new(kind, SecretBytes::from_slice(&raw)).unwrap_err();
        assert_eq!(e.to_string(), message);
        let env = TextEnvelope::new(kind.type_name(), "", cbor::encode_bytes(&raw));
        assert_eq!(
            AnyKey::from_envelope(&env).unwrap_err().to_string(),
            message
        );
        let text = bech32::encode(kind.bech32_hrp(), &raw).unwrap();
        assert_eq!(AnyKey::from_bech32(&text).unwrap_err().to_string(), message);
    }
    // Every extended signing kind is checked, not only payment keys.
    for kind in [
        K::ColdExtendedSigning,
        K::GenesisDelegateExtendedSigning,
        K::StakeExtendedSigning,
    ] {
        let mut raw = extended_key(kind);
        raw[31] = 0xff;
        assert!(matches!(
            SigningKey::new(kind, SecretBytes::new(raw)),
            Err(KeyError::Malformed { .. })
        ));
    }
}

#[test]
fn a_valid_extended_key_still_signs_and_derives() {
    let kind = K::StakeExtendedSigning;
    let raw = extended_key(kind);
    let sk = SigningKey::new(kind, SecretBytes::from_slice(&raw)).unwrap();
    let vk = sk.verification_key().unwrap();
    assert_eq!(vk.as_bytes(), &raw[64..]);
    let signature = sk.sign(b"tx id").unwrap();
    assert!(ed25519_verify(&vk.public_key(), b"tx id", &signature));
}

#[test]
fn wrong_kind_names_both_sides() {
    let (_, vk) = generate::vrf(&[1u8; 32]).unwrap();
    let err = AnyKey::Verification(vk)
        .into_verification(accept::COLD_VERIFICATION)
        .unwrap_err();
    assert_eq!(
            err.to_string(),
            "is a VRF verification key (VrfVerificationKey_PraosVRF), but a stake pool cold verification key (StakePoolVerificationKey_ed25519 or StakePoolExtendedVerificationKey_ed25519_bip32) is needed here"
        );
}
