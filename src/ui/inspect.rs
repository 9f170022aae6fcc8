//! The Inspect tab: any file, in plain language.

use eframe::egui::{self, Align, Label, Layout, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::ConsoleApp;
use crate::core::message::quote::{escape, escape_controls_keeping_lines, escape_path};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(ui, "Inspect", "Open or drop any key, counter, opcert, certificate, metadata, vote or transaction file to read it in plain words.");
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
        let enter = widgets::entered(ui, &resp);
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
            ui.add(Label::new(RichText::new(escape_path(name)).monospace().small()).wrap());
            match result {
                Err(e) => widgets::status(ui, Level::Alert, &escape_controls_keeping_lines(e)),
                Ok(d) => {
                    // Field values come from the file (metadata names, DNS names): escaped.
                    ui.label(RichText::new(escape(&d.title)).strong());
                    for (k, v) in &d.fields {
                        field_row(ui, &escape(k), &escape(v));
                    }
                    for w in &d.warnings {
                        widgets::status(ui, Level::Warn, &escape(w));
                    }
                }
            }
        });
        ui.add_space(6.0);
    }
}

/// Width of the names column: the longest names ("Verification key (bech32)") fit.
const NAME_WIDTH: f32 = 190.0;

/// One `name  value` line; a long value (hashes, bech32 keys, URLs) wraps within the card
/// instead of running past the window's edge.
fn field_row(ui: &mut egui::Ui, name: &str, value: &str) {
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(NAME_WIDTH, 0.0),
            Layout::top_down(Align::Min),
            |ui| {
                ui.set_width(NAME_WIDTH);
                ui.add(Label::new(name).wrap());
            },
        );
        ui.add(Label::new(RichText::new(value).monospace()).wrap());
    });
}
