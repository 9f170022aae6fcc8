//! Transactions as wallets and libraries write them: indefinite-length maps and arrays in the
//! body, in an output, in a datum and in the witness set. Each is witnessed and assembled, and
//! the signature is checked over the body bytes exactly as given.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

mod common;

use common::wallet_tx::{auxiliary_data, body, envelope, transaction, unhex, witness_set};
use common::{ok, read, vector_str};
use ed25519_dalek::{Signature, Verifier, VerifyingKey};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::encoding::hash::blake2b_256;
use pool_console::core::transaction::view::decode_body;
use pool_console::core::transaction::{KeyWitness, TxFile};
use tempfile::TempDir;

const PAYMENT_KEY: &str = "input/keys/extended_payment_keys/signing_key";

fn tx_file(path: &std::path::Path) -> TxFile {
    TxFile::from_envelope(&TextEnvelope::parse(&read(path)).unwrap()).unwrap()
}

fn witness_of(path: &std::path::Path) -> KeyWitness {
    KeyWitness::from_envelope(&TextEnvelope::parse(&read(path)).unwrap())
        .unwrap()
        .0
}

/// The witness's signature, checked by ed25519-dalek over blake2b-256 of `body` as given.
fn signs_exactly(w: &KeyWitness, body: &[u8]) -> bool {
    let key = VerifyingKey::from_bytes(&w.vkey).unwrap();
    key.verify(&blake2b_256(body), &Signature::from_bytes(&w.signature))
        .is_ok()
}

fn witness(dir: &std::path::Path, tx: &str, out: &str) -> KeyWitness {
    let key = vector_str(PAYMENT_KEY);
    let args = [
        "transaction",
        "witness",
        "--tx-body-file",
        tx,
        "--signing-key-file",
        &key,
        "--mainnet",
        "--out-file",
        out,
    ];
    let output = common::run_in(dir, &args);
    assert!(output.status.success(), "{output:?}");
    // The body is read, so the key is checked against it: no "signing without checking".
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    witness_of(&dir.join(out))
}

#[test]
fn the_body_view_reads_indefinite_maps_arrays_and_a_chunked_datum() {
    let view = decode_body(&body()).unwrap();
    assert_eq!(view.inputs.len(), 1);
    assert_eq!(view.inputs[0].tx_id, [0x11; 32]);
    assert_eq!(view.outputs.len(), 1);
    assert_eq!(view.outputs[0].lovelace, 1_000_000);
    assert!(view.outputs[0].has_datum);
    assert_eq!(view.fee, 170_000);
    assert_eq!(view.fields, vec![0, 1, 2]);
}

#[test]
fn witness_and_assemble_keep_the_exact_body_and_sign_it() {
    let dir = TempDir::new().unwrap();
    let p = dir.path();
    let tx = transaction(&witness_set());
    std::fs::write(p.join("wallet.tx"), envelope(&tx)).unwrap();

    let w = witness(p, "wallet.tx", "pay.witness");
    assert!(signs_exactly(&w, &body()));
    assert_eq!(
        tx_file(&p.join("wallet.tx")).id().unwrap(),
        blake2b_256(&body())
    );

    ok(
        p,
        &[
            "transaction",
            "assemble",
            "--tx-body-file",
            "wallet.tx",
            "--witness-file",
            "pay.witness",
            "--out-file",
            "signed.tx",
        ],
    );
    let signed = tx_file(&p.join("signed.tx"));
    // [body as given, {0: 258([witness]), 1: script entry as given}, true, aux data as given]
    let mut expected = vec![0x84];
    expected.extend(body());
    expected.extend(unhex("a2 00 d90102 81 82 5820"));
    expected.extend(w.vkey);
    expected.extend(unhex("5840"));
    expected.extend(w.signature);
    expected.push(0x01);
    expected.extend(unhex(&format!("9f 82 00 581c {} ff", "33".repeat(28))));
    expected.push(0xf5);
    expected.extend(auxiliary_data());
    assert_eq!(hex::encode(&signed.cbor), hex::encode(&expected));
    assert_eq!(signed.body().unwrap(), body().as_slice());
    assert_eq!(signed.key_witnesses().unwrap(), vec![w]);
}

#[test]
fn key_witnesses_already_in_an_indefinite_set_are_kept_and_checked() {
    let dir = TempDir::new().unwrap();
    let p = dir.path();
    std::fs::write(p.join("wallet.tx"), envelope(&transaction(&witness_set()))).unwrap();
    let first = witness(p, "wallet.tx", "pay.witness");

    // The wallet already put the witness in: {_ 0: 258([_ [_ vkey, sig]])}.
    let mut set = unhex("bf 00 d90102 9f 9f 5820");
    set.extend(first.vkey);
    set.extend(unhex("5840"));
    set.extend(first.signature);
    set.extend(unhex("ff ff ff"));
    std::fs::write(p.join("partly.tx"), envelope(&transaction(&set))).unwrap();
    let partly = tx_file(&p.join("partly.tx"));
    assert_eq!(partly.key_witnesses().unwrap(), vec![first]);

    // Signing it again with the same key and assembling leaves one witness, the body intact.
    let again = witness(p, "partly.tx", "again.witness");
    assert!(signs_exactly(&again, &body()));
    ok(
        p,
        &[
            "transaction",
            "assemble",
            "--tx-body-file",
            "partly.tx",
            "--witness-file",
            "again.witness",
            "--out-file",
            "signed.tx",
        ],
    );
    let signed = tx_file(&p.join("signed.tx"));
    assert_eq!(signed.body().unwrap(), body().as_slice());
    assert_eq!(signed.key_witnesses().unwrap(), vec![first]);
}

#[test]
fn a_whole_transaction_of_indefinite_length_keeps_its_parts() {
    // [_ body, {}, true, null]: the outer array itself indefinite.
    let mut cbor = vec![0x9f];
    cbor.extend(body());
    cbor.extend(unhex("a0 f5 f6 ff"));
    let tx = TxFile::from_file_contents(&cbor).unwrap();
    assert_eq!(tx.body().unwrap(), body().as_slice());
    let assembled = pool_console::core::transaction::assemble(&tx, &[]).unwrap();
    let mut expected = vec![0x84];
    expected.extend(body());
    expected.extend(unhex("a0 f5 f6"));
    assert_eq!(hex::encode(assembled.cbor), hex::encode(expected));
}
