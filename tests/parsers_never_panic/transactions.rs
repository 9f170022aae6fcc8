//! Transactions: reading transaction files (envelope, CBOR, hex, bare body), witnesses,
//! assembling, and the readable view of a body with the signer check built on it.

use std::path::Path;

use pool_console::core::encoding::cbor::CborWriter;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::governance::{
    Anchor, GovActionId, Vote, Voter, VotingProcedure, VotingProcedures,
};
use pool_console::core::keys::{accept, AnyKey, KeyKind, SigningKey};
use pool_console::core::transaction::signing::{fit, needs_are_complete};
use pool_console::core::transaction::view::{
    address_text, decode_body, hw_owner_problems, required_witnesses,
};
use pool_console::core::transaction::{assemble, KeyWitness, TxFile};
use proptest::prelude::*;

use crate::harness::{bounded, bytes, config, corpus, damaged_inside, mutated};

fn stake_key() -> SigningKey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cardano-cli/input/keys/transaction-sign/stake.skey");
    AnyKey::from_file_contents(&std::fs::read(path).unwrap())
        .unwrap()
        .into_signing(accept::WITNESS_SIGNING)
        .unwrap()
}

/// What a transaction that reads must also do: give its body and id, list its witnesses, be
/// signed and assembled, and read back from its own envelope.
fn transaction(input: Vec<u8>) -> Result<(), TestCaseError> {
    let key = stake_key();
    let checks = bounded("TxFile::from_file_contents", move || {
        let tx = TxFile::from_file_contents(&input).ok()?;
        let body = tx.body().map(<[u8]>::to_vec);
        let _ = (tx.id(), tx.key_witnesses());
        let reread = TxFile::from_envelope(&tx.to_envelope());
        let assembled = KeyWitness::sign(&tx, &key).ok().map(|w| {
            let out = assemble(&tx, std::slice::from_ref(&w));
            let witnesses = out.as_ref().ok().map(TxFile::key_witnesses);
            let body_after = out.as_ref().ok().map(|t| t.body().map(<[u8]>::to_vec));
            (w, witnesses, body_after)
        });
        Some((tx, body, reread, assembled))
    })?;
    let Some((tx, body, reread, assembled)) = checks else {
        return Ok(());
    };
    let mut expected = tx.clone();
    expected.from_bare_body = false;
    prop_assert_eq!(reread, Ok(expected));
    if let Some((w, Some(witnesses), Some(body_after))) = assembled {
        prop_assert_eq!(body_after.ok(), body.ok(), "assemble changed the body");
        let witnesses = witnesses.map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(
            witnesses.contains(&w),
            "the new witness is not in the result"
        );
    }
    Ok(())
}

/// A witness file, or (not `as_file`) the bytes as the CBOR of a Conway witness envelope.
fn witness_file(input: Vec<u8>, as_file: bool) -> Result<(), TestCaseError> {
    let read = bounded("KeyWitness::from_envelope", move || {
        let env = if as_file {
            TextEnvelope::parse(&input).ok()?
        } else {
            TextEnvelope::new("TxWitness ConwayEra", "", input)
        };
        let (w, era) = KeyWitness::from_envelope(&env).ok()?;
        let _ = w.key_hash();
        Some((KeyWitness::from_envelope(&w.to_envelope(&era)), w, era))
    })?;
    if let Some((again, w, era)) = read {
        prop_assert_eq!(again, Ok((w, era)));
    }
    Ok(())
}

/// The view of a body, and everything the console and the command line show from it.
fn body_view(input: Vec<u8>) -> Result<(), TestCaseError> {
    bounded("decode_body", move || {
        let _ = address_text(&input);
        let Ok(view) = decode_body(&input) else {
            return;
        };
        let _ = (
            view.deposits_paid(),
            view.deposits_refunded(),
            view.withdrawn(),
        );
        for c in &view.certificates {
            let _ = (c.kind_text(), c.raw_hex());
        }
        for i in &view.inputs {
            let _ = i.label();
        }
        for w in &view.withdrawals {
            let _ = w.account_text();
        }
        for v in &view.votes {
            let _ = v.words();
        }
        for p in &view.proposals {
            let _ = p.words();
        }
        for need in required_witnesses(&view) {
            for role in &need.roles {
                let _ = role.describe();
            }
            let _ = fit(&view, KeyKind::StakeSigning, &need.key_hash);
        }
        let _ = (hw_owner_problems(&view), needs_are_complete(&view));
        let _ = fit(&view, KeyKind::PaymentSigning, &[7; 28]);
        let _ = fit(&view, KeyKind::ColdSigning, &[7; 28]);
    })
}

/// The bodies of the golden transactions, to damage.
fn bodies() -> Vec<Vec<u8>> {
    let out: Vec<Vec<u8>> = corpus()
        .transactions
        .iter()
        .filter_map(|t| TxFile::from_file_contents(t).ok())
        .filter_map(|t| t.body().ok().map(<[u8]>::to_vec))
        .collect();
    assert!(out.len() >= 2, "the golden transactions have no bodies");
    let governance = governance_body();
    let view = decode_body(&governance).unwrap();
    assert_eq!((view.votes.len(), view.proposals.len()), (2, 1));
    out.into_iter().chain([governance]).collect()
}

/// `{0: inputs, 1: [], 2: 0, 19: two votes, 20: one info action}`: the golden transactions have
/// no votes or proposals, and damage there must give errors, not panics.
fn governance_body() -> Vec<u8> {
    let mut votes = VotingProcedures::default();
    for (voter, index) in [(Voter::StakePool([9; 28]), 0), (Voter::DrepKey([8; 28]), 1)] {
        votes.insert(
            voter,
            GovActionId::new([4; 32], index),
            VotingProcedure {
                vote: Vote::Abstain,
                anchor: Some(Anchor::new("https://a.example/r", [6; 32]).unwrap()),
            },
        );
    }
    let mut w = CborWriter::new();
    w.map(5);
    w.uint(0).array(1).array(2).bytes(&[1; 32]).uint(0);
    w.uint(1).array(0).uint(2).uint(0);
    w.uint(19).raw(&votes.encode());
    let mut account = vec![0xe1];
    account.extend([3; 28]);
    w.uint(20).tag(258).array(1).array(4).uint(100_000_000_000);
    w.bytes(&account).array(1).uint(6);
    w.array(2).text("https://a.example/p").bytes(&[5; 32]);
    w.into_bytes()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn transactions_from_any_bytes(input in bytes()) {
        transaction(input)?;
    }

    #[test]
    fn transactions_from_damaged_files(input in damaged_inside(&corpus().transactions)) {
        transaction(input)?;
    }

    #[test]
    fn transactions_from_damaged_cbor(input in mutated(&corpus().cbor)) {
        transaction(input)?;
    }

    #[test]
    fn witnesses_from_damaged_files(input in damaged_inside(&corpus().witnesses)) {
        witness_file(input, true)?;
    }

    #[test]
    fn witnesses_from_any_cbor(input in bytes()) {
        witness_file(input, false)?;
    }

    #[test]
    fn body_view_from_any_bytes(input in bytes()) {
        body_view(input)?;
    }

    #[test]
    fn body_view_from_damaged_bodies(input in mutated(&bodies())) {
        body_view(input)?;
    }
}
