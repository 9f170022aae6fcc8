//! The KES timeline: dates along the axis (the KES period under the pointer on hover), one bar
//! per pool for its opcert's window, a line at "now", the rotate-by mark and past rotations from
//! the journal. Dates put pools of different networks on one axis.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use eframe::egui::{self, RichText};
use egui_plot::{
    Bar, BarChart, GridInput, GridMark, HoverPosition, MarkerShape, Plot, Points, VLine,
};

use super::kes::level;
use super::theme;
use crate::app::watch::WatchRow;
use crate::core::chain::clock::ChainClock;
use crate::core::kes::watch::{rotate_by, Thresholds};

const DAY_S: f64 = 86_400.0;

/// A time on the axis: days since 1970-01-01 UTC.
fn day_of(t: DateTime<Utc>) -> f64 {
    t.timestamp() as f64 / DAY_S
}

fn time_of(day: f64) -> Option<DateTime<Utc>> {
    if !day.is_finite() || day.abs() > 1e8 {
        return None;
    }
    DateTime::from_timestamp((day * DAY_S).round() as i64, 0)
}

/// Grid lines on the first of each month (of each year when zoomed far out, each day or week
/// when zoomed in).
fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(from), Some(to)) = (time_of(lo), time_of(hi)) else {
        return Vec::new();
    };
    let span = hi - lo;
    if span <= 60.0 {
        let step = if span <= 14.0 { 1.0 } else { 7.0 };
        let mut day = (lo / step).ceil() * step;
        let mut marks = Vec::new();
        while day <= hi && marks.len() < 100 {
            marks.push(GridMark {
                value: day,
                step_size: step,
            });
            day += step;
        }
        return marks;
    }
    let (every, step) = if span > 1500.0 {
        (12, 365.0)
    } else {
        (1, 30.0)
    };
    let mut marks = Vec::new();
    let (mut y, mut m) = (from.year(), from.month0());
    while marks.len() < 200 {
        if m % every == 0 {
            let Some(first) = NaiveDate::from_ymd_opt(y, m + 1, 1) else {
                break;
            };
            let t = first.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
            match t {
                Some(t) if t > to => break,
                Some(t) if t >= from => marks.push(GridMark {
                    value: day_of(t),
                    step_size: step,
                }),
                _ => {}
            }
        }
        (y, m) = if m == 11 { (y + 1, 0) } else { (y, m + 1) };
    }
    marks
}

pub fn show(ui: &mut egui::Ui, rows: &[WatchRow<'_>], now: DateTime<Utc>, t: Thresholds) {
    let mut bars = Vec::new();
    let mut rotate_marks = Vec::new();
    let mut past = Vec::new();
    let mut labels = Vec::new();
    let mut clocks: Vec<(String, ChainClock)> = Vec::new();
    for row in rows {
        let (Ok(w), Ok(clock)) = (&row.window, &row.entry.clock) else {
            continue;
        };
        let y = -(labels.len() as f64);
        labels.push(row.entry.label.clone());
        clocks.push((row.entry.network.label(), clock.clone()));
        let color = row.urgency(t).map_or(theme::ALERT, |u| level(u).color(ui));
        let (start, end) = (day_of(w.start_time), day_of(w.expiry_time));
        bars.push(
            Bar::new(y, end - start)
                .base_offset(start)
                .width(0.6)
                .fill(color.gamma_multiply(0.7))
                .name(format!(
                    "{}: KES periods {}–{}\n{} to {} (UTC)",
                    row.entry.label,
                    w.start_period,
                    w.last_period,
                    w.start_time.format("%Y-%m-%d %H:%M"),
                    w.expiry_time.format("%Y-%m-%d %H:%M"),
                )),
        );
        rotate_marks.push([day_of(rotate_by(w, t)), y]);
        past.extend(row.entry.journal.iter().filter_map(|e| {
            let slot = e.kes_period.checked_mul(clock.slots_per_kes_period)?;
            Some([day_of(clock.slot_start(slot).ok()?), y])
        }));
    }
    if labels.is_empty() {
        ui.label("Nothing to draw yet: no pool on the list has a readable opcert.");
        return;
    }
    let mark = ui.visuals().strong_text_color();
    let height = (60.0 + 28.0 * labels.len() as f32).clamp(140.0, 420.0);
    // On hover: the date and, on a pool's line, the KES period of its network then.
    let hover = move |pos: &HoverPosition<'_>| {
        let p = match pos {
            HoverPosition::NearDataPoint { position, .. }
            | HoverPosition::Elsewhere { position } => position,
        };
        let at = time_of(p.x)?;
        let mut text = at.format("%Y-%m-%d %H:%M UTC").to_string();
        let i = (-p.y).round();
        if i >= 0.0 && (p.y + i).abs() < 0.4 {
            if let Some((network, clock)) = clocks.get(i as usize) {
                if let Ok(point) = clock.point_at(at) {
                    text.push_str(&format!("\nKES period {} ({network})", point.kes_period));
                }
            }
        }
        Some(text)
    };
    let names = labels.clone();
    Plot::new("kes-timeline")
        .height(height)
        .allow_scroll(false)
        .allow_zoom(egui::Vec2b::new(true, false))
        .allow_drag(egui::Vec2b::new(true, false))
        .x_axis_label("Date (UTC)")
        .x_grid_spacer(date_grid)
        .x_axis_formatter(|mark, _| {
            time_of(mark.value).map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string())
        })
        .label_formatter(hover)
        .show_grid(egui::Vec2b::new(true, false))
        .y_axis_formatter(move |mark, _| {
            let i = (-mark.value).round();
            if (mark.value + i).abs() < 1e-6 && i >= 0.0 {
                names.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.add(
                BarChart::new("opcert windows", bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot.vline(
                VLine::new("now", day_of(now))
                    .color(theme::ACCENT)
                    .width(2.0),
            );
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
        ui.label(RichText::new("point at the plot for the KES period").color(theme::weak(ui)));
    });
}
