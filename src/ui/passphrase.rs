//! Keys encrypted at rest: the lock beside each encrypted key file and "Protect with a
//! passphrase…" beside each plain one (Keys tab), the protect dialog, and the passphrase prompt
//! in front of an action that needs an encrypted key. Escape cancels both dialogs; Enter in the
//! last field is the dialog's button (nothing is lost by it).

use eframe::egui::{self, RichText, TextEdit};

use super::theme;
use super::widgets;
use crate::app::ConsoleApp;

const LOCK_HELP: &str = "Encrypted with a passphrase (opens with gpg too)";
const PROTECT_NOTE: &str = "Anyone with the file and the passphrase has the key; a forgotten passphrase cannot be recovered — keep a backup.";

/// The Keys tab's card of signing key files: a lock, or the button to protect the key, and a
/// quiet line when plain keys sit on a machine that looks online.
pub fn key_files(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let files = app.signing_key_files();
    if files.is_empty() {
        return;
    }
    let exposed = app.plain_keys_online();
    let mut protect = None;
    ui.add_space(10.0);
    widgets::section(
        ui,
        "Signing keys at rest",
        "Protect a signing key with a passphrase: the file is encrypted in place (SPO Scripts' format, which gpg opens), and the console asks for the passphrase when the key is needed.",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if !exposed.is_empty() {
            ui.label(
                RichText::new(format!(
                    "This machine looks online, and {} not encrypted: protect {} with a passphrase, or keep {} on an offline machine.",
                    list(&exposed),
                    if exposed.len() == 1 { "it" } else { "them" },
                    if exposed.len() == 1 { "it" } else { "them" },
                ))
                .color(theme::weak(ui)),
            );
            ui.add_space(4.0);
        }
        let ws = app.workspace.as_ref();
        egui::Grid::new("key-files").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
            for (path, encrypted) in &files {
                let name = ws.map_or_else(String::new, |w| w.short(path));
                ui.label(RichText::new(&name).monospace());
                if *encrypted {
                    ui.label("🔒 encrypted").on_hover_text(LOCK_HELP);
                } else if ui
                    .button("Protect with a passphrase…")
                    .on_hover_text(format!("Encrypt {name} in place with a passphrase you choose"))
                    .clicked()
                {
                    protect = Some(path.clone());
                }
                ui.end_row();
            }
        });
    });
    if let Some(path) = protect {
        app.offer_protect(path);
    }
}

/// "a", "a is" / "a and b are" for the online warning.
fn list(names: &[String]) -> String {
    match names {
        [one] => format!("{one} is"),
        [init @ .., last] => format!("{} and {last} are", init.join(", ")),
        [] => String::new(),
    }
}

/// A password field with its label, given the focus when `focus`; true when Enter was pressed
/// in it.
fn secret_field(ui: &mut egui::Ui, label: &str, text: &mut String, focus: bool) -> bool {
    let l = ui.label(label);
    let field = ui
        .add(
            TextEdit::singleline(text)
                .password(true)
                .desired_width(280.0),
        )
        .labelled_by(l.id);
    if focus {
        field.request_focus();
    }
    widgets::entered(ui, &field)
}

/// True on the first frame a dialog is open (its first field takes the focus from the button
/// that opened it), false after, until it closes.
fn just_opened(ui: &egui::Ui, name: &str, open: bool) -> bool {
    let id = egui::Id::unique(name).with("shown");
    let shown = ui.data_mut(|d| std::mem::replace(d.get_temp_mut_or_default::<bool>(id), open));
    open && !shown
}

/// Both dialogs, when open.
pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    protect_dialog(app, ui);
    unlock_prompt(app, ui);
}

fn protect_dialog(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let fresh = just_opened(ui, "protect-key", app.protect.is_some());
    let Some(dialog) = app.protect.as_mut() else {
        return;
    };
    let (mut go, mut cancel) = (false, false);
    let title = format!("Protect {} with a passphrase", dialog.key_name());
    let modal = egui::Modal::new(egui::Id::unique("protect-key")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        ui.label(RichText::new(title).heading());
        ui.add_space(6.0);
        ui.label("The file is replaced by its encrypted form. The console, SPO Scripts and gpg open it with the passphrase.");
        ui.add_space(6.0);
        ui.label(RichText::new(PROTECT_NOTE).color(theme::WARN));
        ui.add_space(8.0);
        secret_field(ui, "Passphrase", &mut dialog.first, fresh);
        go |= secret_field(ui, "Passphrase again", &mut dialog.second, false);
        if let Some(e) = &dialog.error {
            ui.label(RichText::new(format!("⛔ {e}")).color(theme::error_text(ui)));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            cancel = ui.button("Cancel").on_hover_text("Close without changing anything (Escape)").clicked();
            go |= ui.add(primary("Protect")).clicked();
        });
    });
    if go {
        app.protect_key();
    } else if cancel || modal.should_close() {
        app.cancel_protect();
    }
}

fn unlock_prompt(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let fresh = just_opened(ui, "unlock-key", app.unlock.is_some());
    let Some(prompt) = app.unlock.as_mut() else {
        return;
    };
    let (mut go, mut cancel) = (false, false);
    let title = format!("Passphrase for {}", prompt.key_name());
    let modal = egui::Modal::new(egui::Id::unique("unlock-key")).show(ui.ctx(), |ui| {
        ui.set_max_width(480.0);
        ui.label(RichText::new(title).heading());
        ui.add_space(6.0);
        ui.label(format!(
            "{} is encrypted. Its passphrase opens it for this action only; it is not kept.",
            prompt.key_name()
        ));
        ui.add_space(8.0);
        // Focused again after a wrong passphrase (the field was emptied).
        let again = prompt.error.is_some() && prompt.typed.is_empty();
        go |= secret_field(ui, "Passphrase", &mut prompt.typed, fresh || again);
        if let Some(e) = &prompt.error {
            ui.label(RichText::new(format!("⛔ {e}")).color(theme::error_text(ui)));
        }
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            cancel = ui
                .button("Cancel")
                .on_hover_text("Close without doing anything (Escape)")
                .clicked();
            go |= ui.add(primary("Unlock")).clicked();
        });
    });
    if go {
        app.unlock_and_run();
    } else if cancel || modal.should_close() {
        app.cancel_unlock();
    }
}

fn primary(label: &str) -> egui::Button<'static> {
    egui::Button::new(RichText::new(label).strong().color(egui::Color32::WHITE)).fill(theme::ACCENT)
}
