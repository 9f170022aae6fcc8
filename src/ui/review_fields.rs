//! The Review tab's field table: every value whole, wrapped inside its column (a relay's port
//! or a URL's host cut away is exactly what owners must see), at any window width.

use eframe::egui::{self, Align, Color32, Label, Layout, RichText};

use super::theme;
use crate::core::message::quote::escape;
use crate::core::review::{Change, Review};

const SPACING: f32 = 16.0;
const CHANGE_WIDTH: f32 = 90.0;

fn change_text(change: Change) -> (&'static str, Option<Color32>) {
    match change {
        Change::Changed => ("♦ changed", Some(theme::WARN)),
        Change::Added => ("➕ added", Some(theme::OK)),
        Change::Removed => ("✖ removed", Some(theme::ALERT)),
        Change::Unchanged => ("unchanged", None),
        Change::NoPrevious => ("", None),
    }
}

/// One cell exactly `width` wide whose text wraps (anywhere, when a value has no space).
fn cell(ui: &mut egui::Ui, width: f32, text: RichText) {
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        ui.add(Label::new(text).wrap());
    });
}

/// One table row: cells side by side, aligned at their top, the row as high as its tallest
/// cell (a grid centres its cells and sizes rows from the last frame, so a value that wraps
/// to more lines would spill into the next row). Every other row is shaded.
fn table_row(ui: &mut egui::Ui, shaded: bool, add_cells: impl FnOnce(&mut egui::Ui)) {
    let background = ui.painter().add(egui::Shape::Noop);
    let row = ui
        .horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = SPACING;
            add_cells(ui);
        })
        .response
        .rect;
    if shaded {
        // The shade a striped grid uses, over the card.
        let fill = ui.visuals().faint_bg_color;
        let rect = row.expand2(egui::vec2(4.0, 2.0));
        ui.painter()
            .set(background, egui::Shape::rect_filled(rect, 2.0, fill));
    }
}

/// Column widths for the card's inner width: the label column, then each value column.
fn widths(total: f32, values: usize, has_change: bool) -> (f32, f32) {
    let label = (total * 0.22).clamp(110.0, 200.0);
    let change = if has_change {
        CHANGE_WIDTH + SPACING
    } else {
        0.0
    };
    let gaps = SPACING * values as f32;
    let value = ((total - label - change - gaps) / values as f32).max(80.0);
    (label, value)
}

pub fn fields(ui: &mut egui::Ui, review: &Review) {
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let title = if review.has_previous {
            let n = review.changes().len();
            format!("Fields: {n} changed since the previous registration")
        } else {
            "Fields".to_owned()
        };
        ui.label(RichText::new(title).strong());
        let values = if review.has_previous { 2 } else { 1 };
        let (label_w, value_w) = widths(ui.available_width(), values, review.has_previous);
        ui.spacing_mut().item_spacing.y = 4.0;
        if review.has_previous {
            table_row(ui, false, |ui| {
                cell(ui, label_w, RichText::new("Field").strong());
                cell(ui, value_w, RichText::new("Previous").strong());
                cell(ui, value_w, RichText::new("This certificate").strong());
                cell(ui, CHANGE_WIDTH, RichText::new("Change").strong());
            });
        }
        for (i, r) in review.rows.iter().enumerate() {
            let (word, colour) = change_text(r.change);
            table_row(ui, i % 2 == 1, |ui| {
                // Names, DNS names and URLs come from files: control characters escaped.
                let label = RichText::new(escape(&r.label));
                cell(
                    ui,
                    label_w,
                    if colour.is_some() {
                        label.strong()
                    } else {
                        label
                    },
                );
                let value = |ui: &mut egui::Ui, v: &Option<String>| {
                    let text = RichText::new(escape(v.as_deref().unwrap_or("—"))).monospace();
                    cell(ui, value_w, colour.map_or(text.clone(), |c| text.color(c)));
                };
                if review.has_previous {
                    value(ui, &r.previous);
                }
                value(ui, &r.current);
                if review.has_previous {
                    let w = RichText::new(word);
                    cell(
                        ui,
                        CHANGE_WIDTH,
                        match colour {
                            Some(c) => w.color(c).strong(),
                            None => w.color(theme::weak(ui)),
                        },
                    );
                }
            });
        }
    });
}
