//! The Sign tab with a body of two votes by one pool, clicked like a person: both votes in
//! words under one heading, the cold key listed as needed, signed with the cold key.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::review as fx;
use common::ui::{app, click, click_exact, fixed_now, harness, press, shows};
use common::{read, vector};
use egui_kittest::kittest::Queryable as _;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::keys::accept;
use pool_console::core::keys::address::pool_bech32;
use pool_console::core::transaction::KeyWitness;
use pool_console::platform::load;
use tempfile::TempDir;

const COLD: &str = "input/keys/transaction-sign/node-cold.skey";

#[test]
fn two_votes_of_a_pool_are_shown_in_words_and_signed_with_its_cold_key() {
    let pool = load::signing_key(&vector(COLD), accept::WITNESS_SIGNING)
        .unwrap()
        .verification_key()
        .unwrap()
        .key_hash();
    let dir = TempDir::new().unwrap();
    let body = fx::two_pool_votes_body(pool);
    fx::tx_file(&dir.path().join("votes.tx"), &body);
    let mut h = harness(app(
        vec![
            dir.path().join("votes.tx"),
            vector(COLD),
            dir.path().join("cold.witness"),
        ],
        fixed_now(),
    ));
    click_exact(&mut h, "✒  Sign");
    click(&mut h, "Load transaction…");
    assert!(shows(&h, "Votes (2)"));
    for words in fx::two_pool_votes_words(&pool) {
        assert!(shows(&h, &words), "{words}");
    }
    assert!(shows(
        &h,
        &format!("cold key of {}, to vote", pool_bech32(&pool))
    ));
    assert_eq!(h.query_all_by_label("⚠ missing").count(), 1);
    press(&mut h, "Sign with a key…");
    let (w, _) = KeyWitness::from_envelope(
        &TextEnvelope::parse(&read(&dir.path().join("cold.witness"))).unwrap(),
    )
    .unwrap();
    assert_eq!(w.key_hash(), pool);
    assert_eq!(h.query_all_by_label("⚠ missing").count(), 0);
    assert_eq!(h.query_all_by_label("✔ signed").count(), 1);
    assert!(shows(&h, "Signed with node-cold.skey"));
}
