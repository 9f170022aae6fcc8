//! KES watch and rotation, clicked like a person: the pool list in urgency order, the counter
//! wizard refusing m+2, a full rotation in a temp workspace, and the live node view against
//! metrics servers on 127.0.0.1 (one of which never answers).
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::metrics_server::{serve, silent};
use common::ui::{app, click_exact, fixed_now, harness, press, shows, type_into};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pool_console::app::network::NetworkChoice;
use pool_console::app::settings::MetricsEndpoint;
use pool_console::app::Tab;
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::kes::opcert::{IssueCounter, OpCert};
use tempfile::TempDir;

/// A pool folder `root/name` with cold keys and an opcert of issue number `n` for `period`.
fn pool_folder(root: &Path, name: &str, period: u64, n: u64) -> PathBuf {
    let p = root.join(name);
    std::fs::create_dir(&p).unwrap();
    common::issued_pool(&p, period, n);
    p
}

fn envelope(path: &Path) -> TextEnvelope {
    TextEnvelope::parse(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn pool_list_is_sorted_by_urgency() {
    let d = TempDir::new().unwrap();
    // At the fixed clock (period 1571, 26.25 h in): 1571 → 91 days, 1515 → 7.9 days (warn),
    // 1511 → 1.9 days (alert), 1500 → expired, 1580 → not valid yet.
    let folders: Vec<PathBuf> = [
        ("alpha", 1571),
        ("bravo", 1500),
        ("charlie", 1515),
        ("delta", 1511),
        ("echo", 1580),
    ]
    .into_iter()
    .map(|(name, p)| pool_folder(d.path(), name, p, 0))
    .collect();
    let mut a = app(vec![], fixed_now());
    a.settings.watched_workspaces = folders;
    a.tab = Tab::Watch;
    let mut h = harness(a);
    h.run_steps(3);
    let y = |h: &egui_kittest::Harness<'_, _>, name: &str| h.get_by_label(name).rect().center().y;
    let order = ["bravo", "echo", "delta", "charlie", "alpha"];
    let ys: Vec<f32> = order.iter().map(|n| y(&h, n)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{order:?} at {ys:?}");
    for word in [
        "⛔ Expired",
        "⏳ Not valid yet",
        "⏰ Alert",
        "⚠ Overdue",
        "✔ OK",
    ] {
        assert!(shows(&h, word), "no {word}");
    }
    // Each status sits on its pool's row.
    for (name, word) in [
        ("bravo", "⛔ Expired"),
        ("delta", "⏰ Alert"),
        ("charlie", "⚠ Overdue"),
        ("alpha", "✔ OK"),
    ] {
        let dy = (h.get_by_label(word).rect().center().y - y(&h, name)).abs();
        assert!(dy < 16.0, "{word} is not on {name}'s row");
    }
    assert!(
        h.query_all_by_label_contains("1d 21h").next().is_some(),
        "delta's time left"
    );

    // Moving the warning threshold below 7 days turns charlie fine, with no other action.
    let mut a = h.into_state();
    a.settings.warn_days = 7;
    let mut h = harness(a);
    h.run_steps(3);
    assert!(!shows(&h, "⚠ Overdue"));
    let charlie = y(&h, "charlie");
    assert!(charlie > y(&h, "delta"));
}

#[test]
fn counter_wizard_refuses_m_plus_2() {
    let d = TempDir::new().unwrap();
    let dir = pool_folder(d.path(), "pool", 1565, 4);
    let before = common::snapshot(&dir);
    let mut a = app(vec![], fixed_now());
    a.open_workspace(&dir);
    a.tab = Tab::Kes;
    let mut h = harness(a);
    // The wizard's grid sizes its columns over the first frames; click once it has settled.
    h.run_steps(6);
    press(&mut h, "Read it from node.opcert");
    assert!(shows(&h, "4 or 5 (the chain has seen 4)"));
    type_into(&mut h, "Issue number for the new opcert", "6");
    assert!(shows(&h, "Refused: issue number 6 is too large: the chain has seen 4, and a certificate may go at most one higher"));
    let rotate = h.get_by_label("🔄 Rotate: new KES key and opcert");
    assert!(rotate.accesskit_node().is_disabled());
    rotate.click();
    h.run_steps(3);
    assert!(
        h.state().confirm.is_none(),
        "no confirmation for a refused number"
    );
    assert_eq!(common::snapshot(&dir), before, "nothing written");

    // A pasted kes-period-info with a null node counter: the pool has not made a block.
    let mut a = h.into_state();
    a.drafts.rotation.on_chain_text.clear();
    a.drafts.rotation.issue_number_text.clear();
    let mut h = harness(a);
    h.run_steps(2);
    // (cardano-cli prints a ✓ before such lines; the core's tests cover that, the harness here
    // refuses glyphs our fonts lack, where the real console would draw a box.)
    type_into(&mut h, "Last on-chain issue number", "Operational certificate's KES period is within the correct KES period interval\n{\"qKesCurrentKesPeriod\": 1571, \"qKesEndKesInterval\": 1627, \"qKesMaxKESEvolutions\": 62, \"qKesNodeStateOperationalCertificateNumber\": null, \"qKesOnDiskOperationalCertificateNumber\": 4, \"qKesSlotsPerKesPeriod\": 129600, \"qKesStartKesInterval\": 1565}");
    assert!(shows(&h, "0 or 1 (the pool has not made a block yet)"));
}

#[test]
fn a_full_rotation_verifies_and_leaves_the_counter_at_m_plus_2() {
    let d = TempDir::new().unwrap();
    // The chain has seen issue number 3 (the opcert in use).
    let dir = pool_folder(d.path(), "pool", 1530, 3);
    let cold_vkey = pool_console::platform::load::verification_key(
        &dir.join("cold.vkey"),
        pool_console::core::keys::accept::COLD_VERIFICATION,
    )
    .unwrap()
    .public_key();
    let old_kes = std::fs::read(dir.join("kes.skey")).unwrap();
    let mut a = app(vec![], fixed_now());
    a.open_workspace(&dir);
    a.tab = Tab::Kes;
    let mut h = harness(a);
    // The wizard's grid sizes its columns over the first frames; click once it has settled.
    h.run_steps(6);
    type_into(&mut h, "Last on-chain issue number", "3");
    assert!(shows(&h, "3 or 4 (the chain has seen 3)"));
    press(&mut h, "🔄 Rotate: new KES key and opcert");
    assert!(shows(&h, "Rotate the KES key?"));
    click_exact(&mut h, "Rotate");
    h.run_steps(3);
    assert!(
        shows(&h, "Rotated: node.opcert has issue number 4 for KES period 1571; cold.counter is now at 5."),
        "{:?}",
        h.state().status
    );
    assert!(shows(
        &h,
        "Copy kes.skey and node.opcert to the block producer"
    ));

    let cert = OpCert::from_envelope(&envelope(&dir.join("node.opcert"))).unwrap();
    assert_eq!((cert.issue_number, cert.kes_period), (4, 1571));
    assert!(cert.signature_valid());
    assert_eq!(cert.cold_vkey, cold_vkey);
    let kes_vkey = pool_console::platform::load::verification_key(
        &dir.join("kes.vkey"),
        pool_console::core::keys::accept::KES_VERIFICATION,
    )
    .unwrap()
    .public_key();
    assert_eq!(
        cert.kes_vkey, kes_vkey,
        "the opcert certifies the new kes.vkey"
    );
    assert_ne!(std::fs::read(dir.join("kes.skey")).unwrap(), old_kes);
    let counter = IssueCounter::from_envelope(&envelope(&dir.join("cold.counter"))).unwrap();
    assert_eq!(counter.next_issue_number, 5, "m + 2");
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(dir.join("kes.skey"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // The pre-deploy check ran on the new files, and the journal has one line for them.
    for line in [
        "✔ KES key: passed",
        "✔ Cold signature: passed",
        "✔ KES period window: passed",
        "✔ Issue counter: passed",
    ] {
        assert!(shows(&h, line), "{line}");
    }
    let journal = std::fs::read_to_string(dir.join("rotation-journal.jsonl")).unwrap();
    assert_eq!(journal.lines().count(), 1);
    assert!(
        journal.starts_with("{\"recordedAt\":\"2026-11-21T12:00:00Z\",\"pool\":\"pool1"),
        "{journal}"
    );
    assert!(
        journal.contains("\"issueNumber\":4,\"kesPeriod\":1571,"),
        "{journal}"
    );
    assert!(
        shows(&h, "2026-11-21T12:00:00Z"),
        "the journal row, with its time in UTC"
    );
    assert!(
        h.query_all_by_label_contains("2026-11-21 12:00 UTC")
            .next()
            .is_some(),
        "the machine clock, to the minute"
    );
}

#[test]
fn live_view_shows_a_node_and_one_that_never_answers() {
    let good = serve(
        "cardano_node_Forge_metrics_currentKESPeriod_int 1571\n\
         cardano_node_Forge_metrics_remainingKESPeriods_int 53\n\
         cardano_node_Forge_metrics_operationalCertificateStartKESPeriod_int 1562\n\
         cardano_node_Forge_metrics_operationalCertificateExpiryKESPeriod_int 1624\n",
    );
    let quiet = silent();
    let mut a = app(vec![], fixed_now());
    a.settings.metrics_endpoints = [&good, &quiet]
        .map(|u| MetricsEndpoint {
            url: u.clone(),
            network: NetworkChoice::Mainnet,
        })
        .to_vec();
    a.nodes.timeout = Duration::from_secs(1);
    a.tab = Tab::Watch;
    let mut h = harness(a);
    let started = Instant::now();
    // Frames keep coming while the quiet node is asked: the good one shows first.
    while !shows(&h, "53 KES periods left") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no answer shown"
        );
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        shows(&h, "⏳ asking…"),
        "the quiet node is still being asked"
    );
    assert!(shows(
        &h,
        "node's KES period 1571 · opcert start 1562 · expiry period 1624"
    ));
    assert!(shows(&h, "expires 2027-02-07T21:44:51Z"));
    while !shows(&h, "Not answering") {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the quiet node never timed out"
        );
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(shows(&h, &format!("no answer from {quiet} within 1 s")));
    assert!(
        shows(&h, "53 KES periods left"),
        "the good node is still shown"
    );
}

#[test]
fn the_idle_watch_tab_redraws_when_its_text_changes() {
    let d = TempDir::new().unwrap();
    let folders = vec![
        pool_folder(d.path(), "alpha", 1571, 0),
        pool_folder(d.path(), "bravo", 1511, 0),
    ];
    let idle = |now| {
        let mut a = app(vec![], now);
        a.settings.watched_workspaces = folders.clone();
        a.tab = Tab::Watch;
        common::ui::idle_delay(a)
    };
    // Every countdown here ends at :51 past a minute (mainnet's KES periods do).
    assert_eq!(idle(fixed_now()), Duration::from_secs(51));
    // Half an hour before bravo expires, its countdown shows seconds.
    let last_hour = pool_console::core::chain::clock::parse_time("2026-11-23T09:14:51Z").unwrap();
    assert_eq!(idle(last_hour), Duration::from_secs(1));
}

#[test]
fn the_rotate_by_date_saves_as_a_calendar_event() {
    let d = TempDir::new().unwrap();
    let dir = pool_folder(d.path(), "pool", 1560, 0);
    let ics = d.path().join("reminder.ics");
    let mut a = app(vec![ics.clone()], fixed_now());
    a.open_workspace(&dir);
    a.tab = Tab::Kes;
    let mut h = harness(a);
    h.run_steps(6);
    assert!(
        shows(&h, "2027-01-21T21:44:51Z"),
        "rotate by: 14 days before expiry"
    );
    press(&mut h, "📅 Add to calendar…");
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.contains("\r\nDTSTART:20270121T214451Z\r\n"), "{text}");
    assert!(text.contains("\r\nTRIGGER:-PT24H\r\n"), "{text}");
    assert!(
        text.contains("\r\nSUMMARY:Rotate the KES key of pool\r\n"),
        "{text}"
    );
    assert!(shows(&h, "Saved the reminder for 2027-01-21T21:44:51Z"));
}
