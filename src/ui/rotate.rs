//! The rotation wizard (counter, clock, rotate), the pre-deploy check and the rotation journal.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::{clock_guard, widgets};
use crate::app::ConsoleApp;
use crate::core::chain::clock::format_utc;
use crate::core::kes::period_info;
use crate::core::kes::predeploy::{Check, Outcome};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    if app.workspace.is_none() {
        return;
    }
    if std::mem::take(&mut app.drafts.scroll_to_rotation) {
        ui.scroll_to_cursor(Some(egui::Align::TOP));
    }
    widgets::section(
        ui,
        "Rotate the KES key",
        "A new KES key and opcert, with an issue number the chain will accept. Run this on the offline machine that holds cold.skey.",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        counter_step(app, ui);
        ui.add_space(8.0);
        ui.label(RichText::new("2. The KES period").strong());
        match app.current_kes_period() {
            Some(p) => ui.label(format!(
                "The new opcert starts at the current KES period, {p}, from this machine's clock. Check the clock against the online side:"
            )),
            None => ui.label("The network's clock is not known: choose the network in the top bar."),
        };
        clock_guard::show(app, ui);
        ui.add_space(8.0);
        ui.label(RichText::new("3. Rotate").strong());
        let plan = app.rotation_plan();
        ui.horizontal(|ui| {
            let button = ui
                .add_enabled(plan.is_ok(), egui::Button::new("🔄 Rotate: new KES key and opcert"))
                .on_disabled_hover_text("Fill in the steps above first");
            if button.clicked() {
                app.request_rotation();
            }
        });
        if let Err(why) = &plan {
            ui.label(RichText::new(why).color(theme::weak(ui)));
        }
        if let Some(next) = app.drafts.rotation.rotated.clone() {
            ui.add_space(4.0);
            widgets::status(ui, Level::Ok, "Rotated. Next:");
            ui.label(next);
        }
    });
    ui.add_space(8.0);
    predeploy(app, ui);
    ui.add_space(8.0);
    journal(app, ui);
}

fn counter_step(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    ui.label(RichText::new("1. The issue number").strong());
    ui.label(
        "The chain accepts the last issue number it has seen, or one more. Give that number: type it, paste the output of `cardano-cli query kes-period-info`, or read it from the current node.opcert (right once the pool has made a block with it).",
    );
    egui::Grid::new("rotation-counter")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label("Last on-chain issue number");
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::multiline(&mut app.drafts.rotation.on_chain_text)
                        .desired_rows(1)
                        .desired_width(420.0)
                        .hint_text("e.g. 4, or paste kes-period-info"),
                )
                .labelled_by(l.id);
                if app.workspace.as_ref().is_some_and(|w| w.opcert.is_some())
                    && ui.small_button("Read it from node.opcert").clicked()
                {
                    app.use_opcert_number();
                }
            });
            ui.end_row();
            let allowed = app.on_chain_counter().map(|r| r.map(|c| c.last_seen));
            ui.label("Allowed");
            match &allowed {
                None => ui.label(RichText::new("give the number above").color(theme::weak(ui))),
                Some(Ok(m)) => {
                    let (lo, hi) = period_info::allowed(*m);
                    let basis = m.map_or_else(
                        || "the pool has not made a block yet".to_owned(),
                        |m| format!("the chain has seen {m}"),
                    );
                    ui.label(RichText::new(format!("{lo} or {hi} ({basis})")).strong())
                }
                Some(Err(e)) => ui.label(RichText::new(e).color(theme::error_text(ui))),
            };
            ui.end_row();
            let hint = match &allowed {
                Some(Ok(m)) => period_info::allowed(*m).1.to_string(),
                _ => String::new(),
            };
            let l = ui.label("Issue number for the new opcert");
            ui.vertical(|ui| {
                ui.add(
                    TextEdit::singleline(&mut app.drafts.rotation.issue_number_text)
                        .hint_text(hint)
                        .desired_width(120.0),
                )
                .labelled_by(l.id);
                let typed = app.drafts.rotation.issue_number_text.trim().to_owned();
                if let (Some(Ok(m)), false) = (&allowed, typed.is_empty()) {
                    match typed.parse::<u64>() {
                        Ok(n) => match period_info::judge(*m, n) {
                            Ok(why) => {
                                ui.label(RichText::new(why));
                            }
                            Err(why) => {
                                ui.label(
                                    RichText::new(format!("Refused: {why}"))
                                        .color(theme::error_text(ui)),
                                );
                            }
                        },
                        Err(_) => {
                            ui.label(
                                RichText::new(format!("\"{typed}\" is not a whole number"))
                                    .color(theme::error_text(ui)),
                            );
                        }
                    }
                }
            });
            ui.end_row();
        });
}

fn predeploy(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Pre-deploy check",
        "Before kes.skey and node.opcert go to the block producer: do they belong together and to this pool, and is the opcert valid now?",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if ui
            .button("✔ Check kes.skey, node.opcert and cold.vkey")
            .clicked()
        {
            app.run_predeploy();
        }
        if let Some(checks) = &app.drafts.rotation.checks {
            ui.add_space(4.0);
            check_list(ui, checks);
        }
    });
}

/// One line per check: icon, word and colour, then what it found.
pub fn check_list(ui: &mut egui::Ui, checks: &[Check]) {
    egui::Grid::new("predeploy-checks")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for c in checks {
                let (level, word) = match c.outcome {
                    Outcome::Pass => (Level::Ok, "passed"),
                    Outcome::Fail => (Level::Alert, "failed"),
                    Outcome::NotChecked => (Level::Neutral, "not checked"),
                };
                widgets::status(ui, level, &format!("{}: {word}", c.name));
                ui.label(&c.detail);
                ui.end_row();
            }
        });
}

fn journal(app: &ConsoleApp, ui: &mut egui::Ui) {
    let Some(ws) = &app.workspace else { return };
    widgets::section(
        ui,
        "Rotation journal",
        "Every opcert issued here, appended to rotation-journal.jsonl in this folder and never rewritten.",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if ws.journal.is_empty() {
            ui.label(
                RichText::new("No rotation recorded in this folder yet.").color(theme::weak(ui)),
            );
            return;
        }
        egui::Grid::new("rotation-journal")
            .num_columns(4)
            .striped(true)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for h in ["Issued (UTC)", "Issue number", "KES period", "KES key hash"] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for e in ws.journal.iter().rev() {
                    ui.label(format_utc(e.recorded_at));
                    ui.label(e.issue_number.to_string());
                    ui.label(e.kes_period.to_string());
                    ui.label(RichText::new(widgets::elide(&e.kes_vkey_hash, 8)).monospace())
                        .on_hover_text(&e.kes_vkey_hash);
                    ui.end_row();
                }
            });
    });
}
