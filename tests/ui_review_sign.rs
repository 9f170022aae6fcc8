//! The Review and Sign tabs, and the pool plan in the builder, clicked like a person.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::review::{self as fx, ALICE_KEY, BOB_KEY, CERT};
use common::ui::{app, click, click_exact, fixed_now, harness, press, shows, type_into};
use common::{assert_same_file, read, vector};
use egui_kittest::kittest::Queryable as _;
use pool_console::app::ConsoleApp;
use pool_console::core::keys::address::{Credential, RewardAccount};
use pool_console::core::review::plan::PoolPlan;
use pool_console::core::transaction::KeyWitness;
use tempfile::TempDir;

fn desk(plan: &PoolPlan) -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::copy(vector(CERT), dir.path().join("new.cert")).unwrap();
    fx::write_cert(&dir.path().join("old.cert"), &fx::previous_params());
    std::fs::write(dir.path().join("plan.json"), plan.to_json()).unwrap();
    dir
}

fn at(dir: &Path, names: &[&str]) -> Vec<PathBuf> {
    names.iter().map(|n| dir.join(n)).collect()
}

fn appears(h: &egui_kittest::Harness<'_, ConsoleApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn count(h: &egui_kittest::Harness<'_, ConsoleApp>, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

#[test]
fn review_against_the_previous_registration_shows_exactly_the_changed_fields() {
    let plan = fx::plan(70_000_000_000, 30_000_000_000, Some(true));
    let dir = desk(&plan);
    let mut h = harness(app(
        at(dir.path(), &["new.cert", "old.cert", "plan.json"]),
        fixed_now(),
    ));
    click_exact(&mut h, "👥  Review");
    assert!(shows(&h, "No certificate loaded yet"));
    click(&mut h, "Load certificate…");
    click(&mut h, "Load previous…");
    click(&mut h, "Load plan…");
    assert!(shows(
        &h,
        "Fields: 3 changed since the previous registration"
    ));
    assert_eq!(count(&h, "♦ changed"), 1, "pledge");
    assert_eq!(count(&h, "➕ added"), 2, "Bob and the DNS relay");
    assert_eq!(count(&h, "✖ removed"), 0);
    assert!(appears(&h, "50\u{a0}000 ADA") && appears(&h, "100\u{a0}000 ADA"));
    assert!(shows(&h, "Owner 2 of 2 (Bob)") && shows(&h, "Owner 1 of 2 (Alice)"));
    let review = h.state().review.review.clone().unwrap();
    assert_eq!(
        review.changes(),
        [
            "Pledge: 50\u{a0}000 ADA → 100\u{a0}000 ADA",
            "Owner 2 of 2 (Bob): added (stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3)",
            "Relay 4: added (relay1.example.com:3001 [DNS name (A/AAAA)])",
        ]
    );
    // The fingerprint words are on screen, for reading aloud.
    assert!(shows(&h, &review.fingerprint.words_text()));
    assert!(shows(&h, "Bob is a new owner"));
}

#[test]
fn an_owner_key_in_the_certificate_and_one_that_is_not() {
    let plan = fx::plan(70_000_000_000, 30_000_000_000, Some(true));
    let dir = desk(&plan);
    let mut h = harness(app(
        vec![dir.path().join("new.cert"), vector(BOB_KEY)],
        fixed_now(),
    ));
    click_exact(&mut h, "👥  Review");
    click(&mut h, "Load certificate…");
    click(&mut h, "Load stake.vkey…");
    let bob = fx::key_hash(BOB_KEY);
    let position = if bob < fx::key_hash(ALICE_KEY) { 1 } else { 2 };
    assert!(shows(&h, &format!("You are owner {position} of 2.")));

    // Someone else pastes their stake address.
    let stranger = RewardAccount::new(
        pool_console::core::keys::address::Network::Mainnet,
        Credential::Key([0x42; 28]),
    )
    .to_bech32()
    .unwrap();
    h.state_mut().review.owner_text.clear();
    h.run_steps(2);
    type_into(&mut h, "Your stake key", &stranger);
    click_exact(&mut h, "Check");
    assert!(shows(&h, "Your key is not an owner of this pool"));
    assert!(!shows(&h, "You are owner"));
}

#[test]
fn the_pledge_check_warns_when_an_owner_is_not_delegated() {
    let plan = fx::plan(70_000_000_000, 30_000_000_000, Some(false));
    let dir = desk(&plan);
    let mut h = harness(app(at(dir.path(), &["new.cert", "plan.json"]), fixed_now()));
    click_exact(&mut h, "👥  Review");
    click(&mut h, "Load certificate…");
    click(&mut h, "Load plan…");
    assert!(shows(
        &h,
        "Declared 100\u{a0}000 ADA · owners plan 100\u{a0}000 ADA · counting 70\u{a0}000 ADA"
    ));
    assert!(shows(
        &h,
        "The declared pledge (100\u{a0}000 ADA) is more than the owners' stake that counts (70\u{a0}000 ADA)"
    ));
    assert!(shows(&h, "Bob's stake is not delegated to this pool"));
}

#[test]
fn signing_a_body_writes_the_golden_witness() {
    let dir = TempDir::new().unwrap();
    fx::golden_tx(dir.path());
    let mut h = harness(app(
        vec![
            dir.path().join("tx.raw"),
            vector("input/conway/payment_signing_key"),
            dir.path().join("payment.witness"),
        ],
        fixed_now(),
    ));
    click_exact(&mut h, "✒  Sign");
    click(&mut h, "Load transaction…");
    assert!(shows(
        &h,
        "2392d2b1200b5139fe555c81261697b29a8ccf561c5c783d46e78a479d977053#0"
    ));
    assert!(shows(&h, "0.0001 ADA to addr1q94cxl99qvtwunsqqv6g9mgj3zrawtpt4edsgwxkjtwpy5dsezcht90tmwfur7t5hc9fk8hjd3r5vjwec2h8vmk3xh8s7er7t3"));
    assert!(shows(&h, "before slot 60"));
    press(&mut h, "Sign with a key…");
    assert_same_file(
        &dir.path().join("payment.witness"),
        &vector("golden/witness/witness-out.json"),
    );
    assert!(shows(&h, "Signed with payment_signing_key"));
}

#[test]
fn the_owner_signs_the_registration_and_a_stranger_key_is_refused() {
    let dir = TempDir::new().unwrap();
    fx::registration_tx(dir.path());
    let mut h = harness(app(
        vec![
            dir.path().join("registration.tx"),
            vector("input/keys/transaction-sign/node-cold.skey"),
            vector(fx::BOB_SKEY),
            dir.path().join("bob.witness"),
        ],
        fixed_now(),
    ));
    click_exact(&mut h, "✒  Sign");
    click(&mut h, "Load transaction…");
    assert!(shows(&h, "Certificate 1: stake pool registration"));
    assert_eq!(count(&h, "⚠ missing"), 3, "cold key and two owners");
    assert!(shows(&h, "A hardware-wallet owner can sign this"));
    press(&mut h, "Sign with a key…");
    assert!(
        appears(&h, "is not needed by this transaction"),
        "{:?}",
        h.state().status
    );
    assert!(!dir.path().join("bob.witness").exists());
    press(&mut h, "Sign with a key…");
    let w = KeyWitness::from_envelope(
        &pool_console::core::encoding::envelope::TextEnvelope::parse(&read(
            &dir.path().join("bob.witness"),
        ))
        .unwrap(),
    )
    .unwrap()
    .0;
    assert_eq!(w.key_hash(), fx::key_hash(BOB_KEY));
    assert_eq!(count(&h, "⚠ missing"), 2);
    assert_eq!(count(&h, "✔ signed"), 1);
}

#[test]
fn a_plan_imported_into_the_builder_exports_the_same_file() {
    let mut plan = fx::plan(70_000_000_000, 30_000_000_000, None);
    plan.owners[0].delegated = None;
    // The builder's relay editor keeps one address per row.
    plan.params.relays.remove(2);
    let dir = desk(&plan);
    let ws = dir.path().join("pool");
    std::fs::create_dir(&ws).unwrap();
    std::fs::copy(
        vector("input/node-pool/operator.vkey"),
        ws.join("cold.vkey"),
    )
    .unwrap();
    std::fs::copy(vector("input/node-pool/vrf.vkey"), ws.join("vrf.vkey")).unwrap();
    let mut a = app(
        vec![
            dir.path().join("plan.json"),
            vector("input/metadata/example_stake_pool_metadata.json"),
            dir.path().join("exported.json"),
        ],
        fixed_now(),
    );
    a.open_workspace(&ws);
    let mut h = harness(a);
    click_exact(&mut h, "📝  Registration");
    press(&mut h, "Import plan…");
    assert!(
        h.state().drafts.imported_plan.is_some(),
        "{:?}",
        h.state().status
    );
    assert!(shows(
        &h,
        "The form does not build the certificate of plan.json yet"
    ));
    assert!(shows(&h, "Metadata hash"));
    press(&mut h, "Load metadata file…");
    assert!(shows(
        &h,
        "The form builds exactly the certificate of plan.json."
    ));
    press(&mut h, "Export plan…");
    assert_same_file(
        &dir.path().join("exported.json"),
        &dir.path().join("plan.json"),
    );
}

#[test]
fn two_owners_in_two_folders_save_the_same_certificate_from_one_plan() {
    let plan = fx::plan(70_000_000_000, 30_000_000_000, None);
    let dir = desk(&plan);
    let mut saved = Vec::new();
    for owner in ["alice", "bob"] {
        let ws = dir.path().join(owner);
        std::fs::create_dir(&ws).unwrap();
        let mut a = app(
            vec![dir.path().join("plan.json"), ws.join("pool.cert")],
            fixed_now(),
        );
        a.open_workspace(&ws);
        let mut h = harness(a);
        click_exact(&mut h, "👥  Review");
        click(&mut h, "Load plan…");
        click(&mut h, "Review the plan's certificate");
        assert!(shows(&h, "built from plan.json"));
        press(&mut h, "Save this certificate…");
        saved.push(read(&ws.join("pool.cert")));
    }
    assert_eq!(saved[0], saved[1]);
    // And it is the certificate cardano-cli builds from the same values.
    assert_eq!(saved[0], read(&vector(CERT)));
}

#[test]
fn a_wallet_transaction_with_indefinite_lengths_is_shown_and_signed() {
    use common::wallet_tx::{body, envelope, transaction, witness_set};
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("wallet.tx"),
        envelope(&transaction(&witness_set())),
    )
    .unwrap();
    let mut h = harness(app(
        vec![
            dir.path().join("wallet.tx"),
            vector("input/conway/payment_signing_key"),
            dir.path().join("payment.witness"),
        ],
        fixed_now(),
    ));
    click_exact(&mut h, "✒  Sign");
    click(&mut h, "Load transaction…");
    assert!(shows(&h, &format!("{}#0", "11".repeat(32))));
    assert!(appears(&h, "1 ADA to addr1v"), "{:?}", h.state().status);
    press(&mut h, "Sign with a key…");
    let w = KeyWitness::from_envelope(
        &pool_console::core::encoding::envelope::TextEnvelope::parse(&read(
            &dir.path().join("payment.witness"),
        ))
        .unwrap(),
    )
    .unwrap()
    .0;
    let id = pool_console::core::encoding::hash::blake2b_256(&body());
    assert!(pool_console::core::keys::ed25519_verify(
        &w.vkey,
        &id,
        &w.signature
    ));
    assert!(shows(&h, "Signed with payment_signing_key"));
}
