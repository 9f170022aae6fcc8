//! KES at a glance, clicked like a person: one "periods left" on the KES tab, on Watch and in
//! `kes expiry`; the exact words of the ok, overdue/alert and expired states; Watch rows that
//! lead to their pool; each tab opening at its top; and an idle console that redraws only
//! when what it shows changes.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use common::ui::{app, fixed_now, harness, idle_delay, shows};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::Harness;
use pool_console::app::{ConsoleApp, Tab};
use pool_console::core::chain::clock::parse_time;
use tempfile::TempDir;

/// A pool folder `root/name` with an opcert for `period` (mainnet).
fn pool_folder(root: &Path, name: &str, period: u64) -> PathBuf {
    let p = root.join(name);
    std::fs::create_dir(&p).unwrap();
    common::issued_pool(&p, period, 0);
    p
}

/// Dates on screen are local: the same zone as CI's, whatever this machine's is.
fn utc_zone() {
    std::env::set_var("TZ", "UTC");
}

fn y_of(h: &Harness<'_, ConsoleApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().y
}

/// The widget labelled `label` on the same row as the pool `pool` (rows repeat their labels).
fn on_row<'h>(
    h: &'h Harness<'_, ConsoleApp>,
    pool: &str,
    label: &'h str,
) -> egui_kittest::Node<'h> {
    let y = y_of(h, pool);
    h.query_all_by_label(label)
        .find(|n| (n.rect().center().y - y).abs() < 16.0)
        .unwrap_or_else(|| panic!("no {label} on {pool}'s row"))
}

#[test]
fn periods_left_agree_on_the_kes_tab_watch_and_kes_expiry() {
    utc_zone();
    let d = TempDir::new().unwrap();
    // Start 1560, now 1571: periods 1571..=1621 are left, the current one included.
    let dir = pool_folder(d.path(), "alpha", 1560);
    let mut a = app(vec![], fixed_now());
    a.open_workspace(&dir);
    a.tab = Tab::Kes;
    let mut h = harness(a);
    h.run_steps(4);
    let kes_tab = h
        .query_all_by_label_contains(" of 62 KES periods left, this one included")
        .next()
        .expect("the KES tab's periods left")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    let kes_tab: u64 = kes_tab.split(' ').next().unwrap().parse().unwrap();

    h.state_mut().tab = Tab::Watch;
    h.run_steps(4);
    let watch: u64 = on_row(&h, "alpha", "51")
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .parse()
        .unwrap();

    let out = common::ok(
        &dir,
        &[
            "kes",
            "expiry",
            "--op-cert-file",
            "node.opcert",
            "--mainnet",
            "--at",
            "2026-11-21T12:00:00Z",
            "--output-json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let cli = v["periodsLeft"].as_u64().unwrap();
    let text = String::from_utf8(common::ok(
        &dir,
        &[
            "kes",
            "expiry",
            "--op-cert-file",
            "node.opcert",
            "--mainnet",
            "--at",
            "2026-11-21T12:00:00Z",
        ],
    ))
    .unwrap();
    assert!(
        text.contains("Periods left:        51 (this one included)\n"),
        "{text}"
    );
    assert_eq!((kes_tab, watch, cli), (51, 51, 51));
}

/// The three states: (start period, headline, status line, Watch status word).
const STATES: [(&str, u64, &str, &str, &str); 4] = [
    (
        "fine",
        1560,
        "Rotate by 2027-01-21 21:44 +00:00 (in 61 days)",
        "✔ OK: 75 days left",
        "✔ OK",
    ),
    (
        "warned",
        1515,
        "Overdue since 2026-11-15 09:44 +00:00",
        "⚠ Overdue: rotate within 7 days",
        "⚠ Overdue",
    ),
    (
        "alerted",
        1511,
        "Overdue since 2026-11-09 09:44 +00:00",
        "⏰ Alert: rotate now, 1 day 21 hours left",
        "⏰ Alert",
    ),
    (
        "expired",
        1500,
        "Expired since 2026-11-06 21:44 +00:00 — the node makes no blocks",
        "⛔ Expired: the node makes no blocks",
        "⛔ Expired",
    ),
];

#[test]
fn ok_overdue_and_expired_read_in_words_on_the_kes_tab_and_watch() {
    utc_zone();
    let d = TempDir::new().unwrap();
    let dirs: Vec<PathBuf> = STATES
        .iter()
        .map(|(name, period, ..)| pool_folder(d.path(), name, *period))
        .collect();
    for ((name, _, headline, status, _), dir) in STATES.iter().zip(&dirs) {
        let ics = d.path().join(format!("{name}.ics"));
        let mut a = app(vec![ics.clone()], fixed_now());
        a.open_workspace(dir);
        a.tab = Tab::Kes;
        let mut h = harness(a);
        h.run_steps(4);
        h.get_by_label(headline);
        h.get_by_label(status);
        assert!(!shows(&h, "0d 0h"), "{name}");
        let fine = *name == "fine";
        // A reminder only for a date still ahead; past it, the way to the rotation.
        assert_eq!(shows(&h, "Add to calendar"), fine, "{name}");
        assert_eq!(shows(&h, "🔄 Rotate now"), !fine, "{name}");
        if !fine {
            h.state_mut().export_calendar();
            assert!(!ics.exists(), "{name}: no event for a past date");
            assert_eq!(
                h.state().status.as_ref().map(|s| s.text.as_str()),
                Some("The rotate-by date has passed: rotate now instead of setting a reminder.")
            );
        }
    }

    let mut a = app(vec![], fixed_now());
    a.settings.watched_workspaces = dirs;
    a.tab = Tab::Watch;
    let mut h = harness(a);
    h.run_steps(4);
    for (name, _, headline, _, word) in STATES {
        let y = y_of(&h, name);
        for text in [headline, word] {
            let dy = (y_of(&h, text) - y).abs();
            assert!(dy < 16.0, "{text} is not on {name}'s row");
        }
    }
    assert!(!shows(&h, "0d 0h"));
    // Alert and expired differ in icon and word, not only in colour.
    assert!(shows(&h, "1d 21h 44m left"), "the alerted pool's time left");
}

#[test]
fn watch_rows_open_their_pool_and_start_its_rotation() {
    utc_zone();
    let d = TempDir::new().unwrap();
    let alpha = pool_folder(d.path(), "alpha", 1560);
    let bravo = pool_folder(d.path(), "bravo", 1511);
    let mut a = app(vec![], fixed_now());
    a.settings.watched_workspaces = vec![alpha.clone(), bravo.clone()];
    a.tab = Tab::Watch;
    let mut h = harness(a);
    h.run_steps(4);
    h.get_by_label("bravo").click();
    h.run_steps(3);
    assert_eq!(h.state().tab, Tab::Pool);
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, bravo);

    h.state_mut().tab = Tab::Watch;
    h.run_steps(4);
    on_row(&h, "alpha", "🔄 Rotate…").click();
    h.run_steps(4);
    assert_eq!(h.state().tab, Tab::Kes);
    assert_eq!(h.state().workspace.as_ref().unwrap().dir, alpha);
    let step = h.get_by_label("1. The issue number").rect();
    assert!(
        step.top() > 0.0 && step.bottom() < 860.0,
        "the rotation steps are in view: {step:?}"
    );
}

#[test]
fn each_tab_opens_at_its_top() {
    let d = TempDir::new().unwrap();
    let dirs: Vec<PathBuf> = STATES
        .iter()
        .map(|(name, period, ..)| pool_folder(d.path(), name, *period))
        .collect();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(&dirs[0]);
    a.settings.watched_workspaces = dirs;
    a.tab = Tab::Kes;
    // The smallest window the console allows: both tabs are taller than it.
    let mut h = Harness::builder()
        .with_size(egui::vec2(960.0, 640.0))
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), a);
    h.run_steps(4);
    let at_top = |h: &Harness<'_, ConsoleApp>, heading: &str| {
        let y = y_of(h, heading);
        assert!((40.0..140.0).contains(&y), "{heading} heading at {y}");
    };
    // Far down the KES tab (the rotation journal), then to Watch: it opens at its top.
    h.get_by_label_contains("Rotation journal").scroll_to_me();
    h.run_steps(3);
    assert!(y_of(&h, "KES") < 0.0, "scrolled past the heading");
    h.get_by_label_contains("📡").click();
    h.run_steps(3);
    at_top(&h, "Watch");
    // Far down Watch (the nodes), then back to KES.
    h.get_by_label_contains("➕ Add node").scroll_to_me();
    h.run_steps(3);
    assert!(y_of(&h, "Watch") < 0.0, "scrolled past the heading");
    h.get_by_label_contains("⏱").click();
    h.run_steps(3);
    at_top(&h, "KES");
}

fn at(time: &str) -> DateTime<Utc> {
    parse_time(time).unwrap()
}

#[test]
fn the_idle_kes_tab_redraws_by_the_minute_and_by_the_second_in_the_last_hour() {
    let d = TempDir::new().unwrap();
    // Rotate by 2027-01-21T21:44:51Z, expires 2027-02-04T21:44:51Z.
    let dir = pool_folder(d.path(), "alpha", 1560);
    let kes_at = |now| {
        let mut a = app(vec![], now);
        a.open_workspace(&dir);
        a.tab = Tab::Kes;
        idle_delay(a)
    };
    // Countdowns move at :51 past each minute, the clock at :00.
    assert_eq!(kes_at(fixed_now()), Duration::from_secs(51));
    assert_eq!(kes_at(at("2026-11-21T12:00:51Z")), Duration::from_secs(9));
    // The last hour before the rotate-by date shows seconds.
    assert_eq!(kes_at(at("2027-01-21T21:14:51Z")), Duration::from_secs(1));
    // Tabs without a clock on them wait for input.
    let mut a = app(vec![], fixed_now());
    a.tab = Tab::Registration;
    assert_eq!(idle_delay(a), Duration::MAX);
}
