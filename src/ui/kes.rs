//! The KES tab: the countdown for this pool's operational certificate, the rotation wizard,
//! the pre-deploy check and the rotation journal (see `rotate.rs`).

use chrono::Local;
use eframe::egui::{self, ProgressBar, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::{ConsoleApp, Tab, Urgency};
use crate::core::chain::clock::{format_duration, format_utc};
use crate::core::kes::watch::{days_and_hours, rotate_by};

pub fn level(u: Urgency) -> Level {
    match u {
        Urgency::Fine => Level::Ok,
        Urgency::Warn => Level::Warn,
        Urgency::Alert | Urgency::Expired | Urgency::NotYetValid => Level::Alert,
    }
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "KES",
        "The hot key's validity window: rotate before it ends, or the node stops making blocks.",
    );
    let now = app.platform.clock.now();
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("kes-clock")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.label("Now (UTC)");
                ui.label(RichText::new(format_utc(now)).monospace());
                ui.end_row();
                if let Some(clock) = &app.clock {
                    if let Ok(p) = clock.point_at(now) {
                        ui.label("Slot / epoch");
                        ui.label(RichText::new(format!("{} / {}", p.slot, p.epoch)).monospace());
                        ui.end_row();
                        ui.label("Current KES period").on_hover_text(
                            "slot ÷ slots per KES period (129600 on mainnet: 36 hours)",
                        );
                        ui.label(RichText::new(p.kes_period.to_string()).monospace().strong());
                        ui.end_row();
                    }
                }
            });
    });
    ui.add_space(8.0);
    let Some(w) = app.kes_window() else {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                "No operational certificate in this folder yet, so there is nothing to count down.",
            );
            if ui.button("Issue one (Op cert tab)").clicked() {
                app.tab = Tab::OpCert;
            }
        });
        ui.add_space(8.0);
        super::rotate::show(app, ui);
        return;
    };
    let u = app.urgency(&w);
    let (days, hours) = days_and_hours(w.remaining_ms);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        widgets::status(ui, level(u), &u.words(days));
        ui.add_space(4.0);
        let total = app
            .clock
            .as_ref()
            .map_or(62, |c| c.max_kes_evolutions)
            .max(1);
        let used = w.current_period.saturating_sub(w.start_period).min(total);
        let fraction = 1.0 - used as f32 / total as f32;
        ui.add(
            ProgressBar::new(fraction.clamp(0.0, 1.0))
                .fill(level(u).color(ui))
                .text(format!(
                    "{} of {total} KES periods left",
                    if u == Urgency::Expired {
                        0
                    } else {
                        total - used
                    }
                )),
        );
        ui.add_space(6.0);
        egui::Grid::new("kes-window")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.label("Opcert start period");
                ui.label(RichText::new(w.start_period.to_string()).monospace());
                ui.end_row();
                ui.label("Last valid period");
                ui.label(RichText::new(w.last_period.to_string()).monospace());
                ui.end_row();
                ui.label("Expires (local)");
                ui.label(
                    w.expiry_time
                        .with_timezone(&Local)
                        .format("%Y-%m-%d %H:%M %Z")
                        .to_string(),
                );
                ui.end_row();
                ui.label("Expires (UTC)");
                ui.label(format_utc(w.expiry_time));
                ui.end_row();
                ui.label("Rotate by").on_hover_text(
                    "When the warning starts: rotating then leaves time for a failed attempt",
                );
                let by = rotate_by(&w, app.settings.thresholds());
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "{} ({})",
                        by.with_timezone(&Local).format("%Y-%m-%d %H:%M %Z"),
                        format_utc(by)
                    ));
                    if ui
                        .small_button("📅 Add to calendar…")
                        .on_hover_text(
                            "Save the rotate-by date as an .ics event with a reminder a day before",
                        )
                        .clicked()
                    {
                        app.export_calendar();
                    }
                });
                ui.end_row();
                ui.label("Time left");
                ui.label(if w.remaining_ms > 0 {
                    format!(
                        "{days} days {hours} hours ({})",
                        format_duration(w.remaining_ms)
                    )
                } else {
                    "none".to_owned()
                });
                ui.end_row();
            });
    });
    ui.add_space(8.0);
    super::rotate::show(app, ui);
}
