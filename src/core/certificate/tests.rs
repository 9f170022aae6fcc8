//! Tests of the parent module.

use super::*;

#[test]
fn retirement_layout() {
    let cert = Certificate::PoolRetirement {
        pool: [0x8f; 28],
        epoch: 42,
    };
    let bytes = cert.encode(Era::Conway);
    assert_eq!(hex::encode(&bytes[..3]), "830458");
    assert_eq!(hex::encode(&bytes[bytes.len() - 2..]), "182a");
    assert_eq!(Certificate::decode(&bytes).unwrap(), (cert, Era::Conway));
}

#[test]
fn stake_registration_by_era() {
    let c = Certificate::StakeRegistration {
        credential: Credential::Key([1; 28]),
        deposit: Some(2_000_000),
    };
    assert_eq!(
        hex::encode(&c.encode(Era::Conway)[..4]),
        "8307 8200".replace(' ', "")
    );
    let legacy = Certificate::StakeRegistration {
        credential: Credential::Key([1; 28]),
        deposit: None,
    };
    assert_eq!(hex::encode(&legacy.encode(Era::PreConway)[..4]), "82008200");
}
