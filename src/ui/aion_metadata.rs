//! The Aion Metadata tab: the form with its limits and counters, the logo preview, the JSON
//! as it will be saved, its content hash, and Save.

use eframe::egui::{self, RichText, TextEdit};

use super::form_fields::{self, Field, Note};
use super::theme;
use super::widgets;
use crate::app::aion_metadata::{DESCRIPTION_MAX, NAME_MAX, TAGS_MAX, TAG_MAX};
use crate::app::aion_profile::names;
use crate::app::ConsoleApp;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Aion pool metadata",
        "The JSON the pool's URL serves; registerPool carries its BLAKE2b-256 hash. The key names are our best guess: Aion never published them.",
    );
    if widgets::needs_workspace(app, ui) {
        return;
    }
    let errors = app.aion.metadata.errors();
    let count = |n: &str, max: usize| format!("{} of {max} characters", n.chars().count());
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let form = &mut app.aion.metadata;
        egui::Grid::new("aion-metadata")
            .num_columns(2)
            .spacing([12.0, 2.0])
            .show(ui, |ui| {
                let name_count = count(&form.name, NAME_MAX);
                let note = errors
                    .name
                    .as_deref()
                    .map(Note::Error)
                    .unwrap_or(Note::Hint(&name_count));
                form_fields::row(
                    ui,
                    &Field {
                        label: "Name",
                        help: "The pool's name, at most 64 characters",
                        hint: "My Aion pool",
                        width: 360.0,
                    },
                    &mut form.name,
                    Some(note),
                );
                let label = form_fields::grid_label(ui, "Description", "At most 256 characters");
                ui.vertical(|ui| {
                    let r = ui
                        .add(
                            TextEdit::multiline(&mut form.description)
                                .desired_rows(3)
                                .desired_width(360.0),
                        )
                        .labelled_by(label.id);
                    if errors.description.is_some() {
                        form_fields::outline_bad(ui, &r);
                    }
                    let c = count(&form.description, DESCRIPTION_MAX);
                    form_fields::field_note(
                        ui,
                        Some(
                            errors
                                .description
                                .as_deref()
                                .map(Note::Error)
                                .unwrap_or(Note::Hint(&c)),
                        ),
                    );
                });
                ui.end_row();
                let tag_hint = format!(
                    "{} of {TAGS_MAX} tags, each at most {TAG_MAX} characters",
                    form.tag_list().len()
                );
                let note = errors
                    .tags
                    .as_deref()
                    .map(Note::Error)
                    .unwrap_or(Note::Hint(&tag_hint));
                form_fields::row(
                    ui,
                    &Field {
                        label: "Tags",
                        help: "Comma-separated, at most 10 tags of 35 characters",
                        hint: "staking, community",
                        width: 360.0,
                    },
                    &mut form.tags,
                    Some(note),
                );
                let note = errors.url.as_deref().map(Note::Error);
                form_fields::row(
                    ui,
                    &Field {
                        label: "Pool URL",
                        help: "The pool's website (https)",
                        hint: "https://example.org",
                        width: 360.0,
                    },
                    &mut form.url,
                    note,
                );
            });
        ui.horizontal(|ui| {
            ui.label("Logo:");
            if ui
                .button("Choose a PNG…")
                .on_hover_text("A 256×256 PNG, put in the JSON as base64")
                .clicked()
            {
                app.aion_pick_logo();
            }
        });
        let form = &app.aion.metadata;
        if let Some(e) = &form.logo_error {
            ui.label(RichText::new(e).color(theme::error_text(ui)));
        }
        if let Some(png) = &form.logo_png {
            logo_preview(ui, png);
        }
    });
    ui.add_space(8.0);
    let (json, hash) = app.aion.metadata.rendered();
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(format!(
                "{} as it will be saved ({} bytes)",
                names::METADATA,
                json.len()
            ))
            .strong(),
        );
        let shown = if json.chars().count() > 600 {
            format!("{}…", json.chars().take(600).collect::<String>())
        } else {
            json.clone()
        };
        ui.add(egui::Label::new(RichText::new(shown).monospace()).wrap());
        ui.horizontal(|ui| {
            ui.label("Content hash (BLAKE2b-256):");
            widgets::copyable(ui, "content hash", &hash, 40);
        });
        let facts = &app.aion_facts;
        if facts.metadata_saved && !facts.metadata_ours {
            ui.label(RichText::new(format!(
                "⚠ {0} in this folder is not metadata Pool Console wrote (other key names, or not metadata at all), so saving never replaces it: rename or move it to save this form. `pool-console aion metadata-check --metadata-file {0}` says what it holds.",
                names::METADATA
            )).color(theme::Level::Warn.color(ui)));
        } else {
            saved_state(ui, facts.metadata_hash.as_deref(), &hash);
        }
        if ui.button("💾 Save the metadata").clicked() {
            app.aion_save_metadata();
        }
    });
}

/// Whether the file in the folder is what the form makes (the bytes to upload).
fn saved_state(ui: &mut egui::Ui, saved: Option<&str>, form: &str) {
    match saved {
        None => ui.label(format!(
            "Not saved yet: {} is not in this folder.",
            names::METADATA
        )),
        Some(h) if h == form => ui.label(
            RichText::new(format!(
                "✔ Saved: {} in this folder is exactly this.",
                names::METADATA
            ))
            .color(theme::OK),
        ),
        Some(h) => ui.label(
            RichText::new(format!(
                "⚠ {} in this folder is different (its hash starts {}): save to replace it.",
                names::METADATA,
                h.get(..16).unwrap_or(h)
            ))
            .color(theme::Level::Warn.color(ui)),
        ),
    };
}

/// The logo as it will look, from the PNG's own pixels (cached by content).
fn logo_preview(ui: &mut egui::Ui, png: &[u8]) {
    let key = egui::Id::unique("aion-logo").with(crate::core::encoding::hash::blake2b_256(png));
    let texture = ui
        .data(|d| d.get_temp::<egui::TextureHandle>(key))
        .or_else(|| {
            let img = eframe::icon_data::from_png_bytes(png).ok()?;
            let image = egui::ColorImage::from_rgba_unmultiplied(
                [img.width as usize, img.height as usize],
                &img.rgba,
            );
            let t = ui
                .ctx()
                .load_texture("aion-logo", image, egui::TextureOptions::LINEAR);
            ui.data_mut(|d| d.insert_temp(key, t.clone()));
            Some(t)
        });
    if let Some(t) = texture {
        // Named, so a screen reader (and a test) finds it.
        let image = egui::Image::new(&t)
            .fit_to_exact_size(egui::vec2(96.0, 96.0))
            .alt_text("Logo preview");
        ui.add(image)
            .on_hover_text("The logo as wallets will show it");
    }
}
