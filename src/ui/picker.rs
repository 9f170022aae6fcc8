//! The console's own file and folder picker (`app::picker`), drawn as a modal window: the
//! path as a wide field, the places and the folder's entries side by side, the file name for
//! saves, and the buttons. Escape cancels, Enter confirms.

use eframe::egui::{self, Key, RichText, TextEdit};

use super::theme;
use crate::app::picker::{size_words, Outcome, PickKind, Picker};
use crate::app::ConsoleApp;
use crate::core::message::quote::escape_path;
use crate::platform::folders::Entry;

/// Width of the places column.
const PLACES_WIDTH: f32 = 180.0;
/// The "New folder" name field, focused when it opens.
const NEW_FOLDER_FIELD: &str = "picker-new-folder";
/// Height of one entry row.
const ROW_HEIGHT: f32 = 26.0;

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    let Some(open) = app.picking.open.as_mut() else {
        return;
    };
    let p = &mut open.picker;
    let ctx = ui.ctx().clone();
    let screen = ctx.content_rect();
    // Room around the window at the smallest size (960×640); no wider or taller than useful.
    let width = (screen.width() - 160.0).clamp(420.0, 860.0);
    // The list takes what the other rows leave, so the window fits at 960×640 even with
    // every message showing.
    let line = 24.0;
    let others = [
        (p.path_error.is_some(), line),
        (p.new_folder.is_some(), 58.0),
        (p.new_folder.is_some() && p.new_folder_chain.is_some(), 28.0),
        (p.chain_of(&p.dir).is_some(), line),
        (p.new_folder_error.is_some(), line),
        (p.error.is_some(), line),
        (p.why.is_some(), line),
        (matches!(p.kind, PickKind::Save { .. }), 36.0),
    ]
    .iter()
    .filter(|(shown, _)| *shown)
    .map(|(_, h)| h)
    .sum::<f32>();
    let body = (screen.height() - 290.0 - others).clamp(120.0, 420.0);
    // The button that opened the picker keeps no focus under it: Enter is the picker's.
    if std::mem::take(&mut p.fresh) {
        if let Some(id) = ctx.memory(egui::Memory::focused) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
    }
    // Keys are read before the widgets: a field that had focus handles its own Enter.
    let field_had_focus = ctx.memory(|m| m.focused().is_some());
    let (enter, escape) = ctx.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));

    let mut outcome = Outcome::Stay;
    let frame = egui::Frame::popup(ui.style()).inner_margin(egui::Margin::same(16));
    egui::Modal::new(egui::Id::unique("file-picker"))
        .frame(frame)
        .show(&ctx, |ui| {
            ui.set_width(width);
            ui.label(RichText::new(&p.title).heading());
            ui.add_space(6.0);
            path_row(ui, p, &mut outcome);
            ui.add_space(2.0);
            toolbar(ui, p);
            if p.new_folder.is_some() {
                new_folder_row(ui, p);
            }
            ui.add_space(4.0);
            let row = egui::vec2(ui.available_width(), body);
            ui.allocate_ui_with_layout(row, egui::Layout::left_to_right(egui::Align::Min), |ui| {
                places(ui, p, body);
                ui.separator();
                entries(ui, p, body, &mut outcome);
            });
            ui.add_space(6.0);
            if matches!(p.kind, PickKind::Save { .. }) {
                file_name_row(ui, p, &mut outcome);
            }
            footer_rows(ui, p, &mut outcome);
        });

    if escape {
        if p.new_folder.is_some() {
            p.new_folder = None;
            p.new_folder_error = None;
        } else {
            outcome = Outcome::Cancel;
        }
    } else if enter && !field_had_focus && outcome == Outcome::Stay {
        outcome = p.confirm();
    }
    app.picker_outcome(outcome);
}

fn path_row(ui: &mut egui::Ui, p: &mut Picker, outcome: &mut Outcome) {
    ui.horizontal(|ui| {
        let l = ui.label("Folder");
        let go_width = 48.0;
        let field = TextEdit::singleline(&mut p.path_text)
            .font(egui::TextStyle::Monospace)
            .hint_text("/path/to/folder (Enter goes there)")
            .desired_width(ui.available_width() - go_width - ui.spacing().item_spacing.x);
        let r = ui
            .add(field)
            .labelled_by(l.id)
            .on_hover_text("Type or paste a path; Enter goes there");
        if r.changed() {
            p.path_error = None;
        }
        let entered = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if ui.button("Go").clicked() || entered {
            *outcome = p.submit_path();
        }
    });
    if let Some(e) = &p.path_error {
        ui.label(RichText::new(format!("⛔ {e}")).color(theme::error_text(ui)));
    }
}

fn toolbar(ui: &mut egui::Ui, p: &mut Picker) {
    ui.horizontal(|ui| {
        let has_parent = p.dir.parent().is_some();
        if ui
            .add_enabled(has_parent, egui::Button::new("⬆ Parent folder"))
            .on_hover_text("Go to the folder that holds this one")
            .clicked()
        {
            p.up();
        }
        if ui
            .button("🗀 New folder…")
            .on_hover_text("Create a folder inside this one")
            .clicked()
        {
            p.start_new_folder();
            // The field does not exist yet this frame: it takes the focus when first drawn.
            ui.data_mut(|d| d.insert_temp(egui::Id::unique(NEW_FOLDER_FIELD), true));
        }
        if ui.button("⟳ Refresh").clicked() {
            p.refresh();
        }
        ui.checkbox(&mut p.show_hidden, "Show hidden files");
    });
}

fn new_folder_row(ui: &mut egui::Ui, p: &mut Picker) {
    let mut create = false;
    let mut close = false;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let l = ui.label(format!("New folder in {}:", escape_path(&shown_name(p))));
            let Some(name) = p.new_folder.as_mut() else {
                return;
            };
            let r = ui
                .add(
                    TextEdit::singleline(name)
                        .id(egui::Id::unique(NEW_FOLDER_FIELD))
                        .hint_text("folder name")
                        .desired_width(240.0),
                )
                .labelled_by(l.id);
            if ui.data_mut(|d| d.remove_temp::<bool>(egui::Id::unique(NEW_FOLDER_FIELD)))
                == Some(true)
            {
                r.request_focus();
            }
            create |= r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            create |= ui
                .add(egui::Button::new(RichText::new("Create folder").strong()).fill(theme::ACCENT))
                .clicked();
            close |= ui.button("Don't create").clicked();
        });
        if let Some(chain) = p.new_folder_chain.as_mut() {
            super::confirm::chain_choice(ui, chain);
        }
        if let Some(e) = &p.new_folder_error {
            ui.label(RichText::new(format!("⛔ {e}")).color(theme::error_text(ui)));
        }
    });
    if close {
        p.new_folder = None;
        p.new_folder_error = None;
    } else if create {
        p.create_folder();
    }
}

/// The folder shown, by name, for short labels.
fn shown_name(p: &Picker) -> String {
    p.dir.file_name().map_or_else(
        || p.dir.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn places(ui: &mut egui::Ui, p: &mut Picker, height: f32) {
    ui.vertical(|ui| {
        ui.set_width(PLACES_WIDTH);
        ui.label(RichText::new("Recent folders").strong());
        let mut go = None;
        egui::ScrollArea::vertical()
            .id_salt("picker-places")
            .max_height(height - 24.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (label, dir) in &p.places {
                    let here = *dir == p.dir;
                    let r = ui
                        .add(
                            egui::Button::selectable(here, (label.as_str(), egui::Atom::grow()))
                                .truncate()
                                .min_size(egui::vec2(PLACES_WIDTH - 8.0, ROW_HEIGHT)),
                        )
                        .on_hover_text(escape_path(&dir.display().to_string()));
                    if r.clicked() {
                        go = Some(dir.clone());
                    }
                }
                if p.places.len() <= 1 {
                    ui.label(
                        RichText::new("Pool folders you open are listed here.")
                            .color(theme::weak(ui)),
                    );
                }
            });
        if let Some(dir) = go {
            p.go(&dir);
        }
    });
}

fn entries(ui: &mut egui::Ui, p: &mut Picker, height: f32, outcome: &mut Outcome) {
    ui.vertical(|ui| {
        let width = ui.available_width();
        ui.set_width(width);
        let visible: Vec<Entry> = p.visible().into_iter().cloned().collect();
        let mut clicked = None;
        let mut activated = None;
        let frame = egui::Frame::new()
            .fill(ui.visuals().extreme_bg_color)
            .corner_radius(6)
            .inner_margin(egui::Margin::same(4));
        frame.show(ui, |ui| {
            ui.set_width(width - 8.0);
            ui.set_height(height - 8.0);
            if let Err(e) = &p.listing {
                ui.label(RichText::new(format!("⛔ {e}")).color(theme::error_text(ui)));
                ui.label(
                    "Go to another folder with the path field, Parent folder or a recent folder.",
                );
                return;
            }
            if visible.is_empty() {
                ui.label(RichText::new(empty_words(p)).color(theme::weak(ui)));
                return;
            }
            egui::ScrollArea::vertical()
                .id_salt(("picker-entries", &p.dir))
                .auto_shrink([false, false])
                .show_rows(ui, ROW_HEIGHT, visible.len(), |ui, rows| {
                    for e in visible.iter().skip(rows.start).take(rows.len()) {
                        let selected = p.selected.as_ref() == Some(&e.path)
                            || (matches!(p.kind, PickKind::Save { .. })
                                && !e.is_folder
                                && p.file_name == e.name);
                        let icon = if e.is_folder { "🗀" } else { "🗋" };
                        let name = format!("{icon} {}", escape_path(&e.name));
                        // The size on the right for files; folders just fill the row.
                        let button = match e.size {
                            Some(size) => {
                                let size = RichText::new(size_words(size));
                                let size = if selected {
                                    size
                                } else {
                                    size.color(theme::weak(ui))
                                };
                                egui::Button::selectable(selected, name).right_text(size)
                            }
                            None => egui::Button::selectable(selected, (name, egui::Atom::grow())),
                        };
                        let r = ui.add(
                            button
                                .truncate()
                                .min_size(egui::vec2(ui.available_width(), ROW_HEIGHT - 2.0)),
                        );
                        if r.double_clicked() {
                            activated = Some(e.clone());
                        } else if r.clicked() {
                            clicked = Some(e.clone());
                        }
                    }
                });
        });
        if let Some(e) = activated {
            *outcome = p.activate(&e);
        } else if let Some(e) = clicked {
            p.click(&e);
        }
    });
}

fn empty_words(p: &Picker) -> &'static str {
    match p.kind {
        PickKind::Folder => "No folders here. Choose this folder, or make one with New folder.",
        _ => "This folder is empty.",
    }
}

fn file_name_row(ui: &mut egui::Ui, p: &mut Picker, outcome: &mut Outcome) {
    ui.horizontal(|ui| {
        let l = ui.label("File name");
        let r = ui
            .add(
                TextEdit::singleline(&mut p.file_name)
                    .font(egui::TextStyle::Monospace)
                    .desired_width(ui.available_width().min(460.0)),
            )
            .labelled_by(l.id);
        if r.changed() {
            p.file_name_edited();
        }
        if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            *outcome = p.confirm();
        }
    });
}

fn footer_rows(ui: &mut egui::Ui, p: &mut Picker, outcome: &mut Outcome) {
    // The chain chosen with "New folder" is kept until the folder is opened: said here.
    if let Some(chain) = p.chain_of(&p.dir) {
        ui.label(format!(
            "ℹ This new folder is for a pool on {}: “{}” opens it with the {} tabs.",
            chain.label(),
            p.confirm_label(),
            chain.label()
        ));
    }
    if let Some(why) = &p.why {
        ui.label(
            RichText::new(format!("ℹ This is Pool Console's own file picker: {why}."))
                .color(theme::weak(ui)),
        );
    }
    if let Some(e) = &p.error {
        ui.label(RichText::new(format!("⚠ {e}")).color(theme::error_text(ui)));
    }
    ui.add_space(4.0);
    let chosen = match (&p.kind, &p.selected) {
        (PickKind::File, Some(sel)) => sel.file_name().map(|n| n.to_string_lossy().into_owned()),
        _ => None,
    };
    egui::Sides::new().show(
        ui,
        |ui| {
            if let Some(name) = chosen {
                ui.label(RichText::new(format!("Chosen: {}", escape_path(&name))).monospace());
            }
        },
        |ui| {
            let primary = egui::Button::new(RichText::new(p.confirm_label()).strong())
                .fill(theme::ACCENT)
                .min_size(egui::vec2(96.0, 28.0));
            if ui.add(primary).clicked() {
                *outcome = p.confirm();
            }
            if ui
                .add(egui::Button::new("Cancel").min_size(egui::vec2(80.0, 28.0)))
                .clicked()
            {
                *outcome = Outcome::Cancel;
            }
        },
    );
}
