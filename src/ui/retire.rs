//! The Retire tab: a pool retirement certificate.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::ConsoleApp;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    widgets::section(
        ui,
        "Retire the pool",
        "A certificate that stops the pool at the start of an epoch and returns its deposit.",
    );
    if app
        .workspace
        .as_ref()
        .and_then(|w| w.cold_vkey.as_ref())
        .is_none()
    {
        widgets::status(
            ui,
            Level::Neutral,
            "Retiring needs the pool's cold verification key: open the pool's folder.",
        );
        return;
    }
    let current = app
        .clock
        .as_ref()
        .and_then(|c| c.point_at(app.platform.clock.now()).ok())
        .map(|p| p.epoch);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let field = ui.horizontal(|ui| {
            let l = ui.label("Retirement epoch");
            ui.add(
                TextEdit::singleline(&mut app.drafts.retire_epoch)
                    .hint_text("e.g. current + 2")
                    .desired_width(120.0),
            )
            .labelled_by(l.id)
        });
        if let Some(e) = current {
            ui.label(
                RichText::new(format!(
                    "The current epoch is {e}: the earliest retirement is epoch {}.",
                    e + 1
                ))
                .color(theme::weak(ui)),
            );
        }
        ui.add_space(6.0);
        // Enter as the button: the confirmation that follows takes a click.
        let entered = widgets::entered(ui, &field.inner);
        if ui.button("Write retirement certificate").clicked() || entered {
            app.request_retirement();
        }
    });
}
