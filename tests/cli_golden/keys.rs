//! Golden and derived vectors of keys: `key convert-cardano-address-key`, and the bech32 form
//! of every key kind, also as a command input.

use super::common::{assert_same_file, ok, read, vector};
use super::v;
use tempfile::TempDir;

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
