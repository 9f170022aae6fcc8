//! The one way UI tests build the console: fixed size, fixed clock, scripted dialogs.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use eframe::egui;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::Harness;
use pool_console::app::registration::RegistrationForm;
use pool_console::app::settings::Settings;
use pool_console::app::{ConsoleApp, Platform};
use pool_console::platform::clock::FixedClock;
use pool_console::platform::dialogs::ScriptedDialogs;

/// 2026-11-21T12:00:00Z: mainnet slot 203696109, KES period 1571.
pub fn fixed_now() -> DateTime<Utc> {
    pool_console::core::chain::clock::parse_time("2026-11-21T12:00:00Z").unwrap()
}

pub fn app(answers: Vec<PathBuf>, now: DateTime<Utc>) -> ConsoleApp {
    let platform = Platform {
        dialogs: Box::new(ScriptedDialogs::answering(answers)),
        clock: Box::new(FixedClock(now)),
    };
    offline(ConsoleApp::new(
        Settings::default(),
        RegistrationForm::default(),
        platform,
    ))
}

/// Tests never depend on the machine's network: it looks offline unless a test says otherwise.
pub fn offline(mut app: ConsoleApp) -> ConsoleApp {
    app.online_probe = || false;
    app
}

pub fn harness(app: ConsoleApp) -> Harness<'static, ConsoleApp> {
    Harness::builder()
        .with_size(egui::vec2(1180.0, 860.0))
        .build_ui_state(|ui, app: &mut ConsoleApp| app.frame(ui), app)
}

/// Runs frames until the widget `rect` finds stops moving: scrolling into view is animated,
/// and a click aimed at where it was would miss.
pub fn settle(
    h: &mut Harness<'_, ConsoleApp>,
    rect: impl Fn(&Harness<'_, ConsoleApp>) -> egui::Rect,
) {
    let (mut last, mut still) = (None, 0);
    for _ in 0..90 {
        h.run_steps(1);
        let now = rect(h);
        still = if last == Some(now) { still + 1 } else { 0 };
        if still == 5 {
            return;
        }
        last = Some(now);
    }
}

/// Clicks the widget whose label contains `text` and lets the UI settle.
pub fn click(h: &mut Harness<'_, ConsoleApp>, text: &str) {
    h.get_by_label_contains(text).scroll_to_me();
    settle(h, |h| h.get_by_label_contains(text).rect());
    h.get_by_label_contains(text).click();
    h.run_steps(3);
}

/// Moves the pointer onto the widget first, as a hand would, then clicks it (for widgets in
/// grids that settle over a few frames).
pub fn press(h: &mut Harness<'_, ConsoleApp>, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    settle(h, |h| h.get_by_label_contains(label).rect());
    h.get_by_label_contains(label).hover();
    h.run_steps(1);
    h.get_by_label_contains(label).click();
    h.run_steps(3);
}

/// Clicks the button whose whole label is `text`.
pub fn click_exact(h: &mut Harness<'_, ConsoleApp>, text: &str) {
    use egui::accesskit::Role;
    h.get_by_role_and_label(Role::Button, text).scroll_to_me();
    settle(h, |h| h.get_by_role_and_label(Role::Button, text).rect());
    h.get_by_role_and_label(Role::Button, text).click();
    h.run_steps(3);
}

/// Types into the text field labelled `label` (replacing nothing: fields start empty or are cleared).
pub fn type_into(h: &mut Harness<'_, ConsoleApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    let field = h
        .query_by_role_and_label(Role::TextInput, label)
        .unwrap_or_else(|| h.get_by_role_and_label(Role::MultilineTextInput, label));
    field.scroll_to_me();
    field.focus();
    field.type_text(text);
    h.run_steps(2);
}

/// The status line's text (empty when nothing was said).
pub fn status(h: &Harness<'_, ConsoleApp>) -> String {
    h.state()
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

pub fn shows(h: &Harness<'_, ConsoleApp>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// The console on a desktop without file dialogs (no portal): every pick opens the
/// console's own picker.
pub fn app_without_dialogs(now: DateTime<Utc>) -> ConsoleApp {
    let platform = Platform {
        dialogs: Box::new(pool_console::platform::dialogs::NoDialogs),
        clock: Box::new(FixedClock(now)),
    };
    offline(ConsoleApp::new(
        Settings::default(),
        RegistrationForm::default(),
        platform,
    ))
}

/// Replaces the whole text of the field labelled `label` (select all, then type).
pub fn replace_text(h: &mut Harness<'_, ConsoleApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(2);
}

/// Presses a key and lets the UI settle.
pub fn key(h: &mut Harness<'_, ConsoleApp>, key: egui::Key) {
    h.key_press(key);
    h.run_steps(3);
}

/// Clicks the button whose label starts with `start` (picker entries end with their size).
pub fn click_starting(h: &mut Harness<'_, ConsoleApp>, start: &str) {
    use egui::accesskit::Role;
    let found = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(start))
    };
    h.get_by(found).scroll_to_me();
    h.run_steps(2);
    h.get_by(found).click();
    h.run_steps(3);
}

/// How long the idle console waits before drawing again, once animations have settled.
pub fn idle_delay(mut a: ConsoleApp) -> Duration {
    let ctx = egui::Context::default();
    let mut delay = Duration::ZERO;
    for frame in 1..=60 {
        let input = egui::RawInput {
            time: Some(f64::from(frame) / 60.0),
            ..Default::default()
        };
        let mut out = ctx.run_ui(input, |ui| a.frame(ui));
        out.textures_delta.clear(); // nothing draws them here
        delay = out.viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    }
    delay
}

/// eframe storage in memory.
#[derive(Default)]
pub struct MemoryStorage(pub std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
