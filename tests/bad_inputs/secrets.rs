//! Bad-input cases: secrets and terminal escapes (issue 10, "Messages").
//!
//! Every case fails with its exact message and leaves the folder as it was; on top of that,
//! neither stdout nor stderr holds a raw control character (ESC, DEL, C1) or any 16-character
//! piece of the secret that was passed.

use super::*;

const PHRASE_12: &str =
    "abandon ability able about above absent absorb abstract absurd abuse access accident";
const PHRASE_24: &str = "legal winner thank year wave sausage worth useful legal winner thank yellow letter advice cage absurd amount doctor acoustic avoid letter always";
const LONG_HEX: &str = "(long hexadecimal that may be a secret key, not shown)";
const SECRET_KEY: &str = "(a secret key, not shown)";
const PHRASE: &str = "(a recovery phrase, not shown)";
const KPI_HINT: &str = "not the saved output of cardano-cli query kes-period-info: give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N";

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

/// The cborHex of a real signing key (`5820` and the 32-byte seed).
fn signing_cbor_hex() -> String {
    let text = String::from_utf8(read(&vector(
        "input/keys/genesis_delegate_keys/signing_key",
    )))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["cborHex"].as_str().unwrap().to_owned()
}

fn bech32(hrp: &str, byte: u8, len: usize) -> String {
    pool_console::core::encoding::bech32::encode(hrp, &vec![byte; len]).unwrap()
}

fn stake_sk() -> String {
    bech32("stake_sk", 0x42, 32)
}

/// Runs a failing case: exit 1, the exact error, no file changed, nothing secret or raw.
fn checked(dir: &Path, args: &[String], command: &str, message: &str, hidden: &[&str]) {
    let before = snapshot(dir);
    let out = run_in(dir, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}\n{stderr}");
    assert_eq!(
        stderr,
        format!("Command failed: {command}\nError: {message}\n"),
        "{args:?}"
    );
    assert_eq!(snapshot(dir), before, "{args:?} changed the folder");
    for text in [&stdout, &stderr] {
        assert_clean(text, hidden);
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

fn pool_id(key: &str) -> Vec<String> {
    s(&[
        "stake-pool",
        "id",
        "--stake-pool-verification-key",
        key,
        "--out-file",
        "id",
    ])
}

fn key_hash(key: &str) -> Vec<String> {
    s(&["stake-address", "key-hash", "--stake-verification-key", key])
}

fn build(hash: &str) -> Vec<String> {
    s(&[
        "stake-address",
        "build",
        "--stake-key-hash",
        hash,
        "--mainnet",
    ])
}

fn expected_hash(hash: &str) -> Vec<String> {
    s(&[
        "stake-pool",
        "metadata-hash",
        "--pool-metadata-file",
        "meta.json",
        "--expected-hash",
        hash,
    ])
}

fn kes_check(info: &str) -> Vec<String> {
    s(&[
        "kes",
        "check",
        "--kes-signing-key-file",
        "kes.skey",
        "--op-cert-file",
        "node.opcert",
        "--cold-verification-key-file",
        "gd.vkey",
        "--mainnet",
        "--kes-period-info-file",
        info,
    ])
}

const ID: &str = "stake-pool id";
const KEY_HASH: &str = "stake-address key-hash";
const BUILD: &str = "stake-address build";
const META: &str = "stake-pool metadata-hash";
const REG_CERT: &str = "stake-address registration-certificate";

#[test]
fn secrets_pasted_as_keys_are_never_repeated() {
    let w = secrets_workspace();
    let d = w.path();
    let cbor = signing_cbor_hex();
    let not_key = |flag: &str, shown: &str| {
        format!("--{flag} {shown} is neither a bech32 key nor hexadecimal")
    };
    let pool_key = "stake-pool-verification-key";
    // A signing key's cborHex with a stray quote on either side.
    let quoted = format!("{cbor}\"");
    checked(
        d,
        &pool_id(&quoted),
        ID,
        &not_key(pool_key, LONG_HEX),
        &[&cbor],
    );
    let quoted = format!("\"{cbor}");
    checked(
        d,
        &pool_id(&quoted),
        ID,
        &not_key(pool_key, LONG_HEX),
        &[&cbor],
    );
    let quoted = format!("'{cbor}'");
    let stake_key = "stake-verification-key";
    checked(
        d,
        &key_hash(&quoted),
        KEY_HASH,
        &not_key(stake_key, LONG_HEX),
        &[&cbor],
    );
    // Recovery phrases, 12 and 24 words.
    checked(
        d,
        &key_hash(PHRASE_12),
        KEY_HASH,
        &not_key(stake_key, PHRASE),
        &[PHRASE_12],
    );
    checked(
        d,
        &pool_id(PHRASE_24),
        ID,
        &not_key(pool_key, PHRASE),
        &[PHRASE_24],
    );
    // A whole signing key file pasted as the key.
    let envelope = String::from_utf8(read(&d.join("cold.skey"))).unwrap();
    let shown = "(a signing key file's text, not shown)";
    checked(
        d,
        &pool_id(&envelope),
        ID,
        &not_key(pool_key, shown),
        &[&envelope],
    );
    // Bech32 secret keys: a mistyped one is hidden; a valid one names only its prefix.
    let mut addr_xsk = bech32("addr_xsk", 0x43, 96);
    addr_xsk.pop();
    addr_xsk.push('q');
    checked(
        d,
        &key_hash(&addr_xsk),
        KEY_HASH,
        &not_key(stake_key, SECRET_KEY),
        &[&addr_xsk],
    );
    let root_xsk = bech32("root_xsk", 0x44, 96);
    checked(d, &pool_id(&root_xsk), ID, &format!("--{pool_key} has the bech32 prefix \"root_xsk\", which is not a key or id prefix this tool knows"), &[&root_xsk]);
    let xprv = bech32("xprv", 0x45, 96);
    checked(d, &pool_id(&xprv), ID, &format!("--{pool_key} has the bech32 prefix \"xprv\", which is not a key or id prefix this tool knows"), &[&xprv]);
    let mut xprv_typo = xprv.clone();
    xprv_typo.insert(20, '"');
    checked(
        d,
        &pool_id(&xprv_typo),
        ID,
        &not_key(pool_key, SECRET_KEY),
        &[&xprv],
    );
}

#[test]
fn secrets_in_hashes_and_addresses_are_never_repeated() {
    let w = secrets_workspace();
    let d = w.path();
    let cbor = signing_cbor_hex();
    let seed = &cbor[4..];
    let sk = stake_sk();
    // A key hash is 56 hex digits; 64 or 128 may be a secret key.
    checked(
        d,
        &build(seed),
        BUILD,
        &format!(
            "--stake-key-hash {LONG_HEX} is 32 bytes; a key hash is 28 bytes (56 hex characters)"
        ),
        &[seed],
    );
    let extended = format!("{seed}{seed}");
    checked(
        d,
        &build(&extended),
        BUILD,
        &format!(
            "--stake-key-hash {LONG_HEX} is 64 bytes; a key hash is 28 bytes (56 hex characters)"
        ),
        &[&extended],
    );
    let quoted = format!("{cbor}\"");
    checked(
        d,
        &build(&quoted),
        BUILD,
        &format!("--stake-key-hash {LONG_HEX} is not hexadecimal (56 characters expected)"),
        &[&cbor],
    );
    // A stake signing key where the stake address belongs: valid, or mistyped.
    let reg = |addr: &str| {
        s(&[
            "stake-address",
            "registration-certificate",
            "--stake-address",
            addr,
            "--key-reg-deposit-amt",
            "2000000",
            "--out-file",
            "r.cert",
        ])
    };
    checked(d, &reg(&sk), REG_CERT, &format!("--stake-address {SECRET_KEY} has the bech32 prefix \"stake_sk\", but \"stake or stake_test\" was expected"), &[&sk]);
    let mut typo = sk.clone();
    typo.pop();
    typo.push(if sk.ends_with('q') { 'p' } else { 'q' });
    checked(
        d,
        &reg(&typo),
        REG_CERT,
        &format!("--stake-address {SECRET_KEY} is not valid bech32: invalid checksum"),
        &[&sk],
    );
    checked(
        d,
        &reg(&cbor),
        REG_CERT,
        &format!("--stake-address {LONG_HEX} is not valid bech32: invalid checksum"),
        &[&cbor],
    );
    checked(
        d,
        &s(&["review", "--cert-file", "pool.cert", "--owner-stake-address", &sk]),
        "review",
        &format!("--owner-stake-address {SECRET_KEY} has the bech32 prefix \"stake_sk\", but \"stake or stake_test\" was expected"),
        &[&sk],
    );
    // Pool ids, DRep key hashes and metadata hashes.
    checked(
        d,
        &s(&["stake-address", "stake-delegation-certificate", "--stake-verification-key-file", "owner.vkey", "--stake-pool-id", &cbor, "--out-file", "d.cert"]),
        "stake-address stake-delegation-certificate",
        &format!("--stake-pool-id {LONG_HEX} is 34 bytes; a pool id is 28 bytes (56 hex characters or pool1… bech32)"),
        &[&cbor],
    );
    checked(
        d,
        &s(&[
            "stake-address",
            "vote-delegation-certificate",
            "--stake-verification-key-file",
            "owner.vkey",
            "--drep-key-hash",
            &extended,
            "--out-file",
            "v.cert",
        ]),
        "stake-address vote-delegation-certificate",
        &format!("--drep-key-hash {LONG_HEX} is not a 28-byte hash"),
        &[&extended],
    );
    checked(
        d,
        &registration(&["--metadata-url", "https://x", "--metadata-hash", &cbor]),
        REG,
        &format!("--metadata-hash: {LONG_HEX} is not a metadata hash: it must be 64 hexadecimal characters (blake2b-256)"),
        &[&cbor],
    );
}

#[test]
fn secrets_given_as_the_expected_hash_are_never_repeated() {
    let w = secrets_workspace();
    let d = w.path();
    let out = run_in(
        d,
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            "meta.json",
        ],
    );
    let actual = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let mismatch =
        |shown: &str| format!("Hashes do not match!\nExpected: {shown}\n  Actual: \"{actual}\"");
    let cbor = signing_cbor_hex();
    checked(
        d,
        &expected_hash(&cbor),
        META,
        &mismatch(LONG_HEX),
        &[&cbor],
    );
    let sk = stake_sk();
    checked(d, &expected_hash(&sk), META, &mismatch(SECRET_KEY), &[&sk]);
    checked(
        d,
        &expected_hash(PHRASE_24),
        META,
        &mismatch(PHRASE),
        &[PHRASE_24],
    );
    // A wrong hash of the right length is no secret: it is shown, as cardano-cli does.
    let wrong = "ab".repeat(32);
    checked(
        d,
        &expected_hash(&wrong),
        META,
        &mismatch(&format!("\"{wrong}\"")),
        &[],
    );
}

#[test]
fn a_key_given_as_kes_period_info_is_named_not_shown() {
    let w = secrets_workspace();
    let d = w.path();
    let cold_hex = format!("5820{}", "11".repeat(32));
    checked(
        d,
        &kes_check("cold.skey"),
        "kes check",
        &format!(
            "cold.skey: is a stake pool cold signing key (StakePoolSigningKey_ed25519), {KPI_HINT}"
        ),
        &[&cold_hex],
    );
    let sk = stake_sk();
    checked(
        d,
        &kes_check("sk.txt"),
        "kes check",
        &format!("sk.txt: is a stake signing key (StakeSigningKeyShelley_ed25519), {KPI_HINT}"),
        &[&sk],
    );
    checked(d, &kes_check("phrase.txt"), "kes check", &format!("phrase.txt: holds what looks like a secret (a signing key or a recovery phrase; not shown), {KPI_HINT}"), &[PHRASE_24]);
    checked(d, &kes_check("meta-notjson.json"), "kes check", "meta-notjson.json: holds neither an issue number nor the JSON output of cardano-cli query kes-period-info: give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N", &["name: pool"]);
}

#[test]
fn escapes_in_input_are_shown_escaped() {
    let w = secrets_workspace();
    let d = w.path();
    let relay = |flag: &str, host: &str| registration(&[flag, host, "--pool-relay-port", "3001"]);
    checked(
        d,
        &relay("--single-host-pool-relay", "relay\u{1b}[1A\u{1b}[2K.example.com"),
        REG,
        "--single-host-pool-relay: \"relay\\x1b[1A\\x1b[2K.example.com\" is not a DNS name: it contains the character '\\x1b'",
        &[],
    );
    checked(
        d,
        &registration(&["--multi-host-pool-relay", "relay\u{7f}.example.com"]),
        REG,
        "--multi-host-pool-relay: \"relay\\x7f.example.com\" is not a DNS name: it contains the character '\\x7f'",
        &[],
    );
    checked(
        d,
        &relay("--single-host-pool-relay", "relay\u{9b}2K.example.com"),
        REG,
        "--single-host-pool-relay: \"relay\\u{9b}2K.example.com\" is not a DNS name: it contains the character '\\u{9b}'",
        &[],
    );
    checked(
        d,
        &relay("--pool-relay-ipv4", "1.2.3.4\u{1b}[2K"),
        REG,
        "--pool-relay-ipv4: \"1.2.3.4\\x1b[2K\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10",
        &[],
    );
    checked(
        d,
        &registration(&["--pool-margin", "0.01\u{1b}[2K"]),
        REG,
        "--pool-margin: margin \"0.01\\x1b[2K\" is not a number: write a decimal such as 0.015 or a fraction such as 3/200",
        &[],
    );
    checked(
        d,
        &key_hash("stake_vk1\u{1b}[2K"),
        KEY_HASH,
        "--stake-verification-key \"stake_vk1\\x1b[2K\" is neither a bech32 key nor hexadecimal",
        &[],
    );
    checked(
        d,
        &s(&["kes", "period", "--mainnet", "--at", "2026\u{1b}[2K"]),
        "kes period",
        "--at: \"2026\\x1b[2K\" is not an RFC 3339 time like 2026-11-21T12:00:00Z: premature end of input",
        &[],
    );
    checked(
        d,
        &s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "cold.vkey",
            "--output-format",
            "hex\u{1b}[2K",
        ]),
        ID,
        "--output-format \"hex\\x1b[2K\" is not a format: use \"hex\" or \"bech32\"",
        &[],
    );
    // A file name holding an escape: named, escaped.
    checked(
        d,
        &s(&[
            "stake-pool",
            "id",
            "--cold-verification-key-file",
            "missing\u{1b}[2K.vkey",
            "--out-file",
            "id",
        ]),
        ID,
        "missing\\x1b[2K.vkey: cannot read the file: no such file",
        &[],
    );
    // A very long input keeps its start and no more (not hex: 64 hex digits would be hidden).
    let long = "9.".repeat(100);
    checked(
        d,
        &relay("--pool-relay-ipv4", &long),
        REG,
        &format!("--pool-relay-ipv4: \"{}…\" is not an IPv4 address: write four numbers from 0 to 255 separated by dots, e.g. 203.0.113.10", "9.".repeat(30)),
        &[],
    );
}

#[test]
fn escapes_in_files_are_shown_escaped() {
    let w = secrets_workspace();
    let d = w.path();
    checked(
        d,
        &s(&["stake-pool", "metadata-hash", "--pool-metadata-file", "meta-esc.json"]),
        META,
        "meta-esc.json: \"ticker\" must have at least 3 and at most 5 characters, but it has 7 characters.",
        &[],
    );
    checked(
        d,
        &s(&["plan", "check", "--plan-file", "plan-esc.json"]),
        "plan check",
        "plan-esc.json: owner 1 (\\x1b[1A\\x1b[2KAlice): pledge_ada: \"lots\" is not an amount: use digits, an optional decimal point and up to 6 decimals",
        &[],
    );
    let stake_address = "stake1u\u{1b}[1Ayehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5gh6ffgw";
    checked(
        d,
        &s(&["stake-address", "registration-certificate", "--stake-address", stake_address, "--key-reg-deposit-amt", "2000000", "--out-file", "r.cert"]),
        REG_CERT,
        "--stake-address \"stake1u\\x1b[1Ayehkck0lajq8gr28t9uxnuvgcqrc6070x3k9r8048z8y5g…\" is not valid bech32: parse failed",
        &[],
    );
    // A usage error from the argument parser echoes the value: clap drops escape sequences
    // and DEL itself, and what it keeps (C1) is escaped on the way out.
    let mut pledge = registration(&[]);
    let i = pledge.iter().position(|a| a == "1000").unwrap();
    pledge[i] = "10\u{1b}[2K\u{7f}".to_owned();
    usage_case(
        d,
        &pledge,
        "invalid value '10' for '--pool-pledge <LOVELACE>'",
    );
    let magic = s(&["kes", "period", "--testnet-magic", "1\u{9b}2K"]);
    usage_case(
        d,
        &magic,
        "invalid value '1\\u{9b}2K' for '--testnet-magic <NATURAL>'",
    );
    for args in [pledge, magic] {
        let out = run_in(d, &args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_clean(&String::from_utf8_lossy(&out.stderr), &[]);
    }
}

#[test]
fn a_valid_secret_key_where_a_verification_key_belongs_is_refused() {
    let w = secrets_workspace();
    let d = w.path();
    let sk = stake_sk();
    let pool_sk = bech32("pool_sk", 0x42, 32);
    let then = "(its text is not shown); give the verification key instead, and remove the secret from your shell history";
    checked(
        d,
        &key_hash(&sk),
        "stake-address key-hash",
        &format!("--stake-verification-key is a stake signing key {then}"),
        &[&sk],
    );
    checked(
        d,
        &pool_id(&pool_sk),
        "stake-pool id",
        &format!("--stake-pool-verification-key is a stake pool cold signing key {then}"),
        &[&pool_sk],
    );
}
