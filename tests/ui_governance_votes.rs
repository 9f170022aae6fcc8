//! The Governance tab's vote files, clicked through like a person: each one byte-identical to
//! `governance vote create --cold-verification-key-file` for the same inputs (plain and
//! CIP-1853 extended cold keys, with and without an anchor), refusals that write nothing, and
//! the online machine's one transaction for every saved vote.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::governance::with_fixture;
use common::ui::{app, click, click_exact, fixed_now, shows, status, type_into};
use common::{ok, vector};
use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};
use pool_console::core::encoding::hash::blake2b_256;
use tempfile::TempDir;

const INFO_TX: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
const PARAM_TX: &str = "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2";

/// A pool folder holding the test vectors' plain cold verification key as cold.vkey.
fn pool_folder(dir: &TempDir) -> PathBuf {
    let ws = dir.path().join("pool");
    std::fs::create_dir(&ws).unwrap();
    std::fs::copy(
        vector("input/node-pool/operator.vkey"),
        ws.join("cold.vkey"),
    )
    .unwrap();
    ws
}

/// The console on the Governance tab, `ws` open (if any), the fixture's actions pasted.
fn console(ws: Option<&Path>, answers: Vec<PathBuf>) -> Harness<'static, ConsoleApp> {
    let mut a = app(answers, fixed_now());
    if let Some(ws) = ws {
        a.open_workspace(ws);
    }
    with_fixture(a)
}

/// `governance vote create` on the same inputs, written to `out`.
fn cli_vote(ws: &Path, flag: &str, tx: &str, index: &str, anchor: Option<(&str, &str)>) -> Vec<u8> {
    let mut args = vec![
        "conway",
        "governance",
        "vote",
        "create",
        flag,
        "--governance-action-tx-id",
        tx,
        "--governance-action-index",
        index,
        "--cold-verification-key-file",
        "cold.vkey",
    ];
    if let Some((url, hash)) = anchor {
        args.extend(["--anchor-url", url, "--anchor-data-hash", hash]);
    }
    args.extend(["--out-file", "cli.vote"]);
    ok(ws, &args);
    let bytes = std::fs::read(ws.join("cli.vote")).unwrap();
    std::fs::remove_file(ws.join("cli.vote")).unwrap();
    bytes
}

#[test]
fn a_yes_with_a_rationale_is_the_command_lines_vote() {
    let dir = TempDir::new().unwrap();
    let ws = pool_folder(&dir);
    let why = ws.join("why.jsonld");
    let vote = ws.join("vote-a1b2c3d4-0.vote");
    let mut h = console(Some(&ws), vec![why.clone(), vote.clone()]);
    click(&mut h, "Open a1b2c3d4");
    click_exact(&mut h, "Yes");
    type_into(&mut h, "Summary", "Yes: the info action is sound.");
    type_into(&mut h, "Rationale statement", "We read it and agree.");
    let url = "https://example.com/pool/why.jsonld";
    type_into(&mut h, "Anchor URL", url);
    click_exact(&mut h, "Save rationale…");
    let hash = hex::encode(blake2b_256(&std::fs::read(&why).unwrap()));
    assert_eq!(h.state().governance.drafts[0].anchor_hash, hash);
    click_exact(&mut h, "Save vote file…");
    assert_eq!(
        status(&h),
        format!(
            "Saved the vote to {}. Build its transaction on the online machine (command below), then sign it on the Sign tab.",
            vote.display()
        )
    );
    let expected = cli_vote(&ws, "--yes", INFO_TX, "0", Some((url, &hash)));
    assert_eq!(std::fs::read(&vote).unwrap(), expected);
    assert!(shows(&h, "Saved to vote-a1b2c3d4-0.vote"));
    assert!(shows(
        &h,
        "--vote-file vote-a1b2c3d4-0.vote --witness-override 2"
    ));
}

#[test]
fn two_votes_without_anchor_make_one_transaction_then_sign() {
    let dir = TempDir::new().unwrap();
    let ws = pool_folder(&dir);
    let first = ws.join("vote-a1b2c3d4-0.vote");
    let second = ws.join("vote-c3d4e5f6-0.vote");
    let mut h = console(Some(&ws), vec![first.clone(), second.clone()]);
    click(&mut h, "Open a1b2c3d4");
    click_exact(&mut h, "No");
    click_exact(&mut h, "Save vote file…");
    assert_eq!(
        std::fs::read(&first).unwrap(),
        cli_vote(&ws, "--no", INFO_TX, "0", None)
    );
    assert!(shows(
        &h,
        "Copy the 1 saved vote file to the online machine"
    ));
    assert!(shows(&h, "Go to Sign"));
    click(&mut h, "Open c3d4e5f6");
    click_exact(&mut h, "Abstain");
    click_exact(&mut h, "Save vote file…");
    assert_eq!(
        std::fs::read(&second).unwrap(),
        cli_vote(&ws, "--abstain", PARAM_TX, "0", None)
    );
    assert!(status(&h).ends_with(
        "2 vote files are ready: build one transaction with all of them on the online machine (command below), then sign it on the Sign tab."
    ));
    assert!(shows(
        &h,
        "Copy the 2 saved vote files to the online machine"
    ));
    assert!(shows(&h, "--change-address PAYMENT_ADDR --vote-file vote-a1b2c3d4-0.vote --vote-file vote-c3d4e5f6-0.vote --witness-override 2 --out-file votes.txbody"));
    click(&mut h, "Go to Sign");
    assert_eq!(h.state().tab, Tab::Sign);
}

#[test]
fn an_action_a_pool_may_not_vote_on_has_no_vote_file() {
    let dir = TempDir::new().unwrap();
    let ws = pool_folder(&dir);
    let out = ws.join("refused.vote");
    let mut h = console(Some(&ws), vec![out.clone()]);
    click(&mut h, "Open b2c3d4e5");
    assert!(shows(
        &h,
        "A pool may not vote on this action (only DReps and the committee vote on treasury withdrawals): no vote file can be made for it."
    ));
    assert!(!shows(&h, "Save vote file…"));
    // Even asked directly, the console refuses and writes nothing.
    h.state_mut().governance.drafts[1].vote = Some(pool_console::app::governance::VoteChoice::Yes);
    h.state_mut().governance_save_vote(1);
    h.run();
    assert_eq!(
        status(&h),
        "No vote file was written: a pool may not vote on this treasury withdrawal: only DReps and the committee vote on treasury withdrawals."
    );
    assert!(!out.exists());
}

#[test]
fn without_a_cold_key_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().join("empty-pool");
    std::fs::create_dir(&ws).unwrap();
    let out = ws.join("vote.vote");
    let mut h = console(Some(&ws), vec![out.clone()]);
    click(&mut h, "Open a1b2c3d4");
    click_exact(&mut h, "Yes");
    click_exact(&mut h, "Save vote file…");
    assert_eq!(
        status(&h),
        "No vote file was written: this folder has no cold verification key (cold.vkey). Open the pool folder that holds it, or make the cold keys on the Keys tab."
    );
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(&ws).unwrap().count(), 0);
}

#[test]
fn a_vote_needs_a_choice_and_a_whole_anchor() {
    let dir = TempDir::new().unwrap();
    let ws = pool_folder(&dir);
    let mut h = console(Some(&ws), vec![]);
    click(&mut h, "Open a1b2c3d4");
    assert!(shows(&h, "Pick Yes, No or Abstain first."));
    click_exact(&mut h, "Yes");
    type_into(&mut h, "Anchor URL", "https://example.com/why.jsonld");
    assert!(shows(&h, "The anchor URL has no anchor data hash: save the rationale (Save rationale…) or type the published document's hash, or clear the URL."));
    // A URL over the ledger's 128 bytes, with a hash typed: refused before any file.
    type_into(&mut h, "Anchor URL", &"a".repeat(100));
    type_into(&mut h, "Anchor data hash", &"ab".repeat(32));
    assert!(shows(&h, "Cannot use this anchor: the anchor URL is 130 bytes; the ledger accepts at most 128 (use a shorter link, e.g. an ipfs:// one)."));
    h.state_mut().governance_save_vote(0);
    h.run();
    assert!(status(&h).starts_with("Cannot use this anchor: the anchor URL is 130 bytes"));
    assert_eq!(std::fs::read_dir(&ws).unwrap().count(), 1);
}

#[test]
fn an_extended_cip1853_cold_key_votes_too() {
    let dir = TempDir::new().unwrap();
    let ws = dir.path().join("pool");
    std::fs::create_dir(&ws).unwrap();
    common::plain_and_extended_cold_keys(dir.path());
    std::fs::copy(dir.path().join("x.vkey"), ws.join("cold.vkey")).unwrap();
    let vkey = std::fs::read_to_string(ws.join("cold.vkey")).unwrap();
    assert!(vkey.contains("StakePoolExtendedVerificationKey_ed25519_bip32"));
    let vote = ws.join("vote-c3d4e5f6-0.vote");
    let mut h = console(Some(&ws), vec![vote.clone()]);
    click(&mut h, "Open c3d4e5f6");
    click_exact(&mut h, "Yes");
    click_exact(&mut h, "Save vote file…");
    assert_eq!(
        std::fs::read(&vote).unwrap(),
        cli_vote(&ws, "--yes", PARAM_TX, "0", None)
    );
}

#[test]
fn a_rationale_replaces_only_a_rationale() {
    let dir = TempDir::new().unwrap();
    let ws = pool_folder(&dir);
    let why = ws.join("why.jsonld");
    let vote = ws.join("earlier.vote");
    let mut h = console(Some(&ws), vec![why.clone(), why.clone(), vote.clone()]);
    click(&mut h, "Open a1b2c3d4");
    type_into(&mut h, "Summary", "First.");
    type_into(&mut h, "Rationale statement", "Because.");
    click_exact(&mut h, "Save rationale…");
    type_into(&mut h, "Summary", " Second thoughts.");
    click_exact(&mut h, "Save rationale…");
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&why).unwrap()).unwrap();
    assert_eq!(doc["body"]["summary"], "First. Second thoughts.");
    // A vote file is not a rationale: left as it was.
    let earlier = cli_vote(&ws, "--yes", INFO_TX, "0", None);
    std::fs::write(&vote, &earlier).unwrap();
    click_exact(&mut h, "Save rationale…");
    let said = status(&h);
    assert!(
        said.starts_with(&format!("{}: the file holds a vote;", vote.display())),
        "{said}"
    );
    assert_eq!(std::fs::read(&vote).unwrap(), earlier);
}

#[test]
fn action_ids_show_both_forms() {
    let mut h = console(None, vec![]);
    let info = pool_console::core::governance::GovActionId::from_parts(INFO_TX, "0").unwrap();
    let bech = info.to_bech32();
    assert!(bech.starts_with("gov_action1"));
    use egui_kittest::kittest::Queryable as _;
    // The elided forms are on screen; the whole id is one hover away and copied whole.
    let tail = &bech[bech.len() - 14..];
    assert!(shows(&h, &format!("{}…{tail}", &bech[..14])));
    assert!(shows(
        &h,
        &format!("{}…{}#0", &INFO_TX[..12], &INFO_TX[54..])
    ));
    // Two copy buttons per action: the hex id and the CIP-129 one.
    assert_eq!(h.query_all_by_label("📋 Copy").count(), 6);
    // The opened action shows its CIP-129 id whole.
    click(&mut h, "Open a1b2c3d4");
    assert!(shows(&h, &bech));
}
