//! CPU time of one console frame (layout + the builder's checks, no GPU), with 50 relays and
//! 20 owners in the registration builder, and with 200 owners' worth of files in the folder.
//! Target: under 2 ms per frame on the 2-core build machine (release). The Watch tab with 200
//! pools is measured the same way, and reports the repaint delay it asks for when idle.
#![allow(
    clippy::disallowed_methods,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use criterion::{criterion_group, criterion_main, Criterion};
use eframe::egui;
use egui_kittest::Harness;
use pool_console::app::registration::{OwnerDraft, RegistrationForm, RelayDraft, RelayKind};
use pool_console::app::settings::Settings;
use pool_console::app::{ConsoleApp, Platform, Tab};
use pool_console::core::keys::{generate, KeyKind};
use pool_console::platform::clock::FixedClock;
use pool_console::platform::dialogs::ScriptedDialogs;

fn big_builder(dir: &std::path::Path) -> ConsoleApp {
    let (_, cold) = generate::ed25519(KeyKind::ColdSigning, &[1; 32]).unwrap();
    let (_, vrf) = generate::vrf(&[2; 32]).unwrap();
    std::fs::write(dir.join("cold.vkey"), cold.to_envelope().render().expose()).unwrap();
    std::fs::write(dir.join("vrf.vkey"), vrf.to_envelope().render().expose()).unwrap();
    let mut owners = Vec::new();
    for i in 0..20u8 {
        let (_, vk) = generate::ed25519(KeyKind::StakeSigning, &[i + 10; 32]).unwrap();
        let name = format!("owner{i}.stake.vkey");
        std::fs::write(dir.join(&name), vk.to_envelope().render().expose()).unwrap();
        owners.push(OwnerDraft {
            name: format!("owner {i}"),
            key: name,
            pledge_ada: "1000".to_owned(),
        });
    }
    let relays = (0..50)
        .map(|i| RelayDraft {
            kind: if i % 2 == 0 {
                RelayKind::DnsName
            } else {
                RelayKind::Address
            },
            host: if i % 2 == 0 {
                format!("relay{i}.example.com")
            } else {
                format!("203.0.113.{i}")
            },
            port: "3001".to_owned(),
        })
        .collect();
    let form = RegistrationForm {
        pledge_ada: "250000".to_owned(),
        margin_percent: "1.5".to_owned(),
        reward_account: "owner0.stake.vkey".to_owned(),
        owners,
        relays,
        ..RegistrationForm::default()
    };
    let platform = Platform {
        dialogs: Box::new(ScriptedDialogs::default()),
        clock: Box::new(FixedClock(
            pool_console::core::chain::clock::parse_time("2026-11-21T12:00:00Z").unwrap(),
        )),
    };
    let mut app = ConsoleApp::new(Settings::default(), form, platform);
    app.open_workspace(dir);
    app.tab = Tab::Registration;
    app
}

/// One frame as eframe runs it without a screen reader: the egui pass and tessellation
/// (the GPU's share is not counted).
fn frame_without_accesskit(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = big_builder(dir.path());
    let ctx = egui::Context::default();
    pool_console::ui::theme::apply(&ctx, true);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1180.0, 780.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let out = ctx.run_ui(input(), |ui| app.frame(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    c.bench_function(
        "registration builder frame, egui pass + tessellation (50 relays, 20 owners)",
        |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| app.frame(ui));
                ctx.tessellate(out.shapes, out.pixels_per_point)
            });
        },
    );
}

/// The same frame in the test harness, which also keeps an accessibility tree up to date.
fn frame(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let app = big_builder(dir.path());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1180.0, 780.0))
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), app);
    h.run_steps(3);
    c.bench_function(
        "registration builder frame with accessibility tree (50 relays, 20 owners)",
        |b| b.iter(|| h.step()),
    );
    h.state_mut().tab = Tab::Pool;
    h.run_steps(2);
    c.bench_function("pool tab frame", |b| b.iter(|| h.step()));
}

/// 200 opcert files on the Watch list, in every state (periods 1450–1649 around "now", 1571).
fn watch_list(dir: &std::path::Path) -> ConsoleApp {
    use pool_console::app::network::NetworkChoice;
    use pool_console::app::settings::WatchedFile;
    use pool_console::core::kes::opcert::{issue, IssueCounter};
    let (cold_sk, cold_vk) = generate::ed25519(KeyKind::ColdSigning, &[1; 32]).unwrap();
    let (_, kes_vk) = generate::kes(&[3; 32]).unwrap();
    let counter = IssueCounter {
        next_issue_number: 0,
        cold_vkey: cold_vk.public_key(),
    };
    let mut settings = Settings::default();
    for i in 0..200u64 {
        let cert = issue(&cold_sk, &counter, &kes_vk.public_key(), 1450 + i).unwrap();
        let path = dir.join(format!("pool{i:03}.opcert"));
        std::fs::write(&path, cert.opcert.to_envelope().render().expose()).unwrap();
        settings.watched_opcerts.push(WatchedFile {
            path,
            network: NetworkChoice::Mainnet,
        });
    }
    let platform = Platform {
        dialogs: Box::new(ScriptedDialogs::default()),
        clock: Box::new(FixedClock(
            pool_console::core::chain::clock::parse_time("2026-11-21T12:00:00Z").unwrap(),
        )),
    };
    let mut app = ConsoleApp::new(settings, RegistrationForm::default(), platform);
    app.tab = Tab::Watch;
    app
}

/// The Watch tab with 200 pools: list (sorted every frame), timeline and clock guard. Also
/// prints how long the idle console waits before its next repaint.
fn watch_frame(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().unwrap();
    let mut app = watch_list(dir.path());
    let ctx = egui::Context::default();
    pool_console::ui::theme::apply(&ctx, true);
    // Time moves on between frames, as in the real console, so animations settle.
    let clock = std::cell::Cell::new(0.0);
    let input = || {
        clock.set(clock.get() + 1.0 / 60.0);
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1180.0, 780.0),
            )),
            time: Some(clock.get()),
            ..Default::default()
        }
    };
    let mut delay = std::time::Duration::ZERO;
    for _ in 0..60 {
        let out = ctx.run_ui(input(), |ui| app.frame(ui));
        delay = out.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    println!("Watch tab, 200 pools: next repaint requested after {delay:?} when idle");
    c.bench_function(
        "watch tab frame, egui pass + tessellation (200 pools)",
        |b| {
            b.iter(|| {
                let out = ctx.run_ui(input(), |ui| app.frame(ui));
                ctx.tessellate(out.shapes, out.pixels_per_point)
            });
        },
    );
}

criterion_group!(benches, frame_without_accesskit, frame, watch_frame);
criterion_main!(benches);
