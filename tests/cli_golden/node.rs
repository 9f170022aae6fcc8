//! Golden and derived vectors of `node`: `issue-op-cert`, `new-counter` and `key-hash-VRF`.

use super::common::{assert_same_file, ok, read, vector};
use super::v;
use tempfile::TempDir;

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
