//! Bad-input cases: operational certificates. `node issue-op-cert` with a counter of another
//! cold key, the wrong file kinds and outputs it must not write, `kes expiry` of a damaged
//! opcert; and a counter behind a symbolic link, updated where it lives.

use super::*;

#[test]
fn bad_opcert_inputs() {
    let w = workspace();
    let d = w.path();
    let issue = |cold: &str, counter: &str, out: &str| {
        s(&[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            cold,
            "--operational-certificate-issue-counter-file",
            counter,
            "--kes-period",
            "10",
            "--out-file",
            out,
        ])
    };
    let cmd = "node issue-op-cert";
    case(
        d,
        &issue("other-cold.skey", "gd.counter", "new.opcert"),
        cmd,
        &format!(
            "gd.counter: Key mismatch: the issue counter belongs to cold key {} but the signing key is cold key {}; use the counter made together with this cold key",
            gd_pool_id(),
            cold_pool_id("other-cold.skey", d)
        ),
    );
    case(
        d,
        &issue("cold.vkey", "gd.counter", "new.opcert"),
        cmd,
        "cold.vkey: is a stake pool cold verification key (StakePoolVerificationKey_ed25519), but a stake pool cold signing key (StakePoolSigningKey_ed25519 or StakePoolExtendedSigningKey_ed25519_bip32 or GenesisDelegateSigningKey_ed25519 or GenesisDelegateExtendedSigningKey_ed25519_bip32) is needed here",
    );
    case(
        d,
        &issue("gd.skey", "node.opcert", "new.opcert"),
        cmd,
        "node.opcert: has type \"NodeOperationalCertificate\", but an operational certificate issue counter (NodeOperationalCertificateIssueCounter) was expected",
    );
    case(d, &issue("gd.skey", "gd.counter", "no-such-folder/new.opcert"), cmd, "no-such-folder/new.opcert: cannot write the file: the folder no-such-folder does not exist");
    case(
        d,
        &issue("gd.skey", "gd.counter", "./gd.counter"),
        cmd,
        "gd.counter and ./gd.counter name the same file; give each output its own file",
    );
    case(
        d,
        &issue("gd.skey", "gd.counter", "kes.vkey"),
        cmd,
        "kes.vkey: the file holds a KES verification key; an output never replaces a key or counter file (choose another output name)",
    );
    case(
        d,
        &issue("gd.skey", "gd.counter", "folder"),
        cmd,
        "folder: is a folder; give a file name",
    );
    case(
        d,
        &issue("gd.skey", "gd.counter", "folder/"),
        cmd,
        "folder/: is a folder; give a file name",
    );
    case(
        d,
        &s(&[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key",
            "not-a-key",
            "--cold-signing-key-file",
            "gd.skey",
            "--operational-certificate-issue-counter-file",
            "gd.counter",
            "--kes-period",
            "1",
            "--out-file",
            "x",
        ]),
        cmd,
        "--kes-verification-key \"not-a-key\" is neither a bech32 key nor hexadecimal",
    );
    let expiry = |f: &str| s(&["kes", "expiry", "--op-cert-file", f, "--mainnet"]);
    case(d, &expiry("truncated.opcert"), "kes expiry", "truncated.opcert: is not a valid operational certificate: the CBOR ends early (truncated data) while reading the 32-byte KES verification key");
    case(d, &expiry("gd.counter"), "kes expiry", "gd.counter: has type \"NodeOperationalCertificateIssueCounter\", but an operational certificate (NodeOperationalCertificate) was expected");
}

fn gd_pool_id() -> String {
    let key = pool_console::core::keys::AnyKey::from_file_contents(&read(&vector(
        "input/keys/genesis_delegate_keys/verification_key",
    )))
    .unwrap();
    let pool_console::core::keys::AnyKey::Verification(vk) = key else {
        panic!()
    };
    hex::encode(vk.key_hash())
}

fn cold_pool_id(file: &str, dir: &Path) -> String {
    let key = pool_console::core::keys::AnyKey::from_file_contents(&read(&dir.join(file))).unwrap();
    let pool_console::core::keys::AnyKey::Signing(sk) = key else {
        panic!()
    };
    hex::encode(sk.verification_key().unwrap().key_hash())
}

#[cfg(unix)]
#[test]
fn a_linked_counter_is_updated_where_it_lives() {
    let w = workspace();
    let d = w.path();
    std::fs::create_dir(d.join("usb")).unwrap();
    std::fs::rename(d.join("gd.counter"), d.join("usb/gd.counter")).unwrap();
    std::os::unix::fs::symlink("usb/gd.counter", d.join("gd.counter")).unwrap();
    let out = run_in(
        d,
        &[
            "node",
            "issue-op-cert",
            "--allow-distant-kes-period",
            "--kes-verification-key-file",
            "kes.vkey",
            "--cold-signing-key-file",
            "gd.skey",
            "--operational-certificate-issue-counter-file",
            "gd.counter",
            "--kes-period",
            "0",
            "--out-file",
            "new.opcert",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(d.join("gd.counter"))
        .unwrap()
        .file_type()
        .is_symlink());
    let text = String::from_utf8(read(&d.join("usb/gd.counter"))).unwrap();
    assert!(text.contains("Next certificate issue number: 1"), "{text}");
}
