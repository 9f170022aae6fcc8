//! The clock guard: this machine's time and the slot and KES period it gives, checked against a
//! slot from the online side (an offline machine's clock drifts; a wrong period is a dead opcert).

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::ConsoleApp;
use crate::core::chain::clock::format_utc;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let now = app.platform.clock.now();
    let point = app.clock.as_ref().and_then(|c| c.point_at(now).ok());
    // To the minute: the check below compares seconds, on demand, so an idle tab need not
    // redraw every second to keep this line right.
    ui.horizontal_wrapped(|ui| {
        ui.label("Machine clock:");
        let shown =
            ui.label(RichText::new(now.format("%Y-%m-%d %H:%M UTC").to_string()).monospace());
        if let Some(p) = point {
            shown.on_hover_text(format!(
                "{} (slot {} when this was drawn)",
                format_utc(now),
                p.slot
            ));
            ui.label(format!("gives KES period {}", p.kes_period));
        }
    });
    ui.horizontal(|ui| {
        let l = ui.label("Reference slot");
        let field = ui.add(
            TextEdit::singleline(&mut app.drafts.rotation.reference_text)
                .hint_text("a slot, or paste `cardano-cli query tip`")
                .desired_width(320.0),
        )
        .labelled_by(l.id)
        .on_hover_text("Run `cardano-cli query tip` on the online machine and paste its output (or just the slot)");
        if ui.button("Check the clock").clicked() || widgets::entered(ui, &field) {
            app.check_clock();
        }
    });
    match &app.drafts.rotation.guard {
        None => {}
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(theme::error_text(ui)));
        }
        Some(Ok(r)) if r.is_ok() => widgets::status(
            ui,
            Level::Ok,
            &format!(
                "Clock agrees: {} s from the reference, same KES period ({})",
                r.offset_seconds, r.reference_period
            ),
        ),
        Some(Ok(r)) => {
            for w in &r.warnings {
                widgets::status(ui, Level::Alert, w);
            }
        }
    }
}
