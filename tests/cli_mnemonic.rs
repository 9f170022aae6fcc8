//! `key mnemonic-gen` and `key derive`: the published CIP-1852/1853 vectors byte for byte
//! (tests/data/third-party/key-derivation, provenance in tests/data/README.md), a phrase made
//! and derived, the derived cold key used by `stake-pool id` and `node issue-op-cert`, and bad
//! phrases and paths refused with exact messages and nothing written.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{fails, ok, read, snapshot};
use pool_console::core::encoding::hash::blake2b_224;
use pool_console::core::keys::derive::icarus_master;
use pool_console::core::keys::mnemonic::RecoveryPhrase;
use serde_json::Value;
use tempfile::TempDir;

const POOL_PHRASE: &str = "suit want industry omit this alley april critic pyramid hammer grape tribe kiss thank uncle cry dizzy clip rocket bargain alien alert indoor income";

fn vectors(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/third-party/key-derivation")
        .join(file);
    serde_json::from_slice(&read(&path)).unwrap()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap()
}

/// An envelope's type and payload hex (without the CBOR byte-string header).
fn envelope(path: &Path) -> (String, String) {
    let v: Value = serde_json::from_slice(&read(path)).unwrap();
    let cbor = s(&v["cborHex"]);
    (s(&v["type"]).to_owned(), cbor[4..].to_owned())
}

/// Writes `phrase` to `dir/phrase.txt` and derives `path` into `key.skey` / `key.vkey`.
fn derive(dir: &Path, phrase: &str, path: &str) -> (PathBuf, PathBuf) {
    std::fs::write(dir.join("phrase.txt"), format!("{phrase}\n")).unwrap();
    ok(dir, &derive_args(path, "key.skey", "key.vkey"));
    (dir.join("key.skey"), dir.join("key.vkey"))
}

fn derive_args<'a>(path: &'a str, skey: &'a str, vkey: &'a str) -> Vec<&'a str> {
    vec![
        "key",
        "derive",
        "--mnemonic-file",
        "phrase.txt",
        "--path",
        path,
        "--signing-key-file",
        skey,
        "--verification-key-file",
        vkey,
    ]
}

/// Checks every value a case gives against what `key derive` wrote (or, for the master key
/// and the entropy, against the library). Returns how many values were compared.
fn check_case(case: &Value) -> usize {
    let id = s(&case["id"]);
    let phrase = s(&case["mnemonic"]);
    let expect = &case["expect"];
    let mut checked = 0;
    let parsed = RecoveryPhrase::parse(phrase).unwrap();
    if let Some(entropy) = expect["entropy"].as_str() {
        assert_eq!(hex::encode(parsed.entropy().expose()), entropy, "{id}");
        checked += 1;
    }
    if let Some(root) = expect["root_xprv96"].as_str() {
        let master = icarus_master(parsed.entropy().expose());
        let mut bytes = master.extended_secret_key().to_vec();
        bytes.extend_from_slice(master.chain_code());
        assert_eq!(hex::encode(&bytes), root, "{id}: master key");
        checked += 1;
        if s(&case["path"]) == "m" {
            bytes.splice(64..64, master.public().public_key());
            for (field, want) in [
                ("xprv128", hex::encode(&bytes)),
                ("cc", hex::encode(master.chain_code())),
            ] {
                if let Some(v) = expect[field].as_str() {
                    assert_eq!(v, want, "{id}: master {field}");
                    checked += 1;
                }
            }
        }
    }
    let path = s(&case["path"]);
    if path.split('/').count() < 4 {
        // The master or account key: no key file is written for these (the account's own
        // values are covered by the keys below it).
        return checked;
    }
    let d = TempDir::new().unwrap();
    let (skey, vkey) = derive(d.path(), phrase, path);
    let (skey_type, xprv128) = envelope(&skey);
    let (vkey_type, xpub) = envelope(&vkey);
    let pk = &xpub[..64];
    let mut compare = |field: &str, ours: &str| {
        if let Some(want) = expect[field].as_str() {
            assert_eq!(ours, want, "{id}: {field}");
            checked += 1;
        }
    };
    compare("xprv128", &xprv128);
    compare("xprv96", &format!("{}{}", &xprv128[..128], &xprv128[192..]));
    compare("xpub", &xpub);
    compare("pk", pk);
    compare("cc", &xprv128[192..]);
    compare(
        "key_hash",
        &hex::encode(blake2b_224(&hex::decode(pk).unwrap())),
    );
    if let Some(contract) = case.get("contract") {
        let skey_cbor =
            s(&serde_json::from_slice::<Value>(&read(&skey)).unwrap()["cborHex"]).to_owned();
        let vkey_cbor =
            s(&serde_json::from_slice::<Value>(&read(&vkey)).unwrap()["cborHex"]).to_owned();
        assert_eq!(skey_type, s(&contract["skey_type"]), "{id}");
        assert_eq!(vkey_type, s(&contract["vkey_type"]), "{id}");
        assert_eq!(skey_cbor, s(&contract["skey_cbor"]), "{id}");
        assert_eq!(vkey_cbor, s(&contract["vkey_cbor"]), "{id}");
        checked += 4;
    }
    if let Some(pool_id) = expect["pool_id_bech32"].as_str() {
        let out = ok(
            d.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "key.vkey",
            ],
        );
        assert_eq!(String::from_utf8(out).unwrap().trim(), pool_id, "{id}");
        let hex_id = ok(
            d.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                "key.vkey",
                "--output-hex",
            ],
        );
        assert_eq!(
            String::from_utf8(hex_id).unwrap().trim(),
            s(&expect["pool_id_hex"]),
            "{id}"
        );
        checked += 2;
    }
    checked
}

#[test]
fn cardano_signer_pool_and_payment_keys_byte_for_byte() {
    let v = vectors("cardano-signer.json");
    let cases = v["cases"].as_array().unwrap();
    // The DRep case (role 3) is outside what `key derive` writes; it is refused below.
    let mut checked = 0;
    for case in cases.iter().filter(|c| !s(&c["path"]).contains("/3/")) {
        checked += check_case(case);
    }
    // pool: master, xprv128, pk, 4 contract, 2 ids; snap: xprv128, pk, 4; clap: master too.
    assert_eq!(checked, 9 + 6 + 7);
}

#[test]
fn cips_csl_and_cardano_addresses_vectors() {
    let mut checked = 0;
    for file in ["cips.json", "csl.json", "cardano-addresses.json"] {
        for case in vectors(file)["cases"].as_array().unwrap() {
            let n = check_case(case);
            assert!(n > 0, "{}: nothing compared", s(&case["id"]));
            checked += n;
        }
    }
    // cips 1 + 2; csl 4 + 6 × 2; cardano-addresses 5 × (master + 3 × 6 + key hash).
    assert_eq!(checked, 3 + 16 + 5 * 20);
}

#[test]
fn the_ledger_scheme_is_not_what_we_derive() {
    let v = vectors("cardano-signer.json");
    let counter = &v["counter_examples"][0];
    let d = TempDir::new().unwrap();
    let (skey, _) = derive(d.path(), s(&counter["mnemonic"]), s(&counter["path"]));
    let (_, xprv128) = envelope(&skey);
    assert_ne!(xprv128, s(&counter["expect_not"]["xprv128"]));
    assert!(!xprv128.contains(s(&counter["expect_not"]["pk"])));
}

#[test]
fn a_new_phrase_is_private_never_printed_and_derives() {
    let d = TempDir::new().unwrap();
    for size in ["12", "15", "18", "21", "24"] {
        let name = format!("phrase-{size}.txt");
        let out = common::run_in(
            d.path(),
            &["key", "mnemonic-gen", "--size", size, "--out-file", &name],
        );
        assert!(out.status.success());
        let text = String::from_utf8(read(&d.path().join(&name))).unwrap();
        assert!(text.ends_with('\n'));
        assert_eq!(text.split_whitespace().count().to_string(), size);
        // Nothing of the phrase on either stream.
        assert!(out.stdout.is_empty());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(text.split_whitespace().all(|w| !said.contains(w)), "{said}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(d.path().join(&name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
    // Two phrases are never the same.
    assert_ne!(read(&d.path().join("phrase-24.txt")), {
        ok(
            d.path(),
            &[
                "key",
                "mnemonic-gen",
                "--size",
                "24",
                "--out-file",
                "again.txt",
            ],
        );
        read(&d.path().join("again.txt"))
    });
    std::fs::copy(d.path().join("phrase-12.txt"), d.path().join("phrase.txt")).unwrap();
    ok(
        d.path(),
        &derive_args("1852H/1815H/0H/2/0", "stake.skey", "stake.vkey"),
    );
    let (kind, _) = envelope(&d.path().join("stake.skey"));
    assert_eq!(kind, "StakeExtendedSigningKeyShelley_ed25519_bip32");
    let (kind, _) = envelope(&d.path().join("stake.vkey"));
    assert_eq!(kind, "StakeExtendedVerificationKeyShelley_ed25519_bip32");
    // The same words give the same key again (--force replaces a key of the same kind).
    let first = read(&d.path().join("stake.skey"));
    let mut again = derive_args("1852H/1815H/0H/2/0", "stake.skey", "stake.vkey");
    again.push("--force");
    ok(d.path(), &again);
    assert_eq!(read(&d.path().join("stake.skey")), first);
}

#[test]
fn the_derived_cold_key_issues_an_opcert_and_pool_indexes_differ() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    std::fs::write(p.join("phrase.txt"), POOL_PHRASE).unwrap();
    ok(
        p,
        &derive_args("1853H/1815H/0H/0H", "cold.skey", "cold.vkey"),
    );
    let (_, xpub) = envelope(&p.join("cold.vkey"));
    for command in [
        "node key-gen-KES --verification-key-file kes.vkey --signing-key-file kes.skey",
        "node new-counter --cold-verification-key-file cold.vkey --counter-value 0 --operational-certificate-issue-counter-file cold.counter",
    ] {
        ok(p, &command.split(' ').collect::<Vec<_>>());
    }
    let issue = common::issue_args(&["--allow-distant-kes-period"], "0", "node.opcert");
    ok(p, &issue.iter().map(String::as_str).collect::<Vec<_>>());
    let opcert: Value = serde_json::from_slice(&read(&p.join("node.opcert"))).unwrap();
    let cbor = hex::decode(s(&opcert["cborHex"])).unwrap();
    // 82 84 5820<kes vk> 00 00 5840<signature> 5820<cold public key>
    assert_eq!(
        (&cbor[..4], &cbor[36..40], &cbor[104..106]),
        (
            &[0x82, 0x84, 0x58, 0x20][..],
            &[0, 0, 0x58, 0x40][..],
            &[0x58, 0x20][..]
        )
    );
    let kes_vk = &cbor[4..36];
    let signature: [u8; 64] = cbor[40..104].try_into().unwrap();
    let cold: [u8; 32] = cbor[106..138].try_into().unwrap();
    assert_eq!(hex::encode(cold), &xpub[..64]);
    let mut signed = kes_vk.to_vec();
    signed.extend_from_slice(&[0u8; 16]);
    assert!(pool_console::core::keys::ed25519_verify(
        &cold, &signed, &signature
    ));
    // Pool index 1 is another pool from the same words.
    ok(
        p,
        &derive_args("1853H/1815H/0H/1H", "pool1.skey", "pool1.vkey"),
    );
    let (_, other) = envelope(&p.join("pool1.vkey"));
    assert_ne!(other, xpub);
}

/// Runs a command that must fail; checks the message and that the folder is unchanged.
fn refused(dir: &Path, args: &[&str], message: &str) {
    let before = snapshot(dir);
    let stderr = fails(dir, args);
    let command = format!("{} {}", args[0], args[1]);
    assert_eq!(
        stderr,
        format!("Command failed: {command}\nError: {message}\n")
    );
    assert_eq!(snapshot(dir), before, "{args:?} changed the folder");
    for word in [
        "industry", "industy", "pyramid", "hammer", "bargain", "income",
    ] {
        assert!(!stderr.contains(word), "the phrase shown: {stderr}");
    }
}

fn with_phrase(text: &[u8]) -> TempDir {
    let d = TempDir::new().unwrap();
    std::fs::write(d.path().join("phrase.txt"), text).unwrap();
    std::fs::write(d.path().join("notes.txt"), "keep me\n").unwrap();
    d
}

const COLD: &str = "1853H/1815H/0H/0H";

#[test]
fn bad_phrases_are_named_by_position_and_write_nothing() {
    let words: Vec<&str> = POOL_PHRASE.split(' ').collect();
    let cases: Vec<(String, &str)> = vec![
        (POOL_PHRASE.replace("industry", "industy"), "phrase.txt: word 3 of the recovery phrase is not in the BIP-39 English word list; check its spelling"),
        (POOL_PHRASE.replace("income", "incomes"), "phrase.txt: word 24 of the recovery phrase is not in the BIP-39 English word list; check its spelling"),
        (
            POOL_PHRASE.replace("pyramid hammer", "hammer pyramid"),
            "phrase.txt: the recovery phrase's checksum does not match: a word is wrong or two words are swapped; check every word against where you wrote them down",
        ),
        (words[..23].join(" "), "phrase.txt: holds 23 words; a recovery phrase has 12, 15, 18, 21 or 24 words"),
        (format!("{POOL_PHRASE} income"), "phrase.txt: holds 25 words; a recovery phrase has 12, 15, 18, 21 or 24 words"),
        (words[..11].join(" "), "phrase.txt: holds 11 words; a recovery phrase has 12, 15, 18, 21 or 24 words"),
        ("\n  \n".to_owned(), "phrase.txt: holds no words; it should hold a recovery phrase of 12, 15, 18, 21 or 24 words"),
    ];
    for (text, message) in cases {
        let d = with_phrase(text.as_bytes());
        refused(
            d.path(),
            &derive_args(COLD, "cold.skey", "cold.vkey"),
            message,
        );
    }
    let d = with_phrase(&[0xff, 0xfe, 0x00, 0x9c]);
    refused(
        d.path(),
        &derive_args(COLD, "cold.skey", "cold.vkey"),
        "phrase.txt: is not text; it should hold the words of a recovery phrase",
    );
    let d = TempDir::new().unwrap();
    refused(
        d.path(),
        &derive_args(COLD, "cold.skey", "cold.vkey"),
        "phrase.txt: cannot read the file: no such file",
    );
}

#[test]
fn bad_paths_are_refused_before_the_phrase_is_read() {
    let cases = [
        ("1853H/1815H/0H/0", "the pool index 0 must be hardened: write 0H"),
        ("1853/1815H/0H/0H", "the purpose 1853 must be hardened: write 1853H"),
        ("1852H/1815/0H/2/0", "the coin type 1815 must be hardened: write 1815H"),
        ("1852H/1815H/0/2/0", "the account 0 must be hardened: write 0H"),
        ("1852H/1815H/0H/2H/0", "the role 2H must not be hardened: write 2"),
        ("1852H/1815H/0H/0/5H", "the address index 5H must not be hardened: write 5"),
        ("1852H/1815H/0H/3/0", "role 3 is not a key this tool derives; use role 0 (payment), 1 (change) or 2 (stake)"),
        ("44H/1815H/0H/0/0", "the derivation path starts with 44H; it must start with 1853H (pool cold keys, CIP-1853) or 1852H (stake and payment keys, CIP-1852)"),
        ("1852H/1H/0H/0/0", "the coin type is 1H; Cardano's is 1815H"),
        ("1853H/1815H/0H", "a CIP-1853 path has 4 steps (1853H/1815H/0H/<pool index>H); this one has 3"),
        ("1852H/1815H/0H/2/0/0", "a CIP-1852 path has 5 steps (1852H/1815H/<account>H/<role>/<index>); this one has 6"),
        ("1853H/1815H/0H/zeroH", "step 4 of the derivation path, \"zeroH\", is not a number with an optional H for hardened (such as 1852H or 0)"),
        ("1853H//0H/0H", "step 2 of the derivation path, \"\", is not a number with an optional H for hardened (such as 1852H or 0)"),
        ("1853H/1815H/0H/2147483648H", "step 4 of the derivation path is 2147483648, above the largest index 2147483647"),
        ("m/", "the derivation path is empty; give one such as 1853H/1815H/0H/0H (pool cold key)"),
    ];
    // The phrase file is damaged too: the path is checked first, so the path is what is said.
    let d = with_phrase(b"not a phrase\n");
    for (path, message) in cases {
        refused(
            d.path(),
            &derive_args(path, "key.skey", "key.vkey"),
            message,
        );
    }
}

#[test]
fn phrases_and_keys_are_never_replaced_by_accident() {
    let d = with_phrase(format!("{POOL_PHRASE}\n").as_bytes());
    let p = d.path();
    refused(
        p,
        &["key", "mnemonic-gen", "--size", "24", "--out-file", "phrase.txt"],
        "phrase.txt: the file already exists; it holds a recovery phrase and is not replaced without --force (move it away or pass --force)",
    );
    refused(
        p,
        &["key", "mnemonic-gen", "--size", "24", "--out-file", "notes.txt", "--force"],
        "notes.txt: the file holds data this tool does not recognise; it is never replaced by a recovery phrase, even with --force (move it away or choose another name)",
    );
    refused(
        p,
        &["key", "mnemonic-gen", "--size", "12", "--out-file", "-"],
        "-: a recovery phrase is never written to a terminal or pipe; give a file name",
    );
    refused(
        p,
        &derive_args(COLD, "phrase.txt", "cold.vkey"),
        "phrase.txt: the file holds a recovery phrase; it is never replaced by an extended (BIP32) stake pool cold signing key, even with --force (move it away or choose another name)",
    );
    ok(p, &derive_args(COLD, "cold.skey", "cold.vkey"));
    refused(
        p,
        &derive_args(COLD, "cold.skey", "cold.vkey"),
        "cold.skey: the file already exists; it holds an extended (BIP32) stake pool cold signing key and is not replaced without --force (move it away or pass --force)",
    );
    let mut stake_over_cold = derive_args("1852H/1815H/0H/2/0", "cold.skey", "cold.vkey");
    stake_over_cold.push("--force");
    refused(
        p,
        &stake_over_cold,
        "cold.skey: the file holds an extended (BIP32) stake pool cold signing key; it is never replaced by an extended (BIP32) stake signing key, even with --force (move it away or choose another name)",
    );
}

#[test]
fn a_size_outside_bip39_is_refused_by_the_parser() {
    let d = TempDir::new().unwrap();
    let stderr = fails(
        d.path(),
        &["key", "mnemonic-gen", "--size", "13", "--out-file", "p.txt"],
    );
    assert!(stderr.starts_with("error: invalid value '13' for '--size <WORDS>': a recovery phrase has 12, 15, 18, 21 or 24 words\n"), "{stderr}");
    assert!(snapshot(d.path()).is_empty());
}
