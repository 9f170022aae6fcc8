//! Bad-input cases: secrets (issue 10, "Messages").
//!
//! Every case fails with its exact message and leaves the folder as it was; on top of that,
//! neither stdout nor stderr holds a raw control character (ESC, DEL, C1) or any 16-character
//! piece of the secret that was passed.

use super::*;

const PHRASE_12: &str =
    "abandon ability able about above absent absorb abstract absurd abuse access accident";
const LONG_HEX: &str = "(long hexadecimal that may be a secret key, not shown)";
const SECRET_KEY: &str = "(a secret key, not shown)";
const PHRASE: &str = "(a recovery phrase, not shown)";
const KPI_HINT: &str = "not the saved output of cardano-cli query kes-period-info: give the file cardano-cli query kes-period-info --out-file writes (or its printed output saved as is), or --on-chain-counter N";

/// The cborHex of a real signing key (`5820` and the 32-byte seed).
fn signing_cbor_hex() -> String {
    let text = String::from_utf8(read(&vector(
        "input/keys/genesis_delegate_keys/signing_key",
    )))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["cborHex"].as_str().unwrap().to_owned()
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

const BUILD: &str = "stake-address build";

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
