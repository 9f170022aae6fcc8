//! The Watch tab: every pool's KES window at a glance, most urgent first, on a timeline, and
//! the block producers' own view from their metrics.

use chrono::Local;
use eframe::egui::{self, Align, Layout, RichText};

use super::kes::level;
use super::theme::{self, Level};
use super::{clock_guard, nodes, timeline, widgets};
use crate::app::network::NetworkChoice;
use crate::app::watch::{PoolList, WatchRow};
use crate::app::ConsoleApp;
use crate::core::chain::clock::format_utc;
use crate::core::kes::watch::{days_and_hours, Thresholds};

/// Column widths of the pool list, so rows line up without measuring every row.
const COLUMNS: [f32; 8] = [125.0, 160.0, 70.0, 52.0, 52.0, 44.0, 205.0, 80.0];
const HEADERS: [&str; 8] = [
    "Status",
    "Pool",
    "Network",
    "Start",
    "Now",
    "Left",
    "Expires (local / UTC)",
    "Time left",
];
const ROW_HEIGHT: f32 = 34.0;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Watch",
        "Every pool's KES window, most urgent first. It moves with the clock; files are read again on Refresh.",
    );
    if app.pool_list.is_none() {
        app.pool_list = Some(PoolList::load(&app.settings));
    }
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        clock_guard::show(app, ui);
    });
    ui.add_space(8.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        toolbar(app, ui);
        ui.add_space(6.0);
        pool_table(app, ui);
    });
    ui.add_space(8.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Timeline").strong());
        let now = app.platform.clock.now();
        let t = app.settings.thresholds();
        if let Some(list) = &app.pool_list {
            timeline::show(ui, &list.rows(now, t), now, t);
        }
    });
    ui.add_space(8.0);
    nodes::show(app, ui);
}

fn toolbar(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("⟳ Refresh")
            .on_hover_text("Read every opcert again")
            .clicked()
        {
            app.pool_list = None;
        }
        if ui.button("➕ Add an opcert file…").clicked() {
            app.pick_watched_opcert();
        }
        ui.separator();
        let l = ui.label("Warn at");
        let warn = ui
            .add(
                egui::DragValue::new(&mut app.settings.warn_days)
                    .range(1..=90)
                    .suffix(" days"),
            )
            .labelled_by(l.id);
        let l = ui.label("alert at");
        let alert = ui
            .add(
                egui::DragValue::new(&mut app.settings.alert_days)
                    .range(0..=60)
                    .suffix(" days"),
            )
            .labelled_by(l.id);
        if (warn.changed() || alert.changed()) && app.settings.alert_days > app.settings.warn_days {
            app.settings.alert_days = app.settings.warn_days;
        }
        ui.label(RichText::new("before expiry").color(theme::weak(ui)));
    });
}

fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ROW_HEIGHT),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

fn pool_table(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let now = app.platform.clock.now();
    let t = app.settings.thresholds();
    let Some(list) = &app.pool_list else { return };
    if list.entries.is_empty() {
        ui.label("No pools yet: open a pool folder (Ctrl+O) or add an opcert file, and it stays on this list.");
        return;
    }
    let rows = list.rows(now, t);
    ui.horizontal(|ui| {
        for (h, w) in HEADERS.iter().zip(COLUMNS) {
            cell(ui, w, |ui| {
                ui.label(RichText::new(*h).strong());
            });
        }
    });
    ui.separator();
    let mut remove = None;
    egui::ScrollArea::vertical()
        .id_salt("pool-list")
        .max_height(ROW_HEIGHT * 10.0)
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for row in &rows[range] {
                ui.horizontal(|ui| {
                    pool_row(ui, row, t);
                    if ui
                        .small_button("✖")
                        .on_hover_text(format!("Stop watching {}", row.entry.label))
                        .clicked()
                    {
                        remove = Some(row.entry.source.clone());
                    }
                });
            }
        });
    if let Some(source) = remove {
        app.settings.watched_workspaces.retain(|p| *p != source);
        app.settings.watched_opcerts.retain(|w| w.path != source);
        app.pool_list = None;
    }
}

fn pool_row(ui: &mut egui::Ui, row: &WatchRow<'_>, t: Thresholds) {
    let e = row.entry;
    let w = match &row.window {
        Ok(w) => w,
        Err(why) => {
            cell(ui, COLUMNS[0], |ui| {
                widgets::status(ui, Level::Alert, "Unknown")
            });
            cell(ui, COLUMNS[1], |ui| {
                ui.label(&e.label)
                    .on_hover_text(e.source.display().to_string());
            });
            ui.label(RichText::new(why).color(theme::error_text(ui)));
            return;
        }
    };
    let u = row.urgency(t).unwrap_or(crate::app::Urgency::Expired);
    let (days, hours) = days_and_hours(w.remaining_ms);
    cell(ui, COLUMNS[0], |ui| {
        widgets::status(ui, level(u), u.label())
    });
    cell(ui, COLUMNS[1], |ui| {
        let tip = format!(
            "{}\n{}",
            e.source.display(),
            e.pool_bech32().unwrap_or_default()
        );
        ui.label(RichText::new(&e.label).strong())
            .on_hover_text(tip);
    });
    cell(ui, COLUMNS[2], |ui| {
        let color = if e.network == NetworkChoice::Mainnet {
            ui.visuals().text_color()
        } else {
            theme::WARN
        };
        ui.label(RichText::new(e.network.label()).color(color));
    });
    for (i, v) in [w.start_period, w.current_period, w.periods_left]
        .into_iter()
        .enumerate()
    {
        cell(ui, COLUMNS[3 + i], |ui| {
            ui.label(RichText::new(v.to_string()).monospace());
        });
    }
    cell(ui, COLUMNS[6], |ui| {
        ui.vertical(|ui| {
            ui.label(
                w.expiry_time
                    .with_timezone(&Local)
                    .format("%Y-%m-%d %H:%M %Z")
                    .to_string(),
            );
            ui.label(
                RichText::new(format_utc(w.expiry_time))
                    .small()
                    .color(theme::weak(ui)),
            );
        });
    });
    cell(ui, COLUMNS[7], |ui| {
        ui.label(RichText::new(format!("{days}d {hours}h")).color(level(u).color(ui)));
    });
}
