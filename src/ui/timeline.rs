//! The KES timeline: KES periods along the axis, one bar per pool for its opcert's window,
//! a line at "now", the rotate-by mark and past rotations from the journal.

use chrono::{DateTime, Utc};
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, MarkerShape, Plot, Points, VLine};

use super::kes::level;
use super::theme;
use crate::app::watch::WatchRow;
use crate::core::chain::clock::ChainClock;
use crate::core::kes::watch::{rotate_by, Thresholds};

/// A time as a fractional KES period on `clock`, so marks sit inside their period.
fn period_at(clock: &ChainClock, t: DateTime<Utc>) -> Option<f64> {
    let p = clock.point_at(t).ok()?;
    Some(p.slot as f64 / clock.slots_per_kes_period as f64)
}

pub fn show(ui: &mut egui::Ui, rows: &[WatchRow<'_>], now: DateTime<Utc>, t: Thresholds) {
    let mut bars = Vec::new();
    let mut rotate_marks = Vec::new();
    let mut past = Vec::new();
    let mut now_lines: Vec<(String, f64)> = Vec::new();
    let mut labels = Vec::new();
    for row in rows {
        let (Ok(w), Ok(clock)) = (&row.window, &row.entry.clock) else {
            continue;
        };
        let y = -(labels.len() as f64);
        labels.push(row.entry.label.clone());
        let color = row.urgency(t).map_or(theme::ALERT, |u| level(u).color(ui));
        bars.push(
            Bar::new(y, clock.max_kes_evolutions as f64)
                .base_offset(w.start_period as f64)
                .width(0.6)
                .fill(color.gamma_multiply(0.7))
                .name(format!(
                    "{}: periods {}–{}",
                    row.entry.label, w.start_period, w.last_period
                )),
        );
        if let Some(x) = period_at(clock, rotate_by(w, t)) {
            rotate_marks.push([x, y]);
        }
        past.extend(row.entry.journal.iter().map(|e| [e.kes_period as f64, y]));
        let network = row.entry.network.label();
        if !now_lines.iter().any(|(n, _)| *n == network) {
            if let Some(x) = period_at(clock, now) {
                now_lines.push((network, x));
            }
        }
    }
    if labels.is_empty() {
        ui.label("Nothing to draw yet: no pool on the list has a readable opcert.");
        return;
    }
    let mark = ui.visuals().strong_text_color();
    let height = (60.0 + 28.0 * labels.len() as f32).clamp(140.0, 420.0);
    Plot::new("kes-timeline")
        .height(height)
        .allow_scroll(false)
        .allow_zoom(egui::Vec2b::new(true, false))
        .allow_drag(egui::Vec2b::new(true, false))
        .x_axis_label("KES period")
        .show_grid(egui::Vec2b::new(true, false))
        .y_axis_formatter(move |mark, _| {
            let i = (-mark.value).round();
            if (mark.value + i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.add(BarChart::new("opcert windows", bars).horizontal());
            for (network, x) in now_lines {
                plot.vline(
                    VLine::new(format!("now ({network})"), x)
                        .color(theme::ACCENT)
                        .width(2.0),
                );
            }
            plot.points(
                Points::new("rotate by", rotate_marks)
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .color(mark),
            );
            plot.points(
                Points::new("past rotations", past)
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .color(theme::WARN),
            );
        });
    // The key sits under the plot, where it never hides a bar.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("■ opcert window (colour: status)").color(theme::OK));
        ui.label(RichText::new("| now").color(theme::ACCENT).strong());
        ui.label(RichText::new("♦ rotate by").color(mark));
        ui.label(RichText::new("• past rotation (journal)").color(theme::WARN));
    });
}
