//! The Pool tab: the pool at a glance, and the "Set up a new pool" checklist.

use eframe::egui::{self, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::workspace::Role;
use crate::app::{ConsoleApp, Tab};
use crate::core::keys::address::pool_bech32;

/// One step of the newcomer's path.
struct Step {
    title: &'static str,
    explanation: &'static str,
    done: bool,
    button: &'static str,
    tab: Tab,
}

fn steps(app: &ConsoleApp) -> Vec<Step> {
    let ws = app.workspace.as_ref();
    let has = |r: Role| ws.is_some_and(|w| w.has(r));
    let opcert_ok = ws.is_some_and(|w| {
        w.opcert.as_ref().is_some_and(|c| {
            let cold = w
                .cold_vkey
                .as_ref()
                .map(crate::core::keys::VerificationKey::public_key);
            let kes = w
                .kes_vkey
                .as_ref()
                .map(crate::core::keys::VerificationKey::public_key);
            c.check(cold.as_ref(), kes.as_ref()).is_ok()
        })
    });
    vec![
        Step { title: "Choose a folder for the pool", explanation: "Every key and certificate of this pool lives there. Use an offline machine for the cold key.", done: ws.is_some(), button: "Open folder…", tab: Tab::Pool },
        Step { title: "Generate the cold keys", explanation: "The pool's identity (pool id) and the counter for operational certificates.", done: has(Role::ColdVkey) && has(Role::Counter), button: "Go to Keys", tab: Tab::Keys },
        Step { title: "Generate the VRF keys", explanation: "Used by the node to prove it may make a block.", done: has(Role::VrfVkey), button: "Go to Keys", tab: Tab::Keys },
        Step { title: "Generate the KES keys", explanation: "The hot key the node signs blocks with; replaced every ~90 days.", done: has(Role::KesVkey), button: "Go to Keys", tab: Tab::Keys },
        Step { title: "Issue the operational certificate", explanation: "The cold key vouches for the KES key, from the current KES period.", done: opcert_ok, button: "Go to Op cert", tab: Tab::OpCert },
        Step { title: "Add the owners' stake keys", explanation: "Their ADA is the pool's pledge; each owner signs the registration.", done: has(Role::StakeVkey) || !app.registration.owners.is_empty(), button: "Go to Keys", tab: Tab::Keys },
        Step { title: "Describe the pool (metadata)", explanation: "Name, ticker and homepage that wallets show; host the JSON at a URL.", done: has(Role::Metadata), button: "Go to Registration", tab: Tab::Registration },
        Step { title: "Build the registration certificate", explanation: "Pledge, cost, margin, owners and relays in one certificate to submit.", done: has(Role::PoolCert), button: "Go to Registration", tab: Tab::Registration },
    ]
}

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
                ui.label("Pool id").on_hover_text("blake2b-224 of the cold verification key: how explorers and wallets name the pool");
                ui.vertical(|ui| {
                    widgets::copyable(ui, "pool id (bech32)", &pool_bech32(&id), 60);
                    widgets::copyable(ui, "pool id (hex)", &hex::encode(id), 60);
                });
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

fn checklist(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let steps = steps(app);
    let next = steps.iter().position(|s| !s.done);
    widgets::section(
        ui,
        "Set up a new pool",
        "Eight steps from nothing to a registration certificate ready to submit.",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("checklist")
            .num_columns(3)
            .spacing([12.0, 10.0])
            .show(ui, |ui| {
                for (i, step) in steps.iter().enumerate() {
                    let (mark, level, state) = if step.done {
                        ("✔", Level::Ok, "done")
                    } else if Some(i) == next {
                        ("➡", Level::Warn, "next")
                    } else {
                        ("○", Level::Neutral, "waiting")
                    };
                    ui.label(
                        RichText::new(format!("{mark} {}.", i + 1))
                            .color(level.color(ui))
                            .strong(),
                    )
                    .on_hover_text(state);
                    ui.vertical(|ui| {
                        ui.set_min_width(440.0);
                        let title = RichText::new(step.title).strong();
                        ui.label(if step.done {
                            title.color(theme::weak(ui))
                        } else {
                            title
                        });
                        ui.label(
                            RichText::new(step.explanation)
                                .small()
                                .color(theme::weak(ui)),
                        );
                    });
                    if Some(i) == next {
                        if ui.button(step.button).clicked() {
                            if step.tab == Tab::Pool {
                                app.choose_workspace();
                            } else {
                                app.tab = step.tab;
                            }
                        }
                    } else {
                        ui.label(RichText::new(state).small().color(theme::weak(ui)));
                    }
                    ui.end_row();
                }
            });
    });
}
