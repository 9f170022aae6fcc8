//! Golden and derived vectors of `stake-address`: registration, deregistration and delegation
//! certificates (Conway and script credentials), `build` and `key-hash`; and certificates under
//! the older type names read back byte for byte.

use super::common::{assert_same_file, ok, read, vector};
use super::{v, writes};
use tempfile::TempDir;

#[test]
fn golden_stake_registration_with_deposit() {
    let key = v("input/keys/stake_keys/verification_key");
    for golden in [
        "golden/stake-address/reg-certificate-1.json",
        "golden/stake-address/reg-certificate-2.json",
    ] {
        writes(
            &[
                "conway",
                "stake-address",
                "registration-certificate",
                "--staking-verification-key-file",
                &key,
                "--key-reg-deposit-amt",
                "2000000",
            ],
            golden,
        );
    }
}

#[test]
fn golden_stake_deregistration_with_deposit() {
    writes(
        &[
            "conway",
            "stake-address",
            "deregistration-certificate",
            "--staking-verification-key-file",
            &v("input/keys/stake_keys/verification_key"),
            "--key-reg-deposit-amt",
            "2000000",
        ],
        "golden/stake-address/dereg-cert-1.json",
    );
}

/// The script-credential vectors were made from a Plutus script file of the cardano-cli
/// repository that shared/ does not carry; the same credential given as a script stake address
/// must give the same bytes.
#[test]
fn golden_script_credential_certificates_via_stake_address() {
    let dir = TempDir::new().unwrap();
    let addr = ok(
        dir.path(),
        &[
            "stake-address",
            "build",
            "--stake-key-hash",
            "b9ff787a6dedf9ebe602a26352803778805428c7521b99ec7542aa01",
            "--testnet-magic",
            "42",
        ],
    );
    let key_addr = String::from_utf8(addr).unwrap();
    // A key address for that hash; flip it into a script address (header e0 → f0).
    let (_, mut data) = bech32_decode(key_addr.trim());
    data[0] = 0xf0;
    let script_addr = bech32_encode("stake_test", &data);
    writes(
        &[
            "conway",
            "stake-address",
            "registration-certificate",
            "--stake-address",
            &script_addr,
            "--key-reg-deposit-amt",
            "2000000",
        ],
        "golden/stake-address/script-reg-certificate.json",
    );
    writes(
        &[
            "conway",
            "stake-address",
            "deregistration-certificate",
            "--stake-address",
            &script_addr,
            "--key-reg-deposit-amt",
            "2000000",
        ],
        "golden/stake-address/dereg-cert-2.json",
    );
}

fn bech32_decode(s: &str) -> (String, Vec<u8>) {
    pool_console::core::encoding::bech32::decode(s).unwrap()
}

fn bech32_encode(hrp: &str, data: &[u8]) -> String {
    pool_console::core::encoding::bech32::encode(hrp, data).unwrap()
}

#[test]
fn golden_conway_delegation_certificates() {
    let (stake, pool, drep) = (
        v("input/conway/stake.vkey"),
        v("input/conway/poolCold.vkey"),
        v("input/conway/drep.vkey"),
    );
    let base = |cmd: &'static str| {
        vec![
            "conway",
            "stake-address",
            cmd,
            "--stake-verification-key-file",
        ]
    };
    let dir = "golden/stake-address-conway-deleg/";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            [
                base("vote-delegation-certificate"),
                vec![&stake, "--always-no-confidence"],
            ]
            .concat(),
            "noConfidenceDeleg.cert",
        ),
        (
            [
                base("vote-delegation-certificate"),
                vec![&stake, "--always-abstain"],
            ]
            .concat(),
            "alwaysAbstainDeleg.cert",
        ),
        (
            [
                base("stake-and-vote-delegation-certificate"),
                vec![
                    &stake,
                    "--cold-verification-key-file",
                    &pool,
                    "--always-no-confidence",
                ],
            ]
            .concat(),
            "poolAndNoConfidenceDeleg.cert",
        ),
        (
            [
                base("stake-and-vote-delegation-certificate"),
                vec![
                    &stake,
                    "--cold-verification-key-file",
                    &pool,
                    "--always-abstain",
                ],
            ]
            .concat(),
            "poolAndAlwaysAbstainDeleg.cert",
        ),
        (
            [
                base("stake-and-vote-delegation-certificate"),
                vec![
                    &stake,
                    "--cold-verification-key-file",
                    &pool,
                    "--drep-verification-key-file",
                    &drep,
                ],
            ]
            .concat(),
            "poolAndDrepVkeyDeleg.cert",
        ),
        (
            [
                base("registration-and-delegation-certificate"),
                vec![
                    &stake,
                    "--cold-verification-key-file",
                    &pool,
                    "--key-reg-deposit-amt",
                    "2000000",
                ],
            ]
            .concat(),
            "registerAddressDelegateToPool.cert",
        ),
        (
            [
                base("registration-and-vote-delegation-certificate"),
                vec![
                    &stake,
                    "--drep-verification-key-file",
                    &drep,
                    "--key-reg-deposit-amt",
                    "2000000",
                ],
            ]
            .concat(),
            "registerAddressDelegateToDrep.cert",
        ),
        (
            [
                base("registration-stake-and-vote-delegation-certificate"),
                vec![
                    &stake,
                    "--cold-verification-key-file",
                    &pool,
                    "--drep-verification-key-file",
                    &drep,
                    "--key-reg-deposit-amt",
                    "2000000",
                ],
            ]
            .concat(),
            "registerAddressDelegateToPoolAndDrep.cert",
        ),
    ];
    for (args, file) in cases {
        writes(&args, &format!("{dir}{file}"));
    }
}

#[test]
fn derived_stake_delegation() {
    writes(
        &[
            "stake-address",
            "stake-delegation-certificate",
            "--stake-verification-key-file",
            &v("input/keys/stake_keys/verification_key"),
            "--cold-verification-key-file",
            &v("input/node-pool/operator.vkey"),
        ],
        "derived/stake-delegation/stake_keys-to-operator.cert",
    );
    // The same pool by id, bech32 and hex.
    let id =
        String::from_utf8(read(&vector("derived/stake-pool-id/operator.vkey.bech32"))).unwrap();
    let hex = String::from_utf8(read(&vector("derived/stake-pool-id/operator.vkey.hex"))).unwrap();
    for pool in [id, hex] {
        writes(
            &[
                "stake-address",
                "stake-delegation-certificate",
                "--stake-verification-key-file",
                &v("input/keys/stake_keys/verification_key"),
                "--stake-pool-id",
                &pool,
            ],
            "derived/stake-delegation/stake_keys-to-operator.cert",
        );
    }
}

#[test]
fn stake_address_build_and_key_hash_newline_conventions() {
    let dir = TempDir::new().unwrap();
    let key = v("input/keys/stake_keys/verification_key");
    let stdout = ok(
        dir.path(),
        &[
            "stake-address",
            "build",
            "--mainnet",
            "--staking-verification-key-file",
            &key,
        ],
    );
    assert_eq!(
        stdout,
        read(&vector("input/keys/stake_keys/reward_address"))
    );
    ok(
        dir.path(),
        &[
            "stake-address",
            "build",
            "--mainnet",
            "--stake-verification-key-file",
            &key,
            "--out-file",
            "m",
        ],
    );
    assert_same_file(
        &dir.path().join("m"),
        &vector("derived/stake-address/stake_keys.mainnet.addr"),
    );
    ok(
        dir.path(),
        &[
            "stake-address",
            "build",
            "--testnet-magic",
            "2",
            "--stake-verification-key-file",
            &key,
            "--out-file",
            "t",
        ],
    );
    assert_same_file(
        &dir.path().join("t"),
        &vector("derived/stake-address/stake_keys.testnet.addr"),
    );
    let hash = ok(
        dir.path(),
        &[
            "latest",
            "stake-address",
            "key-hash",
            "--stake-verification-key-file",
            &key,
        ],
    );
    assert_eq!(
        hash,
        read(&vector("input/keys/stake_keys/verification_key.key-hash"))
    );
}

#[test]
fn older_certificate_type_names_are_read() {
    use pool_console::core::certificate::Certificate;
    use pool_console::core::encoding::envelope::TextEnvelope;
    for rel in [
        "input/conway/stake-address-registration.json",
        "input/certificates_legacy_shelley/stake_pool_registration_certificate",
        "input/certificates_legacy_shelley/stake_pool_deregistration_certificate",
        "input/certificates_legacy_shelley/stake_address_registration_certificate",
        "input/certificates_legacy_shelley/stake_address_deregistration_certificate",
        "input/certificates_legacy_shelley/stake_address_delegation_certificate",
    ] {
        let env = TextEnvelope::parse(&read(&vector(rel))).unwrap();
        assert_ne!(env.type_name, "Certificate", "{rel}");
        let (cert, era) = Certificate::from_envelope(&env).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(
            cert.encode(era),
            env.cbor.expose(),
            "{rel} re-encodes to the same bytes"
        );
    }
}
