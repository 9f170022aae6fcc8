//! Bad input: every case fails with exit code 1, names what is wrong, and writes nothing.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{read, run_in, snapshot, vector};
use std::path::Path;
use tempfile::TempDir;

/// A workspace with real inputs under short names, plus a few broken files.
fn workspace() -> TempDir {
    let dir = TempDir::new().unwrap();
    let copy = |from: &str, to: &str| {
        std::fs::copy(vector(from), dir.path().join(to)).unwrap();
    };
    copy("input/node-pool/operator.vkey", "cold.vkey");
    copy("input/node-pool/vrf.vkey", "vrf.vkey");
    copy("input/node-pool/owner.vkey", "owner.vkey");
    copy("input/keys/genesis_delegate_keys/signing_key", "gd.skey");
    copy("derived/opcert/n0-p0/counter-before", "gd.counter");
    copy(
        "input/keys/kes_keys_LEGACY_2020/verification_key",
        "kes.vkey",
    );
    copy(
        "input/metadata/example_stake_pool_metadata.json",
        "meta.json",
    );
    copy("derived/opcert/n0-p0/node.opcert", "node.opcert");
    // A cold key other than the genesis delegate key the counter belongs to.
    write_other_cold(dir.path());
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    let env = |ty: &str, hex: &str| {
        format!("{{\"type\": \"{ty}\", \"description\": \"\", \"cborHex\": \"{hex}\"}}")
    };
    write(
        "truncated.vkey",
        &env("StakePoolVerificationKey_ed25519", "5820abcd"),
    );
    write(
        "short.vkey",
        &env(
            "StakePoolVerificationKey_ed25519",
            &format!("5810{}", "ab".repeat(16)),
        ),
    );
    write(
        "badhex.vkey",
        &env("StakePoolVerificationKey_ed25519", "58zz"),
    );
    write(
        "unknown.vkey",
        &env("MysteryKey_ed25519", &format!("5820{}", "ab".repeat(32))),
    );
    write("hello.vkey", "hello");
    write(
        "truncated.opcert",
        &env("NodeOperationalCertificate", "828458"),
    );
    write("random.bin", "\u{1}\u{2}\u{3}");
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    write("meta-513.json", &" ".repeat(513));
    write(
        "meta-ticker6.json",
        r#"{"name":"n","description":"d","ticker":"TICKER","homepage":"https://x"}"#,
    );
    write(
        "meta-nohome.json",
        r#"{"name":"n","description":"d","ticker":"TICK"}"#,
    );
    write(
        "meta-name51.json",
        &format!(
            r#"{{"name":"{}","description":"d","ticker":"TICK","homepage":"h"}}"#,
            "n".repeat(51)
        ),
    );
    write(
        "meta-desc256.json",
        &format!(
            r#"{{"name":"n","description":"{}","ticker":"TICK","homepage":"h"}}"#,
            "d".repeat(256)
        ),
    );
    write("meta-notjson.json", "name: pool");
    write("existing.skey", "precious key");
    copy("input/transaction/txbody", "tx.raw");
    copy("golden/witness/witness-out.json", "other-tx.witness");
    copy("input/conway/payment_signing_key", "payment.skey");
    write("notcbor.tx", &env("Tx ConwayEra", "ff00"));
    dir
}

fn write_other_cold(dir: &Path) {
    let text = format!(
        "{{\"type\": \"StakePoolSigningKey_ed25519\", \"description\": \"\", \"cborHex\": \"5820{}\"}}",
        "11".repeat(32)
    );
    std::fs::write(dir.join("other-cold.skey"), text).unwrap();
}

/// The registration arguments that are fine, to which a case adds or replaces one thing.
fn registration(extra: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = [
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        "cold.vkey",
        "--vrf-verification-key-file",
        "vrf.vkey",
        "--mainnet",
        "--pool-pledge",
        "1000",
        "--pool-cost",
        "340000000",
        "--pool-reward-account-verification-key-file",
        "owner.vkey",
        "--pool-owner-stake-verification-key-file",
        "owner.vkey",
        "--out-file",
        "pool.cert",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    if !extra.contains(&"--pool-margin") {
        v.extend(["--pool-margin".to_owned(), "0.01".to_owned()]);
    }
    v.extend(extra.iter().map(ToString::to_string));
    v
}

/// Runs a failing case: exit 1, the exact error (after "Error: "), and no file changed.
fn case(dir: &Path, args: &[String], command: &str, message: &str) {
    let before = snapshot(dir);
    let out = run_in(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}\n{stderr}");
    assert_eq!(
        stderr,
        format!("Command failed: {command}\nError: {message}\n"),
        "{args:?}"
    );
    assert_eq!(snapshot(dir), before, "{args:?} changed the folder");
}

/// A case rejected by the argument parser: exit 1, the phrase, nothing written.
fn usage_case(dir: &Path, args: &[String], phrase: &str) {
    let before = snapshot(dir);
    let out = run_in(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}\n{stderr}");
    assert!(stderr.contains(phrase), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"));
    assert_eq!(snapshot(dir), before);
}

fn s(args: &[&str]) -> Vec<String> {
    args.iter().map(ToString::to_string).collect()
}

const REG: &str = "stake-pool registration-certificate";
const COLD_KINDS: &str = "a stake pool cold verification key (StakePoolVerificationKey_ed25519 or StakePoolExtendedVerificationKey_ed25519_bip32)";

#[test]
fn bad_key_files() {
    let w = workspace();
    let d = w.path();
    let id = |file: &str| {
        s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            file,
            "--out-file",
            "id",
        ])
    };
    case(d, &id("vrf.vkey"), "stake-pool id", &format!("vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but {COLD_KINDS} is needed here"));
    case(d, &id("truncated.vkey"), "stake-pool id", "truncated.vkey: key payload is not a CBOR byte string: the CBOR ends early (truncated data) while reading the key bytes");
    case(
        d,
        &id("short.vkey"),
        "stake-pool id",
        "short.vkey: holds a stake pool cold verification key of 16 bytes; it must be 32 bytes",
    );
    case(
        d,
        &id("badhex.vkey"),
        "stake-pool id",
        "badhex.vkey: \"cborHex\" is not valid hexadecimal: Invalid character 'z' at position 2",
    );
    case(
        d,
        &id("unknown.vkey"),
        "stake-pool id",
        "unknown.vkey: has the unknown key type \"MysteryKey_ed25519\"",
    );
    case(d, &id("hello.vkey"), "stake-pool id", "hello.vkey: is not a key file: it is neither a cardano-cli text envelope (JSON) nor a bech32 key");
    case(
        d,
        &id("missing.vkey"),
        "stake-pool id",
        "missing.vkey: cannot read the file: no such file",
    );
    case(
        d,
        &id("folder"),
        "stake-pool id",
        "folder: cannot read the file: it is a folder, not a file",
    );
    case(d, &id("random.bin"), "stake-pool id", "random.bin: is not a key file: it is neither a cardano-cli text envelope (JSON) nor a bech32 key");
    case(
        d,
        &s(&["node", "key-hash-VRF", "--verification-key-file", "kes.vkey"]),
        "node key-hash-VRF",
        "kes.vkey: is a KES verification key (KesVerificationKey_ed25519_kes_2^6), but a VRF verification key (VrfVerificationKey_PraosVRF) is needed here",
    );
}

#[test]
fn bad_registration_values() {
    let w = workspace();
    let d = w.path();
    let margin = |m: &str| registration(&["--pool-margin", m]);
    case(
        d,
        &margin("1.5"),
        REG,
        "--pool-margin: margin 1.5 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)",
    );
    case(d, &margin("abc"), REG, "--pool-margin: margin \"abc\" is not a number: write a decimal such as 0.015 or a fraction such as 3/200");
    case(
        d,
        &margin("1/0"),
        REG,
        "--pool-margin: margin 1/0 divides by zero",
    );
    case(
        d,
        &margin("3/2"),
        REG,
        "--pool-margin: margin 3/2 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)",
    );
    case(
        d,
        &margin("-0.1"),
        REG,
        "--pool-margin: margin -0.1 is negative: it must be between 0 and 1",
    );
    case(
        d,
        &registration(&[
            "--single-host-pool-relay",
            &format!("{}.example.com", "a".repeat(117)),
            "--pool-relay-port",
            "3001",
        ]),
        REG,
        "--single-host-pool-relay: the DNS name is 129 bytes long; the limit is 128 bytes",
    );
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "0"]), REG, "--pool-relay-port: port 0 is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "65536"]), REG, "--pool-relay-port: port 65536 is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)");
    case(
        d,
        &registration(&["--pool-relay-ipv4", "1.2.3.4", "--pool-relay-port", "30o1"]),
        REG,
        "--pool-relay-port: \"30o1\" is not a port number: use a whole number from 1 to 65535",
    );
    case(d, &registration(&["--pool-relay-ipv6", "2001:db8::zz", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv6: \"2001:db8::zz\" is not an IPv6 address: write it in the usual colon form, e.g. 2001:db8::1");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv4: \"1.2.3\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10");
    case(d, &registration(&["--pool-relay-ipv4", "256.1.1.1", "--pool-relay-port", "3001"]), REG, "--pool-relay-ipv4: \"256.1.1.1\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10");
    case(d, &registration(&["--pool-relay-ipv4", "1.2.3.4"]), REG, "the relay 1.2.3.4 has no --pool-relay-port after it (every IP or single-host relay needs one)");
    case(d, &registration(&["--pool-relay-port", "3001"]), REG, "--pool-relay-port 3001 does not belong to a relay: put it after --pool-relay-ipv4, --pool-relay-ipv6 or --single-host-pool-relay");
    case(
        d,
        &registration(&["--single-host-pool-relay", "http://relay.example.com", "--pool-relay-port", "3001"]),
        REG,
        "--single-host-pool-relay: \"http://relay.example.com\" is a URL, not a DNS name: remove \"http://\" and any path, e.g. relay1.example.com",
    );
    case(
        d,
        &registration(&["--multi-host-pool-relay", "relay one.example.com"]),
        REG,
        "--multi-host-pool-relay: \"relay one.example.com\" is not a DNS name: it contains a space",
    );
    let long_url = format!("https://example.com/{}", "u".repeat(109));
    case(
        d,
        &registration(&[
            "--metadata-url",
            &long_url,
            "--metadata-hash",
            &"ab".repeat(32),
        ]),
        REG,
        "--metadata-url: the metadata URL is 129 characters long; the limit is 128 characters",
    );
    case(
        d,
        &registration(&["--metadata-url", "https://x", "--metadata-hash", "abcd"]),
        REG,
        "--metadata-hash: \"abcd\" is not a metadata hash: it must be 64 hexadecimal characters (blake2b-256)",
    );
    usage_case(
        d,
        &registration(&["--metadata-url", "https://x"]),
        "--metadata-hash",
    );
    let mut bad_pledge = registration(&[]);
    let i = bad_pledge.iter().position(|a| a == "1000").unwrap();
    bad_pledge[i] = "100ADA".to_owned();
    usage_case(
        d,
        &bad_pledge,
        "invalid value '100ADA' for '--pool-pledge <LOVELACE>'",
    );
    bad_pledge[i] = "18446744073709551616".to_owned();
    usage_case(d, &bad_pledge, "invalid value '18446744073709551616'");
    case(
        d,
        &registration(&["--validate-relays"]),
        REG,
        "--validate-relays needs the network, and Pool Console works offline: build the certificate without it, and check relays and the hosted metadata from an online machine",
    );
    let long_name = format!("{}.example.com", "r".repeat(58));
    let mut babbage = vec!["babbage".to_owned()];
    babbage.extend(registration(&[
        "--single-host-pool-relay",
        &long_name,
        "--pool-relay-port",
        "3001",
    ]));
    case(
        d,
        &babbage,
        REG,
        &format!("the DNS name {long_name} is 70 bytes; eras before Conway accept at most 64 (leave out the babbage era word for a Conway certificate)"),
    );
    let mut wrong_cold = registration(&[]);
    wrong_cold[3] = "vrf.vkey".to_owned();
    case(d, &wrong_cold, REG, &format!("vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but {COLD_KINDS} is needed here"));
}

#[test]
fn bad_metadata_files() {
    let w = workspace();
    let d = w.path();
    let hash = |f: &str| {
        s(&[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            f,
            "--out-file",
            "hash",
        ])
    };
    let cmd = "stake-pool metadata-hash";
    case(d, &hash("meta-513.json"), cmd, "meta-513.json: Stake pool metadata must consist of at most 512 bytes, but it consists of 513 bytes.");
    case(d, &hash("meta-ticker6.json"), cmd, "meta-ticker6.json: \"ticker\" must have at least 3 and at most 5 characters, but it has 6 characters.");
    case(d, &hash("meta-nohome.json"), cmd, "meta-nohome.json: the metadata has no \"homepage\" field (name, description, ticker and homepage are required, as text)");
    case(
        d,
        &hash("meta-name51.json"),
        cmd,
        "meta-name51.json: \"name\" must have at most 50 characters, but it has 51 characters.",
    );
    case(d, &hash("meta-desc256.json"), cmd, "meta-desc256.json: \"description\" must have at most 255 characters, but it has 256 characters.");
    case(
        d,
        &hash("meta-notjson.json"),
        cmd,
        "meta-notjson.json: the metadata is not a JSON object: expected ident at line 1 column 2",
    );
}

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

#[test]
fn no_silent_overwrite_of_keys_and_counters() {
    let w = workspace();
    let d = w.path();
    case(
        d,
        &s(&["node", "key-gen", "--cold-verification-key-file", "new.vkey", "--cold-signing-key-file", "existing.skey", "--operational-certificate-issue-counter-file", "new.counter"]),
        "node key-gen",
        "existing.skey: the file holds data this tool does not recognise; it is never replaced by a stake pool cold signing key, even with --force (move it away or choose another name)",
    );
    case(
        d,
        &s(&["node", "key-gen-KES", "--verification-key-file", "kes.vkey", "--signing-key-file", "new-kes.skey"]),
        "node key-gen-KES",
        "kes.vkey: the file already exists; it holds a KES verification key and is not replaced without --force (move it away or pass --force)",
    );
    case(
        d,
        &s(&["node", "new-counter", "--cold-verification-key-file", "cold.vkey", "--counter-value", "3", "--operational-certificate-issue-counter-file", "gd.counter"]),
        "node new-counter",
        "gd.counter: the file already exists; it holds an operational certificate issue counter and is not replaced without --force (move it away or pass --force)",
    );
    case(
        d,
        &s(&[
            "stake-address",
            "key-gen",
            "--verification-key-file",
            "same",
            "--signing-key-file",
            "same",
        ]),
        "stake-address key-gen",
        "same: the same file is named twice for different outputs",
    );
    case(
        d,
        &s(&[
            "node",
            "key-gen",
            "--cold-verification-key-file",
            "a.vkey",
            "--cold-signing-key-file",
            "./a.skey",
            "--operational-certificate-issue-counter-file",
            "a.skey",
        ]),
        "node key-gen",
        "a.skey and ./a.skey name the same file; give each output its own file",
    );
    case(
        d,
        &s(&["stake-pool", "id", "--cold-verification-key-file", "cold.vkey", "--out-file", "gd.skey"]),
        "stake-pool id",
        "gd.skey: the file holds a genesis delegate signing key; an output never replaces a key or counter file (choose another output name)",
    );
    // --force lifts only the "same kind" confirmation: a file it does not recognise stays.
    case(
        d,
        &s(&["node", "key-gen-VRF", "--verification-key-file", "v", "--signing-key-file", "existing.skey", "--force"]),
        "node key-gen-VRF",
        "existing.skey: the file holds data this tool does not recognise; it is never replaced by a VRF signing key, even with --force (move it away or choose another name)",
    );
    assert_eq!(read(&d.join("existing.skey")), b"precious key");
}

#[test]
fn bad_stake_address_inputs() {
    let w = workspace();
    let d = w.path();
    case(
        d,
        &s(&["stake-address", "registration-certificate", "--stake-verification-key-file", "owner.vkey", "--out-file", "r.cert"]),
        "stake-address registration-certificate",
        "stake-address registration-certificate: --key-reg-deposit-amt is required from Conway on (the current key deposit, e.g. 2000000 lovelace)",
    );
    case(
        d,
        &s(&["stake-address", "registration-certificate", "--stake-address", "stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklam", "--key-reg-deposit-amt", "2000000", "--out-file", "r.cert"]),
        "stake-address registration-certificate",
        "--stake-address \"stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklam\" is not valid bech32: invalid checksum",
    );
    case(
        d,
        &s(&["stake-address", "registration-certificate", "--stake-address", "pool1gyj2ps463fa6qkpyk00j8acx58ytxgu5g643vuy6apd2zmszdzp", "--key-reg-deposit-amt", "2000000", "--out-file", "r.cert"]),
        "stake-address registration-certificate",
        "--stake-address \"pool1gyj2ps463fa6qkpyk00j8acx58ytxgu5g643vuy6apd2zmszdzp\" has the bech32 prefix \"pool\", but \"stake or stake_test\" was expected",
    );
    case(
        d,
        &s(&["stake-address", "stake-delegation-certificate", "--stake-verification-key-file", "owner.vkey", "--stake-pool-id", "abcd", "--out-file", "d.cert"]),
        "stake-address stake-delegation-certificate",
        "--stake-pool-id \"abcd\" is 2 bytes; a pool id is 28 bytes (56 hex characters or pool1… bech32)",
    );
    case(
        d,
        &s(&[
            "stake-address",
            "build",
            "--stake-key-hash",
            "abcd",
            "--mainnet",
        ]),
        "stake-address build",
        "--stake-key-hash \"abcd\" is 2 bytes; a key hash is 28 bytes (56 hex characters)",
    );
}

#[test]
fn bad_clock_inputs() {
    let w = workspace();
    let d = w.path();
    case(
        d,
        &s(&["kes", "period", "--mainnet", "--at", "yesterday"]),
        "kes period",
        "--at: \"yesterday\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input",
    );
    case(
        d,
        &s(&["kes", "period", "--testnet-magic", "42"]),
        "kes period",
        "--testnet-magic 42 is not a public network this tool knows (1 preprod, 2 preview): give --shelley-genesis-file and --byron-genesis-file instead",
    );
    case(
        d,
        &s(&["kes", "period", "--mainnet", "--at", "2017-01-01T00:00:00Z"]),
        "kes period",
        "2017-01-01T00:00:00Z is before the network started (2017-09-23T21:44:51Z)",
    );
    case(d, &s(&["inspect", "random.bin"]), "inspect", "random.bin: is not a file this tool knows: not a text envelope, a bech32 key or pool metadata JSON");
}

#[test]
fn bad_transaction_inputs() {
    let w = workspace();
    let d = w.path();
    case(
        d,
        &s(&["transaction", "witness", "--tx-body-file", "tx.raw", "--signing-key-file", "vrf.vkey", "--out-file", "w"]),
        "transaction witness",
        "vrf.vkey: is a VRF verification key (VrfVerificationKey_PraosVRF), but a signing key that can witness a transaction (payment, stake, stake pool cold, genesis delegate or DRep; plain or extended) is needed here",
    );
    case(
        d,
        &s(&["transaction", "witness", "--tx-body-file", "cold.vkey", "--signing-key-file", "payment.skey", "--out-file", "w"]),
        "transaction witness",
        "cold.vkey: has type \"StakePoolVerificationKey_ed25519\", but a transaction (\"Tx ConwayEra\", as written by transaction build-raw or build) was expected",
    );
    case(
        d,
        &s(&["transaction", "witness", "--tx-body-file", "notcbor.tx", "--signing-key-file", "payment.skey", "--out-file", "w"]),
        "transaction witness",
        "notcbor.tx: is not a valid transaction: expected a transaction at byte 0 of the CBOR, found a break marker",
    );
    case(
        d,
        &s(&["transaction", "assemble", "--tx-body-file", "tx.raw", "--witness-file", "other-tx.witness", "--out-file", "signed"]),
        "transaction assemble",
        "other-tx.witness: is a witness for another transaction: its signature does not verify against this body",
    );
    case(
        d,
        &s(&["transaction", "assemble", "--tx-body-file", "tx.raw", "--witness-file", "gd.counter", "--out-file", "signed"]),
        "transaction assemble",
        "gd.counter: has type \"NodeOperationalCertificateIssueCounter\", but a key witness (\"TxWitness ConwayEra\") was expected",
    );
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

// Cases added for key safety (issue 10), one file per area so they stay readable.
#[path = "bad_inputs/keys.rs"]
mod keys;
#[path = "bad_inputs/reads.rs"]
mod reads;
#[path = "bad_inputs/secrets.rs"]
mod secrets;
#[path = "bad_inputs/writes.rs"]
mod writes;
