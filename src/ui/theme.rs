//! Colours, spacing and text styles: the only place colours are made.

use eframe::egui::{self, Color32, CornerRadius, Margin, Stroke};

pub const OK: Color32 = Color32::from_rgb(0x2e, 0xa0, 0x43);
pub const WARN: Color32 = Color32::from_rgb(0xd9, 0x8e, 0x04);
pub const ALERT: Color32 = Color32::from_rgb(0xd1, 0x24, 0x2f);
pub const ACCENT: Color32 = Color32::from_rgb(0x3b, 0x82, 0xf6);
/// Destructive actions (replacing cold keys): a red fill with white text, in both themes.
pub const DANGER_FILL: Color32 = Color32::from_rgb(0xb9, 0x1c, 0x1c);
const LIGHT_SELECTION: Color32 = Color32::from_rgb(0xcf, 0xe0, 0xfc);
const LIGHT_SELECTION_TEXT: Color32 = Color32::from_rgb(0x1d, 0x4e, 0xd8);
/// The size of egui's "small" text style (body text is 12.5).
pub const SMALL_TEXT_SIZE: f32 = 11.0;
const LIGHT_INPUT_FILL: Color32 = Color32::from_rgb(0xea, 0xee, 0xf3);

/// A status level, always shown with a word and an icon as well as its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warn,
    Alert,
    Neutral,
}

impl Level {
    pub fn color(self, ui: &egui::Ui) -> Color32 {
        match self {
            Self::Ok => OK,
            Self::Warn => WARN,
            Self::Alert => ALERT,
            Self::Neutral => ui.visuals().weak_text_color(),
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Self::Ok => "✔",
            Self::Warn => "⚠",
            Self::Alert => "⛔",
            Self::Neutral => "•",
        }
    }
}

/// Applies the console's look on top of egui's dark or light visuals.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        style.spacing.interact_size.y = 24.0;
        // egui's small text is 9 px, too small to read on a laptop: what stays small (times,
        // the Watch countdown, arrow buttons) is a step below body text, never a hint or error.
        if let Some(small) = style.text_styles.get_mut(&egui::TextStyle::Small) {
            small.size = SMALL_TEXT_SIZE;
        }
        if dark {
            style.visuals.selection.bg_fill = ACCENT;
            style.visuals.selection.stroke = Stroke::new(1.0, Color32::WHITE);
        } else {
            // On a light page a white focus outline vanishes: a pale selection with dark
            // blue text and outline instead.
            style.visuals.selection.bg_fill = LIGHT_SELECTION;
            style.visuals.selection.stroke = Stroke::new(1.0, LIGHT_SELECTION_TEXT);
        }
        // Inputs stand apart from the cards they sit on: their own fill and an outline
        // (egui's light inputs are white on a near-white card, with no outline).
        let (input_fill, outline) = if dark {
            (Color32::from_gray(14), Color32::from_gray(80))
        } else {
            (LIGHT_INPUT_FILL, Color32::from_gray(150))
        };
        style.visuals.text_edit_bg_color = Some(input_fill);
        style.visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, outline);
        style.visuals.widgets.noninteractive.corner_radius = CornerRadius::same(6);
        style.visuals.widgets.inactive.corner_radius = CornerRadius::same(6);
        style.visuals.widgets.hovered.corner_radius = CornerRadius::same(6);
        style.visuals.widgets.active.corner_radius = CornerRadius::same(6);
    });
}

/// A card: a framed group with room to breathe.
pub fn card(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::group(ui.style())
        .inner_margin(Margin::same(12))
        .corner_radius(CornerRadius::same(8))
        .fill(card_fill(ui.visuals()))
}

/// The fill of a [`card`]; inputs on a card are filled differently.
pub fn card_fill(visuals: &egui::Visuals) -> Color32 {
    visuals.faint_bg_color
}

pub fn error_text(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

pub fn weak(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}
