//! The Registration form, typed into like a person: nothing moves while an error appears,
//! every message sits under its own field, the margin is said in percent, the description is
//! counted, a status-line error (Build, Export plan, Save metadata file) goes once fixed, Enter builds only a complete form, and what
//! Export plan needs is said before the click.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{app, click, fixed_now, key, replace_text, shows, type_into};
use common::vector;
use eframe::egui::{self, accesskit::Role, Key, Modifiers, Rect};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::registration::{MetadataDraft, OwnerDraft, RegistrationForm, RelayDraft};
use pool_console::app::{ConsoleApp, Tab};
use tempfile::TempDir;

/// A pool folder with the cold and VRF verification keys and Alice's stake key.
fn pool() -> TempDir {
    let dir = TempDir::new().unwrap();
    for (from, to) in [
        ("input/node-pool/operator.vkey", "cold.vkey"),
        ("input/node-pool/vrf.vkey", "vrf.vkey"),
        ("input/node-pool/owner.vkey", "alice.stake.vkey"),
    ] {
        std::fs::copy(vector(from), dir.path().join(to)).unwrap();
    }
    dir
}

/// Everything the certificate needs; the owner's planned pledge is left empty.
fn complete() -> RegistrationForm {
    RegistrationForm {
        pledge_ada: "100000".to_owned(),
        cost_ada: "170".to_owned(),
        margin_percent: "1.5".to_owned(),
        reward_account: "alice.stake.vkey".to_owned(),
        owners: vec![OwnerDraft {
            name: "alice".to_owned(),
            key: "alice.stake.vkey".to_owned(),
            pledge_ada: String::new(),
        }],
        relays: vec![RelayDraft {
            port: "3001".to_owned(),
            host: "203.0.113.10".to_owned(),
            ..RelayDraft::default()
        }],
        metadata: MetadataDraft {
            name: "Alice Pool".to_owned(),
            ticker: "ALICE".to_owned(),
            description: String::new(),
            homepage: "https://alice.example.com".to_owned(),
            extended: String::new(),
            url: "https://alice.example.com/poolMetaData.json".to_owned(),
        },
        deposit_ada: "2".to_owned(),
    }
}

fn open(dir: &TempDir, form: RegistrationForm, size: egui::Vec2) -> Harness<'static, ConsoleApp> {
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir.path());
    a.registration = form;
    a.tab = Tab::Registration;
    a.status = None;
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), a);
    h.run_steps(4);
    h
}

fn big() -> egui::Vec2 {
    egui::vec2(1180.0, 860.0)
}

fn field(h: &Harness<'_, ConsoleApp>, label: &str) -> Rect {
    h.query_by_role_and_label(Role::TextInput, label)
        .unwrap_or_else(|| h.get_by_role_and_label(Role::MultilineTextInput, label))
        .rect()
}

fn text(h: &Harness<'_, ConsoleApp>, exact: &str) -> Rect {
    h.get_by_label(exact).rect()
}

fn disabled(h: &Harness<'_, ConsoleApp>, label: &str) -> bool {
    use egui_kittest::kittest::NodeT as _;
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// The rects of fields, in the order asked, measured from the first owner's name field (the
/// view scrolls to each field typed into; the form itself must not move).
fn rects(h: &Harness<'_, ConsoleApp>, labels: &[&str]) -> Vec<Rect> {
    let origin = field(h, "Owner 1 name").min.to_vec2();
    labels
        .iter()
        .map(|l| field(h, l).translate(-origin))
        .collect()
}

#[test]
fn later_fields_keep_their_place_while_an_error_appears_above_them() {
    let dir = pool();
    let mut form = complete();
    form.pledge_ada.clear();
    form.relays[0].host.clear();
    let mut h = open(&dir, form, big());
    let later = [
        "Owner 1 stake key",
        "Owner 1 pledge (ADA)",
        "Reward account",
        "Pledge (ADA)",
        "Fixed cost (ADA per epoch)",
        "Margin (%)",
        "Relay 1 address",
        "Relay 1 port",
        "Pool name",
        "Metadata URL",
    ];
    let before = rects(&h, &later);
    h.run_steps(5);
    assert_eq!(rects(&h, &later), before, "the form has settled");

    type_into(&mut h, "Pledge (ADA)", "12x");
    assert!(shows(&h, "\"12x\" is not an amount"));
    type_into(&mut h, "Owner 1 stake key", "nobody");
    assert!(shows(&h, "is neither a stake key file in this folder"));
    type_into(&mut h, "Relay 1 address", "relay.example.com");
    assert!(shows(&h, "is a name, not an IP address"));
    h.run_steps(3);
    assert_eq!(rects(&h, &later), before, "nothing moved under the pointer");
}

#[test]
fn a_relay_row_says_both_its_errors_each_under_its_field() {
    let dir = pool();
    let mut form = complete();
    form.relays[0].host.clear();
    let mut h = open(&dir, form, big());
    type_into(&mut h, "Relay 1 address", "relay.example.com");
    replace_text(&mut h, "Relay 1 port", "99999");
    let host =
        "\"relay.example.com\" is a name, not an IP address: choose the kind \"DNS name (A/AAAA)\"";
    let port = "port 99999 is out of range: use a port from 1 to 65535 (cardano-node listens on 3001 by default)";
    let (address_field, port_field) = (field(&h, "Relay 1 address"), field(&h, "Relay 1 port"));
    let (host_message, port_message) = (text(&h, host), text(&h, port));
    assert!(
        host_message.top() >= address_field.bottom() && host_message.bottom() <= port_field.top(),
        "the address message is between the address and the port"
    );
    assert!(
        port_message.top() >= port_field.bottom(),
        "the port message is under the port"
    );
    assert!(
        text(&h, host).left() == address_field.left() && port_message.left() == port_field.left()
    );
}

#[test]
fn the_margin_is_said_in_percent() {
    let dir = pool();
    let mut h = open(&dir, complete(), big());
    replace_text(&mut h, "Margin (%)", "150");
    assert!(h
        .query_by_label("150 % is over 100 %: the margin is a percentage from 0 to 100")
        .is_some());
    assert!(shows(&h, "To build, fix: margin."));
    replace_text(&mut h, "Margin (%)", "1.5");
    assert!(h.query_by_label("1.5% = 3/200 exactly").is_some());
}

#[test]
fn the_description_is_counted_as_it_is_typed() {
    let dir = pool();
    let mut h = open(&dir, complete(), big());
    assert!(h.query_by_label("0 / 255 characters").is_some());
    type_into(&mut h, "Description", "A pool run by Alice.");
    assert!(h.query_by_label("20 / 255 characters").is_some());
    type_into(&mut h, "Description", &" More.".repeat(40));
    assert!(h
        .query_by_label("260 / 255 characters: 5 too many")
        .is_some());
    assert!(shows(&h, "To build, fix: metadata."));
}

#[test]
fn a_status_line_error_from_the_form_goes_once_the_form_is_fixed() {
    let dir = pool();
    let mut form = complete();
    form.margin_percent.clear();
    let mut h = open(&dir, form, big());
    assert!(
        h.query_by_label("enter the margin in percent, e.g. 1.5")
            .is_none(),
        "an empty field is not an error before anything is asked"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    let status = h.state().status.clone().unwrap();
    assert!(status.is_error);
    assert_eq!(
        status.text,
        "The certificate cannot be built yet: fix margin (each says what is wrong under it)."
    );
    assert!(
        h.query_by_label("enter the margin in percent, e.g. 1.5")
            .is_some(),
        "the reason is said under the field too"
    );
    type_into(&mut h, "Margin (%)", "1.5");
    h.run_steps(2);
    assert_eq!(h.state().status, None, "the error went once fixed");
    assert!(h
        .query_by_label("enter the margin in percent, e.g. 1.5")
        .is_none());
}

#[test]
fn the_save_metadata_error_goes_once_the_metadata_is_fixed() {
    let dir = pool();
    let mut form = complete();
    form.metadata.ticker = "AB".to_owned();
    let mut h = open(&dir, form, big());
    click(&mut h, "Save metadata file");
    let status = h.state().status.clone().unwrap();
    assert!(status.is_error);
    assert_eq!(
        status.text,
        "The metadata is not valid yet: the ticker has 2 characters; it needs 3 to 5"
    );
    assert!(!dir.path().join("poolMetaData.json").exists());
    // Fixing another field leaves the error; fixing the ticker takes it away.
    replace_text(&mut h, "Margin (%)", "2");
    h.run_steps(2);
    assert_eq!(h.state().status, Some(status));
    replace_text(&mut h, "Ticker", "ABC");
    h.run_steps(2);
    assert_eq!(h.state().status, None, "the error went once fixed");
}

#[test]
fn enter_builds_only_a_complete_form_and_escape_changes_nothing() {
    let dir = pool();
    let mut form = complete();
    form.margin_percent.clear();
    let mut h = open(&dir, form, big());
    let cert = dir.path().join("pool.cert");

    h.get_by_role_and_label(Role::TextInput, "Pledge (ADA)")
        .focus();
    h.run_steps(1);
    key(&mut h, Key::Enter);
    assert!(!cert.exists(), "an incomplete form builds nothing");
    assert_eq!(h.state().status, None);
    assert!(
        h.query_by_label("enter the margin in percent, e.g. 1.5")
            .is_some(),
        "Enter shows what is missing, under its field"
    );
    let typed = h.state().registration.clone();
    // Escape in a field lets go of it and nothing else.
    h.get_by_role_and_label(Role::TextInput, "Margin (%)")
        .focus();
    h.run_steps(1);
    key(&mut h, Key::Escape);
    assert_eq!(h.state().registration, typed);
    assert!(!cert.exists() && h.state().status.is_none() && h.state().confirm.is_none());

    // Enter in the description makes a new line, never a certificate.
    type_into(&mut h, "Margin (%)", "1.5");
    type_into(&mut h, "Description", "Line one");
    key(&mut h, Key::Enter);
    assert!(!cert.exists());
    // Enter in a one-line field of a complete form builds.
    h.get_by_role_and_label(Role::TextInput, "Margin (%)")
        .focus();
    h.run_steps(1);
    key(&mut h, Key::Enter);
    assert!(cert.is_file(), "{:?}", h.state().status);
    assert!(h
        .state()
        .status
        .as_ref()
        .unwrap()
        .text
        .starts_with("Saved pool.cert"));
}

#[test]
fn the_owner_pledge_field_shows_a_twelve_digit_amount() {
    let dir = pool();
    let mut h = open(&dir, complete(), egui::vec2(960.0, 640.0));
    type_into(&mut h, "Owner 1 pledge (ADA)", "100000");
    assert_eq!(h.state().registration.owners[0].pledge_ada, "100000");
    let twelve_digits = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            "000000000000".to_owned(),
            egui::FontId::proportional(12.5),
            egui::Color32::WHITE,
        )
        .size()
        .x
    });
    let shown = field(&h, "Owner 1 pledge (ADA)");
    assert!(
        shown.width() >= twelve_digits + 8.0,
        "{} wide for {twelve_digits} of digits",
        shown.width()
    );
    assert!(shown.right() <= 960.0, "inside the window");
    assert!(
        h.query_by_label("100\u{a0}000 ADA planned by this owner")
            .is_some(),
        "read back in ADA"
    );
}

#[test]
fn export_plan_says_before_the_click_that_it_needs_each_owners_pledge() {
    let dir = pool();
    let mut h = open(&dir, complete(), big());
    // The certificate does not need the owner's pledge: Build is ready, Export plan is not.
    assert!(h.state().check_registration().params.is_some());
    assert!(shows(
        &h,
        "Export plan needs each owner's pledge: fill in Owner 1's pledge."
    ));
    assert!(
        h.query_by_label("Export plan needs each owner's pledge; the certificate does not")
            .is_some(),
        "said under the owner's pledge field"
    );
    assert!(disabled(&h, "Export plan…"));
    assert!(!disabled(&h, "Build certificate"));
    type_into(&mut h, "Owner 1 pledge (ADA)", "100000");
    assert!(!disabled(&h, "Export plan…"));
    assert!(shows(&h, "The plan lists each owner's pledge"));
}

#[test]
fn the_preview_card_fits_a_960_by_640_window() {
    let dir = pool();
    let mut form = complete();
    form.metadata.description = "A small independent pool run from a home lab in Lisbon, with two relays and a long description that must wrap inside the card.".to_owned();
    let mut h = open(&dir, form, egui::vec2(960.0, 640.0));
    h.get_by_label("Metadata size").scroll_to_me();
    h.run_steps(3);
    for label in [
        "Preview",
        "Metadata size",
        "Metadata hash (blake2b-256)",
        "A small independent pool run from a home lab in Lisbon, with two relays and a long description that must wrap inside the card.",
    ] {
        let r = h.get_by_label(label).rect();
        assert!(r.right() <= 960.0, "{label} ends at {}", r.right());
    }
    for label in ["Owner 1 stake key", "Relay 1 address", "Metadata URL"] {
        assert!(field(&h, label).right() <= 960.0, "{label} is cut");
    }
}
