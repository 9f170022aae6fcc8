//! Small widgets used across tabs: labelled fields with their error underneath, ids with copy
//! buttons, status words.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use crate::app::tab_command::TabCommand;

/// A labelled single-line field in a two-column grid; its error (if any) sits right under it.
pub fn field(
    ui: &mut egui::Ui,
    label: &str,
    help: &str,
    value: &mut String,
    hint: &str,
    error: Option<&str>,
) -> egui::Response {
    // An empty field has nothing wrong with it yet: its hint says what goes there, and the
    // build button lists what is still missing.
    let error = error.filter(|_| !value.trim().is_empty());
    let l = ui.label(label).on_hover_text(help);
    let resp = ui
        .vertical(|ui| {
            let mut edit = TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(320.0);
            if error.is_some() {
                edit = edit.text_color(theme::error_text(ui));
            }
            let r = ui.add(edit).labelled_by(l.id).on_hover_text(help);
            if let Some(e) = error {
                ui.label(RichText::new(e).color(theme::error_text(ui)));
            }
            r
        })
        .inner;
    ui.end_row();
    resp
}

/// Enter pressed in this single-line field: the form's primary button, as a click would be.
/// Only for buttons that do nothing irreversible without asking first (a confirmation
/// follows, which Enter does not answer).
pub fn entered(ui: &egui::Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// The empty state of tabs that work on a pool folder: says so, and offers to open one.
/// Returns true when there is no folder (the caller shows nothing else).
pub fn needs_workspace(app: &mut crate::app::ConsoleApp, ui: &mut egui::Ui) -> bool {
    if app.workspace.is_some() {
        return false;
    }
    status(ui, Level::Neutral, "No pool folder is open yet.");
    if ui.button("📁 Open or create a pool folder…").clicked() {
        app.choose_workspace();
    }
    true
}

/// Shortens a long id for display: `pool1qz…7c8m`.
pub fn elide(s: &str, keep: usize) -> String {
    let n = s.chars().count();
    if n <= keep * 2 + 1 {
        return s.to_owned();
    }
    let head: String = s.chars().take(keep).collect();
    let tail: String = s.chars().skip(n - keep).collect();
    format!("{head}…{tail}")
}

/// A monospace value with a copy button; the whole value on hover.
pub fn copyable(ui: &mut egui::Ui, label: &str, value: &str, keep: usize) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(elide(value, keep)).monospace())
            .on_hover_text(value);
        if ui
            .small_button("📋 Copy")
            .on_hover_text(format!("Copy the {label}"))
            .clicked()
        {
            ui.ctx().copy_text(value.to_owned());
        }
    });
}

/// A status shown by icon, word and colour together.
pub fn status(ui: &mut egui::Ui, level: Level, text: &str) {
    status_with(ui, level, level.icon(), text);
}

/// A status with its own icon (the KES statuses: alert and expired differ in icon and word).
pub fn status_with(ui: &mut egui::Ui, level: Level, icon: &str, text: &str) {
    ui.label(
        RichText::new(format!("{icon} {text}"))
            .color(level.color(ui))
            .strong(),
    );
}

/// A date as the console shows it: local time to the minute, e.g. `2027-01-21 21:44 +00:00`.
pub fn local_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// A section heading with a one-line explanation.
pub fn section(ui: &mut egui::Ui, title: &str, explanation: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).heading());
    if !explanation.is_empty() {
        ui.label(RichText::new(explanation).color(theme::weak(ui)));
    }
    ui.add_space(4.0);
}

/// The cardano-cli equivalent of the tab's action: monospace at body size, wrapped to the
/// window, with a button that copies it whole.
/// `title` names the tool: "cardano-cli equivalent", or "Command line equivalent" for the
/// Aion tabs' `pool-console aion` commands.
pub fn cli_equivalent_titled(ui: &mut egui::Ui, title: &str, command: &TabCommand) {
    if *command == TabCommand::Nothing {
        return;
    }
    ui.add_space(10.0);
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(title).strong())
                .on_hover_text("The same action on the command line, run from the pool folder");
            if let TabCommand::Command(cmd) = command {
                if ui
                    .button("📋 Copy command")
                    .on_hover_text("Copy the whole command")
                    .clicked()
                {
                    ui.ctx().copy_text(cmd.clone());
                }
            }
        });
        match command {
            TabCommand::Command(cmd) => command_text(ui, cmd),
            TabCommand::Hint(hint) => {
                ui.label(RichText::new(*hint).color(theme::weak(ui)));
            }
            TabCommand::Nothing => {}
        }
    });
}

/// Commands as people read and copy them: monospace at body size, wrapped to the width, each
/// command (with its `\` continuation lines) a label of its own so wrapped lines stay apart.
pub fn command_text(ui: &mut egui::Ui, cmd: &str) {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let mut blocks: Vec<String> = Vec::new();
    let mut continuing = false;
    for line in cmd.lines() {
        match blocks.last_mut() {
            Some(block) if continuing => {
                block.push('\n');
                block.push_str(line);
            }
            _ => blocks.push(line.to_owned()),
        }
        continuing = line.ends_with('\\');
    }
    for block in blocks {
        ui.add(egui::Label::new(RichText::new(block).monospace().size(size)).wrap());
    }
}

/// A monospace value that may be long (hashes, addresses): elided in the middle past
/// `max_chars`, whole on hover, so grids keep to the window's width.
pub fn long_value(
    ui: &mut egui::Ui,
    full: &str,
    color: Option<egui::Color32>,
    max_chars: usize,
) -> egui::Response {
    let fits = full.chars().count() <= max_chars;
    let shown = if fits {
        full.to_owned()
    } else {
        elide(full, max_chars.saturating_sub(1) / 2)
    };
    let text = RichText::new(shown).monospace();
    let text = match color {
        Some(c) => text.color(c),
        None => text,
    };
    let r = ui.label(text);
    if fits {
        r
    } else {
        r.on_hover_text(full)
    }
}
