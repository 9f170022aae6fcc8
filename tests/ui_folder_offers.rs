//! What the open pool folder already holds is offered where it is needed: the transaction
//! waiting for the owners' witnesses on the Sign tab.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::review as fx;
use common::ui::{app, click, fixed_now, harness, shows};
use pool_console::app::Tab;
use tempfile::TempDir;

#[test]
fn the_sign_tab_offers_the_folders_transaction_and_opens_it_in_one_click() {
    let dir = TempDir::new().unwrap();
    let tx = fx::registration_tx(dir.path());
    std::fs::write(dir.path().join("notes.txt"), "not a transaction").unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Sign;
    let mut h = harness(a);
    h.run_steps(2);
    assert!(shows(&h, "Transactions in this pool folder:"));
    assert!(
        !shows(&h, "Open notes.txt"),
        "only transactions are offered"
    );
    click(&mut h, "📄 Open registration.tx");
    let loaded = h.state().sign.tx.as_ref().expect("loaded");
    assert_eq!(loaded.path, tx);
    assert!(shows(&h, "What it does"));
    assert!(
        !shows(&h, "Transactions in this pool folder:"),
        "the offer is gone once loaded"
    );
}

#[test]
fn no_offer_without_a_transaction_in_the_folder() {
    let dir = TempDir::new().unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.tab = Tab::Sign;
    let mut h = harness(a);
    h.run_steps(2);
    assert!(shows(&h, "No transaction loaded yet"));
    assert!(!shows(&h, "Transactions in this pool folder:"));
}
