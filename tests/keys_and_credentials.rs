//! Real node credentials load and verify; freshly generated keys round-trip.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{ok, read, vector};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::kes::opcert::{self, IssueCounter, OpCert};
use pool_console::core::kes::sum6;
use pool_console::core::keys::secret::SecretBytes;
use pool_console::core::keys::{
    accept, ed25519_public, ed25519_verify, AnyKey, KeyKind, SigningKey,
};
use tempfile::TempDir;

fn envelope(bytes: &[u8]) -> TextEnvelope {
    TextEnvelope::parse(bytes).unwrap()
}

/// A KES signing key envelope derives the KES key in the opcert, signs, and the opcert's cold
/// signature verifies.
fn check_credentials(kes_env: &TextEnvelope, opcert_env: &TextEnvelope, vrf_env: &TextEnvelope) {
    let kes_sk = AnyKey::from_envelope(kes_env)
        .unwrap()
        .into_signing(&[KeyKind::KesSigning])
        .unwrap();
    assert_eq!(kes_sk.expose().len(), 608);
    let cert = OpCert::from_envelope(opcert_env).unwrap();
    let kes_vk = kes_sk.verification_key().unwrap();
    assert_eq!(kes_vk.as_bytes(), cert.kes_vkey);
    assert!(
        cert.signature_valid(),
        "opcert signature over the 48-byte message"
    );
    let sig = sum6::sign(kes_sk.expose(), b"a block header body").unwrap();
    assert!(sum6::verify(
        &cert.kes_vkey,
        0,
        b"a block header body",
        &sig
    ));
    // Re-encoding the opcert gives the same bytes.
    assert_eq!(cert.encode(), opcert_env.cbor.expose());
    let vrf = AnyKey::from_envelope(vrf_env)
        .unwrap()
        .into_signing(&[KeyKind::VrfSigning])
        .unwrap();
    let vrf_vk = vrf.verification_key().unwrap();
    assert_eq!(
        vrf_vk.as_bytes(),
        &ed25519_public(vrf.expose().first_chunk().unwrap())
    );
}

#[test]
fn dingo_devnet_credentials() {
    check_credentials(
        &envelope(&read(&vector("third-party/dingo-devnet/kes.skey"))),
        &envelope(&read(&vector("third-party/dingo-devnet/opcert.cert"))),
        &envelope(&read(&vector("third-party/dingo-devnet/vrf.skey"))),
    );
}

#[test]
fn ouroboros_consensus_bulk_credentials() {
    let text = read(&vector(
        "third-party/ouroboros-consensus/bulk-creds-k2.json",
    ));
    let sets: Vec<Vec<serde_json::Value>> = serde_json::from_slice(&text).unwrap();
    assert_eq!(sets.len(), 2);
    for set in sets {
        let envs: Vec<TextEnvelope> = set
            .iter()
            .map(|v| envelope(serde_json::to_string(v).unwrap().as_bytes()))
            .collect();
        let find = |ty: &str| envs.iter().find(|e| e.type_name == ty).unwrap();
        check_credentials(
            find("KesSigningKey_ed25519_kes_2^6"),
            find("NodeOperationalCertificate"),
            find("VrfSigningKey_PraosVRF"),
        );
    }
}

#[test]
fn legacy_704_byte_kes_key_is_refused_with_its_size() {
    let env = envelope(&read(&vector(
        "input/keys/kes_keys_LEGACY_2020/signing_key",
    )));
    let err = AnyKey::from_envelope(&env).unwrap_err();
    assert_eq!(
        err.to_string(),
        "holds a KES signing key of 704 bytes; it must be 608 bytes"
    );
}

#[test]
fn derived_opcert_signed_message() {
    let cert = OpCert::from_envelope(&envelope(&read(&vector(
        "derived/opcert/n7-p350/node.opcert",
    ))))
    .unwrap();
    let msg = opcert::signable(&cert.kes_vkey, cert.issue_number, cert.kes_period);
    let expected =
        String::from_utf8(read(&vector("derived/opcert/n7-p350/signed-message.hex"))).unwrap();
    assert_eq!(hex::encode(msg), expected.trim());
    assert!(cert.signature_valid());
}

#[test]
fn fresh_kes_keys_round_trip() {
    let dir = TempDir::new().unwrap();
    ok(
        dir.path(),
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "kes.skey",
        ],
    );
    let sk = AnyKey::from_file_contents(&read(&dir.path().join("kes.skey")))
        .unwrap()
        .into_signing(&[KeyKind::KesSigning])
        .unwrap();
    let vk_file = AnyKey::from_file_contents(&read(&dir.path().join("kes.vkey"))).unwrap();
    let vk = vk_file.into_verification(accept::KES_VERIFICATION).unwrap();
    assert_eq!(sk.verification_key().unwrap(), vk);
    let sig = sum6::sign(sk.expose(), b"header").unwrap();
    let public: [u8; 32] = vk.as_bytes().try_into().unwrap();
    assert!(sum6::verify(&public, 0, b"header", &sig));
    let text = String::from_utf8(read(&dir.path().join("kes.skey"))).unwrap();
    assert!(text.starts_with("{\n    \"type\": \"KesSigningKey_ed25519_kes_2^6\",\n    \"description\": \"KES Signing Key\",\n    \"cborHex\": \"590260"));
    assert!(text.ends_with("\"\n}\n"));
    assert_mode(&dir.path().join("kes.skey"), 0o600);
}

#[test]
fn fresh_vrf_keys_round_trip() {
    let dir = TempDir::new().unwrap();
    ok(
        dir.path(),
        &[
            "node",
            "key-gen-VRF",
            "--verification-key-file",
            "vrf.vkey",
            "--signing-key-file",
            "vrf.skey",
        ],
    );
    let sk = AnyKey::from_file_contents(&read(&dir.path().join("vrf.skey")))
        .unwrap()
        .into_signing(&[KeyKind::VrfSigning])
        .unwrap();
    let vk = AnyKey::from_file_contents(&read(&dir.path().join("vrf.vkey"))).unwrap();
    let AnyKey::Verification(vk) = vk else {
        panic!("vrf.vkey is a verification key")
    };
    assert_eq!(
        vk.as_bytes(),
        &ed25519_public(sk.expose().first_chunk().unwrap())
    );
    assert_eq!(&sk.expose()[32..], vk.as_bytes());
    assert_mode(&dir.path().join("vrf.skey"), 0o600);
}

#[test]
fn fresh_cold_keys_and_counter() {
    let dir = TempDir::new().unwrap();
    ok(
        dir.path(),
        &[
            "node",
            "key-gen",
            "--cold-verification-key-file",
            "cold.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
        ],
    );
    let sk = AnyKey::from_file_contents(&read(&dir.path().join("cold.skey")))
        .unwrap()
        .into_signing(&[KeyKind::ColdSigning])
        .unwrap();
    let vk = AnyKey::from_file_contents(&read(&dir.path().join("cold.vkey")))
        .unwrap()
        .into_verification(&[KeyKind::ColdVerification])
        .unwrap();
    assert_eq!(sk.verification_key().unwrap(), vk);
    let counter_env = envelope(&read(&dir.path().join("cold.counter")));
    assert_eq!(counter_env.description, "Next certificate issue number: 0");
    let counter = IssueCounter::from_envelope(&counter_env).unwrap();
    assert_eq!(
        counter,
        IssueCounter {
            next_issue_number: 0,
            cold_vkey: vk.public_key()
        }
    );
    assert_mode(&dir.path().join("cold.skey"), 0o600);

    // A full rotation with these keys: the opcert verifies and the counter moves to 1.
    ok(
        dir.path(),
        &[
            "node",
            "key-gen-KES",
            "--verification-key-file",
            "kes.vkey",
            "--signing-key-file",
            "kes.skey",
        ],
    );
    ok(
        dir.path(),
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "cold.skey",
            "--operational-certificate-issue-counter-file",
            "cold.counter",
            "--kes-period",
            "1031",
            "--out-file",
            "node.opcert",
        ],
    );
    let cert = OpCert::from_envelope(&envelope(&read(&dir.path().join("node.opcert")))).unwrap();
    assert!(cert.signature_valid());
    assert_eq!(
        (cert.issue_number, cert.kes_period, cert.cold_vkey),
        (0, 1031, vk.public_key())
    );
    let next = envelope(&read(&dir.path().join("cold.counter")));
    assert_eq!(next.description, "Next certificate issue number: 1");
}

#[test]
fn fresh_keys_in_bech32() {
    let dir = TempDir::new().unwrap();
    ok(
        dir.path(),
        &[
            "stake-address",
            "key-gen",
            "--key-output-bech32",
            "--verification-key-file",
            "s.vkey",
            "--signing-key-file",
            "s.skey",
        ],
    );
    let vk = String::from_utf8(read(&dir.path().join("s.vkey"))).unwrap();
    let sk = String::from_utf8(read(&dir.path().join("s.skey"))).unwrap();
    assert!(vk.starts_with("stake_vk1") && !vk.ends_with('\n'), "{vk}");
    assert!(sk.starts_with("stake_sk1") && !sk.ends_with('\n'));
    let sk = AnyKey::from_file_contents(sk.as_bytes())
        .unwrap()
        .into_signing(&[KeyKind::StakeSigning])
        .unwrap();
    assert_eq!(
        AnyKey::from_file_contents(vk.as_bytes()).unwrap(),
        AnyKey::Verification(sk.verification_key().unwrap())
    );
}

#[test]
fn extended_keys_sign_verifiably() {
    // The golden converted stake key is a 128-byte BIP32 key; its signatures verify with a
    // plain Ed25519 verifier, and as a cold key it issues a valid opcert.
    let key = AnyKey::from_file_contents(&read(&vector(
        "golden/keys/converted_shelley_stake_signing_key",
    )))
    .unwrap();
    let sk = key.into_signing(&[KeyKind::StakeExtendedSigning]).unwrap();
    let vk = sk.verification_key().unwrap();
    let sig = sk.sign(b"tx body hash").unwrap();
    assert!(ed25519_verify(&vk.public_key(), b"tx body hash", &sig));

    let cold = SigningKey::new(
        KeyKind::ColdExtendedSigning,
        SecretBytes::from_slice(sk.expose()),
    )
    .unwrap();
    let counter = IssueCounter {
        next_issue_number: 3,
        cold_vkey: vk.public_key(),
    };
    let issued = opcert::issue(&cold, &counter, &[9; 32], 400).unwrap();
    assert!(issued.opcert.signature_valid());
    assert_eq!(issued.next_counter.next_issue_number, 4);
}

#[cfg(unix)]
fn assert_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let m = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(m, mode, "{}", path.display());
}

#[cfg(not(unix))]
fn assert_mode(_: &std::path::Path, _: u32) {}
