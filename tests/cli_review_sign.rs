//! `review`, `plan` and offline signing from the command line: the plan builds cardano-cli's
//! bytes on any machine, the review names exactly what changed, witnesses verify, and every bad
//! input is explained with nothing written.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::review::{self as fx, ALICE_KEY, BOB_KEY, BOB_SKEY, CERT};
use common::{assert_same_file, ok, read, run_in, snapshot, vector, vector_str as v};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::keys::{accept, KeyKind};
use pool_console::core::transaction::{KeyWitness, TxFile};
use pool_console::platform::load;
use tempfile::TempDir;

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

/// A folder with the registration, its previous version and a plan.
fn desk() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::copy(vector(CERT), dir.path().join("new.cert")).unwrap();
    fx::write_cert(&dir.path().join("old.cert"), &fx::previous_params());
    let plan = fx::plan(70_000_000_000, 30_000_000_000, Some(true));
    std::fs::write(dir.path().join("plan.json"), plan.to_json()).unwrap();
    dir
}

#[test]
fn review_names_exactly_the_changed_fields() {
    let dir = desk();
    let out = text(ok(
        dir.path(),
        &[
            "review",
            "--cert-file",
            "new.cert",
            "--previous-cert-file",
            "old.cert",
            "--plan-file",
            "plan.json",
        ],
    ));
    let changes: Vec<&str> = out
        .split("Changes since the previous registration:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    assert_eq!(
        changes,
        [
            "Pledge: 50\u{a0}000 ADA → 100\u{a0}000 ADA",
            "Owner 2 of 2 (Bob): added (stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3)",
            "Relay 4: added (relay1.example.com:3001 [DNS name (A/AAAA)])",
        ]
    );
    assert!(out
        .contains("Pledge check: declared 100\u{a0}000 ADA, planned 100\u{a0}000 ADA, counting 100\u{a0}000 ADA"));
    assert!(out.contains("Bob is a new owner"), "{out}");
}

#[test]
fn review_json_and_the_owner_check() {
    let dir = desk();
    let json: serde_json::Value = serde_json::from_slice(&ok(
        dir.path(),
        &[
            "review",
            "--cert-file",
            "new.cert",
            "--owner-stake-verification-key-file",
            &v(BOB_KEY),
            "--output-json",
        ],
    ))
    .unwrap();
    let bob = fx::key_hash(BOB_KEY);
    let alice = fx::key_hash(ALICE_KEY);
    let position = if bob < alice { 1 } else { 2 };
    assert_eq!(
        json["owner_check"],
        format!("You are owner {position} of 2.")
    );
    let cbor = TextEnvelope::parse(&read(&vector(CERT))).unwrap();
    assert_eq!(
        json["fingerprint"],
        hex::encode(pool_console::core::encoding::hash::blake2b_256(
            cbor.cbor.expose()
        ))
    );
    assert_eq!(json["fingerprint_words"].as_array().unwrap().len(), 8);
    assert_eq!(
        json["changes"],
        serde_json::Value::Null,
        "no previous, no diff"
    );

    // A stake key that is not an owner: told so, and exit code 1 for scripts.
    let out = run_in(
        dir.path(),
        &[
            "review",
            "--cert-file",
            "new.cert",
            "--owner-stake-verification-key-file",
            &v("input/conway/stake.vkey"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Your key is not an owner of this pool: stake1"),
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("Error: the stake key given is not an owner of this pool"));
}

#[test]
fn the_same_plan_builds_cardano_clis_bytes_in_any_folder() {
    let plan = fx::plan(70_000_000_000, 30_000_000_000, None).to_json();
    let mut built = Vec::new();
    for _ in 0..2 {
        let dir = TempDir::new().unwrap();
        std::fs::write(dir.path().join("plan.json"), &plan).unwrap();
        ok(
            dir.path(),
            &[
                "plan",
                "certificate",
                "--plan-file",
                "plan.json",
                "--out-file",
                "pool.cert",
            ],
        );
        built.push(read(&dir.path().join("pool.cert")));
        assert_same_file(&dir.path().join("pool.cert"), &vector(CERT));
    }
    assert_eq!(built[0], built[1]);
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("plan.json"), &plan).unwrap();
    let out = text(ok(
        dir.path(),
        &["plan", "check", "--plan-file", "plan.json"],
    ));
    assert!(
        out.contains("Owners plan 100\u{a0}000 ADA of the 100\u{a0}000 ADA pledge."),
        "{out}"
    );
}

#[test]
fn a_sign_off_sheet_is_written_with_the_review() {
    let dir = desk();
    ok(
        dir.path(),
        &[
            "review",
            "--cert-file",
            "new.cert",
            "--previous-cert-file",
            "old.cert",
            "--plan-file",
            "plan.json",
            "--out-sign-off-sheet",
            "sheet.html",
        ],
    );
    let html = text(read(&dir.path().join("sheet.html")));
    assert!(html.contains("<li>Pledge: 50\u{a0}000 ADA → 100\u{a0}000 ADA</li>"));
    assert!(html.contains("<td>Alice</td>") && html.contains("<td>Bob</td>"));
}

fn witness_of(path: &std::path::Path) -> KeyWitness {
    KeyWitness::from_envelope(&TextEnvelope::parse(&read(path)).unwrap())
        .unwrap()
        .0
}

#[test]
fn witnesses_from_extended_and_owner_keys_verify() {
    let dir = TempDir::new().unwrap();
    let tx_path = fx::golden_tx(dir.path());
    let tx = TxFile::from_envelope(&TextEnvelope::parse(&read(&tx_path)).unwrap()).unwrap();
    let key = v("input/keys/extended_payment_keys/signing_key");
    ok(
        dir.path(),
        &[
            "transaction",
            "witness",
            "--tx-body-file",
            "tx.raw",
            "--signing-key-file",
            &key,
            "--mainnet",
            "--out-file",
            "ext.witness",
        ],
    );
    let w = witness_of(&dir.path().join("ext.witness"));
    assert!(w.verifies(&tx).unwrap());
    let sk = load::signing_key(std::path::Path::new(&key), accept::WITNESS_SIGNING).unwrap();
    assert_eq!(sk.kind(), KeyKind::PaymentExtendedSigning);
    assert_eq!(w.vkey, sk.verification_key().unwrap().public_key());

    // An owner signs the registration transaction; assembling keeps the body's bytes.
    let reg = fx::registration_tx(dir.path());
    ok(
        dir.path(),
        &[
            "transaction",
            "witness",
            "--tx-body-file",
            "registration.tx",
            "--signing-key-file",
            &v(BOB_SKEY),
            "--mainnet",
            "--out-file",
            "bob.witness",
        ],
    );
    let reg_tx = TxFile::from_envelope(&TextEnvelope::parse(&read(&reg)).unwrap()).unwrap();
    let bob = witness_of(&dir.path().join("bob.witness"));
    assert!(bob.verifies(&reg_tx).unwrap());
    assert_eq!(bob.key_hash(), fx::key_hash(BOB_KEY));
    ok(
        dir.path(),
        &[
            "transaction",
            "assemble",
            "--tx-body-file",
            "registration.tx",
            "--witness-file",
            "bob.witness",
            "--out-file",
            "signed.tx",
        ],
    );
    let signed =
        TxFile::from_envelope(&TextEnvelope::parse(&read(&dir.path().join("signed.tx"))).unwrap())
            .unwrap();
    assert_eq!(signed.body().unwrap(), reg_tx.body().unwrap());
    assert_eq!(signed.key_witnesses().unwrap(), vec![bob]);
}

#[test]
fn assembling_the_golden_pieces_keeps_the_body_bytes() {
    let dir = TempDir::new().unwrap();
    let body_file = v("input/transaction/txbody");
    ok(
        dir.path(),
        &[
            "transaction",
            "assemble",
            "--tx-body-file",
            &body_file,
            "--witness-file",
            &v("input/witness/singleSigningKeyWitness_conway"),
            "--out-file",
            "signed",
        ],
    );
    let before = TxFile::from_envelope(
        &TextEnvelope::parse(&read(std::path::Path::new(&body_file))).unwrap(),
    )
    .unwrap();
    let after =
        TxFile::from_envelope(&TextEnvelope::parse(&read(&dir.path().join("signed"))).unwrap())
            .unwrap();
    assert_eq!(after.body().unwrap(), before.body().unwrap());
    assert_eq!(after.id().unwrap(), before.id().unwrap());
}

#[test]
fn a_bare_body_in_hex_or_binary_is_signed_like_its_envelope() {
    let dir = TempDir::new().unwrap();
    fx::golden_tx(dir.path());
    let body = read(&vector(
        "derived/witness/txbody-signed-by-witness-out.cbor.hex",
    ));
    std::fs::write(dir.path().join("body.hex"), &body).unwrap();
    std::fs::write(
        dir.path().join("body.cbor"),
        hex::decode(String::from_utf8(body).unwrap().trim()).unwrap(),
    )
    .unwrap();
    for input in ["body.hex", "body.cbor"] {
        let out = format!("{input}.witness");
        ok(
            dir.path(),
            &[
                "transaction",
                "witness",
                "--tx-body-file",
                input,
                "--signing-key-file",
                &v("input/conway/payment_signing_key"),
                "--mainnet",
                "--out-file",
                &out,
            ],
        );
        assert_same_file(
            &dir.path().join(out),
            &vector("golden/witness/witness-out.json"),
        );
    }
}

// ------------------------------------------------------------------ bad inputs

/// A folder with the good files plus broken ones.
fn bad_desk() -> TempDir {
    let dir = desk();
    let p = dir.path();
    let write = |name: &str, text: &str| std::fs::write(p.join(name), text).unwrap();
    fx::golden_tx(p);
    fx::registration_tx(p);
    std::fs::copy(
        vector("derived/pool-deregistration/operator-epoch-300.cert"),
        p.join("retire.cert"),
    )
    .unwrap();
    std::fs::copy(vector("input/node-pool/operator.vkey"), p.join("cold.vkey")).unwrap();
    std::fs::copy(
        vector("input/witness/singleSigningKeyWitness_legacy_mary"),
        p.join("mary.witness"),
    )
    .unwrap();
    write("hello.tx", "hello, this is not a transaction");
    let env = |ty: &str, hex: &str| {
        format!("{{\"type\": \"{ty}\", \"description\": \"Ledger Cddl Format\", \"cborHex\": \"{hex}\"}}")
    };
    write("three.tx", &env("Tx ConwayEra", "83a0a0f5"));
    write("arraybody.tx", &env("Tx ConwayEra", "8480a0f5f6"));
    write("truncated.tx", &env("Tx ConwayEra", "84a300"));
    write("nofee.tx", &env("Tx ConwayEra", "84a200d90102800180a0f5f6"));
    let mut other = fx::params();
    other.operator = [7; 28];
    fx::write_cert(&p.join("other-pool.cert"), &other);
    let plan_json = read(&p.join("plan.json"));
    let edit = |name: &str, from: &str, to: &str| {
        let t = String::from_utf8(plan_json.clone()).unwrap();
        assert!(t.contains(from), "{from}");
        std::fs::write(p.join(name), t.replacen(from, to, 1)).unwrap();
    };
    edit(
        "margin.json",
        "\"margin\": \"3/200\"",
        "\"margin\": \"3/2\"",
    );
    edit(
        "margin-pct.json",
        "\"margin_percent\": \"1.5%\"",
        "\"margin_percent\": \"15%\"",
    );
    edit(
        "misspelt.json",
        "\"pledge_ada\": \"100000\"",
        "\"pledge\": \"100000\"",
    );
    edit(
        "testnet.json",
        "\"network\": \"mainnet\"",
        "\"network\": \"preprod\"",
    );
    edit("port.json", "\"port\": 3001", "\"port\": 70000");
    edit(
        "dns.json",
        "relay1.example.com",
        &format!("{}.example.com", "r".repeat(130)),
    );
    edit(
        "pledge.json",
        "\"pledge_ada\": \"70000\"",
        "\"pledge_ada\": \"seventy thousand\"",
    );
    write("notjson.json", "pledge: 100000\n");
    let t = String::from_utf8(plan_json.clone()).unwrap();
    let alice_hash = hex::encode(fx::key_hash(ALICE_KEY));
    let bob_hash = hex::encode(fx::key_hash(BOB_KEY));
    let dup = t.replace(&bob_hash, &alice_hash).replace(
        "\"stake_address\": \"stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3\",",
        "",
    );
    std::fs::write(p.join("dup.json"), dup).unwrap();
    dir
}

#[test]
fn bad_review_plan_and_signing_inputs_are_explained_and_write_nothing() {
    let dir = bad_desk();
    let p = dir.path();
    let pay = v("input/conway/payment_signing_key");
    let witness = |body: &str, key: &str| -> Vec<String> {
        [
            "transaction",
            "witness",
            "--tx-body-file",
            body,
            "--signing-key-file",
            key,
            "--mainnet",
            "--out-file",
            "out",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let assemble = |body: &str, w: &str| -> Vec<String> {
        [
            "transaction",
            "assemble",
            "--tx-body-file",
            body,
            "--witness-file",
            w,
            "--out-file",
            "out",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let review = |extra: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = ["review", "--out-sign-off-sheet", "out"]
            .map(str::to_owned)
            .to_vec();
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let plan = |file: &str| -> Vec<String> {
        [
            "plan",
            "certificate",
            "--plan-file",
            file,
            "--out-file",
            "out",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (witness("hello.tx", &pay), "hello.tx: is neither a transaction file (a text envelope from transaction build-raw or build) nor the CBOR of a transaction or transaction body"),
        (witness("new.cert", &pay), "new.cert: has type \"Certificate\", but a transaction (\"Tx ConwayEra\", as written by transaction build-raw or build) was expected"),
        (witness("three.tx", &pay), "three.tx: is a transaction with 3 parts; [body, witnesses, valid flag, auxiliary data] was expected"),
        (witness("arraybody.tx", &pay), "arraybody.tx: is not a valid transaction"),
        (witness("truncated.tx", &pay), "truncated.tx: is not a valid transaction"),
        (witness("nofee.tx", &pay), "nofee.tx: the transaction body has no fee (field 2); every transaction body needs inputs, outputs and a fee"),
        (witness("tx.raw", &v(BOB_SKEY)), "is not needed by this transaction (it needs no cold or stake key at all, only the payment keys of its inputs)"),
        (witness("registration.tx", &v("input/keys/transaction-sign/node-cold.skey")), "is not needed by this transaction (it needs cold key of pool1"),
        (witness("tx.raw", &v("input/keys/vrf_keys/signing_key")), "is a VRF signing key"),
        (witness("tx.raw", "cold.vkey"), "cold.vkey: is a stake pool cold verification key"),
        (assemble("tx.raw", "bob-nonexistent.witness"), "bob-nonexistent.witness: cannot read the file"),
        (assemble("tx.raw", &v("input/witness/singleSigningKeyWitness_conway")), "is a witness for another transaction: its signature does not verify against this body"),
        (assemble("tx.raw", "cold.vkey"), "but a key witness (\"TxWitness ConwayEra\") was expected"),
        (assemble("tx.raw", "mary.witness"), "is a witness for the Mary era, but the transaction is for the Conway era"),
        (review(&["--cert-file", "retire.cert"]), "retire.cert: is a stake pool retirement certificate, not a stake pool registration"),
        (review(&["--cert-file", "cold.vkey"]), "cold.vkey: has type \"StakePoolVerificationKey_ed25519\", but a certificate (type \"Certificate\") was expected"),
        (review(&["--cert-file", "new.cert", "--previous-cert-file", "other-pool.cert"]), "is the registration of another pool (pool1"),
        (review(&["--cert-file", "new.cert", "--plan-file", "margin.json"]), "margin.json: margin 3/2 is above 1: it is a fraction between 0 and 1 (0.015 means 1.5%)"),
        (review(&["--cert-file", "new.cert", "--owner-stake-address", "stake1notanaddress"]), "--owner-stake-address stake1notanaddress"),
        (review(&["--cert-file", "new.cert", "--owner-stake-verification-key-file", &v("input/keys/extended_payment_keys/verification_key")]), "is an extended (BIP32) payment verification key (PaymentExtendedVerificationKeyShelley_ed25519_bip32), but a stake verification key"),
        (review(&["--cert-file", "new.cert", "--owner-stake-verification-key-file", &v(BOB_SKEY)]), "is a signing key: keep it offline. Load stake.vkey instead, or paste your stake address"),
        (review(&["--cert-file", "new.cert", "--owner-stake-verification-key-file", &v("input/conway/stake.vkey")]), "Error: the stake key given is not an owner of this pool"),
        (plan("margin-pct.json"), "margin-pct.json: margin 3/200 is 1.5%, but margin_percent says 15%: fix one of them"),
        (plan("misspelt.json"), "misspelt.json: is not a pool plan: unknown field `pledge`"),
        (plan("notjson.json"), "notjson.json: is not a pool plan: expected value at line 1 column 1"),
        (plan("testnet.json"), "is a mainnet address, but the plan is for preprod"),
        (plan("port.json"), "relay 1: port 70000 is not between 1 and 65535"),
        (plan("dns.json"), "relay 4: the DNS name is 142 bytes long; the limit is 128 bytes"),
        (plan("pledge.json"), "owner 1 (Alice): pledge_ada: \"seventy thousand\" is not an amount"),
        (plan("dup.json"), "owners Alice and Bob have the same stake key"),
    ];
    assert!(cases.len() >= 20);
    for (args, expected) in &cases {
        let before = snapshot(p);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_in(p, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}\nexpected: {expected}\ngot: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!p.join("out").exists(), "{args:?} wrote its output");
        assert_eq!(snapshot(p), before, "{args:?} changed the folder");
    }
}
