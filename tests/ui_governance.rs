//! The Governance tab, clicked through like a person: actions pasted from the online machine,
//! the default vote explained, a rationale saved and hashed, anchors checked, the reward
//! account's vote-delegation certificate.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::governance::{data, with_fixture};
use common::ui::{app, click, click_exact, fixed_now, harness, shows, status, type_into};
use pool_console::app::{ConsoleApp, Tab};
use pool_console::core::encoding::hash::blake2b_256;
use tempfile::TempDir;

/// The console on the Governance tab with the fixture's actions read from a paste.
fn with_actions(answers: Vec<PathBuf>) -> egui_kittest::Harness<'static, ConsoleApp> {
    with_fixture(app(answers, fixed_now()))
}

#[test]
fn pasted_actions_say_which_a_pool_may_vote_on() {
    let h = with_actions(vec![]);
    use egui_kittest::kittest::Queryable as _;
    assert!(h.query_by_label("Info action").is_some());
    assert!(shows(&h, "SPO votes: 2 yes · 0 no · 1 abstain"));
    assert!(shows(&h, "expires after epoch 612"));
    assert!(shows(
        &h,
        "Pools do not vote: only DReps and the committee vote on treasury withdrawals"
    ));
    assert!(shows(&h, "changes maxTxSize"));
    // The info action and the security-group parameter change: two badges.
    assert_eq!(h.query_all_by_label_contains("A pool may vote").count(), 2);
}

#[test]
fn bad_json_is_refused_with_where_it_broke() {
    let mut a = app(vec![], fixed_now());
    a.show_tab(Tab::Governance);
    let mut h = harness(a);
    h.run();
    type_into(&mut h, "Proposals JSON", "[{\"actionId\": oops}]");
    click(&mut h, "Read pasted JSON");
    assert_eq!(
        status(&h),
        "This is not valid JSON (line 1, column 15, near \"[{\\\"actionId\\\": oops}]\"): paste the output of `cardano-cli conway query proposals --all-proposals` (or `query gov-state`)."
    );
    assert!(h.state().governance.actions.is_empty());
}

#[test]
fn the_default_vote_explanation_follows_the_delegation() {
    let mut h = with_actions(vec![]);
    let no_confidence = "Motion of no confidence: a missing vote";
    assert!(shows(
        &h,
        "Motion of no confidence: a missing vote counts as No — with no vote delegation, silence is No."
    ));
    click(&mut h, "Always no confidence");
    assert!(shows(
        &h,
        "Motion of no confidence: a missing vote counts as Yes — the reward account always votes no confidence."
    ));
    assert!(shows(
        &h,
        "Hard-fork initiation: a missing vote counts as No — a hard fork needs an explicit vote: silence is always No."
    ));
    click(&mut h, "Always abstain");
    assert!(shows(
        &h,
        "Info action: a missing vote counts as Abstain (left out) — the reward account always abstains."
    ));
    assert!(shows(&h, no_confidence));
    assert!(shows(
        &h,
        "rewards cannot be withdrawn from a reward account until it is vote-delegated"
    ));
}

#[test]
fn a_saved_rationale_gives_the_vote_its_anchor_hash() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("why.jsonld");
    let mut h = with_actions(vec![out.clone()]);
    click(&mut h, "Open a1b2c3d4");
    click_exact(&mut h, "Yes");
    type_into(&mut h, "Summary", "Yes: the info action is sound.");
    type_into(&mut h, "Rationale statement", "We read it and agree.");
    type_into(
        &mut h,
        "Anchor URL",
        &format!("https://example.com/{}", "a".repeat(120)),
    );
    assert!(shows(
        &h,
        "The URL is 140 bytes; the ledger allows 128: use a shorter link."
    ));
    click_exact(&mut h, "Save rationale…");
    let bytes = std::fs::read(&out).unwrap();
    let hash = hex::encode(blake2b_256(&bytes));
    assert_eq!(h.state().governance.drafts[0].anchor_hash, hash);
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["body"]["summary"], "Yes: the info action is sound.");
    assert_eq!(doc["body"]["rationaleStatement"], "We read it and agree.");
    assert_eq!(
        h.state().governance.drafts[0].vote,
        Some(pool_console::app::governance::VoteChoice::Yes)
    );
    // The cardano-cli equivalent: the rationale's hash, then the vote with it as its anchor.
    assert!(shows(&h, "cardano-cli hash anchor-data --file-text"));
    assert!(shows(&h, "cardano-cli conway governance vote create --yes --governance-action-tx-id a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90 --governance-action-index 0 --cold-verification-key-file cold.vkey"));
    assert!(shows(
        &h,
        &format!("--anchor-data-hash {hash} --out-file vote-a1b2c3d4-0.vote")
    ));
    assert!(shows(
        &h,
        "--vote-file vote-a1b2c3d4-0.vote --witness-override 2"
    ));
    // Not savable: the URL is over the ledger's limit, and the button says so.
    assert!(shows(
        &h,
        "Cannot use this anchor: the anchor URL is 140 bytes"
    ));
}

#[test]
fn an_anchor_copy_matches_or_not() {
    let copy = data("info-anchor.jsonld");
    let mut h = with_actions(vec![copy.clone(), copy]);
    click(&mut h, "Open a1b2c3d4");
    click(&mut h, "Check the anchor against a local copy…");
    assert!(shows(&h, "info-anchor.jsonld matches the anchor hash"));
    click(&mut h, "Open c3d4e5f6");
    click(&mut h, "Check the anchor against a local copy…");
    let found = hex::encode(blake2b_256(
        &std::fs::read(data("info-anchor.jsonld")).unwrap(),
    ));
    assert!(shows(
        &h,
        &format!("info-anchor.jsonld does not match the anchor hash (its hash is {found})")
    ));
    assert_eq!(
        status(&h),
        "info-anchor.jsonld is not the action's anchor document: the hashes differ."
    );
}

#[test]
fn the_vote_delegation_certificate_is_the_command_lines() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().join("pool");
    std::fs::create_dir(&ws).unwrap();
    let bin = env!("CARGO_BIN_EXE_pool-console");
    let run = |args: &[&str]| {
        let out = Command::new(bin).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let vkey = ws.join("alice.stake.vkey");
    run(&[
        "conway",
        "stake-address",
        "key-gen",
        "--verification-key-file",
        vkey.to_str().unwrap(),
        "--signing-key-file",
        ws.join("alice.stake.skey").to_str().unwrap(),
    ]);
    let cli_cert = dir.path().join("cli.cert");
    run(&[
        "conway",
        "stake-address",
        "vote-delegation-certificate",
        "--stake-verification-key-file",
        vkey.to_str().unwrap(),
        "--always-abstain",
        "--out-file",
        cli_cert.to_str().unwrap(),
    ]);
    let out = ws.join("alice.vote-deleg.cert");
    let mut a = app(vec![out.clone()], fixed_now());
    a.open_workspace(&ws);
    a.show_tab(Tab::Governance);
    let mut h = harness(a);
    h.run();
    assert!(shows(&h, "for the reward account key alice.stake.vkey"));
    click(&mut h, "Always abstain");
    click(&mut h, "Make the vote-delegation certificate…");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&cli_cert).unwrap()
    );
    assert!(
        status(&h).starts_with("Saved the certificate to "),
        "{}",
        status(&h)
    );
}
