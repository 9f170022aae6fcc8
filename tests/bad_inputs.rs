//! Bad input: every case fails with exit code 1, names what is wrong, and writes nothing.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{read, run_in, snapshot, vector};
use std::path::Path;
use std::process::Output;
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

/// Runs a failing case: exit 1, the exact error (after "Error: "), and no file changed; returns
/// what the command printed.
fn case(dir: &Path, args: &[String], command: &str, message: &str) -> Output {
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
    out
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

// Shared by the secrets and escapes cases (and ID by writes): the commands they name, a
// workspace holding secrets and escapes, and the check that nothing secret or raw is printed.

const ID: &str = "stake-pool id";
const KEY_HASH: &str = "stake-address key-hash";
const META: &str = "stake-pool metadata-hash";
const REG_CERT: &str = "stake-address registration-certificate";
const PHRASE_24: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow letter advice cage absurd amount doctor acoustic avoid letter always";

/// The workspace of the other cases, plus a pool signing key, a new KES signing key, the cold key
/// of node.opcert, secrets saved as text, a metadata file and a plan holding escapes, and a
/// registration certificate to review.
fn secrets_workspace() -> TempDir {
    let w = workspace();
    let d = w.path();
    std::fs::copy(d.join("other-cold.skey"), d.join("cold.skey")).unwrap();
    std::fs::copy(
        vector("input/keys/genesis_delegate_keys/verification_key"),
        d.join("gd.vkey"),
    )
    .unwrap();
    std::fs::write(d.join("phrase.txt"), format!("{PHRASE_24}\n")).unwrap();
    std::fs::write(d.join("sk.txt"), stake_sk()).unwrap();
    std::fs::write(
        d.join("meta-esc.json"),
        r#"{"name":"Pool\u001b[2K","description":"d\u001b[1A\u001b[2K","ticker":"TICKERS","homepage":"https://x"}"#,
    )
    .unwrap();
    std::fs::write(d.join("plan-esc.json"), plan_with_owner_name("lots")).unwrap();
    let kes = [
        "node",
        "key-gen-KES",
        "--verification-key-file",
        "kes2.vkey",
        "--signing-key-file",
        "kes.skey",
    ];
    for args in [registration(&[]), s(&kes)] {
        let out = run_in(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    w
}

/// A pool plan whose only owner is named with a cursor-up and an erase-line escape.
fn plan_with_owner_name(pledge: &str) -> String {
    format!(
        r#"{{"format": "pool-console pool plan", "version": 1, "network": "mainnet",
  "pool_id": "{}", "vrf_key_hash": "{}", "pledge_ada": "100", "cost_ada": "340", "margin": "1/100",
  "reward_account": "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw",
  "owners": [{{"name": "\u001b[1A\u001b[2KAlice", "stake_address": "stake1uyehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw", "pledge_ada": "{pledge}"}}]}}"#,
        "ab".repeat(28),
        "cd".repeat(32)
    )
}

fn bech32(hrp: &str, byte: u8, len: usize) -> String {
    pool_console::core::encoding::bech32::encode(hrp, &vec![byte; len]).unwrap()
}

fn stake_sk() -> String {
    bech32("stake_sk", 0x42, 32)
}

/// Runs a failing case: exit 1, the exact error, no file changed, nothing secret or raw.
fn checked(dir: &Path, args: &[String], command: &str, message: &str, hidden: &[&str]) {
    let out = case(dir, args, command, message);
    for text in [&out.stdout, &out.stderr] {
        assert_clean(&String::from_utf8_lossy(text), hidden);
    }
}

/// No raw control character, and no 16-character piece of any hidden text.
fn assert_clean(text: &str, hidden: &[&str]) {
    assert!(
        !text.contains(['\u{1b}', '\u{7f}', '\u{9b}']),
        "raw control character in {text:?}"
    );
    for secret in hidden {
        let chars: Vec<char> = secret.chars().collect();
        for piece in chars.windows(16.min(chars.len())) {
            let piece: String = piece.iter().collect();
            assert!(!text.contains(&piece), "{piece:?} of a secret in {text:?}");
        }
    }
}

fn key_hash(key: &str) -> Vec<String> {
    s(&["stake-address", "key-hash", "--stake-verification-key", key])
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

// The other cases, one file per area so they stay readable (reads, secrets, escapes, writes
// and the damaged extended keys were added for key safety, issue 10).
#[path = "bad_inputs/aion.rs"]
mod aion;
#[path = "bad_inputs/aion_tx.rs"]
mod aion_tx;
#[path = "bad_inputs/escapes.rs"]
mod escapes;
#[path = "bad_inputs/governance.rs"]
mod governance;
#[path = "bad_inputs/keys.rs"]
mod keys;
#[path = "bad_inputs/opcert.rs"]
mod opcert;
#[path = "bad_inputs/reads.rs"]
mod reads;
#[path = "bad_inputs/registration.rs"]
mod registration;
#[path = "bad_inputs/secrets.rs"]
mod secrets;
#[path = "bad_inputs/writes.rs"]
mod writes;
