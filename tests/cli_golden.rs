//! Every cardano-cli golden and derived vector, reproduced byte for byte through the command
//! line, with the arguments MANIFEST.md names.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_same_file, fails, ok, read, vector, vector_str};
use std::path::Path;
use tempfile::TempDir;

/// Runs a command that writes `--out-file out` and compares `out` with a vector.
fn writes(args: &[&str], expected: &str) {
    let dir = TempDir::new().unwrap();
    let mut full: Vec<&str> = args.to_vec();
    full.extend(["--out-file", "out"]);
    ok(dir.path(), &full);
    assert_same_file(&dir.path().join("out"), &vector(expected));
}

fn v(rel: &str) -> String {
    vector_str(rel)
}

// ------------------------------------------------------------------ stake-pool

#[test]
fn golden_pool_registration_minimal() {
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    writes(
        &[
            "conway",
            "stake-pool",
            "registration-certificate",
            "--testnet-magic",
            "42",
            "--pool-pledge",
            "0",
            "--pool-cost",
            "0",
            "--pool-margin",
            "0",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
        ],
        "golden/stake-pool/reg-certificate.json",
    );
}

#[test]
fn golden_pool_registration_extended_cold_key_file_and_bech32() {
    let (xop, vrf, owner) = (
        v("input/node-pool/extended-operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    let common = [
        "--testnet-magic",
        "42",
        "--pool-pledge",
        "0",
        "--pool-cost",
        "0",
        "--pool-margin",
        "0",
        "--vrf-verification-key-file",
        &vrf,
        "--pool-reward-account-verification-key-file",
        &owner,
        "--pool-owner-stake-verification-key-file",
        &owner,
    ];
    let mut with_file = vec![
        "conway",
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        &xop,
    ];
    with_file.extend(common);
    writes(
        &with_file,
        "golden/stake-pool/reg-certificate-extended.json",
    );

    let xvk = String::from_utf8(read(&vector(
        "derived/bech32-keys/extended-operator.vkey.pool_xvk",
    )))
    .unwrap();
    let mut with_text = vec![
        "conway",
        "stake-pool",
        "registration-certificate",
        "--stake-pool-verification-extended-key",
        &xvk,
    ];
    with_text.extend(common);
    writes(
        &with_text,
        "golden/stake-pool/reg-certificate-extended.json",
    );
}

fn full_registration_args<'a>(
    op: &'a str,
    vrf: &'a str,
    owner: &'a str,
    stake: &'a str,
) -> Vec<&'a str> {
    vec![
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        op,
        "--vrf-verification-key-file",
        vrf,
        "--mainnet",
        "--pool-pledge",
        "100000000000",
        "--pool-cost",
        "170000000",
        "--pool-margin",
        "0.015",
        "--pool-reward-account-verification-key-file",
        owner,
        "--pool-owner-stake-verification-key-file",
        owner,
        "--pool-owner-stake-verification-key-file",
        stake,
        "--pool-relay-ipv4",
        "203.0.113.10",
        "--pool-relay-port",
        "3001",
        "--pool-relay-ipv6",
        "2001:db8::1",
        "--pool-relay-port",
        "3002",
        "--pool-relay-ipv4",
        "198.51.100.7",
        "--pool-relay-ipv6",
        "2a01:4f8:191:412c::3",
        "--pool-relay-port",
        "3003",
        "--single-host-pool-relay",
        "relay1.example.com",
        "--pool-relay-port",
        "3001",
        "--multi-host-pool-relay",
        "_cardano._tcp.example.com",
        "--metadata-url",
        "https://example.com/poolMetadata.json",
        "--metadata-hash",
        "8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965",
    ]
}

#[test]
fn derived_pool_registration_full_conway_and_babbage() {
    let (op, vrf, owner, stake) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
        v("input/keys/stake_keys/verification_key"),
    );
    let args = full_registration_args(&op, &vrf, &owner, &stake);
    writes(&args, "derived/pool-registration/conway-mainnet-full.cert");
    let mut latest = vec!["latest"];
    latest.extend(&args);
    writes(
        &latest,
        "derived/pool-registration/conway-mainnet-full.cert",
    );
    let mut babbage = vec!["babbage"];
    babbage.extend(&args);
    writes(
        &babbage,
        "derived/pool-registration/babbage-mainnet-full.cert",
    );
}

#[test]
fn derived_pool_registration_owner_order_does_not_matter() {
    let (op, vrf, owner, stake) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
        v("input/keys/stake_keys/verification_key"),
    );
    // Owners given in the other order, and one twice: the set is sorted and deduplicated.
    let mut args = full_registration_args(&op, &vrf, &owner, &stake);
    let i = args.iter().position(|a| *a == stake).unwrap();
    args[i] = &owner;
    let j = args
        .iter()
        .position(|a| *a == "--pool-owner-stake-verification-key-file")
        .unwrap();
    args[j + 1] = &stake;
    args.extend(["--pool-owner-stake-verification-key-file", &stake]);
    writes(&args, "derived/pool-registration/conway-mainnet-full.cert");
}

#[test]
fn derived_pool_registration_testnet_ipv4_fraction_margin() {
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    writes(
        &[
            "stake-pool",
            "registration-certificate",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--testnet-magic",
            "1",
            "--pool-pledge",
            "5000",
            "--pool-cost",
            "1000",
            "--pool-margin",
            "1/3",
            "--pool-reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
            "--pool-relay-ipv4",
            "1.2.3.4",
            "--pool-relay-port",
            "6000",
        ],
        "derived/pool-registration/conway-testnet-ipv4-nometa.cert",
    );
}

#[test]
fn derived_pool_retirement() {
    writes(
        &[
            "stake-pool",
            "deregistration-certificate",
            "--cold-verification-key-file",
            &v("input/node-pool/operator.vkey"),
            "--epoch",
            "300",
        ],
        "derived/pool-deregistration/operator-epoch-300.cert",
    );
}

#[test]
fn derived_stake_pool_ids_hex_and_bech32_without_newline() {
    let dir = TempDir::new().unwrap();
    for (key, name) in [
        ("input/node-pool/operator.vkey", "operator.vkey"),
        (
            "input/node-pool/extended-operator.vkey",
            "extended-operator.vkey",
        ),
        ("input/conway/poolCold.vkey", "conway-poolCold.vkey"),
    ] {
        let key = v(key);
        let bech = ok(
            dir.path(),
            &["stake-pool", "id", "--cold-verification-key-file", &key],
        );
        assert_eq!(
            bech,
            read(&vector(&format!("derived/stake-pool-id/{name}.bech32")))
        );
        let hex = ok(
            dir.path(),
            &[
                "latest",
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                &key,
                "--output-hex",
            ],
        );
        assert_eq!(
            hex,
            read(&vector(&format!("derived/stake-pool-id/{name}.hex")))
        );
        ok(
            dir.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                &key,
                "--output-hex",
                "--out-file",
                "id",
            ],
        );
        assert_same_file(
            &dir.path().join("id"),
            &vector(&format!("derived/stake-pool-id/{name}.hex")),
        );
    }
}

#[test]
fn metadata_hash_file_and_expected_hash() {
    let dir = TempDir::new().unwrap();
    let meta = v("input/metadata/example_stake_pool_metadata.json");
    ok(
        dir.path(),
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--out-file",
            "hash",
        ],
    );
    assert_same_file(
        &dir.path().join("hash"),
        &vector("input/metadata/stake_pool_metadata_hash"),
    );
    let stdout = ok(
        dir.path(),
        &["stake-pool", "metadata-hash", "--pool-metadata-file", &meta],
    );
    assert_eq!(
        stdout,
        read(&vector("input/metadata/stake_pool_metadata_hash"))
    );
    let good = "8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965";
    let stdout = ok(
        dir.path(),
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--expected-hash",
            good,
        ],
    );
    assert_eq!(stdout, b"Hashes match!\n");
}

#[test]
fn golden_metadata_wrong_hash_message() {
    // The golden stderr comes from --pool-metadata-url; the file form gives the same message.
    let dir = TempDir::new().unwrap();
    let meta = v("input/metadata/example_stake_pool_metadata.json");
    let stderr = fails(
        dir.path(),
        &[
            "conway",
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--expected-hash",
            "9241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965",
        ],
    );
    let golden = String::from_utf8(read(&vector(
        "golden/metadata/stake_pool_metadata_hash_url_wrong_hash_fails.out",
    )))
    .unwrap();
    assert_eq!(stderr, golden);
}

// ------------------------------------------------------------------ node

fn issue_op_cert_case(case: &str, period: &str) {
    let dir = TempDir::new().unwrap();
    let counter = dir.path().join("counter");
    std::fs::copy(
        vector(&format!("derived/opcert/{case}/counter-before")),
        &counter,
    )
    .unwrap();
    ok(
        dir.path(),
        &[
            "latest",
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--hot-kes-verification-key-file",
            &v("input/keys/kes_keys_LEGACY_2020/verification_key"),
            "--cold-signing-key-file",
            &v("input/keys/genesis_delegate_keys/signing_key"),
            "--operational-certificate-issue-counter-file",
            "counter",
            "--kes-period",
            period,
            "--out-file",
            "node.opcert",
        ],
    );
    assert_same_file(
        &dir.path().join("node.opcert"),
        &vector(&format!("derived/opcert/{case}/node.opcert")),
    );
    assert_same_file(
        &counter,
        &vector(&format!("derived/opcert/{case}/counter-after")),
    );
}

#[test]
fn derived_issue_op_cert_counter_0_period_0() {
    issue_op_cert_case("n0-p0", "0");
}

#[test]
fn derived_issue_op_cert_counter_7_period_350() {
    issue_op_cert_case("n7-p350", "350");
}

#[test]
fn issue_op_cert_reads_the_upstream_counter_without_newline() {
    // The cardano-cli test's own counter input has no trailing newline; the result is the same.
    let dir = TempDir::new().unwrap();
    std::fs::copy(
        vector("input/keys/genesis_delegate_keys/operational_certificate_counter"),
        dir.path().join("c"),
    )
    .unwrap();
    let kes_vk = String::from_utf8(read(&vector(
        "derived/bech32-keys/kes_keys.verification_key.kes_vk",
    )))
    .unwrap();
    ok(
        dir.path(),
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key",
            &kes_vk,
            "--cold-signing-key-file",
            &v("input/keys/genesis_delegate_keys/signing_key"),
            "--operational-certificate-issue-counter-file",
            "c",
            "--kes-period",
            "0",
            "--out-file",
            "o",
        ],
    );
    assert_same_file(
        &dir.path().join("o"),
        &vector("derived/opcert/n0-p0/node.opcert"),
    );
    assert_same_file(
        &dir.path().join("c"),
        &vector("derived/opcert/n0-p0/counter-after"),
    );
}

#[test]
fn derived_new_counter_has_empty_description() {
    writes_counter();
}

fn writes_counter() {
    let dir = TempDir::new().unwrap();
    ok(
        dir.path(),
        &[
            "node",
            "new-counter",
            "--cold-verification-key-file",
            &v("input/keys/genesis_delegate_keys/verification_key"),
            "--counter-value",
            "5",
            "--operational-certificate-issue-counter-file",
            "counter",
        ],
    );
    assert_same_file(
        &dir.path().join("counter"),
        &vector("derived/opcert/new-counter-value-5/counter"),
    );
}

#[test]
fn key_hash_vrf_is_blake2b_256_without_newline() {
    let dir = TempDir::new().unwrap();
    let out = ok(
        dir.path(),
        &[
            "node",
            "key-hash-VRF",
            "--verification-key-file",
            &v("input/node-pool/vrf.vkey"),
        ],
    );
    assert_eq!(
        out,
        b"6aa5f600f54659d456dc2628997df23d98f8f85681edd3e6f4a9340cb06b8db7"
    );
    let vrf_bech = String::from_utf8(read(&vector(
        "derived/bech32-keys/vrf_keys.verification_key.vrf_vk",
    )))
    .unwrap();
    let from_text = ok(
        dir.path(),
        &["node", "key-hash-VRF", "--verification-key", &vrf_bech],
    );
    let from_file = ok(
        dir.path(),
        &[
            "node",
            "key-hash-VRF",
            "--verification-key-file",
            &v("input/keys/vrf_keys/verification_key"),
        ],
    );
    assert_eq!(from_text, from_file);
}

// ------------------------------------------------------------------ stake-address

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

// ------------------------------------------------------------------ key conversion

#[test]
fn golden_convert_cardano_address_key() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("xprv"),
        "xprv1yq7c6nlmxncg7txy0z6lqf3fww4vm20m60lrxttx5lr4qmkvh395m3p59v8fn4ku9mzycg2rkxatgwm86uc3pvrt06e43afya6rm0s2azlpnc9yrhygl2heckeyhhtgad08c0zljpnc6fse2ldzyx9c86yvddxjw",
    )
    .unwrap();
    ok(
        dir.path(),
        &[
            "latest",
            "key",
            "convert-cardano-address-key",
            "--shelley-stake-key",
            "--signing-key-file",
            "xprv",
            "--out-file",
            "out",
        ],
    );
    assert_same_file(
        &dir.path().join("out"),
        &vector("golden/keys/converted_shelley_stake_signing_key"),
    );
}

// ------------------------------------------------------------------ bech32 key forms

#[test]
fn derived_bech32_key_forms() {
    use pool_console::core::keys::AnyKey;
    for (envelope, bech) in [
        (
            "input/node-pool/extended-operator.vkey",
            "extended-operator.vkey.pool_xvk",
        ),
        (
            "input/keys/kes_keys_LEGACY_2020/verification_key",
            "kes_keys.verification_key.kes_vk",
        ),
        (
            "input/keys/transaction-sign/node-cold.skey",
            "node-cold.skey.pool_sk",
        ),
        ("input/node-pool/operator.vkey", "operator.vkey.pool_vk"),
        (
            "input/keys/stake_keys/signing_key",
            "stake_keys.signing_key.stake_sk",
        ),
        (
            "input/keys/stake_keys/verification_key",
            "stake_keys.verification_key.stake_vk",
        ),
        (
            "input/keys/vrf_keys/signing_key",
            "vrf_keys.signing_key.vrf_sk",
        ),
        (
            "input/keys/vrf_keys/verification_key",
            "vrf_keys.verification_key.vrf_vk",
        ),
    ] {
        let key = AnyKey::from_file_contents(&read(&vector(envelope))).unwrap();
        let expected = read(&vector(&format!("derived/bech32-keys/{bech}")));
        let ours: Vec<u8> = match &key {
            AnyKey::Verification(v) => v.to_bech32().unwrap().into_bytes(),
            AnyKey::Signing(s) => s.to_bech32().unwrap().expose().to_vec(),
        };
        assert_eq!(ours, expected, "{bech}");
        // And the bech32 file reads back as the same key.
        assert_eq!(
            AnyKey::from_file_contents(&expected).unwrap(),
            key,
            "{bech}"
        );
    }
}

#[test]
fn bech32_key_files_work_as_command_inputs() {
    let dir = TempDir::new().unwrap();
    let from_bech = ok(
        dir.path(),
        &[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            &v("derived/bech32-keys/operator.vkey.pool_vk"),
        ],
    );
    assert_eq!(
        from_bech,
        read(&vector("derived/stake-pool-id/operator.vkey.bech32"))
    );
}

#[test]
fn vectors_are_present() {
    // Guards against a partial copy of tests/data: every vector named above exists.
    assert!(Path::new(&vector("MANIFEST.md")).is_file());
    assert!(Path::new(&vector("third-party/dingo-devnet/kes.skey")).is_file());
}

#[test]
fn registration_warns_about_long_names_and_private_addresses_on_stderr() {
    let dir = TempDir::new().unwrap();
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    let long_name = format!("{}.example.com", "r".repeat(58));
    let out = common::run_in(
        dir.path(),
        &[
            "stake-pool",
            "registration-certificate",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--mainnet",
            "--pool-pledge",
            "0",
            "--pool-cost",
            "0",
            "--pool-margin",
            "0",
            "--pool-reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
            "--pool-relay-ipv4",
            "192.168.1.20",
            "--pool-relay-port",
            "3001",
            "--single-host-pool-relay",
            &long_name,
            "--pool-relay-port",
            "3001",
            "--out-file",
            "pool.cert",
        ],
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "Warning: relay 1 (192.168.1.20:3001): 192.168.1.20 is a private or reserved address: other pools on the internet cannot reach it\n\
             Warning: relay 2 ({long_name}:3001): the DNS name is 70 bytes: Conway accepts up to 128, but eras before Conway and some tools stop at 64\n"
        )
    );
    assert!(dir.path().join("pool.cert").is_file());
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

// ------------------------------------------------------------------ transactions

#[test]
fn golden_witness_from_its_body_and_key() {
    let dir = TempDir::new().unwrap();
    // The body of the CreateWitness test, wrapped as `transaction build-raw` writes it.
    let body = String::from_utf8(read(&vector(
        "derived/witness/txbody-signed-by-witness-out.cbor.hex",
    )))
    .unwrap();
    let tx = format!(
        "{{\n    \"type\": \"Tx ConwayEra\",\n    \"description\": \"Ledger Cddl Format\",\n    \"cborHex\": \"84{}a0f5f6\"\n}}\n",
        body.trim()
    );
    std::fs::write(dir.path().join("tx.raw"), tx).unwrap();
    ok(
        dir.path(),
        &[
            "latest",
            "transaction",
            "witness",
            "--tx-body-file",
            "tx.raw",
            "--signing-key-file",
            &v("input/conway/payment_signing_key"),
            "--mainnet",
            "--out-file",
            "w",
        ],
    );
    assert_same_file(
        &dir.path().join("w"),
        &vector("golden/witness/witness-out.json"),
    );
    let txid = String::from_utf8(read(&vector(
        "derived/witness/txbody-signed-by-witness-out.txid",
    )))
    .unwrap();
    let file = pool_console::core::encoding::envelope::TextEnvelope::parse(&read(
        &dir.path().join("tx.raw"),
    ))
    .unwrap();
    let tx = pool_console::core::transaction::TxFile::from_envelope(&file).unwrap();
    assert_eq!(hex::encode(tx.id().unwrap()), txid.trim());
}

#[test]
fn golden_assemble_keeps_the_body_and_deduplicates() {
    let w = v("input/witness/singleSigningKeyWitness_conway");
    writes(
        &[
            "conway",
            "transaction",
            "assemble",
            "--tx-body-file",
            &v("input/transaction/txbody"),
            "--witness-file",
            &w,
            "--witness-file",
            &w,
        ],
        "golden/transaction/assemble_out",
    );
}
