//! Image snapshots of each tab (wgpu on lavapipe/llvmpipe, installed by .ci/run). Update the
//! references with `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots` on the CI machine kind.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::review as fx;

use eframe::egui;
use egui_kittest::{Harness, SnapshotResults};
use pool_console::app::registration::{
    MetadataDraft, OwnerDraft, RegistrationForm, RelayDraft, RelayKind,
};
use pool_console::app::settings::Settings;
use pool_console::app::{ConsoleApp, Platform, Tab};
use pool_console::core::kes::journal::JournalEntry;
use pool_console::core::kes::opcert::{self, IssueCounter};
use pool_console::core::keys::{generate, KeyKind};
use pool_console::platform::clock::FixedClock;
use pool_console::platform::dialogs::ScriptedDialogs;
use pool_console::ui::theme;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// A pool whose keys come from fixed seeds, so every pixel is the same on every run.
fn fixed_pool(dir: &Path) {
    fixed_pool_at(dir, 1560, 1);
}

/// The same with another cold key (`seed`) and opcert start period.
fn fixed_pool_at(dir: &Path, period: u64, seed: u8) {
    let (cold_sk, cold_vk) = generate::ed25519(KeyKind::ColdSigning, &[seed; 32]).unwrap();
    let (vrf_sk, vrf_vk) = generate::vrf(&[2; 32]).unwrap();
    let (kes_sk, kes_vk) = generate::kes(&[3; 32]).unwrap();
    let (stake_sk, stake_vk) = generate::ed25519(KeyKind::StakeSigning, &[4; 32]).unwrap();
    let counter = IssueCounter {
        next_issue_number: 4,
        cold_vkey: cold_vk.public_key(),
    };
    let issued = opcert::issue(&cold_sk, &counter, &kes_vk.public_key(), period).unwrap();
    write(dir, "cold.vkey", cold_vk.to_envelope().render().expose());
    write(dir, "cold.skey", cold_sk.to_envelope().render().expose());
    write(
        dir,
        "cold.counter",
        issued.next_counter.to_envelope().render().expose(),
    );
    write(dir, "vrf.vkey", vrf_vk.to_envelope().render().expose());
    write(dir, "vrf.skey", vrf_sk.to_envelope().render().expose());
    write(dir, "kes.vkey", kes_vk.to_envelope().render().expose());
    write(dir, "kes.skey", kes_sk.to_envelope().render().expose());
    write(
        dir,
        "node.opcert",
        issued.opcert.to_envelope().render().expose(),
    );
    write(
        dir,
        "alice.stake.vkey",
        stake_vk.to_envelope().render().expose(),
    );
    write(
        dir,
        "alice.stake.skey",
        stake_sk.to_envelope().render().expose(),
    );
}

fn form() -> RegistrationForm {
    RegistrationForm {
        pledge_ada: "250000".to_owned(),
        cost_ada: "170".to_owned(),
        margin_percent: "1.5".to_owned(),
        reward_account: "alice.stake.vkey".to_owned(),
        owners: vec![OwnerDraft {
            name: "alice".to_owned(),
            key: "alice.stake.vkey".to_owned(),
            pledge_ada: "250000".to_owned(),
        }],
        relays: vec![
            RelayDraft {
                kind: RelayKind::DnsName,
                host: "relay1.alicepool.io".to_owned(),
                port: "3001".to_owned(),
            },
            RelayDraft {
                kind: RelayKind::Address,
                host: "192.168.1.20".to_owned(),
                port: "3001".to_owned(),
            },
        ],
        metadata: MetadataDraft {
            name: "Alice Pool".to_owned(),
            ticker: "ALICE".to_owned(),
            description: "A small independent pool run from a home lab in Lisbon.".to_owned(),
            homepage: "https://alicepool.io".to_owned(),
            extended: String::new(),
            url: "https://alicepool.io/poolMetaData.json".to_owned(),
        },
        deposit_ada: "2".to_owned(),
    }
}

/// The two window sizes every tab is pictured at: the smallest the console allows, and the
/// size it opens at.
const SIZES: [(&str, egui::Vec2); 2] = [
    ("960", egui::vec2(960.0, 640.0)),
    ("default", egui::vec2(1180.0, 780.0)),
];

fn harness(dir: &Path, dark: bool, size: egui::Vec2) -> Harness<'static, ConsoleApp> {
    let platform = Platform {
        dialogs: Box::new(ScriptedDialogs::default()),
        clock: Box::new(FixedClock(
            pool_console::core::chain::clock::parse_time("2026-11-21T12:00:00Z").unwrap(),
        )),
    };
    let settings = Settings {
        dark_mode: dark,
        ..Settings::default()
    };
    let mut app = ConsoleApp::new(settings, form(), platform);
    app.online_probe = || false; // the pictures never depend on the machine's network
    app.open_workspace(dir);
    app.status = None;
    // The harness sets its own theme after the context setup: it must be told which one, or
    // every picture is dark.
    let egui_theme = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    Harness::builder()
        .with_size(size)
        .with_theme(egui_theme)
        .with_render_cursor(false)
        .with_context_setup(move |ctx| theme::apply(ctx, dark))
        .wgpu()
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), app)
}

/// Loads what a tab shows: the opcert on Inspect, certificates and a plan on Review, a
/// transaction on Sign.
fn prepare(h: &mut Harness<'static, ConsoleApp>, tab: Tab, root: &Path, dir: &Path) {
    if tab == Tab::Inspect {
        h.state_mut().inspect_path(&dir.join("node.opcert"));
        h.state_mut().drafts.inspected[0].0 = "node.opcert".to_owned();
    }
    if tab == Tab::Review {
        let r = root.join("review");
        std::fs::create_dir_all(&r).unwrap();
        std::fs::copy(common::vector(fx::CERT), r.join("new.cert")).unwrap();
        fx::write_cert(&r.join("old.cert"), &fx::previous_params());
        let plan = fx::plan(70_000_000_000, 30_000_000_000, None);
        std::fs::write(r.join("plan.json"), plan.to_json()).unwrap();
        let desk = &mut h.state_mut().review;
        desk.load_certificate(&r.join("new.cert"));
        desk.load_previous(&r.join("old.cert"));
        desk.load_plan(&r.join("plan.json"));
        desk.load_owner_key(&common::vector(fx::BOB_KEY));
    }
    if tab == Tab::Sign {
        let tx = fx::registration_tx(&root.join("review"));
        h.state_mut().sign.load(&tx);
    }
}

/// Every tab in both themes at both sizes: `tab_<name>_<dark|light>_<960|default>.png`.
#[test]
fn every_tab() {
    // Dates shown in local time: fix the zone so the pictures do not depend on the machine.
    std::env::set_var("TZ", "UTC");
    // A fixed folder name: it is shown in the top bar and on the Pool tab.
    let root = std::env::temp_dir().join("pool-console-snapshots");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("alice-pool");
    std::fs::create_dir_all(&dir).unwrap();
    fixed_pool(&dir);
    // Two past rotations of alice's pool, for the timeline.
    let alice_cold = generate::ed25519(KeyKind::ColdSigning, &[1; 32]).unwrap().1;
    let alice_id = pool_console::core::keys::address::pool_bech32(&alice_cold.key_hash());
    write(
        &dir,
        "rotation-journal.jsonl",
        format!(
            "{}{}",
            JournalEntry::new(
                pool_console::core::chain::clock::parse_time("2026-06-03T10:00:00Z").unwrap(),
                alice_id.clone(),
                2,
                1468,
                &[5; 32]
            )
            .to_line(),
            JournalEntry::new(
                pool_console::core::chain::clock::parse_time("2026-08-20T10:00:00Z").unwrap(),
                alice_id.clone(),
                3,
                1519,
                &[6; 32]
            )
            .to_line()
        )
        .as_bytes(),
    );
    // More pools for the Watch tab, one per status.
    let mut watched = vec![dir.clone()];
    for (name, period, seed) in [
        ("bob-pool", 1515, 11),
        ("carol-pool", 1511, 12),
        ("dave-pool", 1500, 13),
    ] {
        let d = root.join(name);
        std::fs::create_dir_all(&d).unwrap();
        fixed_pool_at(&d, period, seed);
        watched.push(d);
    }
    let mut results = SnapshotResults::new();
    for (theme_name, dark) in [("dark", true), ("light", false)] {
        for (size_name, size) in SIZES {
            let mut h = harness(dir.as_path(), dark, size);
            h.state_mut()
                .settings
                .watched_workspaces
                .clone_from(&watched);
            for tab in Tab::ALL {
                h.state_mut().tab = tab;
                prepare(&mut h, tab, &root, &dir);
                h.run_steps(4);
                let name = tab.label().to_lowercase().replace(' ', "_");
                results.add(h.try_snapshot(format!("tab_{name}_{theme_name}_{size_name}")));
            }
        }
    }
}
