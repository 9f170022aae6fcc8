//! The Review tab's metadata card: the pool as wallets will show it (from the loaded metadata
//! file), and whether that file is the one the certificate names, in words.

use eframe::egui::{self, Label, RichText};

use super::theme::{self, Level};
use super::widgets;
use crate::app::review::LoadedMetadata;
use crate::core::message::quote::escape;
use crate::core::review::metadata_match::MetadataMatch;

pub fn card(ui: &mut egui::Ui, loaded: Option<&LoadedMetadata>, check: Option<MetadataMatch>) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("As wallets will show it").strong())
            .on_hover_text("Wallets fetch the metadata URL and show the pool's name, ticker and description, only when the file's hash is the one in the certificate");
        let Some(m) = loaded else {
            ui.label(
                RichText::new("Load the metadata file (poolMetaData.json) to see the pool's name, ticker and description, and to check that its hash is the certificate's.")
                    .color(theme::weak(ui)),
            );
            return;
        };
        preview(ui, m);
        match check {
            Some(c) => {
                let level = if c.is_match() { Level::Ok } else { Level::Alert };
                widgets::status(ui, level, &c.words());
            }
            None => {
                ui.label(
                    RichText::new("Load the certificate to compare this file's hash with it.")
                        .color(theme::weak(ui)),
                );
            }
        }
    });
}

/// Ticker, name, description and homepage; from a file, so control characters are escaped.
fn preview(ui: &mut egui::Ui, m: &LoadedMetadata) {
    let meta = &m.metadata;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width().min(520.0));
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(escape(&meta.ticker))
                    .strong()
                    .size(20.0)
                    .color(theme::ACCENT),
            );
            ui.add(Label::new(RichText::new(escape(&meta.name)).strong()).wrap());
        });
        if !meta.description.is_empty() {
            ui.add(Label::new(escape(&meta.description)).wrap());
        }
        if !meta.homepage.is_empty() {
            ui.add(Label::new(RichText::new(escape(&meta.homepage)).color(theme::ACCENT)).wrap());
        }
    });
    ui.label(
        RichText::new(format!(
            "From {} · hash {}",
            escape(&m.source),
            hex::encode(m.hash)
        ))
        .color(theme::weak(ui)),
    );
}
