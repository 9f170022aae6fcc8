//! The Review tab: owners on a call read the same certificate. Inputs at the top, then "you are
//! owner 2 of 3", the fingerprint large enough to read aloud, the field-by-field comparison
//! with the previous registration, and the pledge check.

use eframe::egui::{self, Color32, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::review::LoadedCert;
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;
use crate::core::message::quote::{escape, escape_controls_keeping_lines};
use crate::core::review::{Change, Review};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Review",
        "Load the registration certificate every owner will sign. Add the pool's current registration to see what changes, and the pool plan to check owners and pledge.",
    );
    inputs(app, ui);
    ui.add_space(8.0);
    let Some(review) = app.review.review.clone() else {
        widgets::status(
            ui,
            Level::Neutral,
            "No certificate loaded yet. Load the registration certificate, or load the pool plan and review the certificate it builds.",
        );
        return;
    };
    if let Some(v) = &review.verdict {
        let level = if v.starts_with("You are owner") {
            Level::Ok
        } else {
            Level::Alert
        };
        ui.label(
            RichText::new(format!("{} {}", level.icon(), escape(v)))
                .size(18.0)
                .strong()
                .color(level.color(ui)),
        );
        ui.add_space(6.0);
    }
    fingerprint(ui, &review);
    for m in &review.plan_mismatches {
        widgets::status(
            ui,
            Level::Alert,
            &format!("Not what the plan says: {}", escape(m)),
        );
    }
    ui.add_space(6.0);
    fields(ui, &review);
    ui.add_space(6.0);
    pledge(ui, &review);
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .button("📄 Export sign-off sheet…")
            .on_hover_text("A printable page with every field, the changes, the fingerprint and a signature line per owner")
            .clicked()
        {
            app.review_export_sheet();
        }
        let built = app
            .review
            .cert
            .as_ref()
            .is_some_and(|c| c.source.starts_with("built from"));
        if built && ui.button("💾 Save this certificate…").clicked() {
            app.review_save_certificate();
        }
    });
}

fn slot_error(ui: &mut egui::Ui, error: Option<&String>) {
    if let Some(e) = error {
        ui.label(
            RichText::new(escape_controls_keeping_lines(e))
                .small()
                .color(theme::error_text(ui)),
        );
    }
}

fn loaded_label(ui: &mut egui::Ui, loaded: Option<&LoadedCert>, empty: &str) {
    match loaded {
        Some(c) => ui.label(RichText::new(&c.source).monospace()),
        None => ui.label(RichText::new(empty).color(theme::weak(ui))),
    };
}

fn inputs(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("review-inputs")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                ui.label("Certificate").on_hover_text(
                    "The stake pool registration certificate the owners are asked to sign",
                );
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui.button("📂 Load certificate…").clicked() {
                            app.review_pick_certificate();
                        }
                        loaded_label(ui, app.review.cert.as_ref(), "none yet");
                    });
                    slot_error(ui, app.review.cert_error.as_ref());
                });
                ui.end_row();

                ui.label("Previous registration").on_hover_text(
                    "The certificate now on chain: every field that changes is highlighted",
                );
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui.button("📂 Load previous…").clicked() {
                            app.review_pick_previous();
                        }
                        loaded_label(ui, app.review.previous.as_ref(), "optional: a new pool has none");
                        if app.review.previous.is_some() && ui.small_button("✖ Clear").clicked() {
                            app.review.clear_previous();
                        }
                    });
                    slot_error(ui, app.review.previous_error.as_ref());
                });
                ui.end_row();

                ui.label("Pool plan").on_hover_text(
                    "The JSON plan the owners agreed on: names, planned pledge per owner",
                );
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui.button("📂 Load plan…").clicked() {
                            app.review_pick_plan();
                        }
                        match &app.review.plan {
                            Some((p, _)) => ui.label(
                                RichText::new(p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
                                    .monospace(),
                            ),
                            None => ui.label(RichText::new("optional").color(theme::weak(ui))),
                        };
                        if app.review.plan.is_some()
                            && ui
                                .button("Review the plan's certificate")
                                .on_hover_text("Build the certificate from the plan: every owner who loads the same plan gets the same bytes")
                                .clicked()
                        {
                            app.review.use_plan_certificate();
                        }
                    });
                    slot_error(ui, app.review.plan_error.as_ref());
                });
                ui.end_row();

                let l = ui.label("Your stake key").on_hover_text(
                    "Load your stake.vkey or paste your stake address to check that you are an owner",
                );
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui.button("🔑 Load stake.vkey…").clicked() {
                            app.review_pick_owner_key();
                        }
                        ui.label("or");
                        let resp = ui
                            .add(
                                TextEdit::singleline(&mut app.review.owner_text)
                                    .hint_text("stake1…")
                                    .desired_width(300.0),
                            )
                            .labelled_by(l.id);
                        let enter =
                            resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui.button("Check").clicked() || enter)
                            && !app.review.owner_text.trim().is_empty()
                        {
                            app.review.use_owner_text();
                        }
                    });
                    if let Some(src) = &app.review.owner_source {
                        ui.label(
                            RichText::new(format!("Checking the key from {src}"))
                                .small()
                                .color(theme::weak(ui)),
                        );
                    }
                    slot_error(ui, app.review.owner_error.as_ref());
                });
                ui.end_row();
            });
    });
}

fn fingerprint(ui: &mut egui::Ui, review: &Review) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Fingerprint").strong()).on_hover_text(
            "blake2b-256 of the certificate's bytes. Read the words to each other: the same words mean the same certificate.",
        );
        ui.label(
            RichText::new(review.fingerprint.words_text())
                .size(22.0)
                .strong(),
        );
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(review.fingerprint.hex_grouped())
                    .monospace()
                    .color(theme::weak(ui)),
            );
            if ui.small_button("📋 Copy").on_hover_text("Copy the fingerprint").clicked() {
                ui.ctx().copy_text(review.fingerprint.hex());
            }
        });
    });
}

fn change_text(change: Change) -> (&'static str, Option<Color32>) {
    match change {
        Change::Changed => ("♦ changed", Some(theme::WARN)),
        Change::Added => ("➕ added", Some(theme::OK)),
        Change::Removed => ("✖ removed", Some(theme::ALERT)),
        Change::Unchanged => ("unchanged", None),
        Change::NoPrevious => ("", None),
    }
}

fn fields(ui: &mut egui::Ui, review: &Review) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = if review.has_previous {
            let n = review.changes().len();
            format!("Fields: {n} changed since the previous registration")
        } else {
            "Fields".to_owned()
        };
        ui.label(RichText::new(title).strong());
        let columns = if review.has_previous { 4 } else { 2 };
        egui::Grid::new("review-fields")
            .num_columns(columns)
            .spacing([16.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                if review.has_previous {
                    ui.label(RichText::new("Field").strong());
                    ui.label(RichText::new("Previous").strong());
                    ui.label(RichText::new("This certificate").strong());
                    ui.label(RichText::new("Change").strong());
                    ui.end_row();
                }
                for r in &review.rows {
                    let (word, colour) = change_text(r.change);
                    // Names, DNS names and URLs come from files: control characters escaped.
                    let label = RichText::new(escape(&r.label));
                    ui.label(if colour.is_some() {
                        label.strong()
                    } else {
                        label
                    });
                    // Side by side, long ids are elided (whole on hover); alone, shown whole.
                    let max = if review.has_previous { 36 } else { 120 };
                    let value = |ui: &mut egui::Ui, v: &Option<String>| {
                        let shown = escape(v.as_deref().unwrap_or("—"));
                        widgets::long_value(ui, &shown, colour, max);
                    };
                    if review.has_previous {
                        value(ui, &r.previous);
                    }
                    value(ui, &r.current);
                    if review.has_previous {
                        let w = RichText::new(word);
                        ui.label(match colour {
                            Some(c) => w.color(c).strong(),
                            None => w.color(theme::weak(ui)),
                        });
                    }
                    ui.end_row();
                }
            });
    });
}

fn pledge(ui: &mut egui::Ui, review: &Review) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Pledge check").strong()).on_hover_text(
            "Pledge is the ADA the owners promise to keep delegated to the pool. If they hold less at the stake snapshot, nobody in the pool earns rewards.",
        );
        let Some(p) = &review.pledge else {
            ui.label(
                RichText::new("Load the pool plan to check the owners' planned contributions against the pledge.")
                    .color(theme::weak(ui)),
            );
            return;
        };
        ui.label(format!(
            "Declared {} · owners plan {} · counting {}",
            format_ada(p.declared),
            format_ada(p.planned),
            format_ada(p.counted)
        ));
        if p.warnings.is_empty() {
            widgets::status(ui, Level::Ok, "The owners' stake covers the pledge.");
        }
        for w in &p.warnings {
            widgets::status(ui, Level::Warn, &escape(w));
        }
        for c in &p.confirm {
            widgets::status(ui, Level::Neutral, &escape(c));
        }
    });
}
