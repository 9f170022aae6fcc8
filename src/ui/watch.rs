//! The Watch tab: every pool's KES window at a glance, most urgent first, on a timeline, and
//! the block producers' own view from their metrics.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use eframe::egui::{self, Align, Layout, RichText};

use super::kes::badge;
use super::theme::{self, Level};
use super::widgets::{self, local_time};
use super::{clock_guard, nodes, timeline};
use crate::app::network::NetworkChoice;
use crate::app::watch::{PoolList, WatchRow};
use crate::app::{ConsoleApp, Tab};
use crate::core::chain::clock::{format_duration, format_utc};
use crate::core::kes::watch::{periods_left_words, Deadline, Thresholds, PERIODS_LEFT_MEANING};

/// Widths of the fixed columns of the pool list (status, pool, periods left) and of the
/// row's buttons; the deadline takes what is left, so rows fit a 960-pixel window.
const COLUMNS: [f32; 3] = [112.0, 136.0, 40.0];
const ACTIONS_WIDTH: f32 = 136.0;
const HEADERS: [&str; 3] = ["Status", "Pool", "Left"];
const ROW_HEIGHT: f32 = 42.0;

/// What a row's buttons ask for, done once the list is drawn.
enum RowAction {
    Open(PathBuf),
    Rotate(PathBuf),
    Inspect(PathBuf),
    Remove(PathBuf),
}

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
    let spacing = ui.spacing().item_spacing.x;
    let deadline_width =
        (ui.available_width() - COLUMNS.iter().sum::<f32>() - ACTIONS_WIDTH - spacing * 4.0)
            .max(200.0);
    ui.horizontal(|ui| {
        for (h, w) in HEADERS.iter().zip(COLUMNS) {
            cell(ui, w, |ui| {
                let header = ui.label(RichText::new(*h).strong());
                if *h == "Left" {
                    header.on_hover_text(format!("KES periods left, {PERIODS_LEFT_MEANING}"));
                }
            });
        }
        cell(ui, deadline_width, |ui| {
            ui.label(RichText::new("Rotate by").strong());
        });
    });
    ui.separator();
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("pool-list")
        .max_height(ROW_HEIGHT * 10.0)
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            for row in &rows[range] {
                ui.horizontal(|ui| {
                    let clicked = pool_row(ui, row, t, now, deadline_width);
                    if let Some(a) = row_actions(ui, row).or(clicked) {
                        action = Some(a);
                    }
                });
            }
        });
    match action {
        None => {}
        Some(RowAction::Remove(source)) => {
            app.settings.watched_workspaces.retain(|p| *p != source);
            app.settings.watched_opcerts.retain(|w| w.path != source);
            app.pool_list = None;
        }
        Some(RowAction::Open(dir)) => {
            app.open_workspace(&dir);
            app.show_tab(Tab::Pool);
        }
        Some(RowAction::Rotate(dir)) => {
            app.open_workspace(&dir);
            app.show_tab(Tab::Kes);
            app.drafts.scroll_to_rotation = true;
        }
        Some(RowAction::Inspect(file)) => app.inspect_path(&file),
    }
}

/// The row's buttons: start the rotation of its pool, stop watching it. (Its name opens it.)
fn row_actions(ui: &mut egui::Ui, row: &WatchRow<'_>) -> Option<RowAction> {
    let e = row.entry;
    let mut action = None;
    ui.allocate_ui_with_layout(
        egui::vec2(ACTIONS_WIDTH, ROW_HEIGHT),
        Layout::left_to_right(Align::Center),
        |ui| {
            let rotate = ui
                .add_enabled(e.is_workspace, egui::Button::new("🔄 Rotate…").small())
                .on_hover_text(format!("Open {} at the rotation steps (KES tab)", e.label))
                .on_disabled_hover_text(
                    "Rotating needs the pool folder (cold key and counter): open it with Ctrl+O",
                );
            if rotate.clicked() {
                action = Some(RowAction::Rotate(e.source.clone()));
            }
            if ui
                .small_button("✖")
                .on_hover_text(format!("Stop watching {}", e.label))
                .clicked()
            {
                action = Some(RowAction::Remove(e.source.clone()));
            }
        },
    );
    action
}

fn pool_row(
    ui: &mut egui::Ui,
    row: &WatchRow<'_>,
    t: Thresholds,
    now: DateTime<Utc>,
    deadline_width: f32,
) -> Option<RowAction> {
    let e = row.entry;
    let mut action = None;
    let mut pool = |ui: &mut egui::Ui| {
        cell(ui, COLUMNS[1], |ui| {
            ui.vertical(|ui| {
                // The name leads to the pool: its folder (Pool tab), or a lone file (Inspect).
                let (tip, open) = if e.is_workspace {
                    (
                        "Open this pool folder (Pool tab)",
                        RowAction::Open(e.source.clone()),
                    )
                } else {
                    (
                        "Describe this file (Inspect tab)",
                        RowAction::Inspect(e.source.clone()),
                    )
                };
                let name = ui
                    .link(RichText::new(&e.label).strong())
                    .on_hover_text(format!(
                        "{tip}\n{}\n{}",
                        e.source.display(),
                        e.pool_bech32().unwrap_or_default()
                    ));
                if name.clicked() {
                    action = Some(open);
                }
                let color = if e.network == NetworkChoice::Mainnet {
                    theme::weak(ui)
                } else {
                    theme::WARN
                };
                ui.label(RichText::new(e.network.label()).small().color(color));
            });
        });
    };
    let w = match &row.window {
        Ok(w) => w,
        Err(why) => {
            cell(ui, COLUMNS[0], |ui| {
                widgets::status(ui, Level::Alert, "Unknown")
            });
            pool(ui);
            cell(ui, COLUMNS[2], |_| {});
            cell(ui, deadline_width, |ui| {
                ui.add(egui::Label::new(RichText::new(why).color(theme::error_text(ui))).wrap());
            });
            return action;
        }
    };
    let u = row.urgency(t).unwrap_or(crate::app::Urgency::Expired);
    let (level, icon, word) = badge(u);
    cell(ui, COLUMNS[0], |ui| {
        ui.vertical(|ui| {
            widgets::status_with(ui, level, icon, word);
            if w.remaining_ms > 0 && u != crate::app::Urgency::NotYetValid {
                ui.label(
                    RichText::new(format!("{} left", format_duration(w.remaining_ms)))
                        .small()
                        .color(theme::weak(ui)),
                );
            }
        });
    });
    pool(ui);
    cell(ui, COLUMNS[2], |ui| {
        ui.label(RichText::new(w.periods_left.to_string()).monospace())
            .on_hover_text(format!(
                "{} (KES period {} of {}–{})",
                periods_left_words(w.periods_left),
                w.current_period,
                w.start_period,
                w.last_period
            ));
    });
    cell(ui, deadline_width, |ui| {
        let color = match level {
            Level::Ok => ui.visuals().text_color(),
            _ => level.color(ui),
        };
        let headline = Deadline::of(w, t).headline(now, &local_time);
        ui.add(egui::Label::new(RichText::new(headline).color(color)).wrap())
            .on_hover_text(format!(
                "expires {} ({} UTC)",
                local_time(w.expiry_time),
                format_utc(w.expiry_time)
            ));
    });
    action
}
