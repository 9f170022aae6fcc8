//! The KES tab: the date to rotate by as its headline, the validity window under it, then the
//! rotation wizard, the pre-deploy check and the rotation journal (see `rotate.rs`).

use chrono::{DateTime, Utc};
use eframe::egui::{self, ProgressBar, RichText};

use super::theme::{self, Level};
use super::widgets::{self, local_time};
use crate::app::{ConsoleApp, Tab, Urgency};
use crate::core::chain::clock::{format_duration, format_utc, KesWindow};
use crate::core::kes::watch::{rotate_by, Deadline, PERIODS_LEFT_MEANING};

/// The size of the headline: the biggest text on the tab.
const HEADLINE_SIZE: f32 = 26.0;

pub fn level(u: Urgency) -> Level {
    badge(u).0
}

/// Colour, icon and word of a status: an alert and an expired key differ in all three ways
/// that do not need colour (icon and word), not only in colour.
pub fn badge(u: Urgency) -> (Level, &'static str, &'static str) {
    match u {
        Urgency::Fine => (Level::Ok, "✔", "OK"),
        Urgency::Warn => (Level::Warn, "⚠", "Overdue"),
        Urgency::Alert => (Level::Alert, "⏰", "Alert"),
        Urgency::Expired => (Level::Alert, "⛔", "Expired"),
        Urgency::NotYetValid => (Level::Alert, "⏳", "Not valid yet"),
    }
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "KES",
        "The hot key's validity window: rotate before it ends, or the node stops making blocks.",
    );
    let now = app.platform.clock.now();
    let Some(w) = app.kes_window() else {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                "No operational certificate in this folder yet, so there is nothing to count down.",
            );
            if ui.button("Issue one (Op cert tab)").clicked() {
                app.tab = Tab::OpCert;
            }
            ui.add_space(6.0);
            details(app, ui, None, now);
        });
        ui.add_space(8.0);
        super::rotate::show(app, ui);
        return;
    };
    headline(app, ui, &w, now);
    ui.add_space(8.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        details(app, ui, Some(&w), now);
    });
    ui.add_space(8.0);
    super::rotate::show(app, ui);
}

/// "Rotate by ⟨date⟩ (in N days)", or overdue / expired since when, with the status and the
/// periods left under it.
fn headline(app: &mut ConsoleApp, ui: &mut egui::Ui, w: &KesWindow, now: DateTime<Utc>) {
    let u = app.urgency(w);
    let (level, icon, _) = badge(u);
    let deadline = Deadline::of(w, app.settings.thresholds());
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(icon)
                    .size(HEADLINE_SIZE)
                    .color(level.color(ui)),
            );
            let color = match level {
                Level::Ok => ui.visuals().strong_text_color(),
                _ => level.color(ui),
            };
            ui.label(
                RichText::new(deadline.headline(now, &local_time))
                    .size(HEADLINE_SIZE)
                    .strong()
                    .color(color),
            )
            .on_hover_text(format!(
                "Rotate by {} UTC: {} days before expiry, when the warning starts, which leaves time for a failed attempt",
                format_utc(rotate_by(w, app.settings.thresholds())),
                app.settings.warn_days
            ));
        });
        ui.add_space(2.0);
        widgets::status_with(ui, level, icon, &u.words(w.remaining_ms));
        ui.add_space(4.0);
        let total = app
            .clock
            .as_ref()
            .map_or(62, |c| c.max_kes_evolutions)
            .max(1);
        let left = w.periods_left.min(total);
        // A thin bar with its words beside it, so the words read in both themes.
        ui.add(
            ProgressBar::new(left as f32 / total as f32)
                .fill(level.color(ui))
                .desired_height(8.0),
        );
        let mut words = format!("{left} of {total} KES periods left, {PERIODS_LEFT_MEANING}");
        if w.remaining_ms > 0 && u != Urgency::NotYetValid {
            words.push_str(&format!(" · the key works until {}", local_time(w.expiry_time)));
        }
        ui.label(words);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if deadline.can_remind() {
                if ui
                    .button("📅 Add to calendar…")
                    .on_hover_text(
                        "Save the rotate-by date as an .ics event with a reminder a day before",
                    )
                    .clicked()
                {
                    app.export_calendar();
                }
            } else if u != Urgency::NotYetValid
                && ui
                    .button("🔄 Rotate now")
                    .on_hover_text("Go to the rotation steps below")
                    .clicked()
            {
                app.drafts.scroll_to_rotation = true;
            }
        });
    });
}

/// The clock and the window in numbers.
fn details(app: &ConsoleApp, ui: &mut egui::Ui, w: Option<&KesWindow>, now: DateTime<Utc>) {
    egui::Grid::new("kes-window")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            ui.label("Now");
            let point = app.clock.as_ref().and_then(|c| c.point_at(now).ok());
            let shown = ui.label(now.format("%Y-%m-%d %H:%M UTC").to_string());
            if let Some(p) = point {
                shown.on_hover_text(format!(
                    "slot {} when this was drawn (the tab redraws once a minute)",
                    p.slot
                ));
                ui.end_row();
                ui.label("Epoch");
                ui.label(RichText::new(p.epoch.to_string()).monospace());
                ui.end_row();
                ui.label("Current KES period")
                    .on_hover_text("slot ÷ slots per KES period (129600 on mainnet: 36 hours)");
                ui.label(RichText::new(p.kes_period.to_string()).monospace().strong());
            }
            ui.end_row();
            let Some(w) = w else { return };
            ui.label("Opcert start period");
            ui.label(RichText::new(w.start_period.to_string()).monospace());
            ui.end_row();
            ui.label("Last valid period");
            ui.label(RichText::new(w.last_period.to_string()).monospace());
            ui.end_row();
            let both = |t| format!("{} ({})", local_time(t), format_utc(t));
            ui.label("Expires");
            ui.label(both(w.expiry_time));
            ui.end_row();
            ui.label("Rotate by").on_hover_text(
                "When the warning starts: rotating then leaves time for a failed attempt",
            );
            ui.label(both(rotate_by(w, app.settings.thresholds())));
            ui.end_row();
            ui.label("Time left");
            ui.label(if w.remaining_ms > 0 {
                format_duration(w.remaining_ms)
            } else {
                "none: the key has expired".to_owned()
            });
            ui.end_row();
        });
}
