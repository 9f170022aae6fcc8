//! CPU time of one console frame (layout + the builder's checks, no GPU), with 50 relays and
//! 20 owners in the registration builder, and with 200 owners' worth of files in the folder.
//! Target: under 2 ms per frame on the 2-core build machine (release).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

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
            pool_console::core::clock::parse_time("2026-11-21T12:00:00Z").unwrap(),
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

criterion_group!(benches, frame_without_accesskit, frame);
criterion_main!(benches);
