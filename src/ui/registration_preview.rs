//! The Registration tab's live preview: the pool as a wallet will show it, and the metadata
//! file's size and hash. Everything wraps, so nothing is cut in a narrow window.

use eframe::egui::{self, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::registration::FormCheck;
use crate::app::ConsoleApp;
use crate::core::certificate::amount::format_ada;
use crate::core::certificate::metadata;
use crate::core::message::quote::escape;

pub fn preview(app: &ConsoleApp, ui: &mut egui::Ui, check: &FormCheck) {
    ui.label(RichText::new("Preview").strong().size(16.0));
    theme::card(ui).show(ui, |ui| {
        ui.set_min_width(300.0);
        // Typed, or filled from an imported plan or metadata file: control characters escaped.
        let m = app.registration.metadata.to_metadata();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(if m.ticker.is_empty() {
                    "TICKR".to_owned()
                } else {
                    escape(&m.ticker)
                })
                .strong()
                .size(20.0)
                .color(theme::ACCENT),
            );
            ui.label(
                RichText::new(if m.name.is_empty() {
                    "Pool name".to_owned()
                } else {
                    escape(&m.name)
                })
                .strong(),
            );
        });
        if !m.description.is_empty() {
            ui.label(escape(&m.description));
        }
        if !m.homepage.is_empty() {
            ui.label(RichText::new(escape(&m.homepage)).color(theme::ACCENT));
        }
        ui.separator();
        egui::Grid::new("card").num_columns(2).show(ui, |ui| {
            ui.label("Margin");
            ui.label(
                check
                    .margin_value
                    .as_ref()
                    .map_or_else(|| "—".to_owned(), |m| m.percent_string(4)),
            );
            ui.end_row();
            ui.label("Fixed cost");
            ui.label(
                check
                    .cost_lovelace
                    .map_or_else(|| "—".to_owned(), format_ada),
            );
            ui.end_row();
            ui.label("Pledge");
            ui.label(
                check
                    .pledge_lovelace
                    .map_or_else(|| "—".to_owned(), format_ada),
            );
            ui.end_row();
        });
    });
    ui.add_space(6.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_min_width(300.0);
        let json = check
            .metadata_json
            .clone()
            .unwrap_or_else(|| metadata::render(&app.registration.metadata.to_metadata()));
        let used = app.metadata_bytes().map_or(json.len(), <[u8]>::len);
        let fraction = used as f32 / metadata::MAX_BYTES as f32;
        let (level, word) = match metadata::room(used) {
            metadata::Room::Over => (Level::Alert, "over the limit"),
            metadata::Room::NearlyFull => (Level::Warn, "nearly full"),
            metadata::Room::Fits => (Level::Ok, "fits"),
        };
        ui.label("Metadata size");
        // The figures beside the bar, not inside it: text over a short fill is unreadable.
        ui.label(
            RichText::new(format!(
                "{} {used} of {} bytes: {word}",
                level.icon(),
                metadata::MAX_BYTES
            ))
            .color(level.color(ui)),
        );
        ui.add(
            egui::ProgressBar::new(fraction.min(1.0))
                .fill(level.color(ui))
                .desired_height(8.0),
        );
        if let Some(j) = &check.metadata_json {
            let hash = hex::encode(metadata::hash(app.metadata_bytes().unwrap_or(j.as_bytes())));
            ui.label("Metadata hash (blake2b-256)");
            widgets::copyable(ui, "metadata hash", &hash, 12);
        }
    });
}
