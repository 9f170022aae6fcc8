//! The Inspect tab: any file, in plain language.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::ConsoleApp;
use crate::core::message::quote::{escape, escape_controls_keeping_lines, escape_path};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(ui, "Inspect", "Open or drop any key, counter, opcert, certificate or metadata file to read it in plain words.");
    ui.horizontal(|ui| {
        if ui.button("Open a file…").clicked() {
            app.pick_and_inspect();
        }
        let l = ui.label("or its path");
        let resp = ui
            .add(
                TextEdit::singleline(&mut app.drafts.inspect_path)
                    .hint_text("/path/to/file")
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Inspect").clicked() || enter) && !app.drafts.inspect_path.trim().is_empty() {
            let p = std::path::PathBuf::from(app.drafts.inspect_path.trim());
            app.inspect_path(&p);
        }
    });
    ui.add_space(8.0);
    if app.drafts.inspected.is_empty() {
        ui.label(
            RichText::new("Nothing inspected yet. Tip: drop a file anywhere on the window.")
                .color(theme::weak(ui)),
        );
    }
    for (name, result) in &app.drafts.inspected {
        theme::card(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(escape_path(name)).monospace().small());
            match result {
                Err(e) => widgets::status(ui, Level::Alert, &escape_controls_keeping_lines(e)),
                Ok(d) => {
                    // Field values come from the file (metadata names, DNS names): escaped.
                    ui.label(RichText::new(escape(&d.title)).strong());
                    egui::Grid::new(format!("inspect-{name}"))
                        .num_columns(2)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for (k, v) in &d.fields {
                                ui.label(escape(k));
                                ui.label(RichText::new(escape(v)).monospace());
                                ui.end_row();
                            }
                        });
                    for w in &d.warnings {
                        widgets::status(ui, Level::Warn, &escape(w));
                    }
                }
            }
        });
        ui.add_space(6.0);
    }
}
