//! Signing votes offline: a body with two votes of one pool needs that pool's cold key, the
//! cold key's witness (plain or CIP-1853 extended) verifies over the body bytes as given, and
//! another pool's cold key is refused.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::review as fx;
use common::{fails, ok, plain_and_extended_cold_keys, read, vector};
use ed25519_dalek::{Signature, VerifyingKey};
use pool_console::core::encoding::cbor::decode_bytes;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::encoding::hash::{blake2b_224, blake2b_256};
use pool_console::core::governance::{GovActionId, VotingProcedures};
use pool_console::core::keys::address::pool_bech32;
use pool_console::core::transaction::view::{decode_body, required_witnesses, Need, Role};
use pool_console::core::transaction::KeyWitness;
use tempfile::TempDir;

fn pool_id(vkey: &Path) -> [u8; 28] {
    let env = TextEnvelope::parse(&read(vkey)).unwrap();
    let key = decode_bytes(env.cbor.expose(), "key").unwrap();
    blake2b_224(&key[..32])
}

fn witness(p: &Path, tx: &str, skey: &str, out: &str) -> Vec<String> {
    vec![
        "transaction".into(),
        "witness".into(),
        "--tx-body-file".into(),
        p.join(tx).display().to_string(),
        "--signing-key-file".into(),
        skey.into(),
        "--out-file".into(),
        out.into(),
    ]
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn two_spo_votes_need_the_cold_key_and_its_witness_verifies_over_the_body() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    plain_and_extended_cold_keys(p);
    for (skey, vkey) in [("cold.skey", "cold.vkey"), ("x.skey", "x.vkey")] {
        let pool = pool_id(&p.join(vkey));
        let body = fx::two_pool_votes_body(pool);
        let view = decode_body(&body).unwrap();
        let words: Vec<String> = view.votes.iter().map(|v| v.words()).collect();
        assert_eq!(words, fx::two_pool_votes_words(&pool));
        assert_eq!(
            required_witnesses(&view),
            [Need {
                key_hash: pool,
                roles: vec![Role::PoolVote { pool }]
            }]
        );
        let tx = format!("{vkey}.tx");
        fx::tx_file(&p.join(&tx), &body);
        let out = format!("{vkey}.witness");
        ok(p, &strs(&witness(p, &tx, skey, &out)));
        let (w, _era) =
            KeyWitness::from_envelope(&TextEnvelope::parse(&read(&p.join(&out))).unwrap()).unwrap();
        assert_eq!(w.key_hash(), pool, "signed by {skey}");
        // ed25519 over blake2b-256 of the body exactly as the file holds it.
        VerifyingKey::from_bytes(&w.vkey)
            .unwrap()
            .verify_strict(&blake2b_256(&body), &Signature::from_bytes(&w.signature))
            .unwrap();
        ok(
            p,
            &[
                "transaction",
                "assemble",
                "--tx-body-file",
                &tx,
                "--witness-file",
                &out,
                "--out-file",
                &format!("{vkey}.signed"),
            ],
        );
    }
}

#[test]
fn a_cold_key_of_another_pool_is_refused_and_nothing_written() {
    let d = TempDir::new().unwrap();
    let p = d.path();
    plain_and_extended_cold_keys(p);
    let voting = pool_id(&p.join("cold.vkey"));
    let other = pool_id(&p.join("x.vkey"));
    fx::tx_file(&p.join("votes.tx"), &fx::two_pool_votes_body(voting));
    let err = fails(p, &strs(&witness(p, "votes.tx", "x.skey", "x.witness")));
    assert_eq!(
        err.trim_end(),
        format!(
            "Command failed: transaction witness\nError: x.skey: the cold key of {} is not needed by this transaction (it needs cold key of {}, to vote). Its witness would only make the transaction bigger than the fee it pays: check that you picked the right key",
            pool_bech32(&other),
            pool_bech32(&voting)
        )
    );
    assert!(!p.join("x.witness").exists());
}

#[test]
fn cardano_clis_drep_vote_in_a_body_needs_the_drep_key() {
    let env = TextEnvelope::parse(&read(&vector("input/governance/vote1.drep.json"))).unwrap();
    let votes = VotingProcedures::from_envelope(&env).unwrap();
    let mut body = fx::body_with(&[]);
    body[0] = 0xa5;
    body.push(0x13);
    body.extend(env.cbor.expose());
    let view = decode_body(&body).unwrap();
    assert_eq!(view.votes.len(), votes.len());
    let drep: [u8; 28] = hex::decode("8f4fefcf28017a57b41517a67d56ef4c0dc04181a11d35178dd53f4c")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(
        view.votes[0].words(),
        format!(
            // CIP-129's id, checked with a separate bech32 encoder.
            "DRep drep1y285lm709qqh54a5z5t6vl2kaaxqmszpsxs36dgh3h2n7nqltj46y (key hash {}) votes Yes on {} (704e5c60c51dd0f3732991980b273402fbad0581c3407d682f8ea5b808a530fc#0), no anchor",
            hex::encode(drep),
            GovActionId::from_parts(
                "704e5c60c51dd0f3732991980b273402fbad0581c3407d682f8ea5b808a530fc",
                "0"
            )
            .unwrap()
            .to_bech32()
        )
    );
    assert_eq!(
        required_witnesses(&view),
        [Need {
            key_hash: drep,
            roles: vec![Role::DrepVote]
        }]
    );
}
