//! The Registration tab: who, money, where, what wallets show; then build. Every field keeps
//! its message line under it (see form_fields), so nothing moves while someone types.

use eframe::egui::{self, Key, RichText, TextEdit};

use super::form_fields::{self, checked, Field, Note};
use super::registration_preview::preview;
use super::registration_rows::{owners, relays};
use super::theme::{self, Level};
use super::widgets;
use crate::app::pool_drafts::outside_folder_note;
use crate::app::registration::FormCheck;
use crate::app::registration_feedback::{FormAction, FormFeedback};
use crate::app::ConsoleApp;
use crate::core::certificate::amount::{format_ada, group_digits};
use crate::core::certificate::metadata::MAX_DESCRIPTION_CHARS;
use crate::core::message::quote::escape;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Registration certificate",
        "Everything the chain records about the pool. Fields are checked as you type; Enter builds the certificate once the form is complete.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    let check = app.check_registration();
    app.settle_form_feedback(&check);
    let wide = ui.available_width() > 980.0;
    if wide {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(620.0);
                form(app, ui, &check);
            });
            ui.add_space(12.0);
            ui.vertical(|ui| {
                ui.set_max_width((ui.available_width() - 16.0).max(300.0));
                preview(app, ui, &check);
            });
        });
    } else {
        form(app, ui, &check);
        preview(app, ui, &check);
    }
    enter_submits(app, ui);
}

/// Enter in a one-line field of the form (which lets go of the focus) or with nothing focused
/// builds the certificate when the form is complete; otherwise the fields say what is missing.
/// Not from the multi-line description, a button, or while a dialog is open.
fn enter_submits(app: &mut ConsoleApp, ui: &egui::Ui) {
    if app.picking.open.is_some() || app.confirm.is_some() {
        return;
    }
    let enter = ui.input(|i| i.key_pressed(Key::Enter) && i.modifiers.is_none());
    if enter && ui.memory(|m| m.focused().is_none()) {
        app.submit_registration();
    }
}

fn form(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    let fb = app.drafts.form_feedback.clone();
    for missing in &check.keys_missing {
        widgets::status(ui, Level::Alert, &format!("Needs {missing}."));
    }
    // Who
    ui.label(RichText::new("Who").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        owners(app, ui, check, &fb);
        egui::Grid::new("reward").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            let outside = app
                .workspace
                .as_ref()
                .and_then(|w| outside_folder_note(&app.registration.reward_account, &w.dir));
            let value = &mut app.registration.reward_account;
            let note = checked(value, check.reward.as_deref(), fb.insists(FormAction::Build))
                .or(outside.as_deref().map(Note::Warn));
            form_fields::row(
                ui,
                &Field {
                    label: "Reward account",
                    help: "Where the pool's rewards go: a stake key file in this folder, a stake_vk1… key or a stake1… address.",
                    hint: "alice.stake.vkey or stake1…",
                    width: 420.0,
                },
                value,
                note,
            );
        });
    });
    // Money
    ui.add_space(6.0);
    ui.label(RichText::new("Money").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        money(app, ui, check, &fb);
    });
    // Where
    ui.add_space(6.0);
    ui.label(RichText::new("Where (relays)").strong().size(16.0))
        .on_hover_text("The public nodes other pools connect to.");
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        relays(app, ui, check, &fb);
    });
    // What wallets show
    ui.add_space(6.0);
    ui.label(
        RichText::new("What wallets show (metadata)")
            .strong()
            .size(16.0),
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        metadata_form(app, ui, check, &fb);
    });
    ui.add_space(8.0);
    build(app, ui, check, &fb);
}

fn money(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    let insist = fb.insists(FormAction::Build);
    let amount = form_fields::amount_width(ui);
    let lovelace = |l: u64| format!("{} = {} lovelace", format_ada(l), group_digits(l));
    let pledge_plain = check.pledge_lovelace.map(lovelace);
    let cost_plain = check.cost_lovelace.map(lovelace);
    let margin_plain = check
        .margin_value
        .as_ref()
        .map(|m| format!("{} = {m} exactly", m.percent_string(4)));
    let r = &mut app.registration;
    egui::Grid::new("money").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
        let note = checked(&r.pledge_ada, check.pledge.as_deref(), insist)
            .or(pledge_plain.as_deref().map(Note::Hint));
        form_fields::row(ui, &Field { label: "Pledge (ADA)", help: "What the owners promise to keep delegated to the pool. Delegators see it; if the owners hold less, the pool earns nothing.", hint: "e.g. 100000", width: amount }, &mut r.pledge_ada, note);
        let note = checked(&r.cost_ada, check.cost.as_deref(), insist)
            .or(cost_plain.as_deref().map(Note::Hint));
        form_fields::row(ui, &Field { label: "Fixed cost (ADA per epoch)", help: "Taken from each epoch's rewards before the margin. At least the protocol's minimum pool cost.", hint: "e.g. 170", width: amount }, &mut r.cost_ada, note);
        let note = checked(&r.margin_percent, check.margin.as_deref(), insist)
            .or(margin_plain.as_deref().map(Note::Hint));
        form_fields::row(ui, &Field { label: "Margin (%)", help: "The pool's share of rewards after the fixed cost, in percent (0 to 100).", hint: "e.g. 1.5", width: amount }, &mut r.margin_percent, note);
    });
}

fn metadata_form(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    // The fields a failed "Save metadata file" needed speak up too; the URL only for Build.
    let insist = fb.insists(FormAction::Build);
    let insist_fields = fb.insists(FormAction::SaveMetadata);
    let fields = &check.metadata_fields;
    let m = &mut app.registration.metadata;
    let counted = crate::app::registration_metadata::description_count(&m.description);
    egui::Grid::new("metadata").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
        let note = checked(&m.name, fields.name.as_deref(), insist_fields);
        form_fields::row(ui, &Field { label: "Pool name", help: "Shown by wallets; at most 50 characters.", hint: "My Stake Pool", width: 320.0 }, &mut m.name, note);
        let note = checked(&m.ticker, fields.ticker.as_deref(), insist_fields);
        form_fields::row(ui, &Field { label: "Ticker", help: "3 to 5 characters, shown everywhere the pool is listed.", hint: "MYSP", width: 120.0 }, &mut m.ticker, note);
        description(ui, &mut m.description, fields.description.as_deref(), &counted);
        let note = checked(&m.homepage, fields.homepage.as_deref(), insist_fields);
        form_fields::row(ui, &Field { label: "Homepage", help: "The pool's website.", hint: "https://example.com", width: 420.0 }, &mut m.homepage, note);
        form_fields::row(ui, &Field { label: "Extended metadata URL (optional)", help: "CIP-6 extended metadata, if you publish one.", hint: "", width: 420.0 }, &mut m.extended, None);
        let note = checked(&m.url, check.metadata_url.as_deref(), insist);
        form_fields::row(ui, &Field { label: "Metadata URL", help: "Where you will host the JSON file; goes into the certificate (at most 128 characters).", hint: "https://example.com/poolMetaData.json", width: 420.0 }, &mut m.url, note);
    });
    form_fields::field_message(ui, fields.file.as_deref());
    ui.horizontal_wrapped(|ui| {
        if ui.button("Load metadata file…").clicked() {
            app.load_metadata();
        }
        if ui
            .button("Save metadata file")
            .on_hover_text("Writes poolMetaData.json: upload it unchanged to the metadata URL")
            .clicked()
        {
            app.save_metadata();
        }
        if let Some((p, _)) = &app.drafts.loaded_metadata {
            let kept = app.metadata_bytes().is_some();
            ui.label(
                RichText::new(if kept {
                    format!("hashing {} as loaded", p.display())
                } else {
                    "edited: the file will be rewritten".to_owned()
                })
                .color(theme::weak(ui)),
            );
        }
    });
}

/// The description: a few lines high whatever its length (longer text scrolls inside), with
/// its characters counted under it as they are typed.
fn description(ui: &mut egui::Ui, value: &mut String, error: Option<&str>, counted: &str) {
    let help =
        format!("What wallets show under the name; at most {MAX_DESCRIPTION_CHARS} characters.");
    let l = form_fields::grid_label(ui, "Description", &help);
    ui.vertical(|ui| {
        let rows = 3;
        let height = ui.text_style_height(&egui::TextStyle::Body) * rows as f32 + 8.0;
        let edit = egui::ScrollArea::vertical()
            .id_salt("description")
            .min_scrolled_height(height)
            .max_height(height)
            .max_width(420.0)
            .show(ui, |ui| {
                ui.add(
                    TextEdit::multiline(value)
                        .desired_rows(rows)
                        .desired_width(420.0),
                )
                .labelled_by(l.id)
                .on_hover_text(&help)
            })
            .inner;
        if error.is_some() {
            form_fields::outline_bad(ui, &edit);
        }
        form_fields::field_note(ui, Some(error.map_or(Note::Hint(counted), Note::Error)));
    });
    ui.end_row();
}

/// Export the form as a pool plan for the owners, or fill it from one.
fn plan(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    let needs = check.needs(FormAction::ExportPlan);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Pool plan").strong()).on_hover_text(
            "A readable JSON file with every field and each owner's planned pledge: owners review it, and the same plan builds the same certificate everywhere",
        );
        if ui
            .add_enabled(needs.is_empty(), egui::Button::new("Export plan…"))
            .on_hover_text("Saves the plan for the owners to review")
            .on_disabled_hover_text("Export plan needs everything the certificate needs, and each owner's pledge")
            .clicked()
        {
            app.export_plan();
        }
        if ui.button("Import plan…").clicked() {
            app.pick_and_import_plan();
        }
    });
    let build_ready = check.needs(FormAction::Build).is_empty();
    let said = if needs.is_empty() {
        "The plan lists each owner's pledge, for the owners to check the split before anyone signs."
            .to_owned()
    } else if build_ready {
        let missing: Vec<&str> = needs.iter().map(String::as_str).collect();
        format!(
            "Export plan needs each owner's pledge: fill in {}.",
            missing.join(", ")
        )
    } else {
        format!("To export the plan, fix: {}.", needs.join(", "))
    };
    form_fields::field_note(
        ui,
        Some(if needs.is_empty() || !fb.insists(FormAction::ExportPlan) {
            Note::Hint(&said)
        } else {
            Note::Error(&said)
        }),
    );
    let Some(differences) = app.form_vs_plan() else {
        return;
    };
    let file = app
        .drafts
        .imported_plan
        .as_ref()
        .map(|p| p.file.clone())
        .unwrap_or_default();
    if differences.is_empty() {
        widgets::status(
            ui,
            Level::Ok,
            &format!("The form builds exactly the certificate of {file}."),
        );
    } else {
        widgets::status(
            ui,
            Level::Warn,
            &format!("The form does not build the certificate of {file} yet:"),
        );
        for d in differences {
            ui.label(format!("• {}", escape(&d)));
        }
    }
}

fn build(app: &mut ConsoleApp, ui: &mut egui::Ui, check: &FormCheck, fb: &FormFeedback) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        plan(app, ui, check, fb);
        ui.separator();
        ui.checkbox(
            &mut app.drafts.build_owner_certs,
            "Also write each owner's stake registration and delegation certificates",
        );
        if app.drafts.build_owner_certs {
            let amount = form_fields::amount_width(ui);
            egui::Grid::new("deposit").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                let value = &mut app.registration.deposit_ada;
                let note = checked(value, check.deposit.as_deref(), true);
                form_fields::row(
                    ui,
                    &Field {
                        label: "Stake key deposit (ADA)",
                        help: "The key deposit of the current protocol parameters (2 ADA on mainnet).",
                        hint: "2",
                        width: amount,
                    },
                    value,
                    note,
                );
            });
        }
        let blockers = check.needs(FormAction::Build);
        let ready = check.params.is_some();
        let button = ui.add_enabled(
            ready,
            egui::Button::new(RichText::new("Build certificate").strong()),
        );
        if ready {
            if button.on_hover_text("Saves pool.cert (Ctrl+S)").clicked() {
                app.build_registration();
            }
        } else {
            let said = format!("To build, fix: {}.", blockers.join(", "));
            ui.label(RichText::new(said).color(if fb.insists(FormAction::Build) {
                theme::error_text(ui)
            } else {
                theme::weak(ui)
            }));
        }
    });
}
