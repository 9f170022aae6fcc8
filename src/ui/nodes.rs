//! The live node view: each block producer's own KES figures from its metrics endpoint.

use eframe::egui::{self, RichText, TextEdit};

use super::theme::{self, Level};
use super::widgets;
use crate::app::network::NetworkChoice;
use crate::app::nodes::{NodeState, NodeStatus};
use crate::app::settings::MetricsEndpoint;
use crate::app::ConsoleApp;
use crate::core::chain::clock::format_utc;
use crate::core::kes::watch::{days_and_hours, periods_left_words, Thresholds, Urgency};

pub fn show(app: &mut ConsoleApp, ui: &mut egui::Ui) {
    app.nodes.sync(&app.settings.metrics_endpoints);
    app.nodes.tick(app.platform.clock.now());
    widgets::section(
        ui,
        "Nodes",
        "What each block producer reports about its own KES key (Prometheus metrics, e.g. http://127.0.0.1:12798/metrics). Polled every 30 s in the background.",
    );
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let l = ui.label("Metrics URL");
            let edit = ui
                .add(
                    TextEdit::singleline(&mut app.drafts.new_metrics_url)
                        .hint_text("http://127.0.0.1:12798/metrics")
                        .desired_width(320.0),
                )
                .labelled_by(l.id);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("➕ Add node").clicked() || enter {
                add_endpoint(app);
            }
            if !app.nodes.nodes.is_empty() && ui.button("⟳ Poll now").clicked() {
                app.nodes.ask_all();
            }
        });
        if app.nodes.nodes.is_empty() {
            ui.label(RichText::new("No node yet.").color(theme::weak(ui)));
            return;
        }
        ui.add_space(4.0);
        let mut remove = None;
        egui::Grid::new("nodes")
            .num_columns(3)
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                let t = app.settings.thresholds();
                for n in &app.nodes.nodes {
                    ui.label(RichText::new(&n.endpoint.url).monospace());
                    node_state(ui, n, t);
                    if ui
                        .small_button("✖")
                        .on_hover_text(format!("Stop polling {}", n.endpoint.url))
                        .clicked()
                    {
                        remove = Some(n.endpoint.clone());
                    }
                    ui.end_row();
                }
            });
        if let Some(e) = remove {
            app.settings.metrics_endpoints.retain(|x| *x != e);
        }
    });
}

fn add_endpoint(app: &mut ConsoleApp) {
    let url = app.drafts.new_metrics_url.trim().to_owned();
    if !url.starts_with("http://") {
        return app.fail(format!(
            "\"{url}\" is not a metrics URL: give http://HOST:PORT/metrics (the node's hasPrometheus address; 12798 by default)."
        ));
    }
    let endpoint = MetricsEndpoint {
        url,
        network: match app.workspace {
            Some(_) => app.network_choice(),
            None => NetworkChoice::Mainnet,
        },
    };
    if !app.settings.metrics_endpoints.contains(&endpoint) {
        app.settings.metrics_endpoints.push(endpoint);
    }
    app.drafts.new_metrics_url.clear();
}

fn node_state(ui: &mut egui::Ui, n: &NodeStatus, t: Thresholds) {
    match &n.state {
        NodeState::Asking => {
            ui.label(RichText::new("⏳ asking…").color(theme::weak(ui)));
        }
        NodeState::Failed { message, at } => {
            ui.vertical(|ui| {
                widgets::status(ui, Level::Alert, "Not answering");
                ui.label(RichText::new(format!("{message} (at {})", format_utc(*at))));
            });
        }
        NodeState::Answered { kes, at } => {
            ui.vertical(|ui| {
                // Judged by the same thresholds as the pool list (the core says how long is left).
                let clock = n.endpoint.network.clock().ok();
                let left_ms = kes.time_left_ms(clock.as_ref(), *at);
                let expiry = kes.expiry_time(clock.as_ref());
                let level = left_ms.map_or(Level::Neutral, |ms| {
                    super::kes::level(Urgency::by_time_left(ms, t))
                });
                let show = |v: Option<u64>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
                // The node counts its remaining periods as the console does (this one included).
                widgets::status(
                    ui,
                    level,
                    &kes.remaining_periods
                        .map_or_else(|| "– KES periods left".to_owned(), periods_left_words),
                );
                ui.label(format!(
                    "node's KES period {} · opcert start {} · expiry period {}",
                    show(kes.current_period),
                    show(kes.opcert_start),
                    show(kes.opcert_expiry)
                ));
                if let Some(t) = expiry {
                    let (d, h) = days_and_hours((t - *at).num_milliseconds());
                    ui.label(format!(
                        "expires {} ({d}d {h}h after the last answer, {})",
                        format_utc(t),
                        n.endpoint.network.label()
                    ));
                }
                ui.label(
                    RichText::new(format!("answered at {}", format_utc(*at)))
                        .small()
                        .color(theme::weak(ui)),
                );
            });
        }
    }
}
