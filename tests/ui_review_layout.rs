//! The Review tab read as a newcomer reads it: every value whole at 960×640, owners and relays
//! numbered in words, Inspect's relay warnings, the metadata as wallets show it, the pool
//! folder's certificate one click away, and nothing left over from the last certificate.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::review::{self as fx, CERT, LONG_RELAY, LONG_URL};
use common::ui::{app, click, fixed_now, harness, press, shows};
use common::{read, vector};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::ConsoleApp;
use pool_console::core::keys::address::Network;
use tempfile::TempDir;

fn harness_at(app: ConsoleApp, w: f32, h: f32) -> Harness<'static, ConsoleApp> {
    Harness::builder()
        .with_size(egui::vec2(w, h))
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), app)
}

fn open_review(h: &mut Harness<'_, ConsoleApp>) {
    common::ui::click_exact(h, "👥  Review");
}

/// The widget showing exactly `text`, scrolled into view: its rectangle.
fn rect_of(h: &mut Harness<'_, ConsoleApp>, text: &str) -> egui::Rect {
    h.get_by_label(text).scroll_to_me();
    h.run_steps(3);
    h.get_by_label(text).rect()
}

/// Whether a widget showing exactly `value` stands on the row of the one showing `label`.
fn on_row(h: &mut Harness<'_, ConsoleApp>, label: &str, value: &str) -> bool {
    let row = rect_of(h, label);
    h.query_all_by_label(value)
        .any(|n| (n.rect().top() - row.top()).abs() < 2.0)
}

#[test]
fn wrapped_review_values_at_960_px() {
    let dir = TempDir::new().unwrap();
    let cert = dir.path().join("long.cert");
    fx::write_cert(&cert, &fx::long_params());
    let previous = dir.path().join("previous.cert");
    fx::write_cert(&previous, &fx::previous_params());
    // Alone, then side by side with the previous registration (two value columns).
    for (w, height, compare) in [
        (960.0, 640.0, false),
        (1180.0, 860.0, false),
        (960.0, 640.0, true),
        (1180.0, 860.0, true),
    ] {
        let answers = vec![cert.clone(), previous.clone()];
        let mut h = harness_at(app(answers, fixed_now()), w, height);
        open_review(&mut h);
        click(&mut h, "Load certificate…");
        if compare {
            press(&mut h, "Load previous…");
            assert!(shows(&h, "changed since the previous registration"));
        }
        // The whole value, port and host included, in one label inside the window.
        for text in [
            format!("{LONG_RELAY}:3001 [DNS name (A/AAAA)]"),
            LONG_URL.to_owned(),
            "stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3".to_owned(),
        ] {
            let r = rect_of(&mut h, &text);
            assert!(
                r.left() >= 0.0 && r.right() <= w,
                "{text} lies at {r:?}, outside the {w} px window"
            );
        }
        // At 960 px the relay needs more than one line: it wraps, it is not cut.
        if w < 1000.0 {
            let r = rect_of(&mut h, &format!("{LONG_RELAY}:3001 [DNS name (A/AAAA)]"));
            assert!(r.height() > 20.0, "one line of {r:?} cannot hold it all");
        }
    }
}

#[test]
fn owners_read_owner_1_of_2_with_their_stake_address() {
    let dir = TempDir::new().unwrap();
    fx::write_cert(&dir.path().join("test.cert"), &fx::testnet_params());
    let mut h = harness(app(
        vec![vector(CERT), dir.path().join("test.cert")],
        fixed_now(),
    ));
    open_review(&mut h);
    click(&mut h, "Load certificate…");
    assert!(on_row(
        &mut h,
        "Owner 1 of 2",
        "stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklal"
    ));
    assert!(on_row(
        &mut h,
        "Owner 2 of 2",
        "stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3"
    ));
    assert!(!shows(
        &h,
        "81b4245f84593f63c0ff2296930254f77a0690fa9de5f969cac27cb0"
    ));

    // The same owners on a test network: stake_test1 addresses.
    press(&mut h, "Load certificate…");
    let bob = pool_console::core::keys::address::RewardAccount::new(
        Network::Testnet { magic: 2 },
        pool_console::core::keys::address::Credential::Key(fx::key_hash(fx::BOB_KEY)),
    )
    .to_bech32()
    .unwrap();
    assert!(bob.starts_with("stake_test1"));
    assert!(on_row(&mut h, "Owner 2 of 2", &bob));
}

#[test]
fn relays_are_numbered_with_host_and_port() {
    let mut h = harness(app(vec![vector(CERT)], fixed_now()));
    open_review(&mut h);
    click(&mut h, "Load certificate…");
    for (label, value) in [
        ("Relay 1", "203.0.113.10:3001 [IP address]"),
        ("Relay 2", "[2001:db8::1]:3002 [IP address]"),
        (
            "Relay 3",
            "198.51.100.7:3003 and [2a01:4f8:191:412c::3]:3003 [IP address]",
        ),
        ("Relay 4", "relay1.example.com:3001 [DNS name (A/AAAA)]"),
        (
            "Relay 5",
            "_cardano._tcp.example.com [DNS SRV record: no port here, the SRV record gives hosts and ports]",
        ),
    ] {
        assert!(
            on_row(&mut h, label, value),
            "{label} and {value} are not on one row"
        );
    }
}

#[test]
fn reserved_ip_warnings_appear_as_in_inspect() {
    let mut h = harness(app(vec![vector(CERT)], fixed_now()));
    open_review(&mut h);
    click(&mut h, "Load certificate…");
    let inspect = pool_console::core::describe::describe(&read(&vector(CERT)), Network::Mainnet)
        .unwrap()
        .warnings;
    assert_eq!(inspect.len(), 3, "{inspect:?}");
    for w in &inspect {
        assert!(shows(&h, w), "Review does not say {w:?}");
    }
    assert!(shows(
        &h,
        "relay 2: 2001:db8::1 is a private or reserved address: other pools on the internet cannot reach it"
    ));
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_loaded_metadata_file_shows_as_wallets_show_it_and_its_hash_is_checked() {
    let dir = TempDir::new().unwrap();
    fx::write_cert(&dir.path().join("long.cert"), &fx::long_params());
    write(dir.path(), "poolMetaData.json", &fx::metadata_file());
    let mut h = harness(app(
        vec![
            dir.path().join("poolMetaData.json"),
            dir.path().join("long.cert"),
            vector(CERT),
        ],
        fixed_now(),
    ));
    open_review(&mut h);
    click(&mut h, "Load metadata…");
    h.get_by_label("ALICE");
    h.get_by_label("Alice's Pool");
    h.get_by_label("A small pool run by Alice and Bob from two countries.");
    h.get_by_label("https://alicepool.io");
    assert!(shows(
        &h,
        "Load the certificate to compare this file's hash with it."
    ));

    click(&mut h, "Load certificate…");
    assert!(shows(
        &h,
        "The file's hash matches the certificate's metadata hash: upload this file unchanged to the metadata URL."
    ));

    // Another certificate names another file.
    click(&mut h, "Load certificate…");
    let hash = hex::encode(pool_console::core::certificate::metadata::hash(
        fx::metadata_file().as_bytes(),
    ));
    assert!(shows(
        &h,
        &format!("The file's hash ({hash}) does not match the certificate's metadata hash (8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965): wallets would reject it.")
    ));
    assert!(!shows(&h, "The file's hash matches"));
}

#[test]
fn the_folder_pool_cert_is_offered_and_loads() {
    let dir = TempDir::new().unwrap();
    std::fs::copy(vector(CERT), dir.path().join("pool.cert")).unwrap();
    write(dir.path(), "poolMetaData.json", &fx::metadata_file());
    let other = TempDir::new().unwrap();
    fx::write_cert(&other.path().join("other.cert"), &fx::long_params());
    let mut a = app(vec![other.path().join("other.cert")], fixed_now());
    a.open_workspace(dir.path());
    let mut h = harness(a);
    open_review(&mut h);
    assert!(shows(&h, "No certificate loaded yet"));
    click(&mut h, "Load pool.cert from this folder");
    assert_eq!(h.state().review.cert.as_ref().unwrap().source, "pool.cert");
    h.get_by_label("Relay 5");
    assert!(
        !shows(&h, "Load pool.cert from this folder"),
        "it is the one loaded"
    );

    // Another certificate loaded: the folder's is offered again.
    click(&mut h, "Load certificate…");
    assert_eq!(h.state().review.cert.as_ref().unwrap().source, "other.cert");
    assert!(shows(&h, "Load pool.cert from this folder"));

    // The folder's metadata file too.
    click(&mut h, "Load poolMetaData.json from this folder");
    h.get_by_label("ALICE");
    assert!(!shows(&h, "Load poolMetaData.json from this folder"));
}

#[test]
fn messages_about_the_last_certificate_go_when_another_loads() {
    let dir = TempDir::new().unwrap();
    // A previous registration of another pool: said under "Previous registration".
    let mut stranger = fx::params();
    stranger.operator = [7; 28];
    fx::write_cert(&dir.path().join("stranger.cert"), &stranger);
    let plan = fx::plan(70_000_000_000, 30_000_000_000, Some(true));
    write(dir.path(), "plan.json", &plan.to_json());
    let mut h = harness(app(
        vec![
            dir.path().join("plan.json"),
            dir.path().join("saved.cert"),
            dir.path().join("stranger.cert"),
            vector(CERT),
        ],
        fixed_now(),
    ));
    open_review(&mut h);
    click(&mut h, "Load plan…");
    click(&mut h, "Review the plan's certificate");
    press(&mut h, "Save this certificate…");
    assert!(
        shows(&h, "Saved the certificate to"),
        "{:?}",
        h.state().status.as_ref().map(|s| s.text.clone())
    );
    press(&mut h, "Load previous…");
    assert!(
        shows(&h, "stranger.cert is the registration of pool1"),
        "{:?} {:?} {:?}",
        h.state().review.previous_error,
        h.state().review.previous.as_ref().map(|p| p.source.clone()),
        h.state().status.as_ref().map(|s| s.text.clone())
    );

    click(&mut h, "Load certificate…");
    assert_eq!(
        h.state().review.cert.as_ref().unwrap().source,
        "conway-mainnet-full.cert"
    );
    assert!(!shows(&h, "Saved the certificate to"));
    assert!(!shows(&h, "is the registration of pool1"));
    h.get_by_label("Owner 2 of 2 (Bob)");
}
