//! Form fields whose messages never move anything: every field has its own message line
//! under it (two lines), reserved even when empty, so an error appearing while someone types cannot push
//! the next field from under the pointer. A bad field is outlined; messages use body text.

use eframe::egui::text::{LayoutJob, TextFormat, TextWrapping};
use eframe::egui::{self, Align, Layout, Sense, Stroke, TextEdit, TextStyle};

use super::theme;

/// A message under a field: what is wrong, what to watch, or what goes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note<'a> {
    Error(&'a str),
    Warn(&'a str),
    Hint(&'a str),
}

impl Note<'_> {
    pub fn is_error(&self) -> bool {
        matches!(self, Self::Error(_))
    }

    fn text_and_color(&self, ui: &egui::Ui) -> (String, egui::Color32) {
        match self {
            Self::Error(t) => ((*t).to_owned(), theme::error_text(ui)),
            Self::Warn(t) => (format!("⚠ {t}"), theme::WARN),
            Self::Hint(t) => ((*t).to_owned(), theme::weak(ui)),
        }
    }
}

/// The error line under a field (reserved, empty when `None`). For any field of any form.
pub fn field_message(ui: &mut egui::Ui, error: Option<&str>) {
    field_note(ui, error.map(Note::Error));
}

/// How many lines of body text each message under a field has, said or not.
pub const NOTE_LINES: usize = 2;

/// The message under a field: always [`NOTE_LINES`] lines of body text high, whatever it says
/// (or nothing); a longer message is cut with "…" and shown whole on hover.
pub fn field_note(ui: &mut egui::Ui, note: Option<Note<'_>>) {
    // Whole pixels: a fraction would let the rows below drift by rounding as messages change.
    let height = (ui.text_style_height(&TextStyle::Body) * NOTE_LINES as f32).ceil();
    let width = ui.available_width().max(120.0);
    // The space is taken first, whatever is drawn in it: nothing said can make it taller.
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    let Some(n) = note else { return };
    let mut inside = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(Layout::left_to_right(Align::Min)),
    );
    inside.set_clip_rect(rect.intersect(ui.clip_rect()));
    let (text, color) = n.text_and_color(&inside);
    let mut job = LayoutJob::single_section(
        text.clone(),
        TextFormat::simple(TextStyle::Body.resolve(inside.style()), color),
    );
    job.wrap = TextWrapping {
        max_width: width,
        max_rows: NOTE_LINES,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = inside.painter().layout_job(job);
    let cut = galley.elided;
    let shown = inside.add(egui::Label::new(galley));
    if cut {
        shown.on_hover_text(text);
    }
}

/// Draws the red outline of a field whose value is wrong.
pub fn outline_bad(ui: &egui::Ui, field: &egui::Response) {
    ui.painter().rect_stroke(
        field.rect.expand(1.0),
        ui.visuals().widgets.inactive.corner_radius,
        Stroke::new(1.5, theme::error_text(ui)),
        egui::StrokeKind::Outside,
    );
}

/// How wide a field must be to show a 12-digit amount with its digit groups
/// ("100 000 000 000"), in the current body font.
pub fn amount_width(ui: &egui::Ui) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    let digits = ui
        .painter()
        .layout_no_wrap("000 000 000 000".to_owned(), font, egui::Color32::WHITE)
        .size()
        .x;
    // The text edit's inner margin on both sides, and room for the cursor.
    digits + 2.0 * 4.0 + 6.0
}

/// What a field in a two-column grid looks like.
pub struct Field<'a> {
    pub label: &'a str,
    /// What the field means, on hover of its label and of the field.
    pub help: &'a str,
    /// What goes there, shown greyed while it is empty.
    pub hint: &'a str,
    pub width: f32,
}

/// A grid row: the label, then the field with its message line under it. An error note
/// outlines the field in red.
pub fn row(
    ui: &mut egui::Ui,
    field: &Field<'_>,
    value: &mut String,
    note: Option<Note<'_>>,
) -> egui::Response {
    let label = grid_label(ui, field.label, field.help);
    let response = ui
        .vertical(|ui| {
            let edit = TextEdit::singleline(value)
                .hint_text(field.hint)
                .desired_width(field.width);
            let r = ui.add(edit).labelled_by(label.id).on_hover_text(field.help);
            if note.is_some_and(|n| n.is_error()) {
                outline_bad(ui, &r);
            }
            field_note(ui, note);
            r
        })
        .inner;
    ui.end_row();
    response
}

/// A label in a grid's first column, level with the field beside it (not centred on the field
/// and its message line together).
pub fn grid_label(ui: &mut egui::Ui, text: &str, help: &str) -> egui::Response {
    ui.vertical(|ui| {
        // Level with the text inside the field beside it.
        let body = ui.text_style_height(&TextStyle::Body);
        ui.add_space(
            ((ui.spacing().interact_size.y - body) / 2.0)
                .max(0.0)
                .round(),
        );
        ui.add(egui::Label::new(text).extend().sense(Sense::hover()))
            .on_hover_text(help)
    })
    .inner
}

/// The note for a field that the form checks: nothing while it is empty (its hint says what
/// goes there) unless the person asked for an action that needs it.
pub fn checked<'a>(value: &str, error: Option<&'a str>, insist: bool) -> Option<Note<'a>> {
    error
        .filter(|_| insist || !value.trim().is_empty())
        .map(Note::Error)
}
