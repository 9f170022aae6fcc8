//! `contents::describe`, one JSON sample per action type in the exact shape cardano-cli prints
//! (the ledger's generic `ToJSON` of `GovAction`), with the exact lines shown.
#![allow(clippy::indexing_slicing)]

use serde_json::{json, Value};

use super::contents::{describe, NOT_UNDERSTOOD};
use super::ActionKind as K;

const TX: &str = "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2";
const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabb";
const SCRIPT: &str = "fa24fb305126805cf2164c161d852a0e7330cf988f1fe558cf7d4a64";

fn action(tag: &str, contents: Value) -> Value {
    json!({ "tag": tag, "contents": contents })
}

fn prev() -> Value {
    json!({ "govActionIx": 2, "txId": TX })
}

fn previous_line() -> String {
    format!("Previous action: {TX}#2")
}

#[test]
fn a_parameter_change_lists_each_value_and_the_security_group() {
    let a = action(
        "ParameterChange",
        json!([prev(), { "maxTxSize": 16384, "collateralPercentage": 150,
            "executionUnitPrices": { "priceMemory": 0.0577, "priceSteps": 7.21e-5 } }, SCRIPT]),
    );
    assert_eq!(
        describe(K::ParameterChange, &a),
        vec![
            "maxTxSize becomes 16384 (security group: pools vote)".to_owned(),
            "collateralPercentage becomes 150".to_owned(),
            "executionUnitPrices becomes {\"priceMemory\":0.0577,\"priceSteps\":0.0000721}"
                .to_owned(),
            format!("Guardrail script: {SCRIPT}"),
            previous_line(),
        ]
    );
}

#[test]
fn the_first_parameter_change_builds_on_nothing() {
    let a = action(
        "ParameterChange",
        json!([null, { "txFeeFixed": 155381 }, null]),
    );
    assert_eq!(
        describe(K::ParameterChange, &a),
        vec![
            "txFeeFixed becomes 155381 (security group: pools vote)",
            "Previous action: none (the first of its purpose)",
        ]
    );
}

#[test]
fn a_hard_fork_says_the_version_it_moves_to() {
    let a = action(
        "HardForkInitiation",
        json!([prev(), { "major": 10, "minor": 0 }]),
    );
    assert_eq!(
        describe(K::HardForkInitiation, &a),
        vec!["Moves to protocol version 10.0".to_owned(), previous_line()]
    );
}

#[test]
fn a_treasury_withdrawal_lists_accounts_amounts_and_the_total() {
    let account = |network: &str, cred: Value| json!({ "credential": cred, "network": network });
    let a = action(
        "TreasuryWithdrawals",
        json!([
            [
                [
                    account("Mainnet", json!({ "keyHash": KEY })),
                    250_000_000_000_u64
                ],
                [
                    account("Mainnet", json!({ "scriptHash": SCRIPT })),
                    1_500_001
                ]
            ],
            null
        ]),
    );
    assert_eq!(
        describe(K::TreasuryWithdrawals, &a),
        vec![
            "stake1uyqpzg3ng32kvaugnx4thnxaamlsqyfzxdz92enh3zv64wcmu3egz receives 250\u{a0}000 ADA",
            "stake178azf7es2yngqh8jzexpv8v99g88xvx0nz83le2cea755eqwcn9vd receives 1.500001 ADA",
            "Total: 250\u{a0}001.500001 ADA",
        ]
    );
}

#[test]
fn a_committee_update_lists_who_leaves_who_joins_and_the_threshold() {
    let a = action(
        "UpdateCommittee",
        json!([
            prev(),
            [{ "keyHash": KEY }],
            { format!("scriptHash-{SCRIPT}"): 700 },
            { "numerator": 2, "denominator": 3 }
        ]),
    );
    assert_eq!(
        describe(K::UpdateCommittee, &a),
        vec![
            format!("Removes key {KEY}"),
            format!("Adds script {SCRIPT} until epoch 700"),
            "New threshold: 2/3".to_owned(),
            previous_line(),
        ]
    );
    let decimal = action("UpdateCommittee", json!([null, [], {}, 0.67]));
    assert_eq!(
        describe(K::UpdateCommittee, &decimal),
        vec![
            "Removes and adds no member",
            "New threshold: 0.67",
            "Previous action: none (the first of its purpose)",
        ]
    );
}

#[test]
fn a_new_constitution_names_its_document_and_guardrail_script() {
    let hash = "2a61e2f4b63442978140c77a70daab3961b22b12b63b13949a390c097214d1c5";
    let url = "ipfs://bafkreiazhhawe7sjwuthcfgl3mmv2swec7sukvclu3oli7qdyz4uhhuvmy";
    let a = action(
        "NewConstitution",
        json!([prev(), { "anchor": { "dataHash": hash, "url": url }, "script": SCRIPT }]),
    );
    assert_eq!(
        describe(K::NewConstitution, &a),
        vec![
            format!("Constitution document: {url}"),
            format!("Its hash: {hash}"),
            format!("Guardrail script: {SCRIPT}"),
            previous_line(),
        ]
    );
}

#[test]
fn no_confidence_and_info_actions_have_no_contents() {
    assert_eq!(
        describe(K::NoConfidence, &action("NoConfidence", prev())),
        vec![
            "No contents: a motion of no confidence in the current committee.".to_owned(),
            previous_line(),
        ]
    );
    assert_eq!(
        describe(K::InfoAction, &json!({ "tag": "InfoAction" })),
        vec!["No contents: an info action changes nothing on chain."]
    );
}

#[test]
fn odd_shapes_are_not_understood_and_text_is_escaped() {
    for (kind, contents) in [
        (K::ParameterChange, json!("maxTxSize")),
        (K::ParameterChange, json!([null, {}, null])),
        (
            K::HardForkInitiation,
            json!([null, { "major": -1, "minor": 0 }]),
        ),
        (
            K::TreasuryWithdrawals,
            json!([[[{ "network": "Moon" }, 1]], null]),
        ),
        (
            K::UpdateCommittee,
            json!([null, [], { "keyHash-zz": 1 }, 0.5]),
        ),
        (
            K::NewConstitution,
            json!([null, { "anchor": { "url": "x", "dataHash": "00" } }]),
        ),
        (
            K::NoConfidence,
            json!({ "txId": "short", "govActionIx": 0 }),
        ),
    ] {
        assert_eq!(
            describe(kind, &action("x", contents.clone())),
            vec![NOT_UNDERSTOOD],
            "{kind:?} {contents}"
        );
    }
    let a = action(
        "ParameterChange",
        json!([null, { "evil\u{1b}[2J": "a\u{9b}b" }, null]),
    );
    assert_eq!(
        describe(K::ParameterChange, &a)[0],
        "evil\\x1b[2J becomes a\\u{9b}b"
    );
}
