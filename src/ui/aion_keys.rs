//! The Aion Unity profile's Pool tab (the checklist: keys → metadata → register → done) and
//! its Keys tab (the management and block-signing keys, their addresses, a pasted key).

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::aion_actions::key_files;
use crate::app::aion_core::keys::Role;
use crate::app::{ConsoleApp, Tab};
use crate::core::message::capitalise;

/// One checklist step: title, explanation, done, and the tab that does it.
struct Step {
    title: &'static str,
    explanation: &'static str,
    done: bool,
    tab: Tab,
}

pub fn pool(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Set up an Aion Unity pool",
        "Three steps on this offline machine; the signed registration is then broadcast from an online one.",
    );
    let facts = &app.aion_facts;
    let keys = facts.management_pk.is_some() && facts.signing_pk.is_some();
    let steps = [
        Step {
            title: "Keys",
            explanation:
                "The management key is the pool's identity; the block-signing key signs its blocks.",
            done: keys,
            tab: Tab::AionKeys,
        },
        Step {
            title: "Metadata",
            explanation:
                "Name, description, tags, logo: saved as JSON and hashed, to be hosted at its URL.",
            done: facts.metadata_saved,
            tab: Tab::AionMetadata,
        },
        Step {
            title: "Register (with 1 000 AION)",
            explanation:
                "registerPool signed with the management key, carrying the 1 000 AION self-bond.",
            done: facts.registration_signed,
            tab: Tab::AionActions,
        },
    ];
    let next = steps.iter().position(|s| !s.done);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("aion-checklist")
            .num_columns(3)
            .spacing([12.0, 10.0])
            .show(ui, |ui| {
                for (i, step) in steps.iter().enumerate() {
                    let (mark, level, word) = match (step.done, Some(i) == next) {
                        (true, _) => ("✔", Level::Ok, "done"),
                        (false, true) => ("➡", Level::Warn, "next"),
                        (false, false) => ("○", Level::Neutral, "waiting"),
                    };
                    ui.label(RichText::new(format!("{mark} {}.", i + 1)).color(level.color(ui)).strong())
                        .on_hover_text(word);
                    ui.vertical(|ui| {
                        ui.set_min_width(440.0);
                        ui.label(RichText::new(step.title).strong());
                        ui.label(RichText::new(step.explanation).color(theme::weak(ui)));
                    });
                    if Some(i) == next {
                        if ui.button(format!("Go to {}", step.tab.label())).clicked() {
                            app.show_tab(step.tab);
                        }
                    } else {
                        ui.label(RichText::new(word).color(theme::weak(ui)));
                    }
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        if next.is_none() {
            widgets::status(ui, Level::Ok, "Done: broadcast the saved registration from an online machine within an hour of its timestamp.");
        }
    });
}

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Aion keys",
        "Ed25519 keys as Aion tools keep them: the management key (the pool's identity, cannot change) and the block-signing key.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    for role in [Role::Management, Role::Signing] {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let (secret, public) = key_files(role);
            ui.label(
                RichText::new(format!(
                    "{} key",
                    capitalise(crate::app::aion_core::role_word(role))
                ))
                .strong(),
            );
            match app.aion_address(role) {
                Some(a) => {
                    ui.label(
                        RichText::new(format!("{secret} (readable only by you) and {public}"))
                            .color(theme::weak(ui)),
                    );
                    ui.horizontal(|ui| {
                        ui.label("Address:");
                        widgets::copyable(
                            ui,
                            &format!("{} address", crate::app::aion_core::role_word(role)),
                            &a.to_checksum(),
                            40,
                        );
                    });
                }
                None => {
                    ui.label(
                        RichText::new(format!(
                            "No {} key yet.",
                            crate::app::aion_core::role_word(role)
                        ))
                        .color(theme::weak(ui)),
                    );
                    if ui
                        .button(format!(
                            "Generate the {} key",
                            crate::app::aion_core::role_word(role)
                        ))
                        .clicked()
                    {
                        app.aion_generate_key(role);
                    }
                }
            }
        });
        ui.add_space(8.0);
    }
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Import a key").strong());
        ui.label(
            RichText::new("Paste the private key Aion tools export (64 or 128 hex digits, 0x optional). It is written to the role's key file and never shown.")
                .color(theme::weak(ui)),
        );
        ui.horizontal(|ui| {
            ui.label("Role:");
            for role in [Role::Management, Role::Signing] {
                ui.radio_value(&mut app.aion.import_role, role, capitalise(crate::app::aion_core::role_word(role)));
            }
        });
        // A role whose key is here is never replaced by an import: said before anything is
        // pasted, and no box is offered to paste a secret into for nothing.
        let role = app.aion.import_role;
        if app.aion_address(role).is_some() {
            let (key, public) = key_files(role);
            ui.label(
                RichText::new(format!(
                    "This folder already has its {} key, and an import never replaces it: move {key} and {public} away first to import another.",
                    crate::app::aion_core::role_word(role)
                ))
                .color(Level::Warn.color(ui)),
            );
            return;
        }
        let l = ui.label("Private key (hex):");
        ui.add(
            TextEdit::singleline(&mut *app.aion.import_hex)
                .password(true)
                .desired_width(420.0),
        )
        .labelled_by(l.id);
        if ui.button("Import the key").clicked() {
            app.aion_import_key();
        }
    });
}
