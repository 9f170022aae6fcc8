//! The Pool tab: the pool at a glance, and the "Set up a new pool" checklist.

use eframe::egui::{self, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::setup_steps::{self, Go, Mark, Progress, Step, OFFLINE_STEPS};
use crate::app::ConsoleApp;
use crate::core::keys::address::pool_bech32;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Pool",
        "This pool's identity, its files, and what to do next.",
    );
    if app.workspace.is_none() {
        theme::card(ui).show(ui, |ui| {
            ui.label(RichText::new("No pool folder open yet.").strong());
            ui.label("Open the folder that holds this pool's keys (cardano-cli, CNTools and SPO Scripts folders work as they are), or an empty folder to start a new pool.");
            ui.add_space(6.0);
            if ui.button("📁 Open or create a pool folder…").clicked() {
                app.choose_workspace();
            }
        });
        ui.add_space(10.0);
    } else {
        summary(app, ui);
        ui.add_space(10.0);
    }
    checklist(app, ui);
}

fn summary(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let Some(ws) = app.workspace.clone() else {
        return;
    };
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("pool-summary").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
            ui.label("Folder");
            ui.label(RichText::new(ws.dir.display().to_string()).monospace());
            ui.end_row();
            ui.label("Network");
            ui.label(app.network_choice().label());
            ui.end_row();
            if let Some(id) = ws.pool_id() {
                // Both forms are the same id: explorers and wallets show bech32, cardano-cli
                // and config files often want hex.
                ui.label("Pool id (bech32)").on_hover_text("blake2b-224 of the cold verification key: how explorers and wallets name the pool");
                widgets::copyable(ui, "pool id (bech32)", &pool_bech32(&id), 60);
                ui.end_row();
                ui.label("Pool id (hex)").on_hover_text("The same id in hex, as cardano-cli's stake-pool id --output-format hex and node configuration files write it");
                widgets::copyable(ui, "pool id (hex)", &hex::encode(id), 60);
                ui.end_row();
            }
            if let Some(vrf) = &ws.vrf_vkey {
                ui.label("VRF key hash").on_hover_text("blake2b-256 of the VRF verification key, as the registration states it");
                widgets::copyable(ui, "VRF key hash", &hex::encode(vrf.key_hash_256()), 60);
                ui.end_row();
            }
            ui.label("KES");
            match app.kes_window() {
                Some(w) => {
                    let u = app.urgency(&w);
                    let (level, icon, _) = super::kes::badge(u);
                    widgets::status_with(ui, level, icon, &u.words(w.remaining_ms));
                }
                None => {
                    ui.label(RichText::new("no operational certificate yet").color(theme::weak(ui)));
                }
            }
            ui.end_row();
        });
        ui.add_space(6.0);
        egui::CollapsingHeader::new(format!("Files recognised ({})", ws.files.values().map(Vec::len).sum::<usize>()))
            .default_open(false)
            .show(ui, |ui| {
                egui::Grid::new("pool-files").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
                    for (role, paths) in &ws.files {
                        ui.label(role.label());
                        ui.label(RichText::new(paths.iter().map(|p| ws.short(p)).collect::<Vec<_>>().join(", ")).monospace());
                        ui.end_row();
                    }
                });
            });
        for p in &ws.problems {
            widgets::status(ui, Level::Warn, p);
        }
    });
}

/// Goes where a step is done.
fn go(app: &mut ConsoleApp, to: Go) {
    match to {
        Go::OpenFolder => app.choose_workspace(),
        Go::Tab(tab) => app.show_tab(tab),
    }
}

/// The mark, colour and word of a step: done, next, or waiting (on this or the online machine).
fn state(step: &Step, is_next: bool) -> (&'static str, Level, &'static str) {
    match step.progress {
        Progress::Done => ("✔", Level::Ok, "done"),
        _ if is_next => ("➡", Level::Warn, "next"),
        Progress::Online => ("○", Level::Neutral, "on the online machine"),
        Progress::ToDo => ("○", Level::Neutral, "waiting"),
    }
}

fn checklist(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let steps = app.setup_steps();
    let next = setup_steps::next(&steps).map(|(n, _)| n - 1);
    widgets::section(
        ui,
        "Set up a new pool",
        "Eight steps here, from nothing to a registration certificate; then five to register it on chain.",
    );
    let (here, left) = steps.split_at(OFFLINE_STEPS.min(steps.len()));
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("checklist")
            .num_columns(3)
            .spacing([12.0, 10.0])
            .show(ui, |ui| {
                for (i, step) in here.iter().enumerate() {
                    let (mark, level, word) = state(step, Some(i) == next);
                    ui.label(
                        RichText::new(format!("{mark} {}.", i + 1))
                            .color(level.color(ui))
                            .strong(),
                    )
                    .on_hover_text(word);
                    ui.vertical(|ui| {
                        ui.set_min_width(440.0);
                        let title = RichText::new(step.title).strong();
                        ui.label(if step.done() {
                            title.color(theme::weak(ui))
                        } else {
                            title
                        });
                        ui.label(RichText::new(&step.explanation).color(theme::weak(ui)));
                    });
                    match step.go.first() {
                        Some((label, to)) if Some(i) == next => {
                            if ui.button(*label).clicked() {
                                go(app, *to);
                            }
                        }
                        _ => {
                            ui.label(RichText::new(word).color(theme::weak(ui)));
                        }
                    }
                    ui.end_row();
                }
            });
    });
    ui.add_space(10.0);
    widgets::section(
        ui,
        "What is left",
        "After the certificate: the metadata online, the deposit, and the registration transaction, built and submitted on the online machine and witnessed here.",
    );
    let certificate_built = here.last().is_some_and(Step::done);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (k, step) in left.iter().enumerate() {
            let i = here.len() + k;
            if k > 0 {
                ui.separator();
            }
            remaining_step(app, ui, i, step, Some(i) == next, certificate_built);
        }
    });
}

/// One of the steps after the certificate: what to do, what the folder shows, the commands.
fn remaining_step(
    app: &mut ConsoleApp,
    ui: &mut egui::Ui,
    i: usize,
    step: &Step,
    is_next: bool,
    detailed: bool,
) {
    let (mark, level, word) = state(step, is_next);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{mark} {}.", i + 1))
                .color(level.color(ui))
                .strong(),
        )
        .on_hover_text(word);
        ui.label(RichText::new(step.title).strong());
        ui.label(RichText::new(format!("({word})")).color(theme::weak(ui)));
    });
    if !detailed {
        return;
    }
    ui.indent(("left", i), |ui| {
        ui.label(&step.explanation);
        for f in &step.facts {
            match f.mark {
                Mark::Ok => widgets::status(ui, Level::Ok, &f.text),
                Mark::Problem => widgets::status(ui, Level::Warn, &f.text),
                // Worth reading, not a verdict: in the text colour, not a faint one.
                Mark::Info => {
                    ui.label(format!("• {}", f.text));
                }
            }
        }
        if !step.go.is_empty() {
            ui.horizontal(|ui| {
                for (label, to) in &step.go {
                    if ui.button(*label).clicked() {
                        go(app, *to);
                    }
                }
            });
        }
        for cmd in &step.commands {
            command(ui, cmd);
        }
    });
}

/// A command to copy: monospace, wrapped, with its own Copy button.
fn command(ui: &mut egui::Ui, cmd: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        widgets::command_text(ui, cmd);
        if ui
            .button("📋 Copy")
            .on_hover_text("Copy this command")
            .clicked()
        {
            ui.ctx().copy_text(cmd.to_owned());
        }
    });
}
