//! What the open pool folder already holds is offered where it is needed: the transaction
//! waiting for the owners' witnesses on the Sign tab; and a file dropped on the window opens
//! where it is used.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

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

/// A file dropped from a file manager, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window.
fn drop_file(h: &mut egui_kittest::Harness<'_, pool_console::app::ConsoleApp>, path: &Path) {
    let file = std::sync::Arc::new(Dropped(path.to_path_buf()));
    h.input_mut().dropped_files.push(file);
    h.run_steps(2);
}

#[test]
fn a_dropped_file_opens_where_it_is_used() {
    let dir = TempDir::new().unwrap();
    let tx = fx::registration_tx(dir.path());
    let cert = dir.path().join("pool.cert");
    fx::write_cert(&cert, &fx::params());
    std::fs::copy(common::vector(fx::ALICE_KEY), dir.path().join("alice.vkey")).unwrap();
    let mut h = harness(app(vec![], fixed_now()));
    h.run_steps(2);

    drop_file(&mut h, &tx);
    assert_eq!(h.state().tab, Tab::Sign);
    assert_eq!(h.state().sign.tx.as_ref().unwrap().path, tx);

    drop_file(&mut h, &cert);
    assert_eq!(h.state().tab, Tab::Review);
    assert!(
        h.state().review.cert.is_some(),
        "certificate loaded for review"
    );

    // Anything else is described on the Inspect tab.
    drop_file(&mut h, &dir.path().join("alice.vkey"));
    assert_eq!(h.state().tab, Tab::Inspect);
    assert_eq!(h.state().drafts.inspected.len(), 1);
}
