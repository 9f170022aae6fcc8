//! How the console looks and answers the keyboard: the destructive cold-key confirmation
//! (red, Escape cancels, Enter does not confirm), Enter confirming a harmless dialog, inputs
//! that stand out in the light theme, hints as readable as body text, and nothing cut at the
//! smallest window (960×640).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::read;
use common::ui::{app, click, fixed_now, key, shows};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};
use pool_console::core::certificate::amount::GROUP_SEPARATOR;
use pool_console::ui::theme;
use tempfile::TempDir;

const COLD_FILES: [&str; 3] = ["cold.vkey", "cold.skey", "cold.counter"];

/// The console in `theme` (dark or light) at `size`, as the real program applies it.
fn themed(a: ConsoleApp, dark: bool, size: egui::Vec2) -> Harness<'static, ConsoleApp> {
    Harness::builder()
        .with_size(size)
        .with_theme(if dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        })
        .with_context_setup(move |ctx| theme::apply(ctx, dark))
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), a)
}

fn cold_bytes(dir: &Path) -> Vec<Vec<u8>> {
    COLD_FILES.iter().map(|f| read(&dir.join(f))).collect()
}

/// A pool folder with cold keys, on the Keys tab, with the "Replace the cold keys?"
/// confirmation open.
fn replace_cold_keys_asked(dir: &Path) -> Harness<'static, ConsoleApp> {
    common::issued_pool(dir, 1571, 0);
    let mut a = app(vec![], fixed_now());
    a.open_workspace(dir);
    a.tab = Tab::Keys;
    let mut h = common::ui::harness(a);
    h.run_steps(2);
    click(&mut h, "Generate cold keys");
    assert!(shows(&h, "Replace the cold keys?"));
    h
}

#[test]
fn replacing_cold_keys_is_red_and_says_what_is_lost() {
    let d = TempDir::new().unwrap();
    let h = replace_cold_keys_asked(d.path());
    assert!(shows(&h, "⚠ Replace the cold keys?"));
    assert!(shows(&h, "Lost with the old cold.skey"));
    assert!(shows(&h, "This cannot be undone"));
    // The confirming button carries the warning sign and sits inside the window.
    let r = h.get_by_label("⚠ Replace cold keys").rect();
    assert!(h.ctx.content_rect().contains_rect(r), "{r:?}");
}

#[test]
fn escape_closes_the_cold_key_confirmation_and_replaces_nothing() {
    let d = TempDir::new().unwrap();
    let mut h = replace_cold_keys_asked(d.path());
    let before = cold_bytes(d.path());
    key(&mut h, egui::Key::Escape);
    assert!(h.state().confirm.is_none(), "Escape closes the dialog");
    assert!(!shows(&h, "Replace the cold keys?"));
    assert_eq!(cold_bytes(d.path()), before);
    assert_eq!(
        h.state().status.as_ref().unwrap().text,
        "Cancelled: nothing was changed."
    );
}

#[test]
fn enter_does_not_replace_the_cold_keys_only_a_click_does() {
    let d = TempDir::new().unwrap();
    let mut h = replace_cold_keys_asked(d.path());
    let before = cold_bytes(d.path());
    key(&mut h, egui::Key::Enter);
    key(&mut h, egui::Key::Enter);
    assert!(shows(&h, "Replace the cold keys?"), "still asking");
    assert_eq!(cold_bytes(d.path()), before);
    // The click still works, so the test above could have failed.
    click(&mut h, "Replace cold keys");
    assert!(h.state().confirm.is_none());
    let after = cold_bytes(d.path());
    assert!(
        after.iter().zip(&before).take(2).all(|(a, b)| a != b),
        "new cold keys"
    );
}

#[test]
fn enter_confirms_a_harmless_dialog_creating_a_folder() {
    let d = TempDir::new().unwrap();
    let missing = d.path().join("new-pool");
    let mut h = common::ui::harness(app(vec![], fixed_now()));
    h.run_steps(2);
    h.state_mut().open_or_offer_to_create(missing.clone());
    h.run_steps(2);
    assert!(shows(&h, "Create the pool folder"));
    key(&mut h, egui::Key::Enter);
    assert!(missing.is_dir(), "Enter pressed Create");
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, missing);
}

#[test]
fn light_theme_inputs_stand_apart_from_panels_and_cards() {
    for dark in [false, true] {
        let h = themed(app(vec![], fixed_now()), dark, egui::vec2(960.0, 640.0));
        let style = h.ctx.global_style();
        let v = &style.visuals;
        assert_eq!(v.dark_mode, dark, "the harness shows the theme asked for");
        let input = v.text_edit_bg_color();
        assert_ne!(input, v.panel_fill, "dark={dark}");
        assert_ne!(input, v.window_fill, "dark={dark}");
        assert_ne!(input, theme::card_fill(v), "dark={dark}");
        // An outline too, so the box shows even where the fills are close.
        assert!(v.widgets.inactive.bg_stroke.width >= 1.0, "dark={dark}");
        assert_ne!(v.widgets.inactive.bg_stroke.color, input, "dark={dark}");
    }
}

#[test]
fn grouped_amounts_use_a_space_the_default_fonts_draw() {
    let h = themed(app(vec![], fixed_now()), true, egui::vec2(960.0, 640.0));
    let ctx = &h.ctx;
    for font in [
        egui::FontId::proportional(14.0),
        egui::FontId::monospace(14.0),
    ] {
        assert!(
            ctx.fonts_mut(|f| f.has_glyph(&font, GROUP_SEPARATOR)),
            "{font:?}"
        );
    }
}

#[test]
fn at_960_by_640_every_watch_row_keeps_its_remove_button_in_the_window() {
    let d = TempDir::new().unwrap();
    let folders: Vec<_> = [
        ("alpha-pool", 1571),
        ("bravo-pool", 1500),
        ("charlie-pool", 1515),
    ]
    .into_iter()
    .map(|(name, period)| {
        let p = d.path().join(name);
        std::fs::create_dir(&p).unwrap();
        common::issued_pool(&p, period, 0);
        p
    })
    .collect();
    for dark in [true, false] {
        let mut a = app(vec![], fixed_now());
        a.settings.watched_workspaces.clone_from(&folders);
        a.tab = Tab::Watch;
        let mut h = themed(a, dark, egui::vec2(960.0, 640.0));
        h.run_steps(4);
        let window = h.ctx.content_rect();
        let removes: Vec<egui::Rect> = h.query_all_by_label("✖").map(|n| n.rect()).collect();
        assert_eq!(removes.len(), 3);
        for r in removes {
            assert!(window.contains_rect(r), "{r:?} outside {window:?}");
        }
    }
}

#[test]
fn at_960_by_640_long_inspect_values_wrap_inside_the_window() {
    let d = TempDir::new().unwrap();
    let metadata = d.path().join("poolMetaData.json");
    let words = "A pool run from a home lab by two friends who care about decentralisation, with relays on three continents and a public status page.";
    std::fs::write(
        &metadata,
        format!(r#"{{"name":"Alice Pool","description":"{words}","ticker":"ALICE","homepage":"https://alicepool.io"}}"#),
    )
    .unwrap();
    let mut a = app(vec![], fixed_now());
    a.tab = Tab::Inspect;
    a.inspect_path(&common::vector(
        "derived/pool-registration/conway-mainnet-full.cert",
    ));
    a.inspect_path(&metadata); // the newest is shown first
    let mut h = themed(a, true, egui::vec2(960.0, 640.0));
    h.run_steps(4);
    let window = h.ctx.content_rect();
    let description = h.state().drafts.inspected[0].1.as_ref().unwrap();
    let long = description.get("Description").unwrap().to_owned();
    for value in [
        long.as_str(),
        "stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklal (mainnet)",
        "6aa5f600f54659d456dc2628997df23d98f8f85681edd3e6f4a9340cb06b8db7",
    ] {
        let r = h.get_by_label(value).rect();
        assert!(r.max.x <= window.max.x, "{value} ends at {}", r.max.x);
    }
    // The long description took more than one line rather than running off the edge.
    let r = h.get_by_label(&long).rect();
    assert!(r.height() > 30.0, "{r:?}");
    // The owner is a stake address, the amounts grouped.
    assert!(shows(
        &h,
        "stake1uxqmgfzls3vn7c7qlu3fdycz2nmh5p5sl2w7t7tfetp8evqacghf3"
    ));
    assert!(shows(
        &h,
        "100\u{a0}000 ADA (100\u{a0}000\u{a0}000\u{a0}000 lovelace)"
    ));
}

/// Focuses the text field labelled `label`, types `text` (if any) and presses Enter.
fn enter_in(h: &mut Harness<'static, ConsoleApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    if !text.is_empty() {
        field.type_text(text);
    }
    h.run_steps(1);
    key(h, egui::Key::Enter);
}

#[test]
fn enter_in_a_form_field_presses_its_button_and_the_confirmation_still_waits_for_a_click() {
    let d = TempDir::new().unwrap();
    common::issued_pool(d.path(), 1571, 0);
    std::fs::remove_file(d.path().join("node.opcert")).unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(d.path());
    a.tab = Tab::OpCert;
    let mut h = common::ui::harness(a);
    h.run_steps(2);
    enter_in(&mut h, "Start KES period", "");
    assert!(shows(&h, "Issue the operational certificate?"));
    key(&mut h, egui::Key::Enter);
    assert!(
        !d.path().join("node.opcert").exists(),
        "Enter issued nothing"
    );
    click(&mut h, "Issue certificate");
    assert!(d.path().join("node.opcert").is_file());

    // The owner name's Enter generates that owner's stake keys.
    h.state_mut().show_tab(Tab::Keys);
    h.run_steps(2);
    enter_in(&mut h, "Owner name", "bob");
    assert!(d.path().join("bob.stake.vkey").is_file());
}

#[test]
fn both_pool_id_lines_on_the_pool_tab_are_labelled() {
    let d = TempDir::new().unwrap();
    common::issued_pool(d.path(), 1571, 0);
    let mut a = app(vec![], fixed_now());
    a.open_workspace(d.path());
    a.tab = Tab::Pool;
    let mut h = common::ui::harness(a);
    h.run_steps(2);
    let id = h.state().workspace.as_ref().unwrap().pool_id().unwrap();
    for (label, value) in [
        (
            "Pool id (bech32)",
            pool_console::core::keys::address::pool_bech32(&id),
        ),
        ("Pool id (hex)", hex::encode(id)),
    ] {
        assert_eq!(h.query_all_by_label(label).count(), 1, "{label}");
        assert!(shows(&h, &value), "{label}: {value} shown whole");
    }
}

#[test]
fn hints_under_fields_are_as_tall_as_body_text_not_egui_small_text() {
    let d = TempDir::new().unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(d.path());
    a.tab = Tab::OpCert;
    let mut h = themed(a, true, egui::vec2(960.0, 640.0));
    h.run_steps(3);
    // The tab's one-line introduction, in body text.
    let body = h
        .get_by_label_contains("The cold key signs the KES key")
        .rect()
        .height();
    for hint in [
        "The current KES period is 1571.",
        "Needs cold.skey, the counter and kes.vkey (Keys tab).",
    ] {
        let height = h.get_by_label(hint).rect().height();
        assert!(
            height >= body,
            "{hint:?} is {height} px tall, body text {body} px"
        );
    }
    // What stays small is still a readable size.
    let small = &h.ctx.global_style().text_styles[&egui::TextStyle::Small];
    assert!(small.size >= 11.0, "small text is {} px", small.size);
}

#[test]
fn owner_stake_keys_on_the_keys_tab_read_as_stake_addresses() {
    let d = TempDir::new().unwrap();
    std::fs::copy(
        common::vector("input/node-pool/owner.vkey"),
        d.path().join("alice.stake.vkey"),
    )
    .unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(d.path());
    a.tab = Tab::Keys;
    let mut h = themed(a, true, egui::vec2(960.0, 640.0));
    h.run_steps(3);
    // `cardano-cli stake-address build --mainnet` of that key, whole.
    assert!(shows(
        &h,
        "stake1u96fgs8c0zjm52kr4vpahhkx4cadtjylqm7fcqckzx28sqcdlklal"
    ));
}

/// The Sign tab at the smallest window, with the transaction `tx` loaded.
fn signing_at_960(tx: &Path) -> Harness<'static, ConsoleApp> {
    let mut a = app(vec![], fixed_now());
    a.sign.load(tx);
    a.tab = Tab::Sign;
    let mut h = themed(a, true, egui::vec2(960.0, 640.0));
    h.run_steps(4);
    h
}

#[test]
fn at_960_by_640_a_transaction_output_address_wraps_inside_the_window() {
    let d = TempDir::new().unwrap();
    let h = signing_at_960(&common::review::registration_tx(d.path()));
    let output = h.get_by_label_contains("ADA to addr1");
    let text = {
        use egui_kittest::kittest::NodeT as _;
        let n = output.accesskit_node();
        n.label().or_else(|| n.value()).unwrap_or_default()
    };
    assert_eq!(
        text.len(),
        "5 ADA to ".len() + 103,
        "the whole address: {text}"
    );
    let rect = output.rect();
    assert!(
        rect.right() <= 960.0,
        "the output ends at x = {}",
        rect.right()
    );
}

#[test]
fn at_960_by_640_a_delegation_certificate_being_signed_wraps_inside_the_window() {
    let d = TempDir::new().unwrap();
    let h = signing_at_960(&common::review::registration_and_delegation_tx(d.path()));
    let credential = h.get_by_label_contains("key hash ");
    assert!(
        credential.rect().right() <= 960.0,
        "the stake credential ends at x = {}",
        credential.rect().right()
    );
}

#[test]
fn at_960_by_640_every_witness_says_missing_inside_the_window() {
    let d = TempDir::new().unwrap();
    let h = signing_at_960(&common::review::registration_and_delegation_tx(d.path()));
    let missing = h.query_all_by_label("⚠ missing").collect::<Vec<_>>();
    assert_eq!(missing.len(), 3, "cold key and two owners");
    for m in missing {
        assert!(m.rect().right() <= 960.0, "at x = {}", m.rect().right());
    }
}
