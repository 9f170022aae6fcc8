//! The Review tab: owners on a call read the same certificate. Inputs at the top, then "you are
//! owner 2 of 3", the fingerprint large enough to read aloud, the field-by-field comparison
//! with the previous registration, and the pledge check.

use eframe::egui::{self, Label, RichText, TextEdit};

use super::theme::{self, Level};
use super::{review_fields, review_metadata, widgets};
use crate::app::review::{FolderOffer, LoadedCert};
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;
use crate::core::message::quote::{escape, escape_controls_keeping_lines, escape_path};
use crate::core::review::Review;

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
        if app.review.metadata.is_some() {
            ui.add_space(6.0);
            review_metadata::card(ui, app.review.metadata.as_ref(), None);
        }
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
    for w in &review.warnings {
        widgets::status(ui, Level::Warn, &escape(w));
    }
    ui.add_space(6.0);
    review_fields::fields(ui, &review);
    ui.add_space(6.0);
    review_metadata::card(
        ui,
        app.review.metadata.as_ref(),
        app.review.metadata_match(),
    );
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
        ui.label(RichText::new(escape_controls_keeping_lines(e)).color(theme::error_text(ui)));
    }
}

/// "Load pool.cert from this folder": the open pool folder's file, one click away.
fn folder_button(ui: &mut egui::Ui, offer: &FolderOffer) -> bool {
    ui.button(format!("📁 {}", escape(&offer.button)))
        .on_hover_text(escape_path(&offer.path.display().to_string()))
        .clicked()
}

fn loaded_label(ui: &mut egui::Ui, loaded: Option<&LoadedCert>, empty: &str) {
    match loaded {
        // A file name from the disk: escaped, and wrapped rather than pushed off the card.
        Some(c) => ui.add(Label::new(RichText::new(escape(&c.source)).monospace()).wrap()),
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
                    if let Some(offer) = app.review_folder_certificate() {
                        if folder_button(ui, &offer) {
                            app.review_load_certificate(&offer.path);
                        }
                    }
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

                ui.label("Metadata file").on_hover_text(
                    "poolMetaData.json, the file at the certificate's metadata URL: see what wallets will show and check its hash",
                );
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        if ui.button("📂 Load metadata…").clicked() {
                            app.review_pick_metadata();
                        }
                        match &app.review.metadata {
                            Some(m) => ui.label(RichText::new(escape(&m.source)).monospace()),
                            None => ui.label(RichText::new("optional").color(theme::weak(ui))),
                        };
                    });
                    if let Some(offer) = app.review_folder_metadata() {
                        if folder_button(ui, &offer) {
                            app.review.load_metadata(&offer.path);
                        }
                    }
                    slot_error(ui, app.review.metadata_error.as_ref());
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
        ui.horizontal_wrapped(|ui| {
            ui.add(
                Label::new(
                    RichText::new(review.fingerprint.hex_grouped())
                        .monospace()
                        .color(theme::weak(ui)),
                )
                .wrap(),
            );
            if ui.small_button("📋 Copy").on_hover_text("Copy the fingerprint").clicked() {
                ui.ctx().copy_text(review.fingerprint.hex());
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
