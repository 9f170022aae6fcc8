//! The confirmation dialog in front of anything that writes over files or cannot be undone.
//! Escape (or a click beside it) cancels; Enter confirms only what is harmless.

use eframe::egui::{self, Key, Modifiers, RichText};

use super::theme;
use crate::app::aion_profile::Profile;
use crate::app::ConsoleApp;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let Some(c) = app.confirm.clone() else {
        return;
    };
    let destructive = c.action.is_destructive();
    let mut answer: Option<bool> = None;
    let modal = egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        let title = if destructive {
            RichText::new(format!("⚠ {}", c.title)).color(theme::ALERT)
        } else {
            RichText::new(&c.title)
        };
        ui.label(title.heading());
        ui.add_space(6.0);
        ui.label(&c.message);
        if matches!(c.action, crate::app::Pending::CreateWorkspace(_)) {
            ui.add_space(6.0);
            chain_choice(ui, &mut app.new_folder_profile);
        }
        if destructive {
            ui.add_space(6.0);
            ui.label(
                RichText::new("⛔ This cannot be undone: the old key files are overwritten.")
                    .color(theme::ALERT)
                    .strong(),
            );
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button("Cancel")
                .on_hover_text("Close without changing anything (Escape)")
                .clicked()
            {
                answer = Some(false);
            }
            if ui.add(primary(&c.confirm_label, destructive)).clicked() {
                answer = Some(true);
            }
        });
    });
    // Escape and a click beside the dialog cancel (egui's modal reports both).
    if answer.is_none() && modal.should_close() {
        answer = Some(false);
    }
    // Enter confirms only harmless actions; see `Pending::enter_confirms` for why the others
    // (replacing keys above all) wait for a click.
    if answer.is_none()
        && c.action.enter_confirms()
        && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
    {
        answer = Some(true);
    }
    match answer {
        Some(true) => app.confirmed(),
        Some(false) => {
            app.confirm = None;
            app.say("Cancelled: nothing was changed.");
        }
        None => {}
    }
}

/// A new pool folder is for one chain: the choice decides its tabs (kept in the folder).
/// Asked the same way by the "Create" question and the picker's "New folder".
pub(super) fn chain_choice(ui: &mut egui::Ui, chain: &mut Profile) {
    ui.horizontal(|ui| {
        ui.label("The pool is on:");
        for p in [Profile::Cardano, Profile::Aion] {
            ui.radio_value(chain, p, p.label());
        }
    });
}

/// The confirming button: red with a warning sign when something is lost, blue otherwise;
/// white text on both.
pub(super) fn primary(label: &str, destructive: bool) -> egui::Button<'static> {
    let (text, fill) = if destructive {
        (format!("⚠ {label}"), theme::DANGER_FILL)
    } else {
        (label.to_owned(), theme::ACCENT)
    };
    egui::Button::new(RichText::new(text).strong().color(egui::Color32::WHITE)).fill(fill)
}
